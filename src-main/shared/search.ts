// Owns the shape of search results shared by main, the renderer and the CLI: ranked hits
// with match ranges as character offsets into the hit's own text. Plain data, no zod.

/**
 * Why a place matched a query word: the word as typed ('exact'), another inflection of it
 * or the same word with other å/ä/ö ('inflection'), a part of a compound or a word being
 * typed ('compound'), or a misspelling of it in the text ('near-miss').
 */
export type MatchKind = 'exact' | 'inflection' | 'compound' | 'near-miss';

/** A match in a text: UTF-16 offsets, end exclusive. */
export interface MatchRange {
  readonly start: number;
  readonly end: number;
  /** Why it matched (absent in document matches of the find bar). */
  readonly kind?: MatchKind;
}

/**
 * 'paragraph': a paragraph of a document; 'document': the document's title or designation
 * (SOU 2026:9); 'note': the user's own note or tags.
 */
export type HitKind = 'paragraph' | 'document' | 'note';

export interface SearchHit {
  readonly kind: HitKind;
  readonly documentId: string;
  readonly title: string;
  /** 1-based paragraph number (for a note: the paragraph it is attached to). */
  readonly paragraph: number;
  /** The heading the paragraph stands under, or null. */
  readonly heading: string | null;
  /** The paragraph text exactly as shipped, or the note text. */
  readonly text: string;
  /** Matches in `text`, sorted, not overlapping. */
  readonly matches: readonly MatchRange[];
  /** Higher is better; only comparable within one response. */
  readonly score: number;
  /** Why the hit matched, best kind first (the kinds of its ranges, heading included). */
  readonly why: readonly MatchKind[];
  /** Notes only: the annotation's id, tags (with the indexes of the tags that matched) and quote. */
  readonly annotationId?: string;
  readonly tags?: readonly string[];
  readonly tagMatches?: readonly number[];
  readonly quote?: string;
}

export interface SearchResponse {
  readonly query: string;
  /** Best first. */
  readonly hits: readonly SearchHit[];
  /** True when more hits exist than were returned. */
  readonly more: boolean;
  /** When nothing matched: corrected queries that do match ("Menade du …?"). */
  readonly suggestions: readonly string[];
  /**
   * Set when the query as typed found nothing or far fewer than a close spelling did: the
   * hits are then those of `query` here ("Visar träffar för …"); searching again with
   * `verbatim` gives the hits of the query as typed ("Sök i stället efter …").
   */
  readonly correction?: SearchCorrection;
}

export interface SearchCorrection {
  /** The corrected query whose hits are shown. */
  readonly query: string;
  /** The query as typed. */
  readonly original: string;
  /** Each replaced word and its replacement, lowercased. */
  readonly words: ReadonlyArray<readonly [string, string]>;
}

export interface SearchGroup {
  readonly documentId: string;
  readonly title: string;
  readonly hits: readonly SearchHit[];
}

/** A match inside an open document: the paragraph and offsets into that paragraph's text. */
export interface DocumentMatch {
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

export interface DocumentMatchesResponse {
  readonly documentId: string;
  readonly query: string;
  /** In reading order. */
  readonly matches: readonly DocumentMatch[];
}

export const MAX_QUERY_LENGTH = 500;
export const MAX_SEARCH_LIMIT = 200;

/** Groups ranked hits by document, documents ordered by their best hit. */
export function groupByDocument(hits: readonly SearchHit[]): SearchGroup[] {
  const groups = new Map<string, { documentId: string; title: string; hits: SearchHit[] }>();
  for (const hit of hits) {
    let group = groups.get(hit.documentId);
    if (!group) {
      group = { documentId: hit.documentId, title: hit.title, hits: [] };
      groups.set(hit.documentId, group);
    }
    group.hits.push(hit);
  }
  return [...groups.values()];
}
