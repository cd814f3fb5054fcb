// Owns the paragraph search engine: one flexsearch entry per paragraph (document id,
// paragraph number, heading, text) and one per document (title and designation), candidates
// from flexsearch, BM25 over the candidates' term codes, then our own match ranges and the
// final ranking (BM25 with titles and headings weighing more, exact forms before inflections
// before compound parts before near-misses), and spelling correction of the query. Used by
// the app's search service, the CLI, the worker and the benchmark alike: one implementation.
import type { SearchHit, SearchResponse } from '../../shared/search';
import { StoredAnalyses, encodeAnalyses } from './analyses';
import { analyzeWord, useStoredAnalyses } from './analyzer';
import { splitWordQueries, widenToNearSpellings } from './correction';
import { TermIndex } from './flex';
import { HeadingTerms } from './headings';
import { PairBuilder, type AdjacentPairs } from './pairs';
import { TermFilter } from './filter';
import { Scratch } from './scratch';
import {
  decodeBytes,
  decodeIds,
  encodeIds,
  extendSequences,
  storedSequences,
  termSequences,
  wordsOf,
  type Removed,
  type TermSequences,
} from './sequences';
import { HitMaker, type ScoredHit } from './hits';
import { parseQuery, type ParsedQuery } from './query';
import { suggestCorrections } from './suggest';
import { WARM_UP_SEARCHES, warmUpQuery } from './warm-up';
import { CollectionWords, FEW_HITS, type StoredVocabulary } from './words';

export interface ParagraphRecord {
  readonly documentId: string;
  readonly title: string;
  readonly paragraph: number;
  readonly heading: string | null;
  readonly text: string;
  /**
   * Stands for the text in the index's content hash when set (the document's version): the
   * collection's texts stay on disk (read only for the hits shown), so hashing must not read them.
   */
  readonly textKey?: string;
  /** 'document': the entry for the document's title and designation (see documentRecord). */
  readonly kind?: 'document';
}

/** What the engine needs to know of a document besides its paragraphs. */
export interface DocumentInfo {
  readonly documentId: string;
  readonly title: string;
  /** SOU 2026:9, Prop. 2012/13:63, 2011/12:FPM54 … */
  readonly designation?: string | null;
  /** The paragraph a hit on the title opens at. */
  readonly firstParagraph: number;
}

/** The entry that makes a document findable by its title and designation. */
export function documentRecord(info: DocumentInfo): ParagraphRecord {
  const designation = info.designation?.trim();
  const text =
    designation && !info.title.includes(designation) ? `${info.title} (${designation})` : info.title;
  return {
    documentId: info.documentId,
    title: info.title,
    paragraph: info.firstParagraph,
    heading: null,
    text,
    kind: 'document',
  };
}

/** An exported index: flexsearch's chunks, its term dictionary, and the words for suggestions. */
export interface IndexData {
  readonly entries: ReadonlyArray<readonly [string, string]>;
  readonly terms: ReadonlyArray<readonly [string, number]>;
  /**
   * The words for corrections: pairs, their JSON, or a function that reads that JSON from
   * the stored index (on the first correction).
   */
  readonly vocabulary: StoredVocabulary;
  /** The term dictionary's backwards order, base64 (see flex.ts). */
  readonly reversedIds?: string;
  /** Each paragraph's text as term codes (see sequences.ts), base64: where each starts, the codes, and term id → code. */
  readonly tokenStarts?: string;
  readonly tokenCodes?: string;
  readonly termRanks?: string;
  /** The distinct headings' term codes (HeadingTerms, in the order entries first use them), base64. */
  readonly headingStarts?: string;
  readonly headingCodes?: string;
  /** The near-miss table (correction.ts) as JSON pairs. */
  readonly nearMisses?: string;
  /** Every word of the text with the stems the analyser gave it (analyses.ts). */
  readonly analyses?: string;
}

export interface SearchOptions {
  readonly limit?: number;
  /** Only hits in this document. */
  readonly documentId?: string;
  /** The query as typed, never corrected. */
  readonly verbatim?: boolean;
  /** More hits ranked in the same list (the user's notes). */
  readonly extra?: (query: ParsedQuery, limit: number) => ScoredHit[];
}

export const DEFAULT_LIMIT = 20;
/**
 * Candidates scored by BM25 (from their term codes) before the best get match ranges: one
 * word's come straight from its postings; several words' must pass the term-code filter.
 */
const POOL = 100;
const POOL_SEVERAL = 60;
/** What prepare searches for: common words of Swedish official texts, in each kind of query. */
const PREPARE_QUERIES = ['och', 'regeringen', 'svenska språket', 'förslag', 'arbetsmarknaden', '"ska vara"'];
/** A corrected query's hits are shown instead when it finds this many times as many. */
const CORRECTION_RATIO = 3;
const FIELDS = ['text', 'heading'] as const;

export type { ScoredHit };

export class SearchEngine {
  readonly #index = new TermIndex(FIELDS);
  readonly #records: ParagraphRecord[] = [];
  readonly #words = new CollectionWords();
  readonly #hits = new HitMaker();
  /** Every paragraph's text as term codes; made at export or on the first search when not imported. */
  #sequencesMade: TermSequences | null = null;
  #headings: HeadingTerms | null = null;
  /** The adjacent-pair lists of common terms (pairs.ts): made by preparation, null until then. */
  #pairs: AdjacentPairs | null = null;
  /** Counts forgetMade calls: term codes made again are not those the pair lists were made from. */
  #generation = 0;
  readonly #scratch = new Scratch();
  /** Entries of removed documents (remove): out of flexsearch, skipped if met anyway. */
  readonly #removed = new Set<number>();
  /** How many entries and words they are (BM25 counts only what is left); made on use. */
  #removedSize: Removed | null = null;

  get size(): number {
    return this.#records.length;
  }

  get records(): readonly ParagraphRecord[] {
    return this.#records;
  }

  /** The pair lists' size in bytes once preparation made them (for the benchmark), else 0. */
  get pairListBytes(): number {
    return this.#pairs?.byteSize ?? 0;
  }

  /**
   * Adds paragraphs to the index; ids are their positions, so the order must be stable.
   * What is already made is extended, never made again from every record (an import into all
   * of regeringen.se would otherwise cost seconds of CPU on the next search): the paragraphs'
   * term codes (existing codes kept, new terms' appended), the headings, the near-miss table
   * and the correction targets (only the words whose counts changed).
   */
  add(records: readonly ParagraphRecord[]): void {
    if (records.length === 0) return;
    const made = this.#sequencesMade;
    const before = made ? this.#index.terms() : null;
    const first = this.#records.length;
    for (const record of records) {
      const id = this.#records.length;
      this.#records.push(record);
      this.#index.add(id, { text: record.text, heading: record.heading ?? '' });
    }
    const added = this.#records.slice(first);
    if (made && before)
      this.#sequencesMade = extendSequences(
        made,
        before,
        this.#index.terms(),
        added.map((r) => r.text),
        (term) => this.#index.termId(term),
      );
    this.#headings?.extend(added.map((r) => r.heading));
    if (this.#sequencesMade) this.#pairs?.extend(this.#sequencesMade, this.#headingCodes());
    this.#words.add(added.map((r) => r.text));
  }

  /**
   * Drops everything made from all records, so that the next search makes it again: what
   * every add did before it extended them (`npm run bench:import-index` compares the two).
   */
  forgetMade(): void {
    this.#index.forgetDictionary();
    this.#sequencesMade = null;
    this.#headings = null;
    this.#pairs = null;
    this.#generation++;
    this.#words.forgetMade();
    this.#removedSize = null;
  }

  /**
   * Takes a document's entries out of the index at once (a removed import): they are never
   * candidates again and no query finds or is corrected to their words (their terms count
   * zero; a correction needs a term that entries hold). Their positions stay taken (ids are
   * positions), and the term codes stay valid, so nothing is rebuilt: rebuilding them reads
   * every text of the collection. Returns how many entries were removed.
   */
  remove(documentId: string): number {
    const texts: string[] = [];
    this.#records.forEach((record, id) => {
      if (record.documentId !== documentId || this.#removed.has(id)) return;
      this.#index.remove(id, { text: record.text, heading: record.heading ?? '' });
      this.#removed.add(id);
      this.#removedSize = null;
      texts.push(record.text);
    });
    this.#words.remove(texts);
    return texts.length;
  }

  export(): IndexData {
    let sequences = this.#sequences();
    let headingTerms = this.#headingTerms();
    if (sequences.any !== sequences.ranks.length) {
      // Extended by add: the file's format wants the codes as termSequences makes them.
      sequences = this.#makeSequences();
      headingTerms = new HeadingTerms(this.#records.map((r) => r.heading));
    }
    const { starts, codes, ranks } = sequences;
    const headings = headingTerms.encodeAll(this.#index, sequences);
    return {
      ...this.#index.export(),
      vocabulary: JSON.stringify([...this.#words.counts()]),
      tokenStarts: encodeIds(starts),
      tokenCodes: encodeIds(codes),
      termRanks: encodeIds(ranks),
      headingStarts: encodeIds(headings.starts),
      headingCodes: encodeIds(headings.codes),
      nearMisses: JSON.stringify(this.#words.nearMissEntries()),
      analyses: encodeAnalyses(this.#words.counts().keys(), (word) => analyzeWord(word).stems),
    };
  }

  /**
   * Makes now what the first search would otherwise make on the user's first keystroke (the
   * near-miss table, the lexicon, the term dictionary): some 100-200 ms at regeringen.se scale.
   * Then a hundred searches of each kind (a word, two, a prefix, a phrase; warm-up.ts) get the
   * code that runs for every search compiled before the user's first ones need it.
   */
  prepare(): void {
    for (const step of this.preparation()) step();
  }

  /**
   * prepare in steps of some milliseconds to some tens each, for a caller that must not block:
   * the queries above, the adjacent-pair lists (pairs.ts) a part of the entries per step, then
   * the warm-up's searches (warm-up.ts), one per step.
   */
  preparation(): Array<() => void> {
    const search = (query: string | null) => {
      if (query !== null) void this.rank(this.parse(query), DEFAULT_LIMIT);
    };
    const textOf = (entry: number) => {
      const record = this.#records[entry];
      return !record || record.kind === 'document' || this.#removed.has(entry) ? null : record.text;
    };
    return [
      ...PREPARE_QUERIES.map((query) => () => search(query)),
      ...this.#pairSteps(),
      ...Array.from(
        { length: WARM_UP_SEARCHES },
        (_, k) => () => search(warmUpQuery(k, this.#records.length, textOf)),
      ),
    ];
  }

  /**
   * The steps that make the pair lists from the term codes (made first if need be). Entries
   * added meanwhile join the lists when they are done; lists made from codes that were made
   * again since (forgetMade) are dropped.
   */
  #pairSteps(): Array<() => void> {
    if (this.#pairs) return [];
    const count = PairBuilder.stepsFor(this.#records.length);
    const generation = this.#generation;
    let builder: PairBuilder | null = null;
    return Array.from({ length: count }, (_, k) => () => {
      if (generation !== this.#generation) return;
      builder ??= new PairBuilder(this.#sequences(), this.#headingCodes());
      // The last step finishes whatever entries added in between left.
      const made = k === count - 1 ? builder.build() : builder.step();
      if (!made || made === this.#pairs || !this.#sequencesMade) return;
      made.extend(this.#sequencesMade, this.#headingCodes());
      this.#pairs = made;
    });
  }

  /** Each entry's heading's term codes, for the pair lists. */
  #headingCodes(): (entry: number) => Uint8Array | null {
    const headings = this.#headingTerms();
    return (entry) => {
      const heading = headings.of[entry] ?? -1;
      return heading < 0 ? null : headings.codes(heading, this.#index, this.#sequences());
    };
  }

  /** A query as typed, each word with the misspellings of it the text holds. */
  parse(raw: string): ParsedQuery {
    const query = parseQuery(raw);
    const table = this.#words.nearMissTable();
    for (const term of query.terms) term.nearMisses.push(...(table.get(term.encoded[0] ?? '') ?? []));
    return query;
  }

  #headingTerms(): HeadingTerms {
    return (this.#headings ??= new HeadingTerms(this.#records.map((r) => r.heading)));
  }

  #sequences(): TermSequences {
    return (this.#sequencesMade ??= this.#makeSequences());
  }

  #makeSequences(): TermSequences {
    return termSequences(
      this.#records.map((r) => r.text),
      this.#index.termIds(),
      this.#index.frequencies,
    );
  }

  /** Loads an export made from the same records (in the same order) with the same configuration. */
  async import(records: readonly ParagraphRecord[], data: IndexData): Promise<void> {
    // One by one: a spread of 138,000 records overflows the call stack.
    for (const record of records) this.#records.push(record);
    this.#words.load(data.vocabulary, data.nearMisses);
    if (data.analyses) useStoredAnalyses(new StoredAnalyses(data.analyses));
    await this.#index.import(data);
    if (data.tokenStarts && data.tokenCodes && data.termRanks) {
      const made = storedSequences(
        decodeIds(data.tokenStarts),
        decodeBytes(data.tokenCodes),
        decodeIds(data.termRanks),
      );
      const fits =
        made.starts.length === this.#records.length + 1 && made.ranks.length === this.#index.termCount;
      this.#sequencesMade = fits ? made : null;
    }
    const headings = this.#headingTerms();
    if (this.#sequencesMade && data.headingStarts && data.headingCodes)
      headings.load(decodeIds(data.headingStarts), decodeBytes(data.headingCodes));
  }

  /**
   * Ranked hits with match ranges. When the query finds nothing, or far fewer hits than a
   * close spelling from the collection's words, the corrected query's hits come instead
   * (`correction` says which); when nothing at all matches, suggestions ("Menade du …?").
   */
  search(raw: string, options: SearchOptions = {}): SearchResponse {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const query = this.parse(raw);
    const first = this.#rankAll(query, limit, options);
    if (query.units.length === 0 || first.hits.length >= FEW_HITS)
      return { query: raw, hits: first.hits, more: first.more, suggestions: [] };
    const correction = options.verbatim
      ? null
      : this.#words.correct(raw, query, first.hits.length, (key) => this.#index.frequencyOf(key));
    if (correction) {
      const second = this.#rankAll(this.parse(correction.query), limit, options);
      const enough = Math.max(1, first.hits.length) * CORRECTION_RATIO;
      if (second.hits.length > 0 && (first.hits.length === 0 || second.hits.length >= enough || second.more))
        return { query: raw, hits: second.hits, more: second.more, suggestions: [], correction };
    }
    // Nothing as typed or corrected: long words may also match text words one edit away.
    if (first.hits.length === 0 && !options.verbatim) {
      const wide = this.parse(raw);
      if (widenToNearSpellings(wide.terms, this.#words.spellingIndex())) {
        const third = this.#rankAll(wide, limit, options);
        if (third.hits.length > 0) return { query: raw, hits: third.hits, more: third.more, suggestions: [] };
      }
      // Or a word the text splits in two by mistake ("kun skaper"): shown as a correction.
      const occurs = (word: string) => this.#index.frequencyOf(analyzeWord(word).encoded[0] ?? '') > 0;
      for (const split of splitWordQueries(
        raw,
        query.terms.map((t) => t.lower),
        occurs,
      )) {
        const found = this.#rankAll(this.parse(split.query), limit, options);
        if (found.hits.length > 0)
          return {
            query: raw,
            hits: found.hits,
            more: found.more,
            suggestions: [],
            correction: { query: split.query, original: raw, words: split.words },
          };
      }
    }
    const suggestions =
      first.hits.length === 0
        ? suggestCorrections(
            raw,
            query,
            this.#words.spellingIndex(),
            (q) => this.rank(this.parse(q), 1).hits.length > 0,
          )
        : [];
    return { query: raw, hits: first.hits, more: first.more, suggestions };
  }

  /** The engine's hits and the extra ones (notes) in one list. */
  #rankAll(query: ParsedQuery, limit: number, options: SearchOptions): { hits: SearchHit[]; more: boolean } {
    const own = this.rank(query, limit, options.documentId);
    if (!options.extra) return { hits: own.hits.map((h) => h.hit), more: own.more };
    const merged = [...own.hits, ...options.extra(query, limit)].sort(
      (a, b) =>
        b.hit.score - a.hit.score ||
        (a.hit.kind === 'note' ? -1 : 0) - (b.hit.kind === 'note' ? -1 : 0) ||
        a.rank - b.rank,
    );
    return { hits: merged.slice(0, limit).map((h) => h.hit), more: own.more || merged.length > limit };
  }

  #removedCounts(): Removed {
    return (this.#removedSize ??= {
      entries: this.#removed.size,
      words: this.#removed.size > 0 ? wordsOf(this.#sequences(), this.#removed) : 0,
    });
  }

  /** The ranked hits for a parsed query (exposed so notes can be merged into the same list). */
  rank(query: ParsedQuery, limit: number, documentId?: string): { hits: ScoredHit[]; more: boolean } {
    if (query.units.length === 0) return { hits: [], more: false };
    // Score a pool of candidates by BM25 from their term codes, then give the best match
    // ranges until a window a little wider than the limit is full (match quality reorders).
    const window = documentId ? this.#records.length : limit + 5;
    const pool = documentId
      ? this.#records.length
      : Math.max(query.terms.length > 1 ? POOL_SEVERAL : POOL, window);
    const words = query.terms.map((t) =>
      t.nearMisses.length ? [t.encoded[0] ?? '', ...t.nearMisses] : (t.encoded[0] ?? ''),
    );
    // Candidates in flexsearch's order; each paragraph's term ids first rule out, exactly and
    // without touching its text, those where some query word or phrase cannot match.
    const filter = TermFilter.for(
      query,
      this.#index,
      this.#sequences(),
      this.#headingTerms(),
      this.#scratch,
      this.#removedCounts(),
      this.#pairs,
    );
    filter?.markEntries(this.#records.length);
    const seen = this.#scratch.bits('seen', this.#records.length);
    const candidates: Array<{ id: number; bm25: number; order: number }> = [];
    let more = false;
    const records = this.#records;
    const visit = (id: number): boolean => {
      if (!seen.add(id)) return false;
      // Cheapest first; the record itself is read only to keep one document's entries.
      if (id >= records.length || (documentId && records[id]?.documentId !== documentId)) return false;
      if (this.#removed.size > 0 && this.#removed.has(id)) return false;
      if (filter && !filter.passes(id)) return false;
      if (candidates.length === pool) return (more = true);
      candidates.push({ id, bm25: filter?.bm25(id) ?? 0, order: candidates.length });
      return false;
    };
    const expanded = query.terms.map((term, i) => {
      // A phrase's word matches whole words only: its own term (without near-misses, no
      // expansion needed) and its near-misses (in the expansion's order).
      if (term.whole && term.nearMisses.length === 0) {
        const own = term.encoded[0] ?? '';
        return this.#index.termId(own) >= 0 ? [own] : [];
      }
      const terms = this.#index.expandWords([words[i] ?? ''])[0] ?? [];
      if (term.prefix !== undefined) return [...new Set([...terms, ...this.#index.expand(term.prefix)])];
      return term.whole ? terms.filter((t) => t === term.encoded[0] || term.nearMisses.includes(t)) : terms;
    });
    const gate = filter?.gate() ?? null;
    for (const field of FIELDS) if (this.#index.visitExpanded(field, expanded, pool + 1, visit, gate)) break;
    candidates.sort((a, b) => b.bm25 - a.bm25 || a.order - b.order);
    const hits: ScoredHit[] = [];
    for (const candidate of candidates) {
      // The filter is exact: a candidate past a full window is a hit too (no ranges needed).
      if (filter && hits.length === window) {
        more = true;
        break;
      }
      const record = this.#records[candidate.id] as ParagraphRecord;
      const hit = this.#hits.hitFor(candidate.id, record, query, candidate.order, candidate.bm25, filter);
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
}
