// Owns Swedish text analysis, shared by the flexsearch encoder and by the match-range code so
// that what the index finds and what gets highlighted can never disagree:
// tokens as people write them (ESF+, EU-fonder, EU:s, 2021-2027), lowercase, Snowball Swedish
// stemming on the intact letters, then diacritic folding (å/ä/ö → a/a/o, é → e).
import { newStemmer } from 'snowball-stemmers';

/** Bump when tokenising, stemming or folding changes: stored indexes are then rebuilt. */
export const ANALYZER_VERSION = 1;

/**
 * A word: letters and digits, joined across inner hyphens, dashes, colons and slashes
 * (EU-fonder, 2014–2020, EU:s), with trailing plus signs kept (ESF+).
 */
const WORD = /[\p{L}\p{N}]+(?:[-‐‑–—:/][\p{L}\p{N}]+)*\+*/gu;
const DASHES = /[‐‑–—]/g;
const COMBINING = /[\u0300-\u036f]/g;
const HAS_LETTER = /\p{L}/u;

export interface Token {
  /** Offsets into the analysed text. */
  readonly start: number;
  readonly end: number;
  /** The word as written, lowercased. */
  readonly lower: string;
}

/** Splits text into word tokens with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() });
  }
  return tokens;
}

/** Lowercase word → its analysed forms. */
export interface WordForms {
  /** Stemmed and folded: what the index holds (one or two: `esf+` also as `esf`). */
  readonly encoded: readonly string[];
  /** Stemmed, letters intact: used to rank exact å/ä/ö above folded matches. */
  readonly stems: readonly string[];
}

const stemmer = newStemmer('swedish');

export function fold(word: string): string {
  return word.normalize('NFD').replace(COMBINING, '').normalize('NFC');
}

/** Stems each hyphen/colon part's last piece only through Snowball; digits are left alone. */
function stem(word: string): string {
  if (!HAS_LETTER.test(word)) return word.replace(DASHES, '-');
  return stemmer.stem(word.replace(DASHES, '-'));
}

const cache = new Map<string, WordForms>();
const CACHE_LIMIT = 300_000;

/** The analysed forms of one lowercase token (memoised: the vocabulary is small). */
export function analyzeWord(lower: string): WordForms {
  const hit = cache.get(lower);
  if (hit) return hit;
  const bare = lower.replace(/\++$/, '');
  const stems = bare === lower || bare === '' ? [stem(lower)] : [stem(bare) + '+', stem(bare)];
  const forms: WordForms = { stems, encoded: stems.map(fold) };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lower, forms);
  return forms;
}

let queryIsEncoded = false;

/**
 * Runs a flexsearch lookup whose query words are already analysed (expanded index terms):
 * the encoder then passes them through instead of stemming them a second time.
 */
export function withEncodedQuery<T>(lookup: () => T): T {
  queryIsEncoded = true;
  try {
    return lookup();
  } finally {
    queryIsEncoded = false;
  }
}

/** The flexsearch encoder's pipeline, as plain functions (workers import them, never receive them). */
export const encoderOptions = {
  numeric: false,
  dedupe: false,
  // Our own memo caches words; flexsearch's cache would mix analysed and pre-encoded queries.
  cache: false,
  normalize: (text: string): string => text.toLowerCase(),
  prepare: (text: string): string => {
    let out = '';
    for (const m of text.matchAll(WORD)) out += (out ? ' ' : '') + m[0];
    return out;
  },
  split: ' ',
  finalize: (terms: string[]): string[] =>
    queryIsEncoded ? terms : terms.flatMap((term) => analyzeWord(term).encoded),
} as const;
