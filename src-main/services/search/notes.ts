// Owns searching the user's notes and tags: a flexsearch index over annotations whose hits
// join the paragraph hits in one ranked list as kind 'note'. setNotes hands over the store's
// current list; the index follows it incrementally. The store keeps an unchanged note the same
// object, so only new and changed notes are analysed. They go into a small second tier: adding
// to a TermIndex re-sorts its whole term dictionary on the next search, which is cheap for a few
// hundred recent notes and costly for 100,000. The large tier is rebuilt only when the small one
// has grown past DELTA_MAX (or too many of its entries were superseded).
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
/** Changed notes held in the small tier before both tiers are merged into one. */
const DELTA_MAX = 1_000;

const indexable = (a: Annotation) => a.note.trim() !== '' || a.tags.length > 0;

/** One flexsearch index with the notes its entry ids stand for. */
class Tier {
  readonly index = new TermIndex(FIELDS);
  /** Entry id → the note it indexes; undefined once the note changed or was deleted. */
  readonly entries: Array<Annotation | undefined> = [];
  /** Entries that no longer count (entries are only added to flexsearch, never removed here). */
  stale = 0;

  add(a: Annotation): number {
    const id = this.entries.length;
    this.entries.push(a);
    this.index.add(id, { note: a.note, tags: a.tags.join('\n') });
    return id;
  }

  drop(id: number): void {
    if (this.entries[id] === undefined) return;
    this.entries[id] = undefined;
    this.stale++;
  }

  get live(): number {
    return this.entries.length - this.stale;
  }

  /** Current notes among the candidates, with room for every stale entry on top. */
  candidates(words: readonly string[], limit: number): Annotation[] {
    const max = limit * 2 + 10 + this.stale;
    const ids = new Set(FIELDS.flatMap((field) => [...this.index.candidates(field, words, max)]));
    return [...ids].flatMap((id) => this.entries[id] ?? []);
  }
}

export class NotesIndex {
  #base = new Tier();
  #delta = new Tier();
  /** Annotation id → where it is indexed now. */
  #where = new Map<string, { tier: Tier; id: number }>();
  /** Every annotation last handed over, by id: what the next list is compared with. */
  #known = new Map<string, Annotation>();
  /** Set by setNotes; applied on the next search, not on every save. */
  #pending: readonly Annotation[] | null = null;
  readonly #titleOf: (documentId: string) => string;

  constructor(titleOf: (documentId: string) => string) {
    this.#titleOf = titleOf;
  }

  get size(): number {
    this.#update();
    return this.#where.size;
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
    const first = this.#known.size === 0;
    let present = 0;
    for (const a of annotations) {
      const known = this.#known.get(a.id);
      if (known !== undefined) present++;
      if (known === a) continue;
      this.#known.set(a.id, a);
      this.#put(a, first ? this.#base : this.#delta);
    }
    // Some known notes are gone: find which (only then is a set of the list needed).
    if (present < this.#known.size) {
      const ids = new Set(annotations.map((a) => a.id));
      for (const id of [...this.#known.keys()]) {
        if (ids.has(id)) continue;
        this.#known.delete(id);
        this.#drop(id);
      }
    }
    if (this.#delta.entries.length > DELTA_MAX || this.#base.stale > Math.max(DELTA_MAX, this.#base.live))
      this.#rebuild();
  }

  #rebuild(): void {
    this.#base = new Tier();
    this.#delta = new Tier();
    this.#where.clear();
    for (const a of this.#known.values()) this.#put(a, this.#base);
  }

  #put(a: Annotation, tier: Tier): void {
    this.#drop(a.id);
    if (indexable(a)) this.#where.set(a.id, { tier, id: tier.add(a) });
  }

  #drop(annotationId: string): void {
    const at = this.#where.get(annotationId);
    if (!at) return;
    at.tier.drop(at.id);
    this.#where.delete(annotationId);
  }

  rank(query: ParsedQuery, limit: number): ScoredHit[] {
    this.#update();
    if (query.units.length === 0 || this.#where.size === 0) return [];
    const words = query.terms.map((t) => t.encoded[0] ?? '');
    const hits: ScoredHit[] = [];
    let rank = 0;
    for (const tier of [this.#base, this.#delta]) {
      if (tier.live === 0) continue;
      for (const note of tier.candidates(words, limit)) {
        const hit = this.#hitFor(note, query, rank++);
        if (hit) hits.push(hit);
      }
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
