// Owns the zod schemas of the export and import payloads (scope, filter, format, file
// content). Kept apart from export.ts so the renderer imports the vocabulary without zod.
import { z } from 'zod';
import { HIGHLIGHT_COLOURS } from './annotation';
import { EXPORT_FORMATS, MAX_IMPORT_BYTES } from './export';
import { DOCUMENT_ID_PATTERN } from './documents/model';

const DocumentId = z.string().regex(DOCUMENT_ID_PATTERN, { error: 'Ogiltigt dokument-id.' });

export const NotesFilterSchema = z.strictObject({
  documentId: DocumentId.nullish(),
  tag: z.string().max(100).nullish(),
  colour: z.enum([...HIGHLIGHT_COLOURS, 'none']).nullish(),
  text: z.string().max(1000).nullish(),
});

export const ExportScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('document'), documentId: DocumentId }),
  z.strictObject({ kind: z.literal('filter'), filter: NotesFilterSchema }),
]);

export const ExportFormatSchema = z.enum(EXPORT_FORMATS, {
  error: `Okänt format; välj ett av ${EXPORT_FORMATS.join(', ')}.`,
});

export const ExportRequestSchema = z.strictObject({ format: ExportFormatSchema, scope: ExportScopeSchema });

export const ImportPreviewRequestSchema = z.discriminatedUnion('source', [
  /** Electron: main shows the native open dialog and reads the file itself. */
  z.strictObject({ source: z.literal('dialog') }),
  /** Browser host: the page read the chosen file; its text comes along, size-limited. */
  z.strictObject({
    source: z.literal('content'),
    fileName: z.string().min(1).max(255),
    content: z.string().max(MAX_IMPORT_BYTES, {
      error: `Filen är för stor; Läsaren importerar filer på högst ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    }),
  }),
]);
