// Owns the per-query working arrays of one engine: byte arrays zeroed instead of reallocated
// (or, when a query sets few of their bytes, cleared by undoing its writes), and tables as
// large as the index cleared in constant time by a generation stamp. Queries run
// synchronously, one at a time, so one set per engine is enough.

/**
 * One engine's arrays by name: a few hundred kilobytes of fresh typed arrays per keystroke
 * made V8 collect garbage more often.
 */
export class Scratch {
  /** By name (each name is one kind): kept while a query asks for the same size. */
  readonly #kept = new Map<string, Clearable>();

  /** The object kept under `name`, cleared, when it has `size`; else a new one, kept. */
  #reuse<T extends Clearable>(name: string, size: number, make: (size: number) => T): T {
    const known = this.#kept.get(name) as T | undefined;
    if (known?.size === size) {
      known.clear();
      return known;
    }
    const made = make(size);
    this.#kept.set(name, made);
    return made;
  }

  /**
   * A set of `size` positions, all absent: a bit each, zeroed per query. At regeringen.se
   * scale that is 24 KB, which stays in the CPU's cache, where a stamp per entry (768 KB)
   * cost a cache miss for nearly every candidate a query visits.
   */
  bits(name: 'seen', size: number): BitSet {
    return this.#reuse(name, size, (n) => new BitSet(n));
  }

  zeroed(name: 'entries', size: number): Uint8Array {
    return this.#reuse(name, size, (n) => new ZeroedBytes(n)).bytes;
  }

  /** A byte array of `size`, all zero (the last query's writes undone). */
  marked(name: 'marks' | 'own', size: number): MarkedBytes {
    return this.#reuse(name, size, (n) => new MarkedBytes(n));
  }

  /** A table of `size` small numbers, all unset (a new generation: nothing is cleared). */
  cleared(name: 'headings', size: number): StampedTable {
    return this.#reuse(name, size, (n) => new StampedTable(n));
  }
}

/** What Scratch keeps: made for a size, cleared for the next query. */
interface Clearable {
  readonly size: number;
  clear(): void;
}

/** A byte array zeroed whole for each query. */
class ZeroedBytes {
  readonly bytes: Uint8Array;

  constructor(readonly size: number) {
    this.bytes = new Uint8Array(size);
  }

  clear(): void {
    this.bytes.fill(0);
  }
}

/** Positions in [0, size), a bit each. */
export class BitSet {
  readonly #words: Uint32Array;

  constructor(readonly size: number) {
    this.#words = new Uint32Array((size + 31) >>> 5);
  }

  clear(): void {
    this.#words.fill(0);
  }

  /** Adds i; false when it was there already (one read for the test and the set). */
  add(i: number): boolean {
    const word = i >>> 5;
    const bit = 1 << (i & 31);
    const before = this.#words[word] as number;
    if (before & bit) return false;
    this.#words[word] = before | bit;
    return true;
  }
}

/**
 * Numbers by position, cleared in constant time: each slot remembers the generation it was
 * set in. For the per-query tables as large as the index (every entry, every heading), which
 * were zeroed or allocated on every keystroke.
 */
export class StampedTable {
  readonly #stamps: Int32Array;
  readonly #values: Int16Array;
  #generation = 1;

  constructor(readonly size: number) {
    this.#stamps = new Int32Array(size);
    this.#values = new Int16Array(size);
  }

  clear(): void {
    this.#generation++;
    if (this.#generation === 0x7fffffff) {
      this.#stamps.fill(0);
      this.#generation = 1;
    }
  }

  has(i: number): boolean {
    return this.#stamps[i] === this.#generation;
  }

  /** The value set at `i` in this generation, or -1. */
  get(i: number): number {
    return this.#stamps[i] === this.#generation ? (this.#values[i] as number) : -1;
  }

  set(i: number, value: number): void {
    this.#stamps[i] = this.#generation;
    this.#values[i] = value;
  }
}

/**
 * A byte array of which a query sets a few (the codes its words may match, a handful to some
 * thousands of the index's terms), zeroed by undoing those writes: zeroing all of it (a byte
 * per term, some 100 KB) on every keystroke cost more than the marking itself.
 */
export class MarkedBytes {
  readonly bytes: Uint8Array;
  /** Where a byte went from zero since the last clear (kept between queries: no allocation). */
  #set = new Int32Array(1024);
  #count = 0;

  constructor(readonly size: number) {
    this.bytes = new Uint8Array(size);
  }

  /** bytes[i] |= bits. */
  or(i: number, bits: number): void {
    const before = this.bytes[i] as number;
    if (before === 0) {
      if (this.#count === this.#set.length) {
        const grown = new Int32Array(this.#set.length * 2);
        grown.set(this.#set);
        this.#set = grown;
      }
      this.#set[this.#count++] = i;
    }
    this.bytes[i] = before | bits;
  }

  clear(): void {
    const { bytes } = this;
    const set = this.#set;
    for (let k = 0; k < this.#count; k++) bytes[set[k] as number] = 0;
    this.#count = 0;
  }
}
