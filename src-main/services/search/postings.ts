// Owns one field's postings held in typed arrays: for every term of a sorted dictionary, its
// relevance slots (flexsearch's: the best first) and the entry ids in each, back to back in one
// Int32Array. flexsearch builds the index (and takes the entries added after a start); what it
// built is stored and loaded in this form, because its own export loads as one JS array per
// slot and one Map entry per term (some 70 MB and half a second at regeringen.se scale, most of
// it garbage collection) where these arrays are four bytes a posting, decoded from base64.
import { decodeBytes, decodeIds, encodeIds } from './sequences';

/** flexsearch's slots of one term: index = relevance slot, best first; holes allowed. */
export type FlexSlots = ReadonlyArray<readonly number[] | undefined>;

/**
 * Entries a walk over postings skips without visiting them: those whose byte in `bytes`
 * lacks one of `bits` (the filter's marks: filter.ts), which the visit would rule out anyway.
 */
export interface Gate {
  readonly bytes: Uint8Array;
  readonly bits: number;
}

/** Where each removed posting was: skipped when visited (the arrays cannot shrink in place). */
const REMOVED = -1;

/** The first position in the sorted `list` whose string is not below `key`. */
export function lowerBound(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An Int32Array that grows as it is written (building or merging a table). */
class Growing {
  array: Int32Array;
  length = 0;

  constructor(size: number) {
    this.array = new Int32Array(Math.max(16, size));
  }

  push(value: number): void {
    if (this.length === this.array.length) {
      const next = new Int32Array(this.array.length * 2);
      next.set(this.array);
      this.array = next;
    }
    this.array[this.length++] = value;
  }

  done(): Int32Array {
    return this.array.slice(0, this.length);
  }
}

export class PostingTable {
  /**
   * @param terms the sorted dictionary the table is indexed by (term id = position)
   * @param termSlots where each term's slots start in slotNumbers/slotEnds (terms.length + 1)
   * @param slotNumbers each stored slot's relevance slot (flexsearch's index in its slot array)
   * @param slotEnds where each stored slot's ids end in `ids` (a slot starts where the previous ends)
   * @param ids the entry ids, slot after slot; REMOVED where an entry was taken out
   */
  constructor(
    readonly terms: readonly string[],
    readonly termSlots: Int32Array,
    readonly slotNumbers: Uint8Array,
    readonly slotEnds: Int32Array,
    readonly ids: Int32Array,
  ) {}

  /**
   * The postings of `previous` (when given) followed, slot by slot, by those flexsearch holds in
   * `map`, over the dictionary `terms` (sorted, holding every term of both): what flexsearch's
   * own map would hold had every entry been added to it in order.
   */
  static merge(
    terms: readonly string[],
    map: ReadonlyMap<string, FlexSlots>,
    previous: PostingTable | null,
  ): PostingTable {
    const termSlots = new Int32Array(terms.length + 1);
    const slotNumbers: number[] = [];
    const slotEnds = new Growing(terms.length);
    const ids = new Growing(previous ? previous.ids.length : 1024);
    for (let t = 0; t < terms.length; t++) {
      termSlots[t] = slotNumbers.length;
      const term = terms[t] as string;
      const extra = map.get(term);
      const [from, to] = previous ? previous.#range(term) : [0, 0];
      const slotCount = Math.max(
        to > from ? (previous?.slotNumbers[to - 1] ?? 0) + 1 : 0,
        extra?.length ?? 0,
      );
      for (let s = 0, k = from; s < slotCount; s++) {
        const before = ids.length;
        if (previous && k < to && previous.slotNumbers[k] === s) {
          for (let i = previous.#slotStart(k), end = previous.slotEnds[k] as number; i < end; i++) {
            const id = previous.ids[i] as number;
            if (id !== REMOVED) ids.push(id);
          }
          k++;
        }
        for (const id of extra?.[s] ?? []) ids.push(id);
        if (ids.length > before) {
          slotNumbers.push(s);
          slotEnds.push(ids.length);
        }
      }
    }
    termSlots[terms.length] = slotNumbers.length;
    return new PostingTable(terms, termSlots, Uint8Array.from(slotNumbers), slotEnds.done(), ids.done());
  }

  /** The four arrays as one line of base64 parts (see decode). */
  encode(): string {
    return [this.termSlots, this.slotNumbers, this.slotEnds, this.ids].map((a) => encodeIds(a)).join(' ');
  }

  /** A table from encode's line over the same dictionary; null when it does not fit it. */
  static decode(terms: readonly string[], line: string): PostingTable | null {
    const parts = line.split(' ');
    if (parts.length !== 4) return null;
    const termSlots = decodeIds(parts[0] as string);
    const slotNumbers = decodeBytes(parts[1] as string);
    const slotEnds = decodeIds(parts[2] as string);
    const ids = decodeIds(parts[3] as string);
    const slots = slotNumbers.length;
    const fits =
      termSlots.length === terms.length + 1 &&
      termSlots[terms.length] === slots &&
      slotEnds.length === slots &&
      (slots === 0 ? ids.length === 0 : slotEnds[slots - 1] === ids.length);
    return fits ? new PostingTable(terms, termSlots, slotNumbers, slotEnds, ids) : null;
  }

  #slotStart(k: number): number {
    return k === 0 ? 0 : (this.slotEnds[k - 1] as number);
  }

  /** The term's stored slots [from, to); empty when the table does not hold it. */
  #range(term: string, termId = -1, dictionary: readonly string[] | null = null): [number, number] {
    const t = dictionary === this.terms && termId >= 0 ? termId : lowerBound(this.terms, term);
    if (this.terms[t] !== term) return [0, 0];
    return [this.termSlots[t] as number, this.termSlots[t + 1] as number];
  }

  /**
   * Calls `visit` with up to `max` ids holding `term` (past `gate`), slot by slot (the table's ids of a slot,
   * then `extra`'s: flexsearch's entries added since), until it returns true; true when it did.
   */
  visit(
    term: string,
    extra: FlexSlots | undefined,
    max: number,
    visit: (id: number) => boolean,
    gate: Gate | null = null,
  ): boolean {
    const [from, to] = this.#range(term);
    const slotCount = Math.max(to > from ? (this.slotNumbers[to - 1] as number) + 1 : 0, extra?.length ?? 0);
    let n = 0;
    for (let s = 0, k = from; s < slotCount; s++) {
      if (k < to && this.slotNumbers[k] === s) {
        for (let i = this.#slotStart(k), end = this.slotEnds[k] as number; i < end; i++) {
          const id = this.ids[i] as number;
          if (id === REMOVED || (gate && ((gate.bytes[id] as number) & gate.bits) !== gate.bits)) continue;
          if (n++ === max) return false;
          if (visit(id)) return true;
        }
        k++;
      }
      const slot = extra?.[s];
      if (!slot) continue;
      for (const id of slot) {
        if (gate && ((gate.bytes[id] as number) & gate.bits) !== gate.bits) continue;
        if (n++ === max) return false;
        if (visit(id)) return true;
      }
    }
    return false;
  }

  /** Sets `bit` in `entries[id]` for every id the table holds for the term (any slot). */
  mark(term: string, termId: number, dictionary: readonly string[], entries: Uint8Array, bit: number): void {
    const [from, to] = this.#range(term, termId, dictionary);
    if (to <= from) return;
    for (let i = this.#slotStart(from), end = this.slotEnds[to - 1] as number; i < end; i++) {
      const id = this.ids[i] as number;
      if (id !== REMOVED) entries[id] = (entries[id] ?? 0) | bit;
    }
  }

  /** Takes `id` out of the term's postings. */
  remove(term: string, id: number): void {
    const [from, to] = this.#range(term);
    if (to <= from) return;
    for (let i = this.#slotStart(from), end = this.slotEnds[to - 1] as number; i < end; i++)
      if (this.ids[i] === id) this.ids[i] = REMOVED;
  }
}
