// Owns each paragraph's words as term ids (positions in the index's sorted dictionary), and
// the test built on them: can every word and phrase of a query match in this paragraph?
// The test uses termQuality's rule (a term equal to, starting with or ending with the query
// word, with no cap on how many terms that is), so it rules out exactly the paragraphs the
// match code would reject, without reading their text: a common pair of words or a phrase
// whose words are everywhere but rarely side by side no longer costs a text scan per
// candidate. Stored in the index file (4 bytes per word).
import { Buffer } from 'node:buffer';
import { analyzeWord, tokenize } from './analyzer';
import type { ParsedQuery } from './query';

/** A token that can match any query word (two analysed forms, like `esf+`/`esf`, or not in the dictionary). */
const ANY = -1;
/** At most this many query words get a bit of their own; longer queries skip the test. */
const MAX_TERMS = 8;

/** The term id of each token of `text`, in order. */
function idsOf(text: string, idOf: (term: string) => number, out: number[]): void {
  for (const token of tokenize(text)) {
    const { encoded } = analyzeWord(token.lower);
    out.push(encoded.length === 1 ? idOf(encoded[0] as string) : ANY);
  }
}

/** Every text's term ids, concatenated, and where each text's ids start (one more entry than texts). */
export function termSequences(
  texts: readonly string[],
  termIds: ReadonlyMap<string, number>,
): { starts: Int32Array; ids: Int32Array } {
  const starts = new Int32Array(texts.length + 1);
  const ids: number[] = [];
  const idOf = (term: string) => termIds.get(term) ?? ANY;
  texts.forEach((text, i) => {
    starts[i] = ids.length;
    idsOf(text, idOf, ids);
  });
  starts[texts.length] = ids.length;
  return { starts, ids: Int32Array.from(ids) };
}

/** Little-endian on every machine Läsaren runs on (x64, arm64); the content hash guards the rest. */
export function encodeIds(ids: Int32Array): string {
  return Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength).toString('base64');
}

export function decodeIds(base64: string): Int32Array {
  const bytes = Buffer.from(base64, 'base64');
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return new Int32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / 4));
}

/** What the filter needs from the term index. */
export interface TermSource {
  readonly termCount: number;
  termId(term: string): number;
  markMatching(term: string, marks: Uint8Array, bit: number, matched: number[]): number;
  markEntries(termIds: readonly number[], entries: Uint8Array, bit: number): void;
}

/** A query word whose terms have at most this many postings marks its entries up front. */
const ENTRY_MARK_LIMIT = 60_000;

/** The distinct headings entries stand under (many share one), each one's term ids made on first use. */
export class HeadingTerms {
  /** Entry → its heading's number, or -1. */
  readonly of: Int32Array;
  readonly #texts: string[] = [];
  readonly #ids: Array<Int32Array | undefined> = [];

  constructor(headings: ReadonlyArray<string | null>) {
    this.of = new Int32Array(headings.length).fill(-1);
    const numbers = new Map<string, number>();
    headings.forEach((heading, entry) => {
      if (!heading) return;
      let n = numbers.get(heading);
      if (n === undefined) {
        n = this.#texts.push(heading) - 1;
        numbers.set(heading, n);
      }
      this.of[entry] = n;
    });
  }

  get count(): number {
    return this.#texts.length;
  }

  ids(heading: number, source: TermSource): Int32Array {
    let ids = this.#ids[heading];
    if (!ids) {
      const list: number[] = [];
      idsOf(this.#texts[heading] ?? '', (term) => source.termId(term), list);
      ids = this.#ids[heading] = Int32Array.from(list);
    }
    return ids;
  }
}

/** A parsed query compiled to a bit per query word over term ids. */
export class TermFilter {
  readonly #marks: Uint8Array;
  /** Per query unit, the bit of each of its words (one word, or a phrase's words in order). */
  readonly #units: ReadonlyArray<readonly number[]>;
  readonly #all: number;
  /** Per unit, every bit its words use. */
  readonly #phraseBits: readonly number[];
  readonly #source: TermSource;
  readonly #headings: HeadingTerms;
  /** Per heading, which units can match in it (-1: not yet looked at). */
  readonly #headingMasks: Int16Array;
  /** Query words (bit, term ids) few enough to mark their entries. */
  readonly #entryTerms: Array<[number, number[]]> = [];
  #entries: Uint8Array | null = null;
  #entryBits = 0;

  private constructor(query: ParsedQuery, source: TermSource, headings: HeadingTerms) {
    this.#source = source;
    this.#headings = headings;
    this.#headingMasks = new Int16Array(headings.count).fill(-1);
    this.#marks = new Uint8Array(source.termCount);
    let bit = 1;
    this.#units = query.units.map((unit) =>
      unit.terms.map((term) => {
        const word = term.encoded[0] ?? '';
        if (word === '') this.#marks.fill(255);
        else {
          const matched: number[] = [];
          const postings = source.markMatching(word, this.#marks, bit, matched);
          if (query.terms.length > 1 && postings <= ENTRY_MARK_LIMIT) this.#entryTerms.push([bit, matched]);
        }
        const own = bit;
        bit <<= 1;
        return own;
      }),
    );
    this.#phraseBits = this.#units.map((bits) => bits.reduce((a, b) => a | b, 0));
    this.#all = (1 << this.#units.length) - 1;
  }

  /** The filter for a query, or null when it has too many words to test this way. */
  static for(query: ParsedQuery, source: TermSource, headings: HeadingTerms): TermFilter | null {
    if (query.terms.length > MAX_TERMS || query.units.length === 0) return null;
    return new TermFilter(query, source, headings);
  }

  /** Which units can match in ids[from, to), as a bit mask (runs for every candidate: plain loops, no allocation). */
  #matched(ids: Int32Array, from: number, to: number): number {
    const marks = this.#marks;
    let seen = 0;
    for (let i = from; i < to; i++) {
      const id = ids[i] as number;
      seen |= id < 0 ? 255 : (marks[id] as number);
    }
    let mask = 0;
    const units = this.#units;
    for (let u = 0; u < units.length; u++) {
      const bits = units[u] as readonly number[];
      const first = bits[0] as number;
      if (bits.length === 1) {
        if (seen & first) mask |= 1 << u;
        continue;
      }
      const needed = this.#phraseBits[u] as number;
      if ((seen & needed) !== needed) continue;
      const last = to - bits.length;
      for (let i = from; i <= last; i++) {
        let k = 0;
        while (k < bits.length) {
          const id = ids[i + k] as number;
          if (!((id < 0 ? 255 : (marks[id] as number)) & (bits[k] as number))) break;
          k++;
        }
        if (k === bits.length) {
          mask |= 1 << u;
          break;
        }
      }
    }
    return mask;
  }

  /**
   * Marks, per entry, which of the rarer query words it holds (text or heading), by walking
   * their posting lists once: a candidate lacking one is dropped with one array read. Worth
   * it only with several words (entries: how many entries the index has).
   */
  markEntries(entries: number): void {
    if (this.#entryTerms.length === 0) return;
    this.#entries = new Uint8Array(entries);
    for (const [bit, termIds] of this.#entryTerms) {
      this.#source.markEntries(termIds, this.#entries, bit);
      this.#entryBits |= bit;
    }
  }

  /** False when some unit can match neither in the text's ids[from, to) nor in the entry's heading. */
  passes(ids: Int32Array, from: number, to: number, entry: number): boolean {
    if (this.#entries && ((this.#entries[entry] as number) & this.#entryBits) !== this.#entryBits) return false;
    const text = this.#matched(ids, from, to);
    if (text === this.#all) return true;
    const heading = this.#headings.of[entry] ?? -1;
    if (heading < 0) return false;
    let own = this.#headingMasks[heading] ?? -1;
    if (own < 0) {
      const headingIds = this.#headings.ids(heading, this.#source);
      own = this.#headingMasks[heading] = this.#matched(headingIds, 0, headingIds.length);
    }
    return ((text | own) & this.#all) === this.#all;
  }
}
