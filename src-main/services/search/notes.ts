// Owns searching the user's notes and tags: a small flexsearch index over annotations,
// replaced whole by setNotes, whose hits join the paragraph hits in one ranked list as
// kind 'note'.
import type { Annotation } from '../../shared/annotation';
import type { SearchHit } from '../../shared/search';
import type { ScoredHit } from './engine';
import { TermIndex } from './flex';
import {
  TIER_WEIGHT,
  allUnitsMatched,
  kindsOf,
  matchText,
  scoreMatches,
  tierOf,
  type TextMatch,
} from './match';
import type { ParsedQuery } from './query';

/**
 * A note's own words rank above a paragraph matching equally well: the user wrote them. (The
 * paragraphs' score adds BM25 over the collection, which notes, a handful, do not have.)
 */
const NOTE_BONUS = 3;
const FIELDS = ['note', 'tags'] as const;

export class NotesIndex {
  #index = new TermIndex(FIELDS);
  #notes: Annotation[] = [];
  /** Set by setNotes; the index is rebuilt on the next search, not on every save. */
  #pending: readonly Annotation[] | null = null;
  readonly #titleOf: (documentId: string) => string;

  constructor(titleOf: (documentId: string) => string) {
    this.#titleOf = titleOf;
  }

  get size(): number {
    this.#build();
    return this.#notes.length;
  }

  /**
   * Replaces every indexed note; annotations without note text or tags are skipped. Cheap:
   * the store calls it after every save, and rebuilding 10,000 notes takes ~0.3 s of main's
   * event loop, so that work waits for the next search.
   */
  setNotes(annotations: readonly Annotation[]): void {
    this.#pending = annotations;
  }

  #build(): void {
    const annotations = this.#pending;
    if (!annotations) return;
    this.#pending = null;
    this.#index = new TermIndex(FIELDS);
    this.#notes = annotations.filter((a) => a.note.trim() !== '' || a.tags.length > 0);
    this.#notes.forEach((a, id) => this.#index.add(id, { note: a.note, tags: a.tags.join('\n') }));
  }

  rank(query: ParsedQuery, limit: number): ScoredHit[] {
    this.#build();
    if (query.units.length === 0 || this.#notes.length === 0) return [];
    const words = query.terms.map((t) => t.encoded[0] ?? '');
    const ids = new Set(FIELDS.flatMap((field) => [...this.#index.candidates(field, words, limit * 2 + 10)]));
    const hits: ScoredHit[] = [];
    let rank = 0;
    for (const id of ids) {
      const note = this.#notes[id];
      const hit = note ? this.#hitFor(note, query, rank++) : null;
      if (hit) hits.push(hit);
    }
    return hits;
  }

  #hitFor(note: Annotation, query: ParsedQuery, rank: number): ScoredHit | null {
    const text = matchText(note.note, query);
    const tags = note.tags.map((tag) => matchText(tag, query));
    if (!allUnitsMatched(text, ...tags)) return null;
    const best: TextMatch = {
      unitQuality: text.unitQuality.map((q, u) => Math.max(q, ...tags.map((t) => t.unitQuality[u] ?? 0))),
      count: text.count + tags.reduce((n, t) => n + t.count, 0),
      ranges: text.ranges,
    };
    const hit: SearchHit = {
      kind: 'note',
      documentId: note.documentId,
      title: this.#titleOf(note.documentId),
      paragraph: note.paragraph,
      heading: null,
      text: note.note,
      matches: text.ranges,
      score: Math.round((TIER_WEIGHT * tierOf(best) + scoreMatches(best, null) + NOTE_BONUS) * 1000) / 1000,
      why: kindsOf(text.ranges, ...tags.map((t) => t.ranges)),
      annotationId: note.id,
      tags: note.tags,
      tagMatches: tags.flatMap((t, i) => (t.count > 0 ? [i] : [])),
      quote: note.quote.exact,
    };
    return { hit, rank };
  }
}
