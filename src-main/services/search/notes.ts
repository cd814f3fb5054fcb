// Owns searching the user's notes and tags: hits that join the paragraph hits in one ranked
// list as kind 'note'. The terms live in the database, not in memory (store/note-terms.ts, an
// FTS5 table): this module turns a note and its tags into the Swedish analyser's keys (the same
// keys the paragraph index holds), brings the stored terms up to date with the notes changed
// since the last look (only those are analysed; at start in slices, then before each search),
// asks the store for the candidates holding every query word, and checks and ranks each one
// with the same match code as paragraphs. Nothing reads every note, at start or at a search.
import type { Annotation } from '../../shared/annotation';
import type { SearchHit } from '../../shared/search';
import type { NotesSource } from '../annotations/store';
import type { NoteTerms } from '../store/note-terms';
import { analyzerSignature, encoderOptions } from './analyzer';
import type { ScoredHit } from './engine';
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
/** Bump when analyse() changes what it stores: the stored terms are then made again. */
const NOTES_TERMS_VERSION = 1;
/** Notes analysed per slice while catching up after start (a few tens of ms each). */
const SLICE = 2_000;

const keysOf = (text: string): string[] =>
  encoderOptions.finalize(encoderOptions.prepare(encoderOptions.normalize(text)).split(' '));

/** A note's terms: every key of its text and tags, once, and each spelt backwards. */
export function analyseNote(note: string, tags: readonly string[]): NoteTerms | null {
  if (note.trim() === '' && tags.length === 0) return null;
  const keys = new Set<string>();
  for (const text of [note, ...tags]) for (const key of keysOf(text)) if (key) keys.add(key);
  if (keys.size === 0) return null;
  const list = [...keys];
  return { terms: list.join(' '), reversed: list.map((k) => [...k].reverse().join('')).join(' ') };
}

export class NotesIndex {
  #source: NotesSource | null = null;
  readonly #titleOf: (documentId: string) => string;

  constructor(titleOf: (documentId: string) => string) {
    this.#titleOf = titleOf;
  }

  /** Which analysis the stored terms were made with (the lexicon's identity included). */
  get #version(): string {
    return `${NOTES_TERMS_VERSION}:${analyzerSignature()}`;
  }

  /** Where the notes are (the store); their stored terms are brought up to date lazily. */
  setNotes(source: NotesSource | null): void {
    this.#source = source;
  }

  /**
   * Analyses the notes changed since the terms were last brought up to date, a slice at a
   * time with the event loop free in between (after start, so the first search is quick even
   * when another process or an older release added notes). Resolves when none is left.
   */
  async catchUp(): Promise<number> {
    let done = 0;
    for (;;) {
      const source = this.#source;
      if (!source) return done;
      const n = source.catchUp(this.#version, analyseNote, SLICE);
      done += n;
      if (n < SLICE) return done;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Brings every changed note in now (a save just before a search: usually one note). */
  #update(): void {
    const source = this.#source;
    if (!source || !source.stale(this.#version)) return;
    while (source.catchUp(this.#version, analyseNote, SLICE) === SLICE);
  }

  rank(query: ParsedQuery, limit: number): ScoredHit[] {
    const source = this.#source;
    if (!source || query.units.length === 0) return [];
    this.#update();
    const words = query.terms.map((t) => t.encoded[0] ?? '').filter((w) => w !== '');
    if (words.length === 0) return [];
    const hits: ScoredHit[] = [];
    let rank = 0;
    for (const note of source.candidates(words, limit * 2 + 10)) {
      const hit = this.#hitFor(note, query, rank++);
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
