// Owns Swedish text analysis, shared by the flexsearch encoder and by the match-range code so
// that what the index finds and what gets highlighted can never disagree:
// tokens as people write them (ESF+, EU-fonder, EU:s, 2021-2027), lowercase, Snowball Swedish
// stemming on the intact letters, then diacritic folding (å/ä/ö → a/a/o, é → e).
import { newStemmer } from 'snowball-stemmers';

/** Bump when tokenising, stemming or folding changes: stored indexes are then rebuilt. */
export const ANALYZER_VERSION = 1;

const DASHES = /[‐‑–—]/g;
const COMBINING = /[\u0300-\u036f]/g;
const HAS_LETTER = /\p{L}/u;

/*
 * A word: letters and digits, joined across inner hyphens, dashes, colons and slashes
 * (EU-fonder, 2014–2020, EU:s), with trailing plus signs kept (ESF+).
 */

export interface Token {
  /** Offsets into the analysed text. */
  readonly start: number;
  readonly end: number;
  /** The word as written, lowercased. */
  readonly lower: string;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const JOINERS = new Set(['-', '‐', '‑', '–', '—', ':', '/']);

/** An inner hyphen, dash, colon or slash that joins two runs of letters/digits into one word. */
export function isJoinerAt(text: string, i: number): boolean {
  return (
    JOINERS.has(text[i] as string) &&
    i > 0 &&
    isWordChar(text.charCodeAt(i - 1)) &&
    isWordChar(text.charCodeAt(i + 1))
  );
}

/** The token containing the word character at `i` (same boundaries as tokenize). */
export function tokenAt(text: string, i: number): Token {
  let start = i;
  while (start > 0 && (isWordChar(text.charCodeAt(start - 1)) || isJoinerAt(text, start - 1))) start--;
  let end = i;
  while (end < text.length && (isWordChar(text.charCodeAt(end)) || isJoinerAt(text, end))) end++;
  while (end < text.length && text.charCodeAt(end) === 43 /* + */) end++;
  return { start, end, lower: text.slice(start, end).toLowerCase() };
}

/** The first token starting at or after `from`, or null. */
export function nextToken(text: string, from: number): Token | null {
  let i = from;
  while (i < text.length && !isWordChar(text.charCodeAt(i))) i++;
  return i < text.length ? tokenAt(text, i) : null;
}

/** Any character outside ASCII (only those can fold). */
const FOLD_CHAR = /[^\u0020-\u007e\t\n\r]/g;
const foldCharCache = new Map<string, string>();

/**
 * Lowercased and folded text with the same length and offsets as `text` (dashes as '-'),
 * or null when lowercasing changes the length (then callers tokenise instead).
 */
export function foldedText(text: string): string | null {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return null;
  return lower.replace(FOLD_CHAR, (c) => {
    let folded = foldCharCache.get(c);
    if (folded === undefined) {
      const f = fold(c).replace(DASHES, '-');
      folded = f.length === 1 ? f : c;
      foldCharCache.set(c, folded);
    }
    return folded;
  });
}
const wordCharCache = new Map<number, boolean>();

/** Letter or digit; ASCII without a regex (this runs for every character of every hit). */
export function isWordChar(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let known = wordCharCache.get(code);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code));
    wordCharCache.set(code, known);
  }
  return known;
}

/**
 * Splits text into word tokens with their offsets: the same words as WORD (a hand-written
 * scanner because this runs on every paragraph a query ranks).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      // An inner hyphen, dash, colon or slash joins two runs of letters/digits.
      if (i + 1 < n && JOINERS.has(text[i] as string) && isWordChar(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    while (i < n && text.charCodeAt(i) === 43 /* + */) i++;
    tokens.push({ start, end: i, lower: text.slice(start, i).toLowerCase() });
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

/** The flexsearch encoder's pipeline, as plain functions (workers import them, never receive them). */
export const encoderOptions = {
  numeric: false,
  dedupe: false,
  // Our own memo caches words.
  cache: false,
  normalize: (text: string): string => text.toLowerCase(),
  prepare: (text: string): string => {
    let out = '';
    for (const token of tokenize(text)) out += (out ? ' ' : '') + token.lower;
    return out;
  },
  split: ' ',
  finalize: (terms: string[]): string[] => terms.flatMap((term) => analyzeWord(term).encoded),
} as const;
