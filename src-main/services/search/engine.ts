// Owns the paragraph search engine: one flexsearch entry per paragraph (document id,
// paragraph number, heading, text) and one per document (title and designation), candidates
// from flexsearch, BM25 over the candidates' term codes, then our own match ranges and the
// final ranking (BM25 with titles and headings weighing more, exact forms before inflections
// before compound parts before near-misses), and spelling correction of the query. Used by
// the app's search service, the CLI, the worker and the benchmark alike: one implementation.
import type { SearchCorrection, SearchHit, SearchResponse } from '../../shared/search';
import { analyzeWord, foldedText, isKnownWord, tokenize } from './analyzer';
import { SpellingIndex, closestWords, splitWordQueries, widenToNearSpellings } from './correction';
import { NearMisses, type NearMissEntry, type NearMissTable } from './near-misses';
import { TermIndex } from './flex';
import { HeadingTerms } from './headings';
import {
  Scratch,
  TermFilter,
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
import { parseQuery, type ParsedQuery } from './query';
import { replaceWord, suggestCorrections, type Vocabulary } from './suggest';

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
  readonly vocabulary: ReadonlyArray<readonly [string, number]> | string | (() => string);
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
/** Weights of the final score: BM25 beside the match quality (exact 5 … near-miss 1 per unit). */
const BM25_WEIGHT = 0.6;
const DOCUMENT_BONUS = 4;
/** Fewer hits than this make the engine try a corrected spelling. */
const FEW_HITS = 3;
/** …which is shown instead when it finds this many times as many. */
const CORRECTION_RATIO = 3;
const ONLY_LETTERS = /^\p{L}+$/u;
const FIELDS = ['text', 'heading'] as const;

export interface ScoredHit {
  readonly hit: SearchHit;
  readonly rank: number;
}

export class SearchEngine {
  readonly #index = new TermIndex(FIELDS);
  readonly #records: ParagraphRecord[] = [];
  readonly #vocabulary: Vocabulary = new Map();
  /** The stored vocabulary, until a correction needs it (most sessions never do). */
  #vocabularyJson: string | (() => string) | null = null;
  readonly #foldedHeadings = new Map<string, string | null>();
  /** Every paragraph's text as term codes; made at export or on the first search when not imported. */
  #sequencesMade: TermSequences | null = null;
  #headings: HeadingTerms | null = null;
  readonly #scratch = new Scratch();
  /** Reused by #matchCoded. */
  readonly #tokenMarks: number[] = [];
  /** The near-miss table's words (kept up to date by add and remove), and the stored one until used. */
  #nearMissWords: NearMisses | null = null;
  #nearMissJson: string | null = null;
  /** The table itself, made from #nearMissWords on use. */
  #nearMisses: NearMissTable | null = null;
  /** The other way round: a misspelling's key → the common word it misspells, as written. */
  #misspelt = new Map<string, string>();
  /** Correction targets, made from the vocabulary on the first correction; add and remove update them. */
  #spelling: SpellingIndex | null = null;
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
    const vocabulary = this.#words();
    const changed = new Map<string, number>();
    for (const record of records) {
      const id = this.#records.length;
      this.#records.push(record);
      this.#index.add(id, { text: record.text, heading: record.heading ?? '' });
      for (const token of tokenize(record.text)) {
        const count = vocabulary.get(token.lower) ?? 0;
        if (!changed.has(token.lower)) changed.set(token.lower, count);
        vocabulary.set(token.lower, count + 1);
      }
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
    this.#countsChanged(vocabulary, changed);
  }

  /**
   * Drops everything made from all records, so that the next search makes it again: what
   * every add did before it extended them (`npm run bench:import-index` compares the two).
   */
  forgetMade(): void {
    this.#index.forgetDictionary();
    this.#sequencesMade = null;
    this.#headings = null;
    this.#nearMissWords = null;
    this.#nearMisses = null;
    this.#nearMissJson = null;
    this.#spelling = null;
    this.#removedSize = null;
  }

  /** The near-miss table and the correction targets, when made, take in changed word counts. */
  #countsChanged(vocabulary: Vocabulary, changed: ReadonlyMap<string, number>): void {
    if (changed.size === 0) return;
    if (this.#nearMissWords || this.#nearMissJson !== null) {
      this.#nearMissEntries();
      this.#nearMissWords?.update(vocabulary, changed);
      this.#nearMisses = null;
    }
    if (this.#spelling && !this.#spelling.update(vocabulary, changed)) this.#spelling = null;
  }

  /**
   * Takes a document's entries out of the index at once (a removed import): they are never
   * candidates again and no query finds or is corrected to their words (their terms count
   * zero; a correction needs a term that entries hold). Their positions stay taken (ids are
   * positions), and the term codes stay valid, so nothing is rebuilt: rebuilding them reads
   * every text of the collection. Returns how many entries were removed.
   */
  remove(documentId: string): number {
    let removed = 0;
    // The vocabulary counts only once it is a Map (after an add); the stored one never held imports.
    const vocabulary = this.#vocabularyJson === null ? this.#vocabulary : null;
    const changed = new Map<string, number>();
    this.#records.forEach((record, id) => {
      if (record.documentId !== documentId || this.#removed.has(id)) return;
      this.#index.remove(id, { text: record.text, heading: record.heading ?? '' });
      this.#removed.add(id);
      this.#removedSize = null;
      removed++;
      if (vocabulary)
        for (const token of tokenize(record.text)) {
          const count = vocabulary.get(token.lower) ?? 0;
          if (!changed.has(token.lower)) changed.set(token.lower, count);
          if (count > 1) vocabulary.set(token.lower, count - 1);
          else vocabulary.delete(token.lower);
        }
    });
    if (vocabulary) this.#countsChanged(vocabulary, changed);
    return removed;
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
      vocabulary: JSON.stringify([...this.#words()]),
      tokenStarts: encodeIds(starts),
      tokenCodes: encodeIds(codes),
      termRanks: encodeIds(ranks),
      headingStarts: encodeIds(headings.starts),
      headingCodes: encodeIds(headings.codes),
      nearMisses: JSON.stringify(this.#nearMissEntries()),
    };
  }

  /** Misspellings in the text of each common word's key; made at export or on first use. */
  #nearMissTable(): NearMissTable {
    if (!this.#nearMisses) {
      const entries = this.#nearMissEntries();
      this.#nearMisses = new Map(entries.map(([key, misspellings]) => [key, misspellings]));
      this.#misspelt = new Map(
        entries.flatMap(([, misspellings, word]) => misspellings.map((m) => [m, word] as const)),
      );
    }
    return this.#nearMisses;
  }

  #nearMissEntries(): NearMissEntry[] {
    if (!this.#nearMissWords) {
      this.#nearMissWords =
        this.#nearMissJson !== null
          ? NearMisses.fromEntries(JSON.parse(this.#nearMissJson) as NearMissEntry[])
          : NearMisses.fromVocabulary(this.#words());
      this.#nearMissJson = null;
    }
    return this.#nearMissWords.entries();
  }

  #spellingIndex(): SpellingIndex {
    if (!this.#spelling) {
      if (this.#vocabularyJson !== null && this.#vocabulary.size === 0) {
        // Straight from the stored JSON: the full vocabulary never becomes a Map in the app
        // unless documents are added (the stored words stay until then: add needs their counts).
        const pairs = this.#storedVocabulary(false);
        this.#spelling = new SpellingIndex(pairs, pairs.length);
      } else this.#spelling = new SpellingIndex(this.#words(), this.#words().size);
    }
    return this.#spelling;
  }

  /**
   * Makes now what the first search would otherwise make on the user's first keystroke (the
   * near-miss table, the lexicon, the term dictionary): some 100-200 ms at regeringen.se scale.
   */
  prepare(): void {
    this.rank(this.parse('och'), 1);
  }

  /** A query as typed, each word with the misspellings of it the text holds. */
  parse(raw: string): ParsedQuery {
    const query = parseQuery(raw);
    const table = this.#nearMissTable();
    for (const term of query.terms) term.nearMisses.push(...(table.get(term.encoded[0] ?? '') ?? []));
    return query;
  }

  #words(): Vocabulary {
    if (this.#vocabularyJson !== null) {
      for (const [word, count] of this.#storedVocabulary()) this.#vocabulary.set(word, count);
    }
    return this.#vocabulary;
  }

  /** The stored vocabulary's pairs (then forgotten, unless `forget` is false). */
  #storedVocabulary(forget = true): Array<[string, number]> {
    const stored = this.#vocabularyJson;
    if (forget) this.#vocabularyJson = null;
    if (stored === null) return [];
    return JSON.parse(typeof stored === 'string' ? stored : stored()) as Array<[string, number]>;
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
    if (data.nearMisses) this.#nearMissJson = data.nearMisses;
    if (typeof data.vocabulary === 'string' || typeof data.vocabulary === 'function')
      this.#vocabularyJson = data.vocabulary;
    else for (const [word, count] of data.vocabulary) this.#vocabulary.set(word, count);
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
    const correction = options.verbatim ? null : this.#correct(raw, query, first.hits.length);
    if (correction) {
      const second = this.#rankAll(this.parse(correction.query), limit, options);
      const enough = Math.max(1, first.hits.length) * CORRECTION_RATIO;
      if (second.hits.length > 0 && (first.hits.length === 0 || second.hits.length >= enough || second.more))
        return { query: raw, hits: second.hits, more: second.more, suggestions: [], correction };
    }
    // Nothing as typed or corrected: long words may also match text words one edit away.
    if (first.hits.length === 0 && !options.verbatim) {
      const wide = this.parse(raw);
      if (widenToNearSpellings(wide.terms, this.#spellingIndex())) {
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
            this.#spellingIndex(),
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

  /**
   * The query with each word that finds nothing, or few hits while the lexicon does not know
   * it (intergration, misspelt once in the text), replaced by the collection's closest word
   * that finds more; null when no word changes. A known word is kept when the query found
   * anything (a note's own word, say).
   */
  #correct(raw: string, query: ParsedQuery, found: number): SearchCorrection | null {
    const words: Array<[string, string]> = [];
    let corrected = raw;
    for (const term of query.terms) {
      // Numbers and designations (2025:55, FPM45) are never respelt.
      if (!ONLY_LETTERS.test(term.lower)) continue;
      // How many entries hold the word's own lemma: cheap, from the dictionary.
      const own = this.#index.frequencyOf(term.encoded[0] ?? '');
      if (own >= FEW_HITS || ((own > 0 || found > 0) && isKnownWord(term.lower))) continue;
      // A word the text holds a few times: a misspelling found at build time, or left alone
      // (scanning the vocabulary for every rare word would cost milliseconds per query).
      if (own > 0) {
        this.#nearMissTable();
        const word = this.#misspelt.get(term.encoded[0] ?? '');
        if (word && this.#index.frequencyOf(analyzeWord(word).encoded[0] ?? '') > own) {
          corrected = replaceWord(corrected, term.lower, word);
          words.push([term.lower, word]);
        }
        continue;
      }
      for (const candidate of closestWords(term.lower, this.#spellingIndex(), 4)) {
        if (this.#index.frequencyOf(analyzeWord(candidate.word).encoded[0] ?? '') > own) {
          corrected = replaceWord(corrected, term.lower, candidate.word);
          words.push([term.lower, candidate.word]);
          break;
        }
      }
    }
    return words.length === 0 ? null : { query: corrected.trim(), original: raw, words };
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
    );
    filter?.markEntries(this.#records.length);
    const seen = this.#scratch.zeroed('seen', this.#records.length);
    const candidates: Array<{ id: number; bm25: number; order: number }> = [];
    let more = false;
    const visit = (id: number): boolean => {
      if (seen[id] === 1) return false;
      seen[id] = 1;
      if (this.#removed.size > 0 && this.#removed.has(id)) return false;
      if (filter && !filter.passes(id)) return false;
      const record = this.#records[id];
      if (!record || (documentId && record.documentId !== documentId)) return false;
      if (candidates.length === pool) return (more = true);
      candidates.push({ id, bm25: filter?.bm25(id) ?? 0, order: candidates.length });
      return false;
    };
    const expanded = this.#index.expandWords(words).map((terms, i) => {
      const term = query.terms[i];
      // A phrase's word matches whole words only: its own term and its near-misses.
      return term?.whole ? terms.filter((t) => t === term.encoded[0] || term.nearMisses.includes(t)) : terms;
    });
    for (const field of FIELDS) if (this.#index.visitExpanded(field, expanded, pool + 1, visit)) break;
    candidates.sort((a, b) => b.bm25 - a.bm25 || a.order - b.order);
    const hits: ScoredHit[] = [];
    for (const candidate of candidates) {
      const record = this.#records[candidate.id] as ParagraphRecord;
      const hit = this.#hitFor(candidate.id, record, query, candidate.order, candidate.bm25, filter);
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
    const marks = this.#tokenMarks;
    const text = matchMarked(body, query, filter.tokenMarks(id, false, marks));
    if (!text) return null;
    if (!record.heading) return { text, heading: null };
    const heading = matchMarked(record.heading, query, filter.tokenMarks(id, true, marks));
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

  #hitFor(
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
