// Owns the paragraph search engine: one flexsearch entry per paragraph (document id,
// paragraph number, heading, text), candidates from flexsearch, then our own match ranges
// and ranking over them. Used by the app's search service, the CLI, the worker and the
// benchmark alike: there is one implementation.
import type { SearchHit, SearchResponse } from '../../shared/search';
import { foldedText, tokenize } from './analyzer';
import { TermIndex } from './flex';
import {
  HeadingTerms,
  Scratch,
  TermFilter,
  decodeBytes,
  decodeIds,
  encodeIds,
  termSequences,
  type TermSequences,
} from './sequences';
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
  /** The words for suggestions: pairs, or their JSON as stored (parsed on the first suggestion). */
  readonly vocabulary: ReadonlyArray<readonly [string, number]> | string;
  /** The term dictionary's backwards order, base64 (see flex.ts). */
  readonly reversedIds?: string;
  /** Each paragraph's text as term codes (see sequences.ts), base64: where each starts, the codes, and term id → code. */
  readonly tokenStarts?: string;
  readonly tokenCodes?: string;
  readonly termRanks?: string;
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
  /** The stored vocabulary, until a suggestion needs it (most sessions never do). */
  #vocabularyJson: string | null = null;
  /** Folded paragraph texts, made on first use (null: lowercasing changes the length). */
  readonly #folded: Array<string | null | undefined> = [];
  readonly #foldedHeadings = new Map<string, string | null>();
  /** Every paragraph's text as term codes; made at export or on the first search when not imported. */
  #sequencesMade: TermSequences | null = null;
  #headings: HeadingTerms | null = null;
  readonly #scratch = new Scratch();

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
      this.#sequencesMade = null;
      this.#headings = null;
      const vocabulary = this.#words();
      for (const token of tokenize(record.text)) {
        vocabulary.set(token.lower, (vocabulary.get(token.lower) ?? 0) + 1);
      }
    }
  }

  export(): IndexData {
    const { starts, codes, ranks } = this.#sequences();
    return {
      ...this.#index.export(),
      vocabulary: [...this.#words()],
      tokenStarts: encodeIds(starts),
      tokenCodes: encodeIds(codes),
      termRanks: encodeIds(ranks),
    };
  }

  #words(): Vocabulary {
    if (this.#vocabularyJson !== null) {
      for (const [word, count] of JSON.parse(this.#vocabularyJson) as Array<[string, number]>)
        this.#vocabulary.set(word, count);
      this.#vocabularyJson = null;
    }
    return this.#vocabulary;
  }

  #headingTerms(): HeadingTerms {
    return (this.#headings ??= new HeadingTerms(this.#records.map((r) => r.heading)));
  }

  #sequences(): TermSequences {
    return (this.#sequencesMade ??= termSequences(
      this.#records.map((r) => r.text),
      this.#index.termIds(),
      this.#index.frequencies,
    ));
  }

  /** Loads an export made from the same records (in the same order) with the same configuration. */
  async import(records: readonly ParagraphRecord[], data: IndexData): Promise<void> {
    // One by one: spreading 150,000 records into push() overflows the call stack.
    for (const r of records) this.#records.push(r);
    if (typeof data.vocabulary === 'string') this.#vocabularyJson = data.vocabulary;
    else for (const [word, count] of data.vocabulary) this.#vocabulary.set(word, count);
    await this.#index.import(data);
    if (data.tokenStarts && data.tokenCodes && data.termRanks) {
      const made = {
        starts: decodeIds(data.tokenStarts),
        codes: decodeBytes(data.tokenCodes),
        ranks: decodeIds(data.termRanks),
      };
      const fits =
        made.starts.length === this.#records.length + 1 && made.ranks.length === this.#index.termCount;
      this.#sequencesMade = fits ? made : null;
    }
    this.#headingTerms();
  }

  /** Ranked hits with match ranges; suggestions when nothing matched. */
  search(raw: string, options: SearchOptions = {}): SearchResponse {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const query = parseQuery(raw);
    const { hits, more } = this.rank(query, limit, options.documentId);
    const suggestions =
      hits.length === 0 && query.units.length > 0
        ? suggestCorrections(raw, query, this.#words(), (q) => this.rank(parseQuery(q), 1).hits.length > 0)
        : [];
    return { query: raw, hits: hits.map((h) => h.hit), more, suggestions };
  }

  /** The ranked hits for a parsed query (exposed so notes can be merged into the same list). */
  rank(query: ParsedQuery, limit: number, documentId?: string): { hits: ScoredHit[]; more: boolean } {
    if (query.units.length === 0) return { hits: [], more: false };
    // Rerank a window a little wider than the limit (exact letters reorder).
    const window = documentId ? this.#records.length : limit + 5;
    const words = query.terms.map((t) => t.encoded[0] ?? '');
    // Candidates in flexsearch's order until the window is full; each paragraph's term ids
    // first rule out, exactly and without touching its text, those where some query word
    // or phrase cannot match, so only likely hits get match ranges.
    // (One word needs no filter: its candidates all hold one of its forms.)
    const filter =
      query.terms.length > 1
        ? TermFilter.for(query, this.#index, this.#sequences(), this.#headingTerms(), this.#scratch)
        : null;
    filter?.markEntries(this.#records.length);
    const seen = this.#scratch.zeroed('seen', this.#records.length);
    const hits: ScoredHit[] = [];
    let more = false;
    let rank = 0;
    const visit = (id: number): boolean => {
      if (seen[id] === 1) return false;
      seen[id] = 1;
      if (filter && !filter.passes(id)) return false;
      const record = this.#records[id];
      if (!record || (documentId && record.documentId !== documentId)) return false;
      const hit = this.#hitFor(id, record, query, rank++);
      if (!hit) return false;
      if (hits.length === window) return (more = true);
      hits.push(hit);
      return false;
    };
    for (const field of FIELDS) if (this.#index.visitCandidates(field, words, window + 1, visit)) break;
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
