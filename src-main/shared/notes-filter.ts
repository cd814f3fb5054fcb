// Owns the notes filter: the one definition of "which annotations" that the notes panel
// applies on screen and the export applies to its scope, so both always agree.
import type { Annotation, HighlightColour } from './annotation';

export interface NotesFilter {
  /** Only this document's annotations. */
  readonly documentId?: string | null;
  /** Only annotations carrying this tag (compared without regard to case). */
  readonly tag?: string | null;
  /** Only this colour; 'none' selects notes without a highlight colour. */
  readonly colour?: HighlightColour | 'none' | null;
  /** Words that must all occur in the quote, the note or the tags (case-insensitive). */
  readonly text?: string | null;
}

/** How text is compared by the filter (main's SQL functions use the same). */
export const foldText = (s: string): string => s.normalize('NFC').toLocaleLowerCase('sv');
const fold = foldText;

/** The words of a text filter, folded: each must occur in the quote, the note or a tag. */
export function filterWords(text: string | null | undefined): string[] {
  return fold(text ?? '')
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** True when the annotation passes every criterion the filter sets. */
export function matchesFilter(annotation: Annotation, filter: NotesFilter): boolean {
  if (filter.documentId && annotation.documentId !== filter.documentId) return false;
  if (filter.colour) {
    const colour = annotation.colour ?? 'none';
    if (colour !== filter.colour) return false;
  }
  if (filter.tag) {
    const wanted = fold(filter.tag.trim());
    if (!annotation.tags.some((t) => fold(t) === wanted)) return false;
  }
  const words = filterWords(filter.text);
  if (words.length > 0) {
    const haystack = fold([annotation.quote.exact, annotation.note, ...annotation.tags].join('\n'));
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}

/** True when the filter sets no criterion at all. */
export function isEmptyFilter(filter: NotesFilter): boolean {
  return !filter.documentId && !filter.tag && !filter.colour && !(filter.text ?? '').trim();
}
