// Owns the sorted dictionary of indexed terms beside flexsearch: each term's id (its position),
// how many entries hold it, the terms read backwards (compound tails are a range of them), and
// the lookups a query word needs: the terms it may match (equal, starting with or ending with
// it) and its expansions (the most frequent of those). New terms are merged in, never sorted
// again with all the others.
import { lowerBound } from './postings';

/** How many indexed terms one query word may expand to (the most frequent win). */
const MAX_EXPANSIONS = 40;
/**
 * A query word matches compound tails from this length on ("en" would match half the language,
 * "år" ansvar and svar): in expansions, the term filter and match ranges alike.
 */
export const MIN_SUFFIX_LENGTH = 3;
const MAX_SCAN = 5_000;
/** How many query words' matching terms are kept. */
const MATCHING_CACHE = 64;

/** Compares two strings read backwards (last letter first), by UTF-16 code unit. */
function compareBackwards(a: string, b: string): number {
  let i = a.length - 1;
  let j = b.length - 1;
  for (; i >= 0 && j >= 0; i--, j--) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d;
  }
  return i - j;
}

interface DictionaryArrays {
  readonly sorted: string[];
  readonly sortedFreq: Int32Array;
  /** Every term spelt backwards, sorted (for compound tails), and each one's id. */
  /** Term ids ordered by the term read backwards (compound tails are ranges of it). */
  readonly reversedIds: Int32Array;
}

/** Where `key` goes in the ids `order`, sorted by `compare` over `terms`. */
function insertionPoint(
  order: Int32Array,
  terms: readonly string[],
  key: string,
  compare: (a: string, b: string) => number,
): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(terms[order[mid] as number] as string, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The dictionary with `added` (terms it lacks, with their counts) merged in: the same arrays
 * a sort of all terms would give. Only the new terms are compared (a binary search each, in
 * both orders); the old ones are copied and their ids shifted, so an import of a few hundred
 * new words costs milliseconds, not a comparison per term of the whole dictionary.
 */
function mergeTerms(dict: DictionaryArrays, added: ReadonlyMap<string, number>): DictionaryArrays {
  const fresh = [...added.keys()].sort();
  const old = dict.sorted;
  const n = old.length;
  const k = fresh.length;
  // Where each new term goes among the old ones (non-decreasing, as fresh is sorted).
  const at = fresh.map((term) => lowerBound(old, term));
  const sorted = new Array<string>(n + k);
  const sortedFreq = new Int32Array(n + k);
  const moved = new Int32Array(n);
  const freshIds = new Int32Array(k);
  for (let j = 0, i = 0; j <= k; j++) {
    const end = j < k ? (at[j] as number) : n;
    for (; i < end; i++) {
      const o = i + j;
      sorted[o] = old[i] as string;
      sortedFreq[o] = dict.sortedFreq[i] ?? 0;
      moved[i] = o;
    }
    if (j < k) {
      const o = end + j;
      sorted[o] = fresh[j] as string;
      sortedFreq[o] = added.get(fresh[j] as string) ?? 0;
      freshIds[j] = o;
    }
  }
  // The backwards order: the new terms' own, each placed by a binary search in the old one.
  const back = dict.reversedIds;
  const byBack = Array.from(freshIds).sort((a, b) =>
    compareBackwards(sorted[a] as string, sorted[b] as string),
  );
  const backAt = byBack.map((id) => insertionPoint(back, old, sorted[id] as string, compareBackwards));
  const reversedIds = new Int32Array(n + k);
  for (let j = 0, i = 0; j <= k; j++) {
    const end = j < k ? (backAt[j] as number) : n;
    for (; i < end; i++) reversedIds[i + j] = moved[back[i] as number] as number;
    if (j < k) reversedIds[end + j] = byBack[j] as number;
  }
  return { sorted, sortedFreq, reversedIds };
}

/** The terms a query word may match, by id, and how many postings they have in all. */
export interface Matching {
  readonly ids: Int32Array;
  readonly postings: number;
}

export class TermDictionary implements DictionaryArrays {
  readonly sorted: string[];
  readonly sortedFreq: Int32Array;
  readonly reversedIds: Int32Array;
  /** Recent words' matching terms and expansions; emptied when counts change (clearCaches). */
  readonly #matchingCache = new Map<string, Matching>();
  readonly #expansionCache = new Map<string, string[]>();

  constructor(arrays: DictionaryArrays) {
    this.sorted = arrays.sorted;
    this.sortedFreq = arrays.sortedFreq;
    this.reversedIds = arrays.reversedIds;
  }

  /** From each term's count (a build from scratch): sorted both ways once. */
  static fromCounts(counts: ReadonlyMap<string, number>): TermDictionary {
    const sorted = [...counts.keys()].sort();
    const sortedFreq = Int32Array.from(sorted, (t) => counts.get(t) ?? 0);
    const reversedIds = Int32Array.from(sorted.keys()).sort((a, b) =>
      compareBackwards(sorted[a] as string, sorted[b] as string),
    );
    return new TermDictionary({ sorted, sortedFreq, reversedIds });
  }

  /** This dictionary with `added` (terms it lacks, with their counts) merged in. */
  merged(added: ReadonlyMap<string, number>): TermDictionary {
    return new TermDictionary(mergeTerms(this, added));
  }

  clearCaches(): void {
    this.#matchingCache.clear();
    this.#expansionCache.clear();
  }

  /** The ids of the terms that start with `prefix` (a range of the sorted terms), and their postings. */
  prefixed(prefix: string): Matching {
    const [from, to] = this.#prefixRange(prefix);
    let postings = 0;
    for (let id = from; id < to; id++) postings += this.sortedFreq[id] ?? 0;
    return { ids: Int32Array.from({ length: to - from }, (_, i) => from + i), postings };
  }

  /** The id of one term, or -1. */
  id(term: string): number {
    const i = lowerBound(this.sorted, term);
    return this.sorted[i] === term ? i : -1;
  }

  /** How many entries hold `term` (0 when it is not indexed). */
  frequency(term: string): number {
    const id = this.id(term);
    return id < 0 ? 0 : (this.sortedFreq[id] ?? 0);
  }

  /**
   * The ids [from, to) of the terms starting with `term`: two binary searches, no scan (a
   * short word starts thousands of terms).
   */
  #prefixRange(term: string): [number, number] {
    const { sorted } = this;
    const from = lowerBound(sorted, term);
    let lo = from;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as string).startsWith(term)) lo = mid + 1;
      else hi = mid;
    }
    return [from, lo];
  }

  /** The positions [from, to) in reversedIds of the terms ending with `term` (as #prefixRange). */
  #suffixRange(term: string): [number, number] {
    const { sorted, reversedIds } = this;
    const from = insertionPoint(reversedIds, sorted, term, compareBackwards);
    let lo = from;
    let hi = reversedIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[reversedIds[mid] as number] as string).endsWith(term)) lo = mid + 1;
      else hi = mid;
    }
    return [from, lo];
  }

  /**
   * The ids of the terms equal to, starting with or ending with `term`, and their postings;
   * the last few words' are kept: the short and common words people type again and again
   * ("i", "för") match thousands of terms.
   */
  matching(term: string): Matching {
    const known = this.#matchingCache.get(term);
    if (known) {
      this.#matchingCache.delete(term);
      this.#matchingCache.set(term, known);
      return known;
    }
    const { sortedFreq, reversedIds } = this;
    const [start, end] = this.#prefixRange(term);
    const [backStart, backEnd] = term.length >= MIN_SUFFIX_LENGTH ? this.#suffixRange(term) : [0, 0];
    const ids = new Int32Array(end - start + backEnd - backStart);
    let n = 0;
    let postings = 0;
    for (let id = start; id < end; id++) {
      ids[n++] = id;
      postings += sortedFreq[id] ?? 0;
    }
    for (let j = backStart; j < backEnd; j++) {
      const id = reversedIds[j] as number;
      // A term that both starts and ends with the word is in the prefix range already.
      if (id >= start && id < end) continue;
      ids[n++] = id;
      postings += sortedFreq[id] ?? 0;
    }
    const found = { ids: n === ids.length ? ids : ids.slice(0, n), postings };
    this.#matchingCache.set(term, found);
    if (this.#matchingCache.size > MATCHING_CACHE)
      this.#matchingCache.delete(this.#matchingCache.keys().next().value as string);
    return found;
  }

  /** Indexed terms equal to, starting with or ending with `term` (already analysed): exact first, then the most frequent. */
  expand(term: string): string[] {
    if (term === '') return [];
    const known = this.#expansionCache.get(term);
    if (known) return known;
    const expanded = this.#expand(term);
    this.#expansionCache.set(term, expanded);
    if (this.#expansionCache.size > MATCHING_CACHE)
      this.#expansionCache.delete(this.#expansionCache.keys().next().value as string);
    return expanded;
  }

  #expand(term: string): string[] {
    const { sorted, sortedFreq, reversedIds } = this;
    const [start, end] = this.#prefixRange(term);
    const exact = sorted[start] === term ? start : -1;
    // The MAX_EXPANSIONS most frequent ids, kept sorted by frequency (descending) as we scan
    // (of the first MAX_SCAN terms each way); a tie keeps the one met first.
    const ids: number[] = [];
    const freqs: number[] = [];
    const consider = (id: number) => {
      const freq = sortedFreq[id] ?? 0;
      if (ids.length === MAX_EXPANSIONS && freq <= (freqs[freqs.length - 1] as number)) return;
      let i = ids.length;
      while (i > 0 && (freqs[i - 1] as number) < freq) i--;
      ids.splice(i, 0, id);
      freqs.splice(i, 0, freq);
      if (ids.length > MAX_EXPANSIONS) {
        ids.pop();
        freqs.pop();
      }
    };
    for (let id = start; id < end && id < start + MAX_SCAN; id++) if (id !== exact) consider(id);
    if (term.length >= MIN_SUFFIX_LENGTH) {
      const [backStart, backEnd] = this.#suffixRange(term);
      for (let j = backStart; j < backEnd && j < backStart + MAX_SCAN; j++) {
        const id = reversedIds[j] as number;
        if (id < start || id >= end) consider(id);
      }
    }
    const own = exact >= 0 ? [term] : [];
    return [...own, ...ids.slice(0, MAX_EXPANSIONS - own.length).map((id) => sorted[id] as string)];
  }
}
