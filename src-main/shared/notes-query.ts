// Owns the shapes in which the renderer asks main for notes without ever holding all of them:
// the counts (per document, per colour, the tags in use), one page of the notes panel under a
// filter and a sort order, and the zod schema a page request passes in main (the renderer
// imports only the types, never zod).
import type { Bilingual } from './result';
import { z } from 'zod';
import type { Annotation, HighlightColour } from './annotation';
import { NotesFilterSchema } from './export-schema';

export type NotesSort = 'document' | 'newest' | 'oldest';
export const NOTES_SORTS = ['document', 'newest', 'oldest'] as const satisfies readonly NotesSort[];

/** The most notes one page may hold (the panel asks for far fewer). */
export const MAX_NOTES_PAGE = 500;

export interface NotesSummary {
  readonly total: number;
  /** Notes per document id (only documents that have notes). */
  readonly byDocument: Readonly<Record<string, number>>;
  /** Notes per colour; 'none' counts notes without a highlight colour. */
  readonly byColour: Readonly<Record<HighlightColour | 'none', number>>;
  /** Every tag in use, sorted the Swedish way. */
  readonly tags: readonly string[];
  /** Set when the store had to be recovered at start; shown to the user once. */
  readonly problem: Bilingual | null;
}

export interface NotesPage {
  /** How many notes pass the filter (all pages together). */
  readonly total: number;
  readonly offset: number;
  readonly annotations: readonly Annotation[];
}

export const NotesPageRequestSchema = z.strictObject({
  filter: NotesFilterSchema,
  sort: z.enum(NOTES_SORTS, { error: 'Okänd sorteringsordning.' }),
  offset: z.number().int().min(0, { error: 'Sidans början kan inte vara negativ.' }),
  limit: z
    .number()
    .int()
    .min(0)
    .max(MAX_NOTES_PAGE, { error: `Högst ${MAX_NOTES_PAGE} anteckningar per sida.` }),
});

export type NotesPageRequest = z.output<typeof NotesPageRequestSchema>;
