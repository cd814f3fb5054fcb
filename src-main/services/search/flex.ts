// Owns the one flexsearch configuration and the term index built on it. flexsearch holds
// whole analysed words only (tokenize 'strict': one posting per word and paragraph, which
// keeps 100,000 paragraphs within memory); prefixes while typing and compound tails
// ("politik" → integrationspolitik) are found by expanding each query word against the
// sorted dictionary of indexed terms (dictionary.ts). Candidates are read straight from the
// posting slots (postings.ts, then flexsearch's for entries added since), best first, so a
// caller can stop after a few.
import { Document, Encoder } from 'flexsearch';
import { encoderOptions } from './analyzer';
import { TermDictionary, type Matching } from './dictionary';
import { lowerBound, PostingTable, type FlexSlots, type Gate } from './postings';
import { decodeIds, encodeIds } from './sequences';

/** One field's flexsearch index: term → postings in relevance slots (best first). */
interface FlexFieldIndex {
  readonly map: Map<string, FlexSlots>;
}

interface FlexDocument {
  readonly index: Map<string, FlexFieldIndex>;
  add(doc: Record<string, string | number>): void;
  export(handler: (key: string, data: string) => void): void;
  import(key: string, data: string): void;
}

export interface TermIndexData {
  readonly entries: ReadonlyArray<readonly [string, string]>;
  /** Indexed term → number of entries holding it, sorted by term. */
  readonly terms: ReadonlyArray<readonly [string, number]>;
  /** Term ids (positions in terms) ordered by the term read backwards, base64 (sequences.ts). */
  readonly reversedIds?: string;
  /**
   * Each field's postings over `terms` (PostingTable.encode): what a stored index holds instead
   * of flexsearch's chunks (`entries` is then empty).
   */
  readonly postings?: ReadonlyArray<readonly [string, string]>;
}

export class TermIndex {
  readonly #doc: FlexDocument;
  readonly #fields: readonly string[];
  /** Term → entries holding it, until the dictionary is first made (a build from scratch). */
  readonly #frequency = new Map<string, number>();
  #dict: TermDictionary | null = null;
  /** Terms first seen after the dictionary was made, with their counts, not yet merged in. */
  readonly #pending = new Map<string, number>();
  /**
   * The loaded index's postings by field (typed arrays); flexsearch's own maps then hold only
   * the entries added since, visited after these slot by slot.
   */
  readonly #tables = new Map<string, PostingTable>();

  constructor(fields: readonly string[]) {
    this.#fields = fields;
    const encoder = new Encoder(encoderOptions);
    this.#doc = new Document({
      document: { id: 'id', index: fields.map((field) => ({ field, tokenize: 'strict' as const, encoder })) },
      cache: false,
    }) as unknown as FlexDocument;
  }

  /**
   * Indexes one entry. Once the dictionary exists (an imported index, or after the first
   * query), its counts change in place and terms never seen before wait in `#pending`, merged
   * into the sorted dictionary when it is next read: sorting 700,000 terms again for one added
   * document cost seconds at regeringen.se scale. A term's id is its position, so ids move
   * when terms are merged in; `terms()` lets a caller map old ids to new ones.
   */
  add(id: number, values: Record<string, string>): void {
    this.#doc.add({ id, ...values });
    const dict = this.#dict;
    dict?.clearCaches();
    for (const term of this.#termsOf(values)) {
      if (!dict) {
        this.#frequency.set(term, (this.#frequency.get(term) ?? 0) + 1);
        continue;
      }
      const at = lowerBound(dict.sorted, term);
      if (dict.sorted[at] === term) dict.sortedFreq[at] = (dict.sortedFreq[at] ?? 0) + 1;
      else this.#pending.set(term, (this.#pending.get(term) ?? 0) + 1);
    }
  }

  /**
   * Takes an entry out at once: its id leaves the postings of its own terms (recomputed from
   * its values, as add indexed them; flexsearch's remove would scan every term's postings for
   * each id) and its terms' counts drop. Terms stay in the dictionary, at zero when no entry
   * holds them any more, so term ids, and the paragraphs' term codes built on them, stay
   * valid: rebuilding those reads every text of the collection (seconds at regeringen.se scale).
   */
  remove(id: number, values: Record<string, string>): void {
    for (const field of this.#fields) {
      const map = this.#doc.index.get(field)?.map;
      if (!map) continue;
      for (const term of encoderOptions.finalize(
        encoderOptions.prepare(encoderOptions.normalize(values[field] ?? '')).split(' '),
      )) {
        for (const slot of map.get(term) ?? []) {
          const at = slot ? slot.indexOf(id) : -1;
          if (at >= 0) (slot as number[]).splice(at, 1);
        }
        this.#tables.get(field)?.remove(term, id);
      }
    }
    for (const term of this.#termsOf(values)) {
      if (!this.#dict) {
        if (this.#frequency.has(term))
          this.#frequency.set(term, Math.max(0, (this.#frequency.get(term) ?? 0) - 1));
        continue;
      }
      const at = this.termId(term);
      const { sortedFreq } = this.#dictionary();
      if (at >= 0) sortedFreq[at] = Math.max(0, (sortedFreq[at] ?? 0) - 1);
    }
    this.#dict?.clearCaches();
  }

  /** The distinct terms an entry is indexed under, in all fields. */
  #termsOf(values: Record<string, string>): Set<string> {
    const seen = new Set<string>();
    for (const field of this.#fields) {
      for (const term of encoderOptions.finalize(
        encoderOptions.prepare(encoderOptions.normalize(values[field] ?? '')).split(' '),
      ))
        if (term) seen.add(term);
    }
    return seen;
  }

  #dictionary(): TermDictionary {
    if (!this.#dict) {
      this.#dict = TermDictionary.fromCounts(this.#frequency);
      // The dictionary holds the counts from now on (add and remove change them in place).
      this.#frequency.clear();
    } else if (this.#pending.size > 0) {
      this.#dict = this.#dict.merged(this.#pending);
      this.#pending.clear();
    }
    return this.#dict;
  }

  /**
   * Forgets the sorted dictionary (counts back in a map), as add did before it merged new
   * terms in: for the benchmark that compares both ways.
   */
  forgetDictionary(): void {
    const dict = this.#dictionary();
    dict.sorted.forEach((term, i) => this.#frequency.set(term, dict.sortedFreq[i] ?? 0));
    this.#dict = null;
  }

  /** The indexed terms in id order (sorted); a new array whenever terms were added. */
  terms(): readonly string[] {
    return this.#dictionary().sorted;
  }

  /** How many entries hold `term` (0 when it is not indexed). */
  #frequencyOf(term: string): number {
    return this.#dictionary().frequency(term);
  }

  /** How many distinct terms are indexed; term ids are positions in the sorted dictionary. */
  get termCount(): number {
    return this.#dictionary().sorted.length;
  }

  /** How many entries hold each term, by term id. */
  get frequencies(): Int32Array {
    return this.#dictionary().sortedFreq;
  }

  /** term → id, for turning many tokens into ids at once (export). */
  termIds(): Map<string, number> {
    return new Map(this.#dictionary().sorted.map((t, i) => [t, i]));
  }

  /** The id of one indexed term, or -1. */
  termId(term: string): number {
    return this.#dictionary().id(term);
  }

  /**
   * The ids of every indexed term a query word matches (equal, starting with or ending with
   * it: termQuality's rule, for every length and without the expansion cap), so a paragraph's
   * term ids tell exactly whether the word can match there, and how many postings they have.
   */
  matching(term: string): Matching {
    return this.#dictionary().matching(term);
  }

  /** The ids of the indexed terms that start with `prefix`, and their postings. */
  prefixed(prefix: string): Matching {
    return this.#dictionary().prefixed(prefix);
  }

  /** Sets `bit` in `entries[id]` for every entry holding one of the terms (ids) in any field. */
  markEntries(termIds: ArrayLike<number>, entries: Uint8Array, bit: number): void {
    const { sorted } = this.#dictionary();
    for (const field of this.#fields) {
      const map = this.#doc.index.get(field)?.map;
      if (!map) continue;
      const table = this.#tables.get(field);
      for (let k = 0; k < termIds.length; k++) {
        const termId = termIds[k] as number;
        table?.mark(sorted[termId] as string, termId, sorted, entries, bit);
        const slots = map.get(sorted[termId] as string);
        if (!slots) continue;
        for (const slot of slots) {
          if (!slot) continue;
          for (let i = 0; i < slot.length; i++) {
            const id = slot[i] as number;
            entries[id] = (entries[id] ?? 0) | bit;
          }
        }
      }
    }
  }

  /** Indexed terms equal to, starting with or ending with `term` (already analysed): exact first, then the most frequent. */
  expand(term: string): string[] {
    return this.#dictionary().expand(term);
  }

  /**
   * Calls `visit` with up to `max` entry ids holding `term` in `field`, in flexsearch's order
   * (best slot first), until it returns true; true when it did.
   */
  #postings(
    field: string,
    term: string,
    max: number,
    visit: (id: number) => boolean,
    gate: Gate | null = null,
  ): boolean {
    const slots = this.#doc.index.get(field)?.map.get(term);
    const table = this.#tables.get(field);
    if (table) return table.visit(term, slots, max, visit, gate);
    if (!slots) return false;
    let n = 0;
    for (const slot of slots) {
      if (!slot) continue;
      for (const id of slot) {
        if (gate && ((gate.bytes[id] as number) & gate.bits) !== gate.bits) continue;
        if (n++ === max) return false;
        if (visit(id)) return true;
      }
    }
    return false;
  }

  /**
   * Visits entry ids, flexsearch's best first, that may hold in `field` an expansion of every
   * query word (`words` are analysed), until `visit` returns true (the caller's window is
   * full); true when it stopped early. Ids may repeat and need not match: the caller checks
   * each one, cheapest test first.
   *
   * One word: the best `limit` entries of each of its forms, exact form first. Several words:
   * the entries of the word with the fewest postings (all of its forms), in order. The
   * caller rules most of them out by their term ids (sequences.ts) and stops as soon as its
   * window is full, so two common words cost a few dozen entries, not flexsearch's
   * intersection, which walks every posting list whole.
   */
  visitCandidates(
    field: string,
    words: ReadonlyArray<string | readonly string[]>,
    limit: number,
    visit: (id: number) => boolean,
  ): boolean {
    return this.visitExpanded(field, this.expandWords(words), limit, visit);
  }

  /**
   * Each query word's indexed terms (expand), a word's alternatives (misspellings of it in
   * the text) after its own forms: computed once per query, for every field.
   */
  expandWords(words: ReadonlyArray<string | readonly string[]>): string[][] {
    return words.map((w) =>
      typeof w === 'string'
        ? this.expand(w)
        : [
            ...new Set(
              w.flatMap((alt, i) => (i === 0 ? this.expand(alt) : this.termId(alt) >= 0 ? [alt] : [])),
            ),
          ],
    );
  }

  /**
   * visitCandidates with the words already expanded (expandWords). Several words' walk skips
   * the entries `gate` rules out (the filter's marks) without visiting them.
   */
  visitExpanded(
    field: string,
    expansions: readonly string[][],
    limit: number,
    visit: (id: number) => boolean,
    gate: Gate | null = null,
  ): boolean {
    if (expansions.length === 0 || expansions.some((e) => e.length === 0)) return false;
    if (expansions.length === 1) {
      // At most `limit` entries per form and twice that in all: a rare word's forty
      // expansions must not turn into thousands of candidates.
      let budget = 2 * limit;
      for (const term of expansions[0] as string[]) {
        if (budget <= 0) return false;
        if (
          this.#postings(field, term, Math.min(limit, budget), (id) => {
            budget--;
            return visit(id);
          })
        )
          return true;
      }
      return false;
    }
    const estimates = expansions.map((e) => e.reduce((n, t) => n + this.#frequencyOf(t), 0));
    const rarest = expansions[estimates.indexOf(Math.min(...estimates))] as string[];
    for (const term of rarest) if (this.#postings(field, term, Infinity, visit, gate)) return true;
    return false;
  }

  /** How many entries hold `term` exactly (0 when it is not indexed). */
  frequencyOf(term: string): number {
    return this.#frequencyOf(term);
  }

  /** Every indexed term with its number of entries, in dictionary order. */
  *entries(): Generator<[string, number]> {
    const { sorted, sortedFreq } = this.#dictionary();
    for (let i = 0; i < sorted.length; i++) yield [sorted[i] as string, sortedFreq[i] ?? 0];
  }

  /** The candidates of visitCandidates as a list. */
  candidates(field: string, words: ReadonlyArray<string | readonly string[]>, limit: number): number[] {
    const out: number[] = [];
    this.visitCandidates(field, words, limit, (id) => {
      out.push(id);
      return false;
    });
    return out;
  }

  /**
   * The index as stored: the dictionary and each field's postings in typed arrays (those loaded
   * and flexsearch's added since, merged), no flexsearch chunks.
   */
  export(): TermIndexData {
    const { sorted, sortedFreq, reversedIds } = this.#dictionary();
    const postings = this.#fields.map((field) => {
      const map = this.#doc.index.get(field)?.map ?? new Map<string, FlexSlots>();
      return [field, PostingTable.merge(sorted, map, this.#tables.get(field) ?? null).encode()] as const;
    });
    return {
      entries: [],
      terms: sorted.map((term, i) => [term, sortedFreq[i] ?? 0] as const),
      reversedIds: encodeIds(reversedIds),
      postings,
    };
  }

  /**
   * Imports key by key, yielding to the event loop between chunks so large indexes never
   * block it. The dictionary comes sorted, with its backwards order, so nothing is sorted here.
   */
  async import(data: TermIndexData): Promise<void> {
    const sorted = data.terms.map(([term]) => term);
    const sortedFreq = Int32Array.from(data.terms, ([, count]) => count);
    const reversedIds = data.reversedIds ? decodeIds(data.reversedIds) : null;
    if (
      reversedIds?.length === sorted.length &&
      sorted.every((t, i) => i === 0 || (sorted[i - 1] as string) < t)
    )
      this.#dict = new TermDictionary({ sorted, sortedFreq, reversedIds });
    else for (const [term, count] of data.terms) this.#frequency.set(term, count);
    if (data.postings) {
      // Over the dictionary as stored (its order is the tables' term ids), which must be sorted.
      const terms = this.#dict?.sorted;
      if (!terms) throw new Error('Sökindexets ordlista är inte sorterad.');
      for (const [field, line] of data.postings) {
        if (!this.#fields.includes(field)) continue;
        const table = PostingTable.decode(terms, line);
        if (!table) throw new Error(`Sökindexets poster för fältet ${field} passar inte ordlistan.`);
        this.#tables.set(field, table);
      }
    }
    for (const [key, chunk] of data.entries) {
      this.#doc.import(key, chunk);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Sort the dictionary now (when it came unsorted) rather than on the first keystroke.
    this.#dictionary();
  }
}
