// Owns the headings' term codes: the distinct headings entries stand under (many share one),
// each heading's words as term codes (sequences.ts), stored in the index file or made on first
// use, and extended when entries are added (new headings take the next numbers).
import { codesOf, type TermIndexView, type TermSequences } from './sequences';

/**
 * The distinct headings entries stand under (many share one), each one's term codes: stored
 * in the index file (analysing a heading's words on first use cost milliseconds per query on
 * a large collection), or made on first use when the index was built in this process.
 */
export class HeadingTerms {
  /** Entry → its heading's number, or -1 (grown by extend). */
  #of: Int32Array;
  readonly #texts: string[] = [];
  readonly #codes: Array<Uint8Array | undefined> = [];
  /** Heading text → its number; made again by extend when needed. */
  #numbers: Map<string, number> | null = new Map();
  /** Stored codes: where each heading's start (one more than headings), and the codes. */
  #stored: { starts: Int32Array; codes: Uint8Array; count: number } | null = null;

  constructor(headings: ReadonlyArray<string | null>) {
    this.#of = new Int32Array(headings.length).fill(-1);
    this.#number(headings, 0);
    // Kept only while it may be needed; a large collection's headings are many.
    this.#numbers = null;
  }

  get of(): Int32Array {
    return this.#of;
  }

  #number(headings: ReadonlyArray<string | null>, first: number): void {
    const numbers = (this.#numbers ??= new Map(this.#texts.map((text, n) => [text, n])));
    headings.forEach((heading, i) => {
      if (!heading) return;
      let n = numbers.get(heading);
      if (n === undefined) {
        n = this.#texts.push(heading) - 1;
        numbers.set(heading, n);
      }
      this.#of[first + i] = n;
    });
  }

  /** Adds the headings of entries added after these: headings new to it get the next numbers. */
  extend(headings: ReadonlyArray<string | null>): void {
    const first = this.#of.length;
    const of = new Int32Array(first + headings.length).fill(-1);
    of.set(this.#of);
    this.#of = of;
    // Kept from now on: a user who imports one document imports more.
    this.#number(headings, first);
  }

  get count(): number {
    return this.#texts.length;
  }

  /** Takes the stored codes when they fit these headings; false (and made on use) otherwise. */
  load(starts: Int32Array, codes: Uint8Array): boolean {
    if (starts.length !== this.#texts.length + 1 || (starts[this.#texts.length] ?? -1) !== codes.length)
      return false;
    this.#stored = { starts, codes, count: this.#texts.length };
    return true;
  }

  /** Every heading's codes, for the index file. */
  encodeAll(index: TermIndexView, sequences: TermSequences): { starts: Int32Array; codes: Uint8Array } {
    const starts = new Int32Array(this.#texts.length + 1);
    const parts: Uint8Array[] = [];
    let length = 0;
    for (let h = 0; h < this.#texts.length; h++) {
      starts[h] = length;
      const part = this.codes(h, index, sequences);
      parts.push(part);
      length += part.length;
    }
    starts[this.#texts.length] = length;
    const codes = new Uint8Array(length);
    parts.forEach((part, h) => codes.set(part, starts[h] as number));
    return { starts, codes };
  }

  /**
   * A heading's term codes: stored, or made on first use with the current codes (codes never
   * change once given, so what is kept stays right after terms are added).
   */
  codes(heading: number, index: TermIndexView, sequences: Pick<TermSequences, 'ranks' | 'any'>): Uint8Array {
    const stored = this.#stored;
    if (stored && heading < stored.count)
      return stored.codes.subarray(stored.starts[heading] as number, stored.starts[heading + 1] as number);
    let codes = this.#codes[heading];
    if (!codes) {
      const { ranks, any } = sequences;
      const list: number[] = [];
      codesOf(
        this.#texts[heading] ?? '',
        (term) => {
          const id = index.termId(term);
          return id < 0 ? any : (ranks[id] ?? any);
        },
        any,
        list,
      );
      codes = this.#codes[heading] = Uint8Array.from(list);
    }
    return codes;
  }
}
