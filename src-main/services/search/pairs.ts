// Owns the index of adjacent word pairs: for every two of the most common terms (and the code
// of a token that may match any word), the entries whose text or heading has them side by
// side, as lists of entry ids. A quoted phrase of common words ("gäller på", "den den") is rare
// beside its words: without the lists, every entry holding its rarer word had its codes
// scanned for the pair (thousands of entries, milliseconds a query); with them, the filter
// knows in one read per entry (filter.ts). Made from the term codes (sequences.ts) after the
// index is loaded, in steps, and extended when entries are added; never stored.
import { varintAt, type TermSequences } from './sequences';

/**
 * Terms whose codes (frequency ranks) are below this have pairs: 256 covers the words of the
 * slow phrases measured on all of regeringen.se (för, på, den, gäller, säkerhet …), in about
 * 3 MB there (1.95 million entry lists' rows as delta varints).
 */
export const PAIR_TERMS = 256;

/** Entries read per build step (some tens of milliseconds at regeringen.se scale). */
const STEP_ENTRIES = 25_000;

/** Bytes of an entry id's distance from the previous one in its list, as a varint. */
function varintLength(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** A code's place among the listed ones: its own below `terms`, `terms` for `any`, else -1. */
function slotOf(code: number, terms: number, any: number): number {
  return code < terms ? code : code === any ? terms : -1;
}

/** An entry's heading's codes (the heading it stands under), or null. */
export type HeadingCodes = (entry: number) => Uint8Array | null;

/**
 * Calls `visit(pair, entry)` once per entry of [from, to) for each pair its text or its
 * heading holds side by side (`last` remembers, per pair, the last entry that held it: the
 * same pair twice in an entry is one row). The filter then needs no heading to rule an entry
 * out: the heading's pairs are the entry's.
 */
function scanPairs(
  sequences: TermSequences,
  headingCodes: HeadingCodes,
  terms: number,
  from: number,
  to: number,
  last: Int32Array,
  visit: (pair: number, entry: number) => void,
): void {
  const { starts, codes, any } = sequences;
  const width = terms + 1;
  const scan = (bytes: Uint8Array, entry: number, from: number, to: number) => {
    let previous = -1;
    for (let i = from; i < to;) {
      const read = varintAt(bytes, i);
      i += read & 7;
      const slot = slotOf(read >> 3, terms, any);
      if (previous >= 0 && slot >= 0) {
        const pair = previous * width + slot;
        if (last[pair] !== entry) {
          visit(pair, entry);
          last[pair] = entry;
        }
      }
      previous = slot;
    }
  };
  for (let entry = from; entry < to; entry++) {
    scan(codes, entry, starts[entry] as number, starts[entry + 1] as number);
    const heading = headingCodes(entry);
    if (heading) scan(heading, entry, 0, heading.length);
  }
}

/** The pair index, made a step at a time (`step` until it returns the index). */
export class PairBuilder {
  readonly #sequences: TermSequences;
  readonly #headingCodes: HeadingCodes;
  readonly #terms: number;
  readonly #entries: number;
  readonly #last: Int32Array;
  /** Pass one: each list's bytes and rows; pass two: where each list's next row goes. */
  readonly #ends: Int32Array;
  readonly #counts: Int32Array;
  #bytes: Uint8Array | null = null;
  #offsets: Int32Array | null = null;
  #next = 0;
  #made: AdjacentPairs | null = null;

  /** How many steps a build over this many entries takes. */
  static stepsFor(entries: number): number {
    return 2 * Math.max(1, Math.ceil(entries / STEP_ENTRIES));
  }

  constructor(sequences: TermSequences, headingCodes: HeadingCodes, terms = PAIR_TERMS) {
    this.#sequences = sequences;
    this.#headingCodes = headingCodes;
    this.#terms = terms;
    this.#entries = sequences.starts.length - 1;
    const pairs = (terms + 1) * (terms + 1);
    this.#last = new Int32Array(pairs).fill(-1);
    this.#ends = new Int32Array(pairs);
    this.#counts = new Int32Array(pairs);
  }

  /** One step; the index once it is made (the same one on every later call). */
  step(): AdjacentPairs | null {
    if (this.#made) return this.#made;
    const from = this.#next;
    const to = Math.min(this.#entries, from + STEP_ENTRIES);
    const ends = this.#ends;
    const last = this.#last;
    if (this.#bytes === null) {
      // Pass one: how long each list is (the distance from the list's last entry, as a varint).
      const counts = this.#counts;
      scanPairs(this.#sequences, this.#headingCodes, this.#terms, from, to, last, (pair, entry) => {
        const previous = last[pair] as number;
        ends[pair] = (ends[pair] as number) + varintLength(entry - (previous < 0 ? 0 : previous));
        counts[pair] = (counts[pair] as number) + 1;
      });
      this.#next = to;
      if (to < this.#entries) return null;
      const offsets = new Int32Array(ends.length + 1);
      for (let pair = 0; pair < ends.length; pair++)
        offsets[pair + 1] = (offsets[pair] as number) + (ends[pair] as number);
      this.#offsets = offsets;
      this.#bytes = new Uint8Array(offsets[ends.length] as number);
      ends.set(offsets.subarray(0, ends.length));
      last.fill(-1);
      this.#next = 0;
      return null;
    }
    // Pass two: the rows, each list in entry order.
    const bytes = this.#bytes;
    scanPairs(this.#sequences, this.#headingCodes, this.#terms, from, to, last, (pair, entry) => {
      const previous = last[pair] as number;
      let distance = entry - (previous < 0 ? 0 : previous);
      let at = ends[pair] as number;
      while (distance >= 0x80) {
        bytes[at++] = (distance & 0x7f) | 0x80;
        distance >>>= 7;
      }
      bytes[at++] = distance;
      ends[pair] = at;
    });
    this.#next = to;
    if (to < this.#entries) return null;
    this.#made = new AdjacentPairs(
      this.#terms,
      this.#sequences.any,
      this.#offsets as Int32Array,
      bytes,
      this.#counts,
      to,
    );
    return this.#made;
  }

  /** Every step at once. */
  build(): AdjacentPairs {
    for (;;) {
      const done = this.step();
      if (done) return done;
    }
  }
}

export class AdjacentPairs {
  readonly #terms: number;
  readonly #any: number;
  readonly #offsets: Int32Array;
  readonly #bytes: Uint8Array;
  readonly #counts: Int32Array;
  /** Entries below this are in the lists; those after, in #added. */
  #entries: number;
  /** Per pair, the entries added since the build (extend), in order. */
  readonly #added = new Map<number, number[]>();

  constructor(
    terms: number,
    any: number,
    offsets: Int32Array,
    bytes: Uint8Array,
    counts: Int32Array,
    entries: number,
  ) {
    this.#terms = terms;
    this.#any = any;
    this.#offsets = offsets;
    this.#bytes = bytes;
    this.#counts = counts;
    this.#entries = entries;
  }

  /** How many entries the lists cover (the build's and those added since). */
  get entries(): number {
    return this.#entries;
  }

  /** Bytes held (the lists and their offsets and counts). */
  get byteSize(): number {
    return this.#bytes.byteLength + this.#offsets.byteLength + this.#counts.byteLength;
  }

  /** The pair's number, or -1 when a code has no pairs (a term not among the most common). */
  #pair(first: number, second: number): number {
    const a = slotOf(first, this.#terms, this.#any);
    const b = slotOf(second, this.#terms, this.#any);
    return a < 0 || b < 0 ? -1 : a * (this.#terms + 1) + b;
  }

  /** Whether a code has pairs: one of the most common terms', or the code of a token that may match any word. */
  covers(code: number): boolean {
    return slotOf(code, this.#terms, this.#any) >= 0;
  }

  /** How many entries have `first` right before `second` (both covered). */
  count(first: number, second: number): number {
    const pair = this.#pair(first, second);
    if (pair < 0) return 0;
    return (this.#counts[pair] as number) + (this.#added.get(pair)?.length ?? 0);
  }

  /** Sets `bit` in `marks[entry]` for every entry that has `first` right before `second`. */
  mark(first: number, second: number, marks: Uint8Array, bit: number): void {
    const pair = this.#pair(first, second);
    if (pair < 0) return;
    const bytes = this.#bytes;
    let entry = 0;
    for (let i = this.#offsets[pair] as number, end = this.#offsets[pair + 1] as number; i < end;) {
      const read = varintAt(bytes, i);
      i += read & 7;
      entry += read >> 3;
      marks[entry] = (marks[entry] as number) | bit;
    }
    for (const added of this.#added.get(pair) ?? []) marks[added] = (marks[added] as number) | bit;
  }

  /**
   * Adds the entries of `sequences` from the last covered one on (an import): codes of the
   * most common terms never change when sequences are extended, so the lists stay valid.
   */
  extend(sequences: TermSequences, headingCodes: HeadingCodes): void {
    const to = sequences.starts.length - 1;
    if (to <= this.#entries) return;
    const last = new Int32Array(this.#offsets.length - 1).fill(-1);
    scanPairs(sequences, headingCodes, this.#terms, this.#entries, to, last, (pair, entry) => {
      const list = this.#added.get(pair);
      if (list) list.push(entry);
      else this.#added.set(pair, [entry]);
    });
    this.#entries = to;
  }
}
