// Owns what main tells the library before the whole document list has arrived: the first
// screen of rows in the default order (newest first), the collection's size and the facet
// counts over every document. Shared by main (which computes it) and the renderer (which
// paints it at once and lets its own catalogue take over when the full list follows).
import type { DocumentSummary } from './documents/model';

/** The most rows one first-screen request may ask for. */
export const MAX_FIRST_SCREEN = 200;

export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

export interface LibraryFirstScreen {
  /** The first documents of the unfiltered list in date order (newest first, undated last). */
  readonly documents: readonly DocumentSummary[];
  /** How many documents the whole list holds. */
  readonly total: number;
  /** Each facet's values over the whole list: types and publishers by count, years newest first. */
  readonly facets: Readonly<Record<'type' | 'year' | 'publisher', readonly FacetCount[]>>;
  /** The user's own (imported) documents in the list. */
  readonly mineCount: number;
}

/** "2026-03-09" → 20260309, "2026-03" → 20260300, "2026" → 20260000; -1 when undated.
 *  Character codes, not a regular expression: this runs for every document before a first paint. */
export function dateNumber(published: string | null): number {
  if (!published || published.length < 4) return -1;
  const digits = (from: number, n: number): number => {
    let v = 0;
    for (let i = from; i < from + n; i++) {
      const c = published.charCodeAt(i) - 48;
      if (!(c >= 0 && c <= 9)) return -1;
      v = v * 10 + c;
    }
    return v;
  };
  const year = digits(0, 4);
  if (year < 0) return -1;
  const month = published[4] === '-' ? digits(5, 2) : -1;
  const day = month >= 0 && published[7] === '-' ? digits(8, 2) : -1;
  return year * 10_000 + Math.max(0, month) * 100 + Math.max(0, day);
}

/** Indexes of `published` values newest first, undated last, list order among equal dates. */
export function dateOrder(published: readonly (string | null)[]): Int32Array {
  // One numeric key per document (date and position packed), sorted without a comparator.
  const keys = new Float64Array(published.length);
  for (let i = 0; i < published.length; i++) {
    keys[i] = (99_999_999 - dateNumber(published[i] ?? null)) * 1_000_000 + i;
  }
  keys.sort();
  const order = new Int32Array(published.length);
  for (let i = 0; i < keys.length; i++) order[i] = keys[i]! % 1_000_000;
  return order;
}

/**
 * The date the list shows and sorts a document by: its own, else (the user's own documents)
 * the day it was added. The year facet does not use the added day (see `yearOf`): it answers
 * "documents from that year", which a day the user added a file says nothing about.
 */
export function listDate(doc: { readonly published: string | null; readonly added?: string }): string | null {
  return doc.published ?? (doc.added && doc.added.length >= 10 ? doc.added.slice(0, 10) : null);
}

/** The year a facet shows for a date ("2026-03-09" → "2026"), or null. */
export function yearOf(published: string | null): string | null {
  return published && /^\d{4}/.test(published) ? published.slice(0, 4) : null;
}

/** A facet's values in the order the menus show them. */
export function sortFacet(counts: ReadonlyMap<string, number>, byValue: boolean): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) =>
      byValue ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value, 'sv'),
    );
}
