// Owns the test built on the term codes: can every word and phrase of a query match in this
// paragraph? It uses termQuality's rule (a term equal to, starting with or ending with the
// query word, with no cap on how many terms that is), so it rules out exactly the paragraphs
// the match code would reject, without reading their text; and BM25 from the same pass. A
// common pair of words or a phrase whose words are everywhere but rarely side by side no
// longer costs a text scan per candidate.
import type { HeadingTerms } from './headings';
import type { AdjacentPairs } from './pairs';
import type { Gate } from './postings';
import type { ParsedQuery } from './query';
import type { Scratch, StampedTable } from './scratch';
import { varintAt, type Removed, type TermIndexView, type TermSequences } from './sequences';

/** At most this many query words get a bit of their own; longer queries skip the test. */
const MAX_TERMS = 8;

/** A query word whose terms have at most this many postings marks its entries up front. */
const ENTRY_MARK_LIMIT = 60_000;

/**
 * A phrase's entries come from the pair lists (pairs.ts) when (rows listed)² < this × (entries
 * holding its rarer word): marking a list costs some nanoseconds a row, while scanning costs
 * some hundred an entry, over about as many entries as hold the rarer word per entry that
 * holds the pair, until the pool is full. "för att" (listed everywhere) keeps the scan, which
 * finds its pool in the first entries; "gäller på" takes the list.
 */
const PAIR_LIST_WORTH = 5_000;

const NONE_REMOVED: Removed = { entries: 0, words: 0 };

/** TermFilter.tokenMarks' buffer (one query at a time, one entry at a time). */
let markBuffer = new Uint8Array(4096);

/** A phrase of a query: its unit's bit in the result, and each word's bit in the marks. */
interface Phrase {
  readonly unit: number;
  /** The unit's position in the query. */
  readonly index: number;
  readonly bits: readonly number[];
}

/** BM25's parameters: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** A query word in the heading a paragraph stands under counts like this many in its text. */
const HEADING_WEIGHT = 2;
/** A compound part or near-miss counts this much of an occurrence of the word itself. */
const PART_WEIGHT = 0.3;

/**
 * A necessary test for a phrase in a text's codes: its first two words side by side put the
 * last byte of the first word's varint right before the first byte of the second's; or, when
 * the pair lists were marked for it, the entry's bit in them.
 */
interface PairTest {
  readonly unit: number;
  /** The unit's position in the query. */
  readonly index: number;
  /** Byte → 1 when it may end a code the phrase's first word matches. */
  readonly ends: Uint8Array;
  /** Byte → 1 when it may start a code its second word matches. */
  readonly starts: Uint8Array;
  /**
   * Its first and second word's term ids (its own, then misspellings of it in the text) and
   * how many entries hold each, when both match whole words only: what the pair lists need.
   */
  readonly words: readonly [WholeWord, WholeWord] | null;
  /** Whether markEntries marked its entries from the pair lists (in the filter's entry marks). */
  listed: boolean;
}

/** A phrase word that matches whole words only: its terms' ids and postings. */
interface WholeWord {
  readonly ids: number[];
  readonly postings: number[];
}

/** The pair test of a phrase whose first word matches the codes `first`, its second `second`. */
function pairTest(
  { unit, index }: Phrase,
  first: readonly number[],
  second: readonly number[],
  any: number,
  words: readonly [WholeWord, WholeWord] | null,
): PairTest {
  const ends = new Uint8Array(256);
  const starts = new Uint8Array(256);
  // `any` may match every query word. A code's first byte holds its low 7 bits (the high bit
  // set when more follow), its last byte the highest group.
  for (const code of [...second, any]) starts[code < 128 ? code : (code & 127) | 128] = 1;
  for (const code of [...first, any]) {
    let last = code;
    while (last >= 128) last >>>= 7;
    ends[last] = 1;
  }
  return { unit, index, ends, starts, words, listed: false };
}

/** Whether codes[from, to) has a byte `ends` allows right before one `starts` allows. */
function mayHold(pair: PairTest, codes: Uint8Array, from: number, to: number): boolean {
  const { ends, starts } = pair;
  for (let i = from + 1; i < to; i++)
    if (starts[codes[i] as number] === 1 && ends[codes[i - 1] as number] === 1) return true;
  return false;
}

/** A parsed query compiled to a bit per query word over term codes. */
export class TermFilter {
  /** Code → bits of the query words it matches. */
  readonly #marks: Uint8Array;
  /**
   * Per single-word unit: its word's bit, the unit's bit in the result, and its position;
   * flat, for the loop that runs per word of every candidate.
   */
  readonly #singles: Int32Array;
  /** Per unit: how many entries may hold it (its terms' postings), and its IDF. */
  readonly #idf: Float64Array;
  /**
   * Per unit: how often it occurred in the last text read by #matched (BM25's tf), a word
   * of its own lemma counting 1 and a compound part or near-miss PART_WEIGHT.
   */
  readonly #tf: Float64Array;
  /** Code → bits of the query words whose own lemma key it is. */
  readonly #ownMarks: Uint8Array;
  #counting = false;
  /** How many words the text #matched last counted held. */
  #words = 0;
  readonly #averageLength: number;
  readonly #phrases: Phrase[] = [];
  /** Shift-and state per phrase while reading one text, and over its words' own lemmas. */
  readonly #states: Int32Array;
  readonly #ownStates: Int32Array;
  readonly #all: number;
  readonly #index: TermIndexView;
  readonly #sequences: TermSequences;
  readonly #headings: HeadingTerms;
  /** Per heading, which units can match in it (-1: not yet looked at). */
  readonly #headingMasks: StampedTable;
  /** Query words (bit, term ids) few enough to mark their entries. */
  readonly #entryTerms: Array<[number, Array<ArrayLike<number>>]> = [];
  #entries: Uint8Array | null = null;
  #entryBits = 0;
  readonly #scratch: Scratch;

  private constructor(
    query: ParsedQuery,
    index: TermIndexView,
    sequences: TermSequences,
    headings: HeadingTerms,
    scratch: Scratch,
    removed: Removed,
    pairs: AdjacentPairs | null,
  ) {
    this.#index = index;
    this.#pairLists = pairs;
    this.#sequences = sequences;
    this.#headings = headings;
    this.#scratch = scratch;
    this.#headingMasks = scratch.cleared('headings', headings.count);
    const { ranks } = sequences;
    const marked = scratch.marked('marks', sequences.codeCount);
    const marks = (this.#marks = marked.bytes);
    marked.or(sequences.any, 255);
    // BM25 over the entries still indexed: removed ones keep their codes but count for nothing.
    const entries = sequences.starts.length - 1 - removed.entries;
    this.#averageLength = entries > 0 ? (sequences.words - removed.words) / entries || 1 : 1;
    this.#idf = new Float64Array(query.units.length);
    this.#df = new Float64Array(query.units.length);
    this.#tf = new Float64Array(query.units.length);
    const ownMarked = scratch.marked('own', sequences.codeCount);
    this.#ownMarks = ownMarked.bytes;
    let bit = 1;
    const phraseCodes = new Map<number, number[]>();
    const wholeWords = new Map<number, WholeWord>();
    const singles: number[] = [];
    query.units.forEach((unit, u) => {
      let unitPostings = Infinity;
      const bits = unit.terms.map((term) => {
        const word = term.encoded[0] ?? '';
        const own = bit;
        bit <<= 1;
        const exact = index.termId(word);
        let postings = 0;
        // The term ids the word matches, as lists (the dictionary's cached one, and near-misses):
        // each query word's bit is its own, so no id is marked twice for it.
        const lists: Array<ArrayLike<number>> = [];
        // A phrase's first two words keep their codes for its pair test.
        const codes: number[] | null =
          unit.terms.length > 1 && (term === unit.terms[0] || term === unit.terms[1]) ? [] : null;
        if (codes) phraseCodes.set(own, codes);
        const whole: WholeWord | null = codes && term.whole ? { ids: [], postings: [] } : null;
        if (whole) wholeWords.set(own, whole);
        // A term's code is its own (ranks is one to one), so its mark says whether this word
        // marked the term already.
        const markedFor = (id: number) => ((marks[ranks[id] as number] as number) & own) !== 0;
        const mark = (id: number) => {
          const code = ranks[id] as number;
          marked.or(code, own);
          codes?.push(code);
        };
        if (!term.whole) {
          const matching = index.matching(word);
          const ids = matching.ids;
          // A short word ("i", "för") matches thousands of terms.
          if (codes) for (let i = 0; i < ids.length; i++) mark(ids[i] as number);
          else for (let i = 0; i < ids.length; i++) marked.or(ranks[ids[i] as number] as number, own);
          lists.push(matching.ids);
          postings = matching.postings;
        } else if (exact >= 0) {
          // A phrase's word: whole words only (termQuality's rule for it), its own term.
          mark(exact);
          lists.push([exact]);
          postings = index.frequencyOf(word);
          whole?.ids.push(exact);
          whole?.postings.push(postings);
        }
        // An unfinished word also matches the terms that start with it as typed.
        if (term.prefix !== undefined) {
          const prefixed = index.prefixed(term.prefix);
          for (let i = 0; i < prefixed.ids.length; i++)
            if (!markedFor(prefixed.ids[i] as number)) mark(prefixed.ids[i] as number);
          lists.push(prefixed.ids);
          postings += prefixed.postings;
        }
        if (exact >= 0) ownMarked.or(ranks[exact] as number, own);
        // Misspellings of the word in the text match it too (only those exact terms).
        const near: number[] = [];
        for (const miss of term.nearMisses) {
          const id = index.termId(miss);
          if (id < 0 || markedFor(id)) continue;
          mark(id);
          near.push(id);
          const count = index.frequencyOf(miss);
          postings += count;
          whole?.ids.push(id);
          whole?.postings.push(count);
        }
        if (near.length > 0) lists.push(near);
        if (query.terms.length > 1 && postings <= ENTRY_MARK_LIMIT) this.#entryTerms.push([own, lists]);
        unitPostings = Math.min(unitPostings, postings);
        return own;
      });
      const df = Math.min(unitPostings, entries);
      this.#df[u] = df;
      this.#idf[u] = Math.log(1 + (entries - df + 0.5) / (df + 0.5));
      if (bits.length === 1) singles.push(bits[0] as number, 1 << u, u);
      else this.#phrases.push({ unit: 1 << u, index: u, bits });
    });
    this.#singles = Int32Array.from(singles);
    this.#states = new Int32Array(this.#phrases.length);
    this.#ownStates = new Int32Array(this.#phrases.length);
    this.#all = (1 << query.units.length) - 1;
    this.#pairTests = this.#phrases.map((p) => {
      const first = wholeWords.get(p.bits[0] ?? 0);
      const second = wholeWords.get(p.bits[1] ?? 0);
      return pairTest(
        p,
        phraseCodes.get(p.bits[0] ?? 0) ?? [],
        phraseCodes.get(p.bits[1] ?? 0) ?? [],
        sequences.any,
        first && second ? [first, second] : null,
      );
    });
  }

  /**
   * The filter for a query, or null when it has too many words to test this way, or a word
   * whose key is empty (it would match every term: the match code reads the texts instead).
   */
  static for(
    query: ParsedQuery,
    index: TermIndexView,
    sequences: TermSequences,
    headings: HeadingTerms,
    scratch: Scratch,
    removed: Removed = NONE_REMOVED,
    pairs: AdjacentPairs | null = null,
  ): TermFilter | null {
    if (query.terms.length > MAX_TERMS || query.units.length === 0 || query.units.length > 15) return null;
    if (query.terms.some((term) => (term.encoded[0] ?? '') === '')) return null;
    return new TermFilter(query, index, sequences, headings, scratch, removed, pairs);
  }

  /**
   * Which units can match in the varint codes[from, to), as a bit mask: one pass, phrases by
   * shift-and (runs for every candidate: plain loops, no allocation).
   */
  #matched(codes: Uint8Array, from: number, to: number): number {
    const marks = this.#marks;
    const phrases = this.#phrases;
    const states = this.#states;
    const ownStates = this.#ownStates;
    const tf = this.#tf;
    const ownMarks = this.#ownMarks;
    const counting = this.#counting;
    // Plain index loops over typed arrays: this runs for every word of every candidate, and an
    // array destructured in a for-of allocated an iterator per word before it was optimised.
    const singles = this.#singles;
    // Plain loops, not fill: a builtin call per text (and per word after a phrase's word)
    // showed in every query's time.
    for (let p = 0; p < phrases.length; p++) {
      states[p] = 0;
      ownStates[p] = 0;
    }
    // Whether some phrase has a word matched at the previous token (else a token that no
    // query word matches, most of them, costs only its decoding).
    let open = false;
    let seen = 0;
    let found = 0;
    let words = 0;
    let i = from;
    while (i < to) {
      const read = varintAt(codes, i);
      i += read & 7;
      const code = read >> 3;
      words++;
      const mark = marks[code] as number;
      if (mark === 0) {
        if (open) {
          for (let p = 0; p < phrases.length; p++) {
            states[p] = 0;
            ownStates[p] = 0;
          }
          open = false;
        }
        continue;
      }
      seen |= mark;
      if (counting)
        for (let k = 0; k < singles.length; k += 3) {
          const bit = singles[k] as number;
          const u = singles[k + 2] as number;
          if (mark & bit) tf[u] = (tf[u] as number) + ((ownMarks[code] as number) & bit ? 1 : PART_WEIGHT);
        }
      open = false;
      const own = ownMarks[code] as number;
      for (let p = 0; p < phrases.length; p++) {
        const { bits, unit, index } = phrases[p] as Phrase;
        let hits = 0;
        let ownHits = 0;
        for (let k = 0; k < bits.length; k++) {
          const bit = bits[k] as number;
          if (mark & bit) hits |= 1 << k;
          if (own & bit) ownHits |= 1 << k;
        }
        const state = (((states[p] as number) << 1) | 1) & hits;
        states[p] = state;
        // The same run over the words' own lemmas only: a phrase whose words all are forms
        // of the words typed counts 1, one with a part of a word or a near-miss PART_WEIGHT,
        // as a single word does ("det gick" typed: "det går" before "det gäller").
        const ownState = (((ownStates[p] as number) << 1) | 1) & ownHits;
        ownStates[p] = ownState;
        if (state !== 0) open = true;
        const last = 1 << (bits.length - 1);
        if (state & last) {
          found |= unit;
          if (counting) tf[index] = (tf[index] as number) + (ownState & last ? 1 : PART_WEIGHT);
        }
      }
    }
    if (counting) this.#words = words;
    for (let k = 0; k < singles.length; k += 3)
      if (seen & (singles[k] as number)) found |= singles[k + 1] as number;
    return found;
  }

  /**
   * #matched, counting, for a query of one word (most queries): the same tf and length in a
   * loop that does only that (it runs for every word of some hundred candidates a query).
   */
  #countWord(codes: Uint8Array, from: number, to: number): number {
    const marks = this.#marks;
    const ownMarks = this.#ownMarks;
    const bit = this.#singles[0] as number;
    let tf = 0;
    let words = 0;
    let seen = false;
    let i = from;
    while (i < to) {
      const read = varintAt(codes, i);
      i += read & 7;
      const code = read >> 3;
      words++;
      if ((marks[code] as number) & bit) {
        seen = true;
        tf += (ownMarks[code] as number) & bit ? 1 : PART_WEIGHT;
      }
    }
    this.#tf[0] = tf;
    this.#words = words;
    return seen ? (this.#singles[1] as number) : 0;
  }

  /**
   * Marks, per entry, which of the rarer query words it holds (text or heading), by walking
   * their posting lists once, and which phrases it may hold from the pair lists
   * (#listedPhrases): a candidate lacking one is dropped with one array read (gate). Worth it
   * only with several words (entries: how many entries the index has).
   */
  markEntries(entries: number): void {
    const phrases = this.#listedPhrases();
    if (this.#entryTerms.length === 0 && phrases.length === 0) return;
    const marks = (this.#entries = this.#scratch.zeroed('entries', entries));
    for (const [bit, lists] of this.#entryTerms) {
      for (const termIds of lists) this.#index.markEntries(termIds, marks, bit);
      this.#entryBits |= bit;
    }
    // A phrase takes a bit no word took: one of a word that marks no entries (a common one),
    // or one after the query's words.
    const pairs = this.#pairLists as AdjacentPairs;
    for (const { test, first, second, rest } of phrases) {
      const free = ~this.#entryBits & 0xff;
      if (free === 0) break;
      const bit = free & -free;
      for (const x of first) for (const y of second) pairs.mark(x, y, marks, bit);
      if (rest.length > 0) this.#index.markEntries(rest, marks, bit);
      this.#entryBits |= bit;
      test.listed = true;
    }
  }

  /**
   * The entries a candidate must be marked in (markEntries), for the caller's walk over
   * postings to skip the others without visiting them; null when there are none.
   */
  gate(): Gate | null {
    return this.#entries ? { bytes: this.#entries, bits: this.#entryBits } : null;
  }

  /**
   * The phrases of whole words whose entries come from the pair lists (pairs.ts): those whose
   * pairs are few beside the entries holding their rarer word (PAIR_LIST_WORTH). With the
   * codes of their first and second word that have lists (and `any`), and the term ids of the
   * others: a misspelling of a word has none (it is a rare term), so every entry holding it is
   * marked, and the codes decide.
   */
  #listedPhrases(): Array<{ test: PairTest; first: number[]; second: number[]; rest: number[] }> {
    const lists = this.#pairLists;
    if (!lists || lists.entries !== this.#sequences.starts.length - 1) return [];
    const { ranks, any } = this.#sequences;
    const split = (word: WholeWord) => {
      const codes = [any];
      const rest: number[] = [];
      let restPostings = 0;
      word.ids.forEach((id, k) => {
        const code = ranks[id] as number;
        if (lists.covers(code)) codes.push(code);
        else {
          rest.push(id);
          restPostings += word.postings[k] as number;
        }
      });
      return { codes, rest, restPostings };
    };
    const out: Array<{ test: PairTest; first: number[]; second: number[]; rest: number[] }> = [];
    // A word's own term (its first id) must have lists: else all its entries would be marked.
    const listed = (word: WholeWord) =>
      word.ids.length > 0 && lists.covers(ranks[word.ids[0] as number] as number);
    for (const test of this.#pairTests) {
      if (!test.words || !listed(test.words[0]) || !listed(test.words[1])) continue;
      const first = split(test.words[0]);
      const second = split(test.words[1]);
      let rows = first.restPostings + second.restPostings;
      for (const x of first.codes) for (const y of second.codes) rows += lists.count(x, y);
      if (rows * rows >= PAIR_LIST_WORTH * (this.#df[test.index] as number)) continue;
      out.push({ test, first: first.codes, second: second.codes, rest: [...first.rest, ...second.rest] });
    }
    return out;
  }

  /** False when some unit can match neither in the entry's text nor in its heading. */
  passes(entry: number): boolean {
    if (this.#entries && ((this.#entries[entry] as number) & this.#entryBits) !== this.#entryBits)
      return false;
    const { starts, codes } = this.#sequences;
    // A phrase the heading does not hold must stand in the text: most texts that hold both of
    // its words but never side by side are ruled out by the pair lists' bit (above; it counts
    // the heading's pairs too, so no heading is looked up), or by their bytes, without decoding.
    const tests = this.#pairTests;
    let inHeading = -1;
    for (let k = 0; k < tests.length; k++) {
      const pair = tests[k] as PairTest;
      // Its entries' bit was tested above.
      if (pair.listed) continue;
      if (inHeading < 0) {
        const h = this.#headings.of[entry] ?? -1;
        inHeading = h < 0 ? 0 : this.#headingMask(h);
      }
      if (
        (inHeading & pair.unit) === 0 &&
        !mayHold(pair, codes, starts[entry] as number, starts[entry + 1] as number)
      )
        return false;
    }
    const heading = this.#headings.of[entry] ?? -1;
    const tf = this.#tf;
    for (let u = 0; u < tf.length; u++) tf[u] = 0;
    let text: number;
    if (this.#singles.length === 3 && this.#phrases.length === 0)
      text = this.#countWord(codes, starts[entry] as number, starts[entry + 1] as number);
    else {
      this.#counting = true;
      text = this.#matched(codes, starts[entry] as number, starts[entry + 1] as number);
      this.#counting = false;
    }
    this.#lastEntry = entry;
    this.#lastHeading = 0;
    if (heading < 0) return text === this.#all;
    const own = this.#headingMask(heading);
    this.#lastHeading = own;
    return ((text | own) & this.#all) === this.#all;
  }

  /** Whether some query word may match in the heading the entry stands under (it has one). */
  headingMayMatch(entry: number): boolean {
    const heading = this.#headings.of[entry] ?? -1;
    return heading >= 0 && this.#headingMask(heading) !== 0;
  }

  /** Which units can match in a heading (looked at once per query). */
  #headingMask(heading: number): number {
    let own = this.#headingMasks.get(heading);
    if (own < 0) {
      const headingCodes = this.#headings.codes(heading, this.#index, this.#sequences);
      own = this.#matched(headingCodes, 0, headingCodes.length);
      this.#headingMasks.set(heading, own);
    }
    return own;
  }

  #lastEntry = -1;
  #lastHeading = 0;
  /** Per phrase, the bytes that may end its first word's code and start its second's. */
  #pairTests: PairTest[] = [];
  readonly #pairLists: AdjacentPairs | null;
  /** Per unit: how many entries hold its rarer word (BM25's document frequency). */
  readonly #df: Float64Array;

  /**
   * Per token of the entry's text (`heading`: of the heading it stands under), in order, the
   * bits of the query words its term may match (termQuality's rule): the match code then
   * analyses only the words that do, instead of every word around a substring. Its length is
   * the number of codes (tokens, then shared-tail compounds). A view of one reused buffer,
   * valid until the next call.
   */
  tokenMarks(entry: number, heading: boolean): Uint8Array {
    let codes: Uint8Array;
    let from: number;
    let to: number;
    if (heading) {
      const h = this.#headings.of[entry] ?? -1;
      if (h < 0) return markBuffer.subarray(0, 0);
      codes = this.#headings.codes(h, this.#index, this.#sequences);
      from = 0;
      to = codes.length;
    } else {
      codes = this.#sequences.codes;
      from = this.#sequences.starts[entry] as number;
      to = this.#sequences.starts[entry + 1] as number;
    }
    // No more codes than bytes.
    if (markBuffer.length < to - from) markBuffer = new Uint8Array(2 * (to - from));
    const out = markBuffer;
    const marks = this.#marks;
    let n = 0;
    let i = from;
    while (i < to) {
      const read = varintAt(codes, i);
      i += read & 7;
      const code = read >> 3;
      out[n++] = marks[code] as number;
    }
    return out.subarray(0, n);
  }

  /**
   * BM25 of the entry `passes` last looked at: per query unit, its IDF times its saturated
   * frequency in the text (length-normalised), and a unit found in the heading counts as
   * HEADING_WEIGHT occurrences more.
   */
  bm25(entry: number): number {
    if (entry !== this.#lastEntry) return 0;
    const length = this.#words / this.#averageLength;
    let score = 0;
    for (let u = 0; u < this.#tf.length; u++) {
      const tf = (this.#tf[u] as number) + (this.#lastHeading & (1 << u) ? HEADING_WEIGHT : 0);
      if (tf > 0) score += ((this.#idf[u] as number) * tf * (K1 + 1)) / (tf + K1 * (1 - B + B * length));
    }
    return score;
  }
}
