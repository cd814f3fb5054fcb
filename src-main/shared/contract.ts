// Owns the one typed IPC contract: for each capability its channel, the schema its payload
// must pass in main, and the type of the value it resolves to. Both hosts (Electron's
// preload and the browser host's bridge) expose exactly these capabilities.
import { z } from 'zod';
import { CHANNELS, type CapabilityName } from './channels';
import { DOCUMENT_ID_PATTERN, type DocumentSummary, type LibraryDocument } from './model';
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

const NoInput = z.undefined({ error: 'Den här funktionen tar inga argument.' });

export const DocumentIdSchema = z
  .string({ error: 'Dokument-id måste vara text.' })
  .regex(DOCUMENT_ID_PATTERN, {
    error: 'Ogiltigt dokument-id: bara små bokstäver, siffror, _ och - (högst 64 tecken).',
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
});

export const contract = {
  listDocuments: call<DocumentSummary[]>()(NoInput),
  getDocument: call<LibraryDocument>()(z.strictObject({ id: DocumentIdSchema })),
  getSettings: call<Settings>()(NoInput),
  updateSettings: call<Settings>()(SettingsPatchSchema),
  openExternal: call<{ readonly opened: boolean }>()(z.strictObject({ url: ExternalUrlSchema })),
  search: call<SearchResponse>()(SearchInputSchema),
  findInDocument: call<DocumentMatchesResponse>()(
    z.strictObject({ documentId: DocumentIdSchema, query: QuerySchema }),
  ),
} as const satisfies Record<CapabilityName, Call<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type InputOf<K extends CapabilityName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends CapabilityName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends CapabilityName> = NonNullable<Contract[K]['output']>;

/** The API object the renderer sees as `window.lasaren`. */
export type LasarenApi = {
  readonly [K in CapabilityName]: undefined extends InputOf<K>
    ? (input?: InputOf<K>) => Promise<Result<OutputOf<K>>>
    : (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
};

export { CHANNELS };
