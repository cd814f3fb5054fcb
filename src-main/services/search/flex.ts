// Owns the one flexsearch configuration and the term dictionary beside it. flexsearch holds
// whole analysed words only (tokenize 'strict': one posting per word and paragraph, which
// keeps 100,000 paragraphs within memory); prefixes while typing and compound tails
// ("politik" → integrationspolitik) are found by expanding each query word against the
// sorted dictionary of indexed terms (a prefix range and a suffix range), then OR-ing the
// expansions and AND-ing the query words with flexsearch's Resolver.
import { Document, Encoder, Resolver } from 'flexsearch';
import { encoderOptions, withEncodedQuery } from './analyzer';

type FieldResults = ReadonlyArray<{ readonly field?: string; readonly result: readonly number[] }>;

interface FlexDocument {
  add(doc: Record<string, string | number>): void;
  search(query: string, options: { limit: number; index: string[] }): FieldResults;
  export(handler: (key: string, data: string) => void): void;
  import(key: string, data: string): void;
}

interface ResolverOptions {
  readonly index: FlexDocument;
  readonly field: string;
  readonly query: string;
}
interface FlexResolver {
  or(...options: ResolverOptions[]): FlexResolver | unknown[];
  and(...resolvers: FlexResolver[]): FlexResolver | unknown[];
  resolve(options: { limit: number }): readonly number[];
}
const ResolverCtor = Resolver as unknown as new (options: ResolverOptions | unknown[]) => FlexResolver;

/** and()/or() sometimes hand back the raw intermediate result instead of the resolver; wrap it. */
function asResolver(value: FlexResolver | unknown[]): FlexResolver {
  return Array.isArray(value) ? new ResolverCtor(value) : value;
}

/** How many indexed terms one query word may expand to (the most frequent win). */
const MAX_EXPANSIONS = 40;
/** Compound tails are looked up from this length on ("en" would match half the language). */
const MIN_SUFFIX_LENGTH = 3;
const MAX_SCAN = 5_000;
/** Up to this many postings, the rarest query word's entries are checked one by one (a substring test each). */
const DRIVER_LIMIT = 30_000;

/** Ids of several ranked lists, first list first, each id once. */
function union(lists: ReadonlyArray<readonly number[]>): number[] {
  if (lists.length === 1) return [...(lists[0] ?? [])];
  const seen = new Set<number>();
  const out: number[] = [];
  for (const list of lists) {
    for (const id of list) {
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}

export interface TermIndexData {
  readonly entries: ReadonlyArray<readonly [string, string]>;
  /** Indexed term → number of entries holding it. */
  readonly terms: ReadonlyArray<readonly [string, number]>;
}

const reverse = (s: string) => [...s].reverse().join('');

function lowerBound(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class TermIndex {
  readonly #doc: FlexDocument;
  readonly #fields: readonly string[];
  readonly #frequency = new Map<string, number>();
  #sorted: string[] | null = null;
  #reversed: string[] | null = null;
  #sortedFreq: Int32Array | null = null;
  #reversedFreq: Int32Array | null = null;

  constructor(fields: readonly string[]) {
    this.#fields = fields;
    const encoder = new Encoder(encoderOptions);
    this.#doc = new Document({
      document: { id: 'id', index: fields.map((field) => ({ field, tokenize: 'strict' as const, encoder })) },
      cache: false,
    }) as unknown as FlexDocument;
  }

  add(id: number, values: Record<string, string>): void {
    this.#doc.add({ id, ...values });
    const seen = new Set<string>();
    for (const field of this.#fields) {
      for (const term of encoderOptions.finalize(
        encoderOptions.prepare(encoderOptions.normalize(values[field] ?? '')).split(' '),
      )) {
        if (term && !seen.has(term)) {
          seen.add(term);
          this.#frequency.set(term, (this.#frequency.get(term) ?? 0) + 1);
        }
      }
    }
    this.#sorted = null;
    this.#reversed = null;
  }

  #dictionary(): { sorted: string[]; sortedFreq: Int32Array; reversed: string[]; reversedFreq: Int32Array } {
    if (!this.#sorted || !this.#reversed || !this.#sortedFreq || !this.#reversedFreq) {
      const sorted = [...this.#frequency.keys()].sort();
      const reversed = sorted.map(reverse).sort();
      this.#sorted = sorted;
      this.#reversed = reversed;
      this.#sortedFreq = Int32Array.from(sorted, (t) => this.#frequency.get(t) ?? 0);
      this.#reversedFreq = Int32Array.from(reversed, (t) => this.#frequency.get(reverse(t)) ?? 0);
    }
    return {
      sorted: this.#sorted,
      sortedFreq: this.#sortedFreq,
      reversed: this.#reversed,
      reversedFreq: this.#reversedFreq,
    };
  }

  /** Indexed terms equal to, starting with or ending with `term` (already analysed): exact first, then the most frequent. */
  expand(term: string): string[] {
    if (term === '') return [];
    const { sorted, sortedFreq, reversed, reversedFreq } = this.#dictionary();
    // The MAX_EXPANSIONS most frequent, kept sorted by frequency (descending) as we scan.
    const top: Array<{ term: string; freq: number }> = [];
    const consider = (t: string, freq: number) => {
      if (t === term) return;
      if (top.length === MAX_EXPANSIONS && freq <= (top[top.length - 1] as { freq: number }).freq) return;
      let i = top.length;
      while (i > 0 && (top[i - 1] as { freq: number }).freq < freq) i--;
      top.splice(i, 0, { term: t, freq });
      if (top.length > MAX_EXPANSIONS) top.pop();
    };
    for (let i = lowerBound(sorted, term), n = 0; i < sorted.length && n < MAX_SCAN; i++, n++) {
      const t = sorted[i] as string;
      if (!t.startsWith(term)) break;
      consider(t, sortedFreq[i] ?? 0);
    }
    if (term.length >= MIN_SUFFIX_LENGTH) {
      const key = reverse(term);
      for (let i = lowerBound(reversed, key), n = 0; i < reversed.length && n < MAX_SCAN; i++, n++) {
        const t = reversed[i] as string;
        if (!t.startsWith(key)) break;
        const forward = reverse(t);
        if (!forward.startsWith(term)) consider(forward, reversedFreq[i] ?? 0);
      }
    }
    const exact = this.#frequency.has(term) ? [term] : [];
    return [...exact, ...top.slice(0, MAX_EXPANSIONS - exact.length).map((e) => e.term)];
  }

  /**
   * Entry ids, flexsearch's best first, that may hold in `field` at least one expansion of
   * every query word (`words` are analysed). The caller checks each with the match code, so
   * this may return more than `limit` ids (or a superset) but never misses a better one.
   */
  candidates(field: string, words: readonly string[], limit: number): readonly number[] {
    const expansions = words.map((w) => this.expand(w));
    if (expansions.length === 0 || expansions.some((e) => e.length === 0)) return [];
    return withEncodedQuery(() => {
      const search = (query: string, max: number) =>
        this.#doc.search(query, { limit: max, index: [field] })[0]?.result ?? [];
      // One word with several forms: the best `limit` of each form, exact form first.
      if (expansions.length === 1)
        return union((expansions[0] as string[]).map((term) => search(term, limit)));
      // Several words: when one of them is rare enough, its entries are the candidates (the
      // caller checks them in order and stops once its window is full). This beats
      // flexsearch's intersection, which walks the common word's whole posting list.
      const estimates = expansions.map((e) => e.reduce((n, t) => n + (this.#frequency.get(t) ?? 0), 0));
      const rarest = estimates.indexOf(Math.min(...estimates));
      if ((estimates[rarest] ?? Infinity) <= DRIVER_LIMIT) {
        return union(
          (expansions[rarest] as string[]).map((term) => search(term, this.#frequency.get(term) ?? limit)),
        );
      }
      // Every word has one indexed form: flexsearch intersects natively.
      if (expansions.every((e) => e.length === 1)) return search(words.join(' '), limit);
      // Whole-word matches rank first, so when flexsearch's intersection of the exact forms
      // already fills the window, the partial forms cannot improve it.
      const exact = expansions.every((e, i) => e[0] === words[i]) ? search(words.join(' '), limit) : [];
      if (exact.length >= limit) return exact;
      let all: FlexResolver | null = null;
      for (const [first, ...others] of expansions) {
        let unit = new ResolverCtor({ index: this.#doc, field, query: first as string });
        if (others.length)
          unit = asResolver(unit.or(...others.map((query) => ({ index: this.#doc, field, query }))));
        all = all ? asResolver(all.and(unit)) : unit;
      }
      return union([exact, all ? all.resolve({ limit }) : []]);
    });
  }

  export(): TermIndexData {
    const entries: Array<[string, string]> = [];
    this.#doc.export((key, data) => void entries.push([key, data]));
    return { entries, terms: [...this.#frequency] };
  }

  /** Imports key by key, yielding to the event loop between chunks so large indexes never block it. */
  async import(data: TermIndexData): Promise<void> {
    for (const [term, count] of data.terms) this.#frequency.set(term, count);
    for (const [key, chunk] of data.entries) {
      this.#doc.import(key, chunk);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Sort the dictionary now rather than on the first keystroke.
    this.#dictionary();
  }
}
