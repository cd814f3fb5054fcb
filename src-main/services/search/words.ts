// Owns the words the indexed text holds, with their counts, and what is made from them: the
// near-miss table (misspellings in the text of each common word) and the correction targets
// (the collection's own words a misspelt query is corrected to). Stored with the index and
// read lazily: most sessions never correct a query, and the full vocabulary of regeringen.se
// stays JSON until one does. Kept up to date word by word when documents are added or removed.
import type { SearchCorrection } from '../../shared/search';
import { analyzeWord, isKnownWord, tokenize } from './analyzer';
import { SpellingIndex, closestWords } from './correction';
import { NearMisses, type NearMissEntry, type NearMissTable } from './near-misses';
import type { ParsedQuery } from './query';
import { replaceWord, type Vocabulary } from './suggest';

/** Fewer hits than this make the engine try a corrected spelling. */
export const FEW_HITS = 3;
const ONLY_LETTERS = /^\p{L}+$/u;

/** The stored vocabulary: pairs, their JSON, or a function that reads that JSON from the stored index. */
export type StoredVocabulary = ReadonlyArray<readonly [string, number]> | string | (() => string);

export class CollectionWords {
  readonly #vocabulary: Vocabulary = new Map();
  /** The stored vocabulary, until a correction needs it (most sessions never do). */
  #vocabularyJson: string | (() => string) | null = null;
  /** The near-miss table's words (kept up to date by add and remove), and the stored one until used. */
  #nearMissWords: NearMisses | null = null;
  #nearMissJson: string | null = null;
  /** The table itself, made from #nearMissWords on use. */
  #nearMisses: NearMissTable | null = null;
  /** The other way round: a misspelling's key → the common word it misspells, as written. */
  #misspelt = new Map<string, string>();
  /** Correction targets, made from the vocabulary on the first correction; add and remove update them. */
  #spelling: SpellingIndex | null = null;

  /** Takes what an exported index stored. */
  load(vocabulary: StoredVocabulary, nearMisses: string | undefined): void {
    if (nearMisses) this.#nearMissJson = nearMisses;
    if (typeof vocabulary === 'string' || typeof vocabulary === 'function') this.#vocabularyJson = vocabulary;
    else for (const [word, count] of vocabulary) this.#vocabulary.set(word, count);
  }

  /** Counts the words of texts added to the index (what is made takes in only the changed words). */
  add(texts: Iterable<string>): void {
    const vocabulary = this.counts();
    const changed = new Map<string, number>();
    for (const text of texts)
      for (const token of tokenize(text)) {
        const count = vocabulary.get(token.lower) ?? 0;
        if (!changed.has(token.lower)) changed.set(token.lower, count);
        vocabulary.set(token.lower, count + 1);
      }
    this.#countsChanged(vocabulary, changed);
  }

  /** Uncounts the words of texts taken out of the index. */
  remove(texts: Iterable<string>): void {
    // The vocabulary counts only once it is a Map (after an add); the stored one never held imports.
    if (this.#vocabularyJson !== null) return;
    const vocabulary = this.#vocabulary;
    const changed = new Map<string, number>();
    for (const text of texts)
      for (const token of tokenize(text)) {
        const count = vocabulary.get(token.lower) ?? 0;
        if (!changed.has(token.lower)) changed.set(token.lower, count);
        if (count > 1) vocabulary.set(token.lower, count - 1);
        else vocabulary.delete(token.lower);
      }
    this.#countsChanged(vocabulary, changed);
  }

  /** Drops what is made from the counts (made again on use). */
  forgetMade(): void {
    this.#nearMissWords = null;
    this.#nearMisses = null;
    this.#nearMissJson = null;
    this.#spelling = null;
  }

  /** The near-miss table and the correction targets, when made, take in changed word counts. */
  #countsChanged(vocabulary: Vocabulary, changed: ReadonlyMap<string, number>): void {
    if (changed.size === 0) return;
    if (this.#nearMissWords || this.#nearMissJson !== null) {
      this.nearMissEntries();
      this.#nearMissWords?.update(vocabulary, changed);
      this.#nearMisses = null;
    }
    if (this.#spelling && !this.#spelling.update(vocabulary, changed)) this.#spelling = null;
  }

  /** Misspellings in the text of each common word's key; made at export or on first use. */
  nearMissTable(): NearMissTable {
    if (!this.#nearMisses) {
      const entries = this.nearMissEntries();
      this.#nearMisses = new Map(entries.map(([key, misspellings]) => [key, misspellings]));
      this.#misspelt = new Map(
        entries.flatMap(([, misspellings, word]) => misspellings.map((m) => [m, word] as const)),
      );
    }
    return this.#nearMisses;
  }

  nearMissEntries(): NearMissEntry[] {
    if (!this.#nearMissWords) {
      this.#nearMissWords =
        this.#nearMissJson !== null
          ? NearMisses.fromEntries(JSON.parse(this.#nearMissJson) as NearMissEntry[])
          : NearMisses.fromVocabulary(this.counts());
      this.#nearMissJson = null;
    }
    return this.#nearMissWords.entries();
  }

  spellingIndex(): SpellingIndex {
    if (!this.#spelling) {
      if (this.#vocabularyJson !== null && this.#vocabulary.size === 0) {
        // Straight from the stored JSON: the full vocabulary never becomes a Map in the app
        // unless documents are added (the stored words stay until then: add needs their counts).
        const pairs = this.#storedVocabulary(false);
        this.#spelling = new SpellingIndex(pairs, pairs.length);
      } else this.#spelling = new SpellingIndex(this.counts(), this.counts().size);
    }
    return this.#spelling;
  }

  /** Every word with its count (the stored JSON read into a Map on first use). */
  counts(): Vocabulary {
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

  /**
   * The query with each word that finds nothing, or few hits while the lexicon does not know
   * it (intergration, misspelt once in the text), replaced by the collection's closest word
   * that finds more; null when no word changes. A known word is kept when the query found
   * anything (a note's own word, say). `entriesOf`: how many entries hold a lemma key.
   */
  correct(
    raw: string,
    query: ParsedQuery,
    found: number,
    entriesOf: (key: string) => number,
  ): SearchCorrection | null {
    const words: Array<[string, string]> = [];
    let corrected = raw;
    const keyOf = (word: string) => analyzeWord(word).encoded[0] ?? '';
    for (const term of query.terms) {
      // Numbers and designations (2025:55, FPM45) are never respelt.
      if (!ONLY_LETTERS.test(term.lower)) continue;
      // How many entries hold the word's own lemma: cheap, from the dictionary.
      const own = entriesOf(term.encoded[0] ?? '');
      if (own >= FEW_HITS || ((own > 0 || found > 0) && isKnownWord(term.lower))) continue;
      // A word the text holds a few times: a misspelling found at build time, or left alone
      // (scanning the vocabulary for every rare word would cost milliseconds per query).
      if (own > 0) {
        this.nearMissTable();
        const word = this.#misspelt.get(term.encoded[0] ?? '');
        if (word && entriesOf(keyOf(word)) > own) {
          corrected = replaceWord(corrected, term.lower, word);
          words.push([term.lower, word]);
        }
        continue;
      }
      for (const candidate of closestWords(term.lower, this.spellingIndex(), 4)) {
        if (entriesOf(keyOf(candidate.word)) > own) {
          corrected = replaceWord(corrected, term.lower, candidate.word);
          words.push([term.lower, candidate.word]);
          break;
        }
      }
    }
    return words.length === 0 ? null : { query: corrected.trim(), original: raw, words };
  }
}
