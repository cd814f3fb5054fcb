// Owns the Swedish lexicon the analyser reads (built from dictionary-sv by
// scripts/build-lexicon.ts into resources/lexicon/): the word forms Snowball does not join to
// their lemma (form → lemma key), a Bloom filter of every form of every lemma (is this a
// real word?), and the strong verbs' pasts that are also words of their own (slank → slink).
// Loaded lazily and synchronously on the first analysed word: the analyser is synchronous
// and runs in main, in the search worker and in the CLI alike.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LEXICON_FILES = {
  lemmas: 'sv-lemmas.tsv',
  forms: 'sv-forms.bloom',
  needles: 'sv-needles.tsv',
  alternates: 'sv-alternates.tsv',
} as const;

/** A fixed-size Bloom filter over strings (two FNV-1a hashes, double hashing). */
export class BloomFilter {
  readonly #bits: Uint8Array;
  readonly #hashes: number;
  readonly #size: number;

  private constructor(bits: Uint8Array, hashes: number) {
    this.#bits = bits;
    this.#hashes = hashes;
    this.#size = bits.length * 8;
  }

  static create(items: number, falsePositiveRate: number): BloomFilter {
    const bits = Math.ceil((-items * Math.log(falsePositiveRate)) / Math.LN2 ** 2);
    const hashes = Math.max(1, Math.round((bits / items) * Math.LN2));
    return new BloomFilter(new Uint8Array(Math.ceil(bits / 8)), hashes);
  }

  /** The stored form: one byte with the number of hashes, then the bits. */
  static from(bytes: Uint8Array): BloomFilter {
    return new BloomFilter(bytes.subarray(1), bytes[0] ?? 1);
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.#bits.length + 1);
    out[0] = this.#hashes;
    out.set(this.#bits, 1);
    return out;
  }

  #positions(word: string, visit: (bit: number) => boolean): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    for (let k = 0; k < this.#hashes; k++) {
      const bit = ((h1 + Math.imul(k, h2 | 1)) >>> 0) % this.#size;
      if (!visit(bit)) return false;
    }
    return true;
  }

  add(word: string): void {
    this.#positions(word, (bit) => {
      this.#bits[bit >> 3] = (this.#bits[bit >> 3] ?? 0) | (1 << (bit & 7));
      return true;
    });
  }

  has(word: string): boolean {
    return this.#positions(word, (bit) => ((this.#bits[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0);
  }
}

export interface Lexicon {
  /** The lemma key of a form Snowball does not join, or undefined. */
  lemmaKey(form: string): string | undefined;
  /**
   * For a folded lemma key, the folded beginnings of its forms that do not contain the key
   * (gå: gick; nummer: numr): where match.ts looks for the key's words in a text.
   */
  needles(foldedKey: string): readonly string[];
  /**
   * For a strong verb's past that is also a word of its own (slank: slender, and slinka's
   * past), the verb's lemma key: a query for the word also finds the verb's forms.
   */
  alternate(form: string): string | undefined;
  /** True for every form of every lemma (and 0.1 % of other strings). */
  isWord(form: string): boolean;
  /** Identifies the data, so stored indexes built with another lexicon are rebuilt. */
  readonly signature: string;
}

let loaded: Lexicon | null | undefined;
let directory: string | null = null;

/**
 * Where the lexicon lives (the app's resources folder + /lexicon). Only before the first
 * analysed word: analyses are memoised, so the lexicon never changes once read.
 */
export function setLexiconDir(dir: string): void {
  if (loaded !== undefined) return;
  directory = dir;
  // Worker threads started after this (the index build) copy the environment: they must
  // read the same lexicon, or their index keys would differ from the queries'.
  if (existsSync(join(dir, LEXICON_FILES.lemmas))) process.env.LASAREN_LEXICON_DIR ??= dir;
}

function candidates(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  return [
    process.env.LASAREN_LEXICON_DIR,
    directory,
    resourcesPath ? join(resourcesPath, 'lexicon') : undefined,
    // src-main/services/search (sources, tests) and out/main (the bundle).
    join(here, '..', '..', '..', 'resources', 'lexicon'),
    join(here, '..', '..', 'resources', 'lexicon'),
    join(process.cwd(), 'resources', 'lexicon'),
  ].filter((d): d is string => !!d);
}

/**
 * The exception table stays one string (the file, sorted by form) with an index of line
 * starts, searched by bisection: 3 MB instead of a 221,000-entry Map, and no start-up cost.
 */
function exceptionTable(text: string): (form: string) => string | undefined {
  const starts: number[] = [];
  for (let at = 0; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) starts.push(at);
  const lines = Int32Array.from(starts);
  /** The line's form compared with `form`, without slicing: <0, 0 or >0. */
  const compare = (line: number, form: string): number => {
    let at = lines[line] as number;
    for (let i = 0; ; i++, at++) {
      const c = text.charCodeAt(at);
      const end = c === 9; /* tab */
      if (i === form.length) return end ? 0 : 1;
      if (end) return -1;
      const d = c - form.charCodeAt(i);
      if (d !== 0) return d;
    }
  };
  return (form) => {
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(mid, form) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= lines.length || compare(lo, form) !== 0) return undefined;
    const at = (lines[lo] as number) + form.length + 1;
    const spec = text.slice(at, text.indexOf('\n', at));
    const digits = /^\d+/.exec(spec)?.[0] ?? '0';
    return form.slice(0, form.length - Number(digits)) + spec.slice(digits.length);
  };
}

function read(dir: string): Lexicon {
  const text = readFileSync(join(dir, LEXICON_FILES.lemmas), 'utf8');
  const bloomBytes = readFileSync(join(dir, LEXICON_FILES.forms));
  const bloom = BloomFilter.from(new Uint8Array(bloomBytes));
  const signature = createHash('sha256').update(text).update(bloomBytes).digest('hex').slice(0, 16);
  const needles = new Map<string, string[]>();
  for (const line of readFileSync(join(dir, LEXICON_FILES.needles), 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) needles.set(line.slice(0, tab), line.slice(tab + 1).split(' '));
  }
  const alternates = new Map<string, string>();
  const alternatesFile = join(dir, LEXICON_FILES.alternates);
  // Optional: a lexicon built before the file existed still loads (no alternates).
  const alternatesText = existsSync(alternatesFile) ? readFileSync(alternatesFile, 'utf8') : '';
  for (const line of alternatesText.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) alternates.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return {
    lemmaKey: exceptionTable(text),
    alternate: (form) => alternates.get(form),
    isWord: (form) => bloom.has(form),
    needles: (key) => needles.get(key) ?? [],
    signature,
  };
}

/** The lexicon, or null when its files are missing (then Snowball alone stems). */
export function lexicon(): Lexicon | null {
  if (loaded !== undefined) return loaded;
  const dir = candidates().find((d) => existsSync(join(d, LEXICON_FILES.lemmas)));
  loaded = dir ? read(dir) : null;
  return loaded;
}
