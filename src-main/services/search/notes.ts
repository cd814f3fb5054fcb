// Owns searching the user's notes and tags: a small flexsearch index over annotations whose
// hits join the paragraph hits in one ranked list as kind 'note'. setNotes hands over the
// store's current list; the index is brought up to date incrementally (the store keeps an
// unchanged note the same object, so only new and changed notes are analysed and added).
import type { Annotation } from '../../shared/annotation';
import type { SearchHit } from '../../shared/search';
import type { ScoredHit } from './engine';
import { TermIndex } from './flex';
import { allUnitsMatched, matchText, scoreMatches, type TextMatch } from './match';
import type { ParsedQuery } from './query';

/** A note's own words rank a little above a paragraph matching equally well: the user wrote them. */
const NOTE_BONUS = 0.5;
const FIELDS = ['note', 'tags'] as const;
/** Superseded entries tolerated before the index is built afresh (they cost candidate slots). */
const MAX_STALE = 2_000;

const indexable = (a: Annotation) => a.note.trim() !== '' || a.tags.length > 0;

export class NotesIndex {
  #index = new TermIndex(FIELDS);
  /** Entry id → the note it indexes; undefined once the note changed or was deleted. */
  #entries: Array<Annotation | undefined> = [];
  /** Annotation id → its current entry id. */
  #entryOf = new Map<string, number>();
  /** Every annotation last handed over, by id: what the next list is compared with. */
  #known = new Map<string, Annotation>();
  /** Entries that no longer count (flexsearch entries are only added, never removed here). */
  #stale = 0;
  /** Set by setNotes; applied on the next search, not on every save. */
  #pending: readonly Annotation[] | null = null;
  readonly #titleOf: (documentId: string) => string;

  constructor(titleOf: (documentId: string) => string) {
    this.#titleOf = titleOf;
  }

  get size(): number {
    this.#update();
    return this.#entryOf.size;
  }

  /**
   * Hands over the store's current notes; annotations without note text or tags are not
   * indexed. Cheap: the store calls it after every save; the work waits for the next search
   * and then touches only the notes that changed.
   */
  setNotes(annotations: readonly Annotation[]): void {
    this.#pending = annotations;
  }

  #update(): void {
    const annotations = this.#pending;
    if (!annotations) return;
    this.#pending = null;
    const next = new Map<string, Annotation>();
    for (const a of annotations) {
      next.set(a.id, a);
      if (this.#known.get(a.id) !== a) this.#put(a);
    }
    for (const id of this.#known.keys()) if (!next.has(id)) this.#drop(id);
    this.#known = next;
    if (this.#stale > Math.max(MAX_STALE, this.#entryOf.size)) this.#rebuild();
  }

  #rebuild(): void {
    this.#index = new TermIndex(FIELDS);
    this.#entries = [];
    this.#entryOf.clear();
    this.#stale = 0;
    for (const a of this.#known.values()) this.#put(a);
  }

  #put(a: Annotation): void {
    this.#drop(a.id);
    if (!indexable(a)) return;
    const id = this.#entries.length;
    this.#entries.push(a);
    this.#entryOf.set(a.id, id);
    this.#index.add(id, { note: a.note, tags: a.tags.join('\n') });
  }

  #drop(annotationId: string): void {
    const id = this.#entryOf.get(annotationId);
    if (id === undefined) return;
    this.#entries[id] = undefined;
    this.#entryOf.delete(annotationId);
    this.#stale++;
  }

  rank(query: ParsedQuery, limit: number): ScoredHit[] {
    this.#update();
    if (query.units.length === 0 || this.#entryOf.size === 0) return [];
    const words = query.terms.map((t) => t.encoded[0] ?? '');
    // Room for every stale entry on top, so superseded versions never crowd out current ones.
    const max = limit * 2 + 10 + this.#stale;
    const ids = new Set(FIELDS.flatMap((field) => [...this.#index.candidates(field, words, max)]));
    const hits: ScoredHit[] = [];
    let rank = 0;
    for (const id of ids) {
      const note = this.#entries[id];
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
      score: Math.round((scoreMatches(best, null) + NOTE_BONUS) * 1000) / 1000,
      annotationId: note.id,
      tags: note.tags,
      tagMatches: tags.flatMap((t, i) => (t.count > 0 ? [i] : [])),
      quote: note.quote.exact,
    };
    return { hit, rank };
  }
}
