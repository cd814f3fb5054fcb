// Owns the one typed IPC contract: for each capability its channel, the schema its payload
// must pass in main, and the type of the value it resolves to. Both hosts (Electron's
// preload and the browser host's bridge) expose exactly these capabilities.
import { z } from 'zod';
import type { Annotation } from './annotation';
import {
  AnnotationBodySchema,
  AnnotationIdSchema,
  AnnotationSchema,
  NewAnnotationSchema,
} from './annotation-schema';
import { CHANNELS, type CapabilityName } from './channels';
import type { ExportOutcome, ImportApplied, ImportPreviewOutcome } from './export';
import { ExportRequestSchema, ImportPreviewRequestSchema } from './export-schema';
import {
  DOCUMENT_ID_PATTERN,
  type CollectionInfo,
  type DocumentSummary,
  type ReaderDocument,
} from './documents/model';
import {
  ImportDocumentSchema,
  MetaPatchSchema,
  type ImportFileOutcome,
  type ImportProgress,
} from './documents/imports';
import { MAX_FIRST_SCREEN, type LibraryFirstScreen } from './library';
import { NotesPageRequestSchema, type NotesPage, type NotesSummary } from './notes-query';
import type { Result } from './result';
import {
  MAX_QUERY_LENGTH,
  MAX_SEARCH_LIMIT,
  type DocumentMatchesResponse,
  type SearchResponse,
} from './search';
import { SettingsPatchSchema, type Settings } from './settings';

interface Call<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom field: carries the output type only. */
  readonly output?: O;
}

function call<O>() {
  return <I extends z.ZodType>(input: I): Call<I, O> => ({ input });
}

export interface ExportInfo {
  readonly nativeImportDialog: boolean;
  readonly canReveal: boolean;
}

const NoInput = z.undefined({ error: 'Den här funktionen tar inga argument.' });

export const DocumentIdSchema = z
  .string({ error: 'Dokument-id måste vara text.' })
  .regex(DOCUMENT_ID_PATTERN, {
    error: 'Ogiltigt dokument-id: bara små bokstäver, siffror, _ och - (högst 128 tecken).',
  });

export const ExternalUrlSchema = z.string().min(1).max(4096);

const QuerySchema = z
  .string({ error: 'Sökfrågan måste vara text.' })
  .max(MAX_QUERY_LENGTH, { error: `Sökfrågan är för lång (högst ${MAX_QUERY_LENGTH} tecken).` });

export const SearchInputSchema = z.strictObject({
  query: QuerySchema,
  limit: z
    .number()
    .int({ error: 'Antalet träffar måste vara ett heltal.' })
    .min(1, { error: 'Antalet träffar måste vara minst 1.' })
    .max(MAX_SEARCH_LIMIT, { error: `Högst ${MAX_SEARCH_LIMIT} träffar åt gången.` })
    .optional(),
  /** Search the query as typed, without correcting its spelling ("Sök i stället efter …"). */
  verbatim: z.boolean({ error: 'verbatim måste vara sant eller falskt.' }).optional(),
});

export const contract = {
  listDocuments: call<DocumentSummary[]>()(NoInput),
  /** Changes when the user's own documents change (here or in another process, e.g. the CLI). */
  getLibraryRevision: call<{ readonly revision: number }>()(NoInput),
  /** The library's first screen of rows, its size and facet counts, before the whole list. */
  getLibraryFirstScreen: call<LibraryFirstScreen>()(
    z.strictObject({
      limit: z
        .number()
        .int({ error: 'Antalet rader måste vara ett heltal.' })
        .min(1, { error: 'Antalet rader måste vara minst 1.' })
        .max(MAX_FIRST_SCREEN, { error: `Högst ${MAX_FIRST_SCREEN} rader åt gången.` }),
    }),
  ),
  getDocument: call<ReaderDocument>()(z.strictObject({ id: DocumentIdSchema })),
  /** The open collection: its name, size and every problem found while loading it. */
  getCollectionInfo: call<CollectionInfo>()(NoInput),
  getSettings: call<Settings>()(NoInput),
  updateSettings: call<Settings>()(SettingsPatchSchema),
  openExternal: call<{ readonly opened: boolean }>()(z.strictObject({ url: ExternalUrlSchema })),
  /** Counts per document and colour, the tags in use, and the store's start-up message. */
  getNotesSummary: call<NotesSummary>()(NoInput),
  /** One document's annotations (the reader), in text order. */
  listDocumentAnnotations: call<readonly Annotation[]>()(z.strictObject({ documentId: DocumentIdSchema })),
  /** One page of the notes panel, filtered and sorted in main (never every note at once). */
  listNotesPage: call<NotesPage>()(NotesPageRequestSchema),
  getAnnotation: call<Annotation>()(z.strictObject({ id: AnnotationIdSchema })),
  createAnnotation: call<Annotation>()(NewAnnotationSchema),
  updateAnnotation: call<Annotation>()(
    z.strictObject({ id: AnnotationIdSchema, patch: AnnotationBodySchema.partial() }),
  ),
  deleteAnnotation: call<Annotation>()(z.strictObject({ id: AnnotationIdSchema })),
  /**
   * Accepts that an annotated passage changed in a new version of its document: its quote,
   * position and paragraph move to the current wording where it anchors now.
   */
  acceptAnnotationChange: call<Annotation>()(z.strictObject({ id: AnnotationIdSchema })),
  /** Puts these exact annotations back (undo of a delete or an edit). */
  restoreAnnotations: call<null>()(
    z.strictObject({ annotations: z.array(AnnotationSchema).min(1).max(10_000) }),
  ),
  /** Changes when another process (the CLI, a second window) saved notes: then list again. */
  getAnnotationsRevision: call<{ readonly revision: number }>()(NoInput),
  /** What this host can do: a native open dialog for imports, a file manager for exports. */
  getExportInfo: call<ExportInfo>()(NoInput),
  /** Renders the scope in the format and saves it where the user chooses. */
  exportNotes: call<ExportOutcome>()(ExportRequestSchema),
  /** Shows a file this session exported in the system's file manager. */
  revealExport: call<null>()(z.strictObject({ path: z.string().min(1).max(4096) })),
  /** Reads a W3C JSON file and counts what a merge would do; changes nothing. */
  previewImport: call<ImportPreviewOutcome>()(ImportPreviewRequestSchema),
  /** Merges the previewed file in one durable write. */
  applyImport: call<ImportApplied>()(z.strictObject({ token: z.uuid() })),
  /** Adds one of the user's own files (bytes as base64) to "Mina dokument"; parsed off the main thread. */
  importDocument: call<ImportFileOutcome>()(ImportDocumentSchema),
  /** Files being imported right now and how far each has come (polled while importing). */
  getImportProgress: call<readonly ImportProgress[]>()(NoInput),
  /** Changes the title, author, date … of an imported document. */
  updateDocumentMeta: call<DocumentSummary>()(
    z.strictObject({ id: DocumentIdSchema, patch: MetaPatchSchema }),
  ),
  /** Removes an imported document; its notes stay (as orphans) unless deleteNotes is true. */
  removeDocument: call<{ readonly document: DocumentSummary; readonly notesDeleted: number }>()(
    z.strictObject({ id: DocumentIdSchema, deleteNotes: z.boolean() }),
  ),
  search: call<SearchResponse>()(SearchInputSchema),
  findInDocument: call<DocumentMatchesResponse>()(
    z.strictObject({ documentId: DocumentIdSchema, query: QuerySchema }),
  ),
} as const satisfies Record<CapabilityName, Call<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type InputOf<K extends CapabilityName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends CapabilityName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends CapabilityName> = Exclude<Contract[K]['output'], undefined>;

/** The API object the renderer sees as `window.lasaren`. */
export type LasarenApi = {
  readonly [K in CapabilityName]: undefined extends InputOf<K>
    ? (input?: InputOf<K>) => Promise<Result<OutputOf<K>>>
    : (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
};

export { CHANNELS };
