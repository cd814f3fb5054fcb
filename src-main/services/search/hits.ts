// Owns making a search hit of a candidate entry: its match ranges (from the entry's term codes
// when the query has a term filter, else by reading its text), whether every query unit
// matched, and its final score (the tier of its weakest word first, then match quality, BM25,
// and a bonus for a document's title).
import type { SearchHit } from '../../shared/search';
import { foldedText } from './analyzer';
import type { ParagraphRecord } from './engine';
import {
  TIER_WEIGHT,
  allUnitsMatched,
  kindsOf,
  matchMarked,
  matchText,
  mayMatch,
  scoreMatches,
  tierOf,
  type TextMatch,
} from './match';
import type { ParsedQuery } from './query';
import type { TermFilter } from './filter';

/** Weights of the final score: BM25 beside the match quality (exact 5 … near-miss 1 per unit). */
const BM25_WEIGHT = 0.6;
const DOCUMENT_BONUS = 4;

export interface ScoredHit {
  readonly hit: SearchHit;
  readonly rank: number;
}

/** One per engine: it caches folded headings. */
export class HitMaker {
  readonly #foldedHeadings = new Map<string, string | null>();

  /**
   * The folded text of a paragraph and its heading (null: lowercasing changes the length).
   * Headings are cached (many paragraphs share one); paragraph texts are not: folding one
   * hit's text costs microseconds, and a cache grew the heap by up to the corpus's size.
   */
  #foldedFor(record: ParagraphRecord, body: string): { text: string | null; heading: string | null } {
    const text = foldedText(body);
    let heading: string | null = null;
    if (record.heading) {
      heading = this.#foldedHeadings.get(record.heading) ?? null;
      if (!this.#foldedHeadings.has(record.heading)) {
        heading = foldedText(record.heading);
        this.#foldedHeadings.set(record.heading, heading);
      }
    }
    return { text, heading };
  }

  /**
   * Match ranges from the entry's stored term codes (null when they do not fit its text):
   * only the words whose terms match are analysed. The candidate passed the filter, which is
   * exact, so no quick substring test comes first.
   */
  #matchCoded(
    id: number,
    record: ParagraphRecord,
    body: string,
    query: ParsedQuery,
    filter: TermFilter,
  ): { text: TextMatch; heading: TextMatch | null } | null {
    const text = matchMarked(body, query, filter.tokenMarks(id, false));
    if (!text) return null;
    // A heading none of whose words the query's may match has no ranges (most hits' heading).
    if (!record.heading || !filter.headingMayMatch(id)) return { text, heading: null };
    const heading = matchMarked(record.heading, query, filter.tokenMarks(id, true));
    return heading ? { text, heading } : null;
  }

  /** Match ranges by reading the text (no term codes, or they do not fit), after a quick substring test. */
  #matchRead(
    record: ParagraphRecord,
    body: string,
    query: ParsedQuery,
  ): { text: TextMatch; heading: TextMatch | null } | null {
    const folded = this.#foldedFor(record, body);
    if (folded.text !== null && (!record.heading || folded.heading !== null)) {
      const texts = folded.heading === null ? [folded.text] : [folded.text, folded.heading];
      if (!mayMatch(query, ...texts)) return null;
    }
    return {
      text: matchText(body, query, folded.text),
      heading: record.heading ? matchText(record.heading, query) : null,
    };
  }

  hitFor(
    id: number,
    record: ParagraphRecord,
    query: ParsedQuery,
    rank: number,
    bm25: number,
    filter: TermFilter | null,
  ): ScoredHit | null {
    // Read once: a collection's text comes from its records file.
    const body = record.text;
    const matched =
      (filter && this.#matchCoded(id, record, body, query, filter)) || this.#matchRead(record, body, query);
    if (!matched) return null;
    const { text, heading } = matched;
    if (!(heading ? allUnitsMatched(text, heading) : allUnitsMatched(text))) return null;
    // A title counts as much as a heading for a whole word, little for a part of one.
    const titleBonus =
      record.kind === 'document' ? DOCUMENT_BONUS * (Math.min(...text.unitQuality) >= 3 ? 1 : 0.2) : 0;
    const tier = heading ? tierOf(text, heading) : tierOf(text);
    const score = TIER_WEIGHT * tier + scoreMatches(text, heading) + BM25_WEIGHT * bm25 + titleBonus;
    return {
      rank,
      hit: {
        kind: record.kind ?? 'paragraph',
        documentId: record.documentId,
        title: record.title,
        paragraph: record.paragraph,
        heading: record.heading,
        text: body,
        matches: text.ranges,
        score: Math.round(score * 1000) / 1000,
        why: heading ? kindsOf(text.ranges, heading.ranges) : kindsOf(text.ranges),
      },
    };
  }
}
