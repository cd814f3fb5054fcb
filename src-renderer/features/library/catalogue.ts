// Owns filtering, faceting, sorting and grouping the library's document list: pure functions over
// a prepared catalogue, fast enough for tens of thousands of documents on every keystroke. Each
// document's searchable text is lowercased once; each sort order is computed once and reused,
// so a keystroke costs one pass of substring tests and one walk of the sorted order.
import type { DocumentSummary } from '../../../src-main/shared/documents/model';
import { dateOrder, listDate, sortFacet, yearOf } from '../../../src-main/shared/library';

export { dateNumber } from '../../../src-main/shared/library';

export type SortKey = 'date' | 'title' | 'designation';
export type FacetKey = 'type' | 'year' | 'publisher' | 'origin';

/** The origin facet's only value: the user's own (imported) documents. */
export const MINE = 'mine';

export interface LibraryQuery {
  readonly text: string;
  readonly type: string | null;
  readonly year: string | null;
  readonly publisher: string | null;
  /** Only the user's imported documents ("Mina dokument"). */
  readonly mine: boolean;
  readonly sort: SortKey;
  readonly groupByType: boolean;
}

export const EMPTY_QUERY: LibraryQuery = {
  text: '',
  type: null,
  year: null,
  publisher: null,
  mine: false,
  sort: 'date',
  groupByType: false,
};

export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

export type Row =
  | { readonly kind: 'group'; readonly label: string; readonly mine: boolean; readonly count: number }
  | { readonly kind: 'document'; readonly doc: DocumentSummary };

export interface LibraryView {
  readonly rows: readonly Row[];
  /** Documents shown (group rows not counted). */
  readonly count: number;
  readonly facets: Readonly<Record<'type' | 'year' | 'publisher', readonly FacetValue[]>>;
  readonly mineCount: number;
}

const FACETS: readonly FacetKey[] = ['type', 'year', 'publisher', 'origin'];

/** One facet's value per document as a small integer (-1: none), for counting without maps. */
interface Facet {
  readonly codes: Int32Array;
  readonly values: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/** Lowercase, and the designation also without spaces and punctuation ("prop 2012/13:63"). */
const compact = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** 0, 1, … n-1 (a loop: Int32Array.from with an iterator or a map function is far slower). */
function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** One facet's column of values as small integer codes. */
function facet(values: readonly (string | null)[]): Facet {
  const distinct: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      codes[i] = -1;
      continue;
    }
    let code = index.get(v);
    if (code === undefined) index.set(v, (code = distinct.push(v) - 1));
    codes[i] = code;
  }
  return { codes, values: distinct, index };
}

/**
 * A key whose plain string order is Swedish alphabetical order, ignoring case and accents
 * (å, ä, ö after z, as their own letters; æ and ø as ä and ö), with runs of digits in
 * numeric order (each prefixed by its length).
 */
export function sortKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åäöæø]/g, (c) => SWEDISH_LAST[c]!)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\d+/g, (run) => {
      const digits = run.replace(/^0+(?=\d)/, '');
      return String.fromCharCode(0x30 + Math.min(digits.length, 9)) + digits;
    });
}

const SWEDISH_LAST: Record<string, string> = {
  å: '\u{7b}',
  ä: '\u{7c}',
  æ: '\u{7c}',
  ö: '\u{7d}',
  ø: '\u{7d}',
};

export class Catalogue {
  readonly docs: readonly DocumentSummary[];
  /** Lowercased searchable text per document, built on first use (the first paint needs none). */
  #hay: string[] | null = null;
  #facets: Record<FacetKey, Facet> | null = null;
  /** One row object per document, made when first shown (and then reused, so the list's
   *  keyed rows stay the same objects). */
  #rows: Row[] | null = null;
  readonly #orders = new Map<SortKey, Int32Array>();
  #lastText = '';
  #lastMatches: Int32Array | null = null;

  constructor(docs: readonly DocumentSummary[]) {
    this.docs = docs;
  }

  /** Each facet's values as small integer codes, built on first use (not for the first screen). */
  #facetTable(): Record<FacetKey, Facet> {
    if (this.#facets) return this.#facets;
    const docs = this.docs;
    const raw: Record<FacetKey, (string | null)[]> = {
      type: docs.map((d) => d.type),
      year: docs.map((d) => yearOf(d.published)),
      publisher: docs.map((d) => d.publisher),
      origin: docs.map((d) => (d.origin === 'imported' ? MINE : null)),
    };
    this.#facets = Object.fromEntries(FACETS.map((k) => [k, facet(raw[k])])) as unknown as Record<
      FacetKey,
      Facet
    >;
    return this.#facets;
  }

  #rowOf(i: number): Row {
    this.#rows ??= new Array<Row>(this.docs.length);
    return (this.#rows[i] ??= { kind: 'document', doc: this.docs[i]! });
  }

  /**
   * The first `n` rows of the unfiltered list in the query's order, for painting the first
   * screen before anything else is built (facet counts, every row). null when the query
   * filters or groups: then only the full view is right.
   */
  firstScreen(query: LibraryQuery, n: number): LibraryView | null {
    if (query.text.trim() || query.type || query.year || query.publisher || query.mine || query.groupByType)
      return null;
    const order = this.#order(query.sort);
    const rows: Row[] = [];
    for (let k = 0; k < Math.min(n, order.length); k++) rows.push(this.#rowOf(order[k]!));
    return { rows, count: this.docs.length, facets: { type: [], year: [], publisher: [] }, mineCount: 0 };
  }

  /** Builds the searchable text and the other sort orders now. */
  prepare(): void {
    for (const step of this.preparation()) step();
  }

  /** The same work in steps, each short enough to run as its own task after the first paint
   *  without holding up a keystroke for long. */
  preparation(): (() => void)[] {
    return [() => this.#haystacks(), () => this.#order('title'), () => this.#order('designation')];
  }

  #haystacks(): string[] {
    this.#hay ??= this.docs.map((d) =>
      `${d.title}\n${d.designation ?? ''}\n${d.summary ?? ''}\n${compact(d.designation ?? '')}`.toLowerCase(),
    );
    return this.#hay;
  }

  /** Indexes of the documents whose title, designation or summary hold every word typed. */
  #textMatches(text: string): Int32Array {
    const terms = text.toLowerCase().split(/\s+/).filter(Boolean);
    if (terms.length === 0) return identity(this.docs.length);
    // Typing on narrows what the previous keystroke found: test only those.
    const base =
      this.#lastMatches && this.#lastText && text.toLowerCase().startsWith(this.#lastText.toLowerCase())
        ? this.#lastMatches
        : null;
    const candidates = base ?? identity(this.docs.length);
    const haystacks = this.#haystacks();
    const loose = terms.map(compact);
    const out = new Int32Array(candidates.length);
    let n = 0;
    for (const i of candidates) {
      const hay = haystacks[i]!;
      if (terms.every((t, k) => hay.includes(t) || (loose[k] !== '' && hay.includes(loose[k]!))))
        out[n++] = i;
    }
    const result = out.slice(0, n);
    this.#lastText = text;
    this.#lastMatches = result;
    return result;
  }

  #order(key: SortKey): Int32Array {
    let order = this.#orders.get(key);
    if (order) return order;
    const docs = this.docs;
    if (key === 'date') {
      // Newest first, undated last, the collection's own order among equal dates (the same
      // order main uses for the first screen it sends before the whole list). The user's own
      // documents without a date of their own sort by the day they were added, as shown.
      order = dateOrder(docs.map(listDate));
    } else {
      // Swedish order through precomputed keys compared as plain strings: an Intl.Collator
      // comparator took ~0.5 s per order at 36,000 documents; these take a few tens of ms.
      const titles = docs.map((d) => sortKey(d.title));
      const keys =
        key === 'title'
          ? titles
          : // Documents with a designation first, in natural order ("SOU 2026:9" before "SOU 2026:10").
            docs.map((d, i) =>
              d.designation ? `0${sortKey(d.designation)}\u0000${titles[i]}` : `1${titles[i]}`,
            );
      order = identity(docs.length).sort((a, b) =>
        keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b,
      );
    }
    this.#orders.set(key, order);
    return order;
  }

  view(query: LibraryQuery): LibraryView {
    const matches = this.#textMatches(query.text);
    const chosen: Record<FacetKey, string | null> = {
      type: query.type,
      year: query.year,
      publisher: query.publisher,
      origin: query.mine ? MINE : null,
    };
    const table = this.#facetTable();
    const columns = FACETS.map((k) => table[k].codes);
    // -1: no choice; -2: a value no document has (nothing passes).
    const wanted = FACETS.map((k) => (chosen[k] === null ? -1 : (table[k].index.get(chosen[k]!) ?? -2)));
    const tallies = FACETS.map((k) => new Int32Array(table[k].values.length));
    const keep = new Uint8Array(this.docs.length);
    const n = FACETS.length;
    for (const i of matches) {
      // A facet's counts follow every other choice, so each value says what choosing it gives.
      let failed = -1;
      let failures = 0;
      for (let k = 0; k < n; k++) {
        const w = wanted[k]!;
        if (w !== -1 && columns[k]![i] !== w) {
          failed = k;
          failures++;
        }
      }
      if (failures === 0) keep[i] = 1;
      else if (failures > 1) continue;
      for (let k = 0; k < n; k++) {
        const v = columns[k]![i]!;
        if (v < 0 || (failures === 1 && failed !== k)) continue;
        tallies[k]![v]!++;
      }
    }
    const counts = Object.fromEntries(
      FACETS.map((k, f) => {
        const values = table[k].values;
        const m = new Map<string, number>();
        tallies[f]!.forEach((c, code) => c > 0 && m.set(values[code]!, c));
        return [k, m];
      }),
    ) as Record<FacetKey, Map<string, number>>;
    const rows: Row[] = [];
    let count = 0;
    const order = this.#order(query.sort);
    if (!query.groupByType) {
      for (const i of order) {
        if (!keep[i]) continue;
        rows.push(this.#rowOf(i));
        count++;
      }
    } else {
      const groups = new Map<string, DocumentSummary[]>();
      for (const i of order) {
        if (!keep[i]) continue;
        const d = this.docs[i]!;
        const label = d.origin === 'imported' ? MINE : (d.type ?? '');
        let list = groups.get(label);
        if (!list) groups.set(label, (list = []));
        list.push(d);
        count++;
      }
      // The user's own documents first, then types by size, untyped last.
      const labels = [...groups.keys()].sort((a, b) =>
        a === MINE || b === ''
          ? -1
          : b === MINE || a === ''
            ? 1
            : groups.get(b)!.length - groups.get(a)!.length || a.localeCompare(b, 'sv'),
      );
      for (const label of labels) {
        const list = groups.get(label)!;
        rows.push({ kind: 'group', label, mine: label === MINE, count: list.length });
        for (const doc of list) rows.push({ kind: 'document', doc });
      }
    }
    return {
      rows,
      count,
      facets: {
        type: sortFacet(counts.type, false),
        year: sortFacet(counts.year, true),
        publisher: sortFacet(counts.publisher, false),
      },
      mineCount: counts.origin.get(MINE) ?? 0,
    };
  }
}
