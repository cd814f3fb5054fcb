// Owns the paragraph search engine: one flexsearch entry per paragraph (document id,
// paragraph number, heading, text), candidates from flexsearch, then our own match ranges
// and ranking over them. Used by the app's search service, the CLI, the worker and the
// benchmark alike: there is one implementation.
import type { SearchHit, SearchResponse } from '../../shared/search';
import { foldedText, tokenize } from './analyzer';
import { TermIndex } from './flex';
import { allUnitsMatched, matchText, mayMatch, scoreMatches } from './match';
import { parseQuery, type ParsedQuery } from './query';
import { suggestCorrections, type Vocabulary } from './suggest';

export interface ParagraphRecord {
  readonly documentId: string;
  readonly title: string;
  readonly paragraph: number;
  readonly heading: string | null;
  readonly text: string;
}

/** An exported index: flexsearch's chunks, its term dictionary, and the words for suggestions. */
export interface IndexData {
  readonly entries: ReadonlyArray<readonly [string, string]>;
  readonly terms: ReadonlyArray<readonly [string, number]>;
  readonly vocabulary: ReadonlyArray<readonly [string, number]>;
}

export interface SearchOptions {
  readonly limit?: number;
  /** Only hits in this document. */
  readonly documentId?: string;
}

export const DEFAULT_LIMIT = 20;
const FIELDS = ['text', 'heading'] as const;

export interface ScoredHit {
  readonly hit: SearchHit;
  readonly rank: number;
}

export class SearchEngine {
  readonly #index = new TermIndex(FIELDS);
  readonly #records: ParagraphRecord[] = [];
  readonly #vocabulary: Vocabulary = new Map();
  /** Folded paragraph texts, made on first use (null: lowercasing changes the length). */
  readonly #folded: Array<string | null | undefined> = [];
  readonly #foldedHeadings = new Map<string, string | null>();

  get size(): number {
    return this.#records.length;
  }

  get records(): readonly ParagraphRecord[] {
    return this.#records;
  }

  /** Adds paragraphs to the index; ids are their positions, so the order must be stable. */
  add(records: readonly ParagraphRecord[]): void {
    for (const record of records) {
      const id = this.#records.length;
      this.#records.push(record);
      this.#index.add(id, { text: record.text, heading: record.heading ?? '' });
      for (const token of tokenize(record.text)) {
        this.#vocabulary.set(token.lower, (this.#vocabulary.get(token.lower) ?? 0) + 1);
      }
    }
  }

  export(): IndexData {
    return { ...this.#index.export(), vocabulary: [...this.#vocabulary] };
  }

  /** Loads an export made from the same records (in the same order) with the same configuration. */
  async import(records: readonly ParagraphRecord[], data: IndexData): Promise<void> {
    this.#records.push(...records);
    for (const [word, count] of data.vocabulary) this.#vocabulary.set(word, count);
    await this.#index.import(data);
  }

  /** Ranked hits with match ranges; suggestions when nothing matched. */
  search(raw: string, options: SearchOptions = {}): SearchResponse {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const query = parseQuery(raw);
    const { hits, more } = this.rank(query, limit, options.documentId);
    const suggestions =
      hits.length === 0 && query.units.length > 0
        ? suggestCorrections(raw, query, this.#vocabulary, (q) => this.rank(parseQuery(q), 1).hits.length > 0)
        : [];
    return { query: raw, hits: hits.map((h) => h.hit), more, suggestions };
  }

  /** The ranked hits for a parsed query (exposed so notes can be merged into the same list). */
  rank(query: ParsedQuery, limit: number, documentId?: string): { hits: ScoredHit[]; more: boolean } {
    if (query.units.length === 0) return { hits: [], more: false };
    // Rerank a window a little wider than the limit (exact letters reorder); phrases filter
    // flexsearch's candidates by adjacency, so they ask it for many more.
    const window = documentId ? this.#records.length : limit + 5;
    const wanted = documentId ? this.#records.length : query.hasPhrase ? limit * 10 + 100 : window + 1;
    const words = query.terms.map((t) => t.encoded[0] ?? '');
    const seen = new Set<number>();
    const candidates: number[] = [];
    for (const field of FIELDS) {
      for (const id of this.#index.candidates(field, words, wanted)) {
        if (!seen.has(id)) {
          seen.add(id);
          candidates.push(id);
        }
      }
    }
    // Check candidates in flexsearch's order until the window is full.
    const hits: ScoredHit[] = [];
    let more = false;
    for (let rank = 0; rank < candidates.length; rank++) {
      const id = candidates[rank] as number;
      const record = this.#records[id];
      if (!record || (documentId && record.documentId !== documentId)) continue;
      const hit = this.#hitFor(id, record, query, rank);
      if (!hit) continue;
      if (hits.length === window) {
        more = true;
        break;
      }
      hits.push(hit);
    }
    hits.sort((a, b) => b.hit.score - a.hit.score || a.rank - b.rank);
    if (hits.length > limit) more = true;
    return { hits: hits.slice(0, limit), more };
  }

  #foldedFor(id: number, record: ParagraphRecord): { text: string | null; heading: string | null } {
    let text = this.#folded[id];
    if (text === undefined) text = this.#folded[id] = foldedText(record.text);
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

  #hitFor(id: number, record: ParagraphRecord, query: ParsedQuery, rank: number): ScoredHit | null {
    const folded = this.#foldedFor(id, record);
    if (folded.text !== null && (!record.heading || folded.heading !== null)) {
      const texts = folded.heading === null ? [folded.text] : [folded.text, folded.heading];
      if (!mayMatch(query, ...texts)) return null;
    }
    const text = matchText(record.text, query, folded.text);
    const heading = record.heading ? matchText(record.heading, query) : null;
    if (!(heading ? allUnitsMatched(text, heading) : allUnitsMatched(text))) return null;
    return {
      rank,
      hit: {
        kind: 'paragraph',
        documentId: record.documentId,
        title: record.title,
        paragraph: record.paragraph,
        heading: record.heading,
        text: record.text,
        matches: text.ranges,
        score: Math.round(scoreMatches(text, heading) * 1000) / 1000,
      },
    };
  }
}
