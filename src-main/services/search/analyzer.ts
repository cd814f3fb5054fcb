// Owns Swedish text analysis, shared by the flexsearch encoder and by the match-range code so
// that what the index finds and what gets highlighted can never disagree:
// tokens as people write them (ESF+, EU-fonder, EU:s, 2021-2027), lowercase, each word's
// lemma key (the lexicon's lemma for the forms Snowball does not join, flickan → flick,
// compounds through their last part, Snowball Swedish stemming otherwise) on the intact
// letters, then diacritic folding (å/ä/ö → a/a/o, é → e). Also the compounds a text writes
// with a shared tail (kunskaps- och erfarenhetsutbyte → kunskapsutbyte).
import { newStemmer } from 'snowball-stemmers';
import { lexicon } from './lexicon';

/** Bump when tokenising, stemming or folding changes: stored indexes are then rebuilt. */
export const ANALYZER_VERSION = 4;

/** The analysis's identity: its version and the lexicon's data (stored indexes record it). */
export function analyzerSignature(): string {
  return `${ANALYZER_VERSION}:${lexicon()?.signature ?? 'snowball'}`;
}

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

/*
 * Soft hyphens (U+00AD) are part of the word they break: real documents have them inside
 * words (asyl\u00adsyste\u00admet), where they are invisible; the analysed word drops them.
 */
const LETTER_OR_DIGIT = /[\p{L}\p{N}\u00ad]/u;
const SOFT_HYPHEN = /\u00ad/g;
/** The lowercase word of a token's text, soft hyphens dropped. */
export const lowerOf = (raw: string): string => {
  const lower = raw.toLowerCase();
  return lower.includes('\u00ad') ? lower.replace(SOFT_HYPHEN, '') : lower;
};
/** Hyphen-minus, hyphen, non-breaking hyphen, en and em dash, colon, slash (as char codes: tokenEnd runs per word). */
const isJoiner = (code: number): boolean =>
  code === 45 ||
  code === 58 ||
  code === 47 ||
  code === 0x2010 ||
  code === 0x2011 ||
  code === 0x2013 ||
  code === 0x2014;

/** An inner hyphen, dash, colon or slash that joins two runs of letters/digits into one word. */
export function isJoinerAt(text: string, i: number): boolean {
  return (
    isJoiner(text.charCodeAt(i)) &&
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
  return { start, end, lower: lowerOf(text.slice(start, end)) };
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
  // Soft hyphens break up the words indexOf looks for: such texts take the token path.
  if (text.includes('\u00ad')) return null;
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return null;
  return foldLower(lower);
}

/** A lowercased string folded character by character (foldedText's step; same length). */
export function foldLower(lower: string): string {
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
/** Per UTF-16 code unit: 0 not yet known, 1 a letter or digit, 2 not (64 KB, filled as met). */
const wordChars = new Uint8Array(65_536);

/** Letter or digit; ASCII without a regex (this runs for every character of every hit). */
export function isWordChar(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let known = wordChars[code] as number;
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    wordChars[code] = known;
  }
  return known === 1;
}

/** Where the token that starts at `start` ends (tokenize's rule: inner joiners, then trailing '+'). */
export function tokenEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  for (;;) {
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    // An inner hyphen, dash, colon or slash joins two runs of letters/digits.
    if (i + 1 < n && isJoiner(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    break;
  }
  while (i < n && text.charCodeAt(i) === 43 /* + */) i++;
  return i;
}

/** A run of soft hyphens only is no token (its lowercase form is empty). */
const isToken = (text: string, start: number, end: number): boolean =>
  text.charCodeAt(start) !== 0xad || lowerOf(text.slice(start, end)) !== '';

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
    i = tokenEnd(text, start);
    const lower = lowerOf(text.slice(start, i));
    if (lower !== '') tokens.push({ start, end: i, lower });
  }
  return tokens;
}

/**
 * Finds the next token of `text` at or after `from` as tokenize does, and writes its start and
 * end to out[at] and out[at + 1]; false when none follows. One pass over each character (the
 * match code scans some 25 texts a query this way).
 */
export function scanToken(text: string, from: number, out: Int32Array, at: number): boolean {
  const n = text.length;
  let i = from;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = tokenEnd(text, i);
    if (isToken(text, i, end)) {
      out[at] = i;
      out[at + 1] = end;
      return true;
    }
    i = end;
  }
  return false;
}

/** Lowercase word → its analysed forms. */
export interface WordForms {
  /** Stemmed and folded: what the index holds (one or two: `esf+` also as `esf`). */
  readonly encoded: readonly string[];
  /** Stemmed, letters intact: used to rank exact å/ä/ö above folded matches. */
  readonly stems: readonly string[];
}

const stemmer = newStemmer('swedish');

/** Unicode's way: decompose, drop the combining marks, compose again (~1 µs a word). */
function foldByNormalizing(word: string): string {
  return word.normalize('NFD').replace(COMBINING, '').normalize('NFC');
}

/** Per code unit below U+0300: that character folded, filled as met. */
const foldedBelow0300: Array<string | undefined> = [];

/**
 * A word without its diacritics (å → a, é → e). Below U+0300 no character is a combining mark
 * and none composes with its neighbour, so such a word folds character by character: ten
 * times faster than normalizing, which the correction targets (136,000 words at
 * regeringen.se scale, made on the first misspelling of a session) waited for.
 */
export function fold(word: string): string {
  let plain = true;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x300) return foldByNormalizing(word);
    if (code >= 0x80) plain = false;
  }
  if (plain) return word;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    out += code < 0x80 ? word[i] : (foldedBelow0300[code] ??= foldByNormalizing(String.fromCharCode(code)));
  }
  return out;
}

/** A compound's head must keep this many letters, its tail at least MIN_TAIL. */
const MIN_HEAD = 2;
const MIN_TAIL = 3;
/** Known words are split into head and tail from this length, with a tail this long. */
const MIN_SPLIT = 8;
const MIN_SPLIT_TAIL = 4;
/** Four-letter tails that are inflectional endings, not words, in a compound's place. */
const ENDINGS = new Set([
  'erna',
  'arna',
  'orna',
  'ande',
  'ende',
  'aste',
  'iska',
  'iskt',
  'liga',
  'ligt',
  'ning',
]);

/**
 * A word's lemma key, letters intact: the lexicon's key for forms Snowball does not join to
 * their lemma; for a compound the lexicon lacks, its head plus the key of the longest tail
 * the lexicon knows that way (kvinnoflickan → kvinno + flick); otherwise Snowball's stem.
 * Hyphenated words are keyed by their last part (EU-fonden → eu-fond).
 */
function lemmaKey(word: string, split = true): string {
  const lex = lexicon();
  if (!lex) return stemmer.stem(word);
  const joint = Math.max(word.lastIndexOf('-'), word.lastIndexOf(':'), word.lastIndexOf('/'));
  if (joint > 0 && joint < word.length - 1) return word.slice(0, joint + 1) + lemmaKey(word.slice(joint + 1));
  // The lexicon's key first: its build made every form of a paradigm agree with its lemma.
  const known = lex.lemmaKey(word);
  if (known !== undefined) return known;
  // A compound of known words is keyed by its head and its last part's key, so that its
  // forms join as the last part's do (Snowball stems kurser to kur but språkkurser to
  // språkkur: its R1 region differs).
  if (split && word.length >= MIN_SPLIT) {
    const tail = compoundTail(word, true);
    const head = tail ? word.slice(0, word.length - tail.length) : '';
    const own = stemmer.stem(word);
    // Not when the word is an inflection of its "head" (våldsammast is not våldsam + mast).
    if (tail && tail.length >= MIN_SPLIT_TAIL && !ENDINGS.has(tail) && own !== lemmaKey(head, false)) {
      const tailKey = lemmaKey(tail, false);
      // Nor when the word's own ending reaches into the tail's lemma: then the "tail" is the
      // end of the word's stem and its ending (invandrare is invandr|are, not invand|rare;
      // invandrarens not invandra|rens), and keying it so would part the noun's forms.
      const tailRoot = Math.min(tailKey.length, stemmer.stem(tail).length);
      if (own.length >= head.length + tailRoot) return head + tailKey;
    }
  }
  // A form the lexicon knows without an exception is one Snowball already joins.
  if (lex.isWord(word)) return stemmer.stem(word);
  for (let i = MIN_HEAD + 1; i <= word.length - MIN_TAIL - 1; i++) {
    const part = word.slice(i);
    const tail = lex.lemmaKey(part);
    // Not an irregular form where the word splits otherwise (länstal is läns|tal, not län|stal).
    if (tail !== undefined && isIrregularForm(part) && compoundTail(word, true) !== part) continue;
    if (tail !== undefined) return word.slice(0, i) + tail;
  }
  return stemmer.stem(word);
}

/** Digits are left alone; words go through lemmaKey. */
function stem(word: string): string {
  if (!HAS_LETTER.test(word)) return word.replace(DASHES, '-');
  return lemmaKey(word.replace(DASHES, '-'));
}

/** True when the lexicon knows `word` (lowercase) as a form of some lemma. */
export function isKnownWord(word: string): boolean {
  return lexicon()?.isWord(word) ?? false;
}

/**
 * Where a compound splits into a head and a tail both of which are words (the head with or
 * without a linking s or e): erfarenhetsutbyte → utbyte; the longest tail wins. Unless
 * `strict`, a known tail after a head the lexicon lacks will do (nack- in nackdelar).
 */
export function compoundTail(word: string, strict = false): string | null {
  let fallback: string | null = null;
  let irregular: string | null = null;
  for (let i = MIN_HEAD + 1; i <= word.length - MIN_TAIL; i++) {
    const tail = word.slice(i);
    if (!isKnownWord(tail)) continue;
    const head = word.slice(0, i);
    if (
      isKnownWord(head) ||
      (/[se]$/.test(head) && head.length > MIN_HEAD + 1 && isKnownWord(head.slice(0, -1)))
    ) {
      // A tail that is only an irregular form of another word (stal of stjäla, gick of gå)
      // is rarely a compound's last part: another split wins if there is one (läns|tal in
      // länstal, not län|stal), so that all of the compound's forms share one key.
      if (irregular === null && isIrregularForm(tail)) {
        irregular = tail;
        continue;
      }
      return tail;
    }
    // Heads that only occur in compounds (nack- in nackdelar) are not in the lexicon.
    if (fallback === null && tail.length > MIN_TAIL) fallback = tail;
  }
  return irregular ?? (strict ? null : fallback);
}

/** A form the lexicon keys by a lemma it does not begin with: stal → stjäl, gick → gå. */
function isIrregularForm(word: string): boolean {
  const key = lexicon()?.lemmaKey(word);
  return key !== undefined && !word.startsWith(key.slice(0, Math.min(3, key.length)));
}

const CONNECTORS = new Set(['och', 'eller', 'samt', 'respektive', 'resp', 'som', 'liksom']);

/**
 * compoundTail of a shared-tail expression's last word, memoised: the match code reads such
 * an expression for every hit it stands in ("Klimat- och näringslivsdepartementet" in a
 * ministry's every title), and splitting the word costs a lexicon lookup per split point.
 */
const lastPartTails = new Map<string, string | null>();
function lastPartTail(word: string): string | null {
  let tail = lastPartTails.get(word);
  if (tail === undefined) {
    tail = compoundTail(word);
    if (lastPartTails.size >= 10_000) lastPartTails.clear();
    lastPartTails.set(word, tail);
  }
  return tail;
}

/** A text's tokens read by position (a Token array, or the match code's scanned offsets). */
export interface TokenView {
  readonly length: number;
  start(i: number): number;
  end(i: number): number;
  lower(i: number): string;
}

/** A Token array as a TokenView. */
function viewOf(tokens: readonly Token[]): TokenView {
  return {
    length: tokens.length,
    start: (i) => (tokens[i] as Token).start,
    end: (i) => (tokens[i] as Token).end,
    lower: (i) => (tokens[i] as Token).lower,
  };
}

/** Whether text[from…] starts with a dash, maybe a comma, then white space. */
function startsHeadGap(text: string, from: number): boolean {
  let i = from;
  if (text.charCodeAt(i++) !== 45 /* - */) return false;
  if (text.charCodeAt(i) === 44 /* , */) i++;
  return i < text.length && WHITE.test(text[i] as string);
}

/** Whether text[from, to) is a dash, maybe a comma, then only white space (at least one). */
function isHeadGap(text: string, from: number, to: number): boolean {
  let i = from;
  if (text.charCodeAt(i++) !== 45 /* - */) return false;
  if (text.charCodeAt(i) === 44 /* , */) i++;
  if (i >= to) return false;
  for (; i < to; i++) if (!WHITE.test(text[i] as string)) return false;
  return true;
}
const WHITE = /\s/;

/**
 * The compounds a text writes with a shared tail, as tokens spanning the whole expression:
 * "kunskaps- och erfarenhetsutbyte" gives kunskapsutbyte (offsets of "kunskaps- och
 * erfarenhetsutbyte"); "bygg-, anläggnings- och fastighetsbranschen" gives two. Only the
 * tokens around a dash are lowercased (the match code passes its scanned offsets).
 */
export function sharedTailTokens(
  text: string,
  tokens: readonly Token[] | TokenView = tokenize(text),
): Token[] {
  if (!text.includes('- ') && !text.includes('-,')) return [];
  const view = Array.isArray(tokens) ? viewOf(tokens) : (tokens as TokenView);
  const out: Token[] = [];
  const n = view.length;
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(view.end(i)) !== 45 /* - */ || !HAS_LETTER.test(view.lower(i))) continue;
    // Heads: this token and any more "xxx-" before the connector; then the full compound.
    const heads = [i];
    let j = i + 1;
    // The next head follows "- " or "-, " (a dash, maybe a comma, then white space).
    while (j < n && text.charCodeAt(view.end(j)) === 45 && startsHeadGap(text, view.end(j - 1)))
      heads.push(j++);
    if (j + 1 >= n || !CONNECTORS.has(view.lower(j))) continue;
    if (!isHeadGap(text, view.end(heads[heads.length - 1] as number), view.start(j))) continue;
    const last = j + 1;
    const tail = lastPartTail(view.lower(last));
    if (!tail) continue;
    for (const head of heads)
      out.push({ start: view.start(head), end: view.end(last), lower: view.lower(head) + tail });
    i = j;
  }
  return out;
}

const cache = new Map<string, WordForms>();
const CACHE_LIMIT = 300_000;

const foldedWords = new Map<string, string>();

/** A lowercase word folded as foldedText folds it (memoised like analyzeWord). */
export function foldedWord(lower: string): string {
  let folded = foldedWords.get(lower);
  if (folded === undefined) {
    folded = foldLower(lower);
    if (foldedWords.size >= CACHE_LIMIT) foldedWords.clear();
    foldedWords.set(lower, folded);
  }
  return folded;
}

/**
 * Forgets the memoised analyses (a whole collection's vocabulary after a build in this
 * thread; the app builds large indexes in a worker, whose memory goes with it).
 */
export function clearAnalysisCache(): void {
  cache.clear();
  foldedWords.clear();
  lastPartTails.clear();
}

/** A loaded index's stored analyses (analyses.ts), asked before a word is analysed. */
let stored: { stems(word: string): string[] | undefined } | null = null;

/**
 * Takes the stored analyses of a loaded index, made with this analyser and lexicon (the
 * index's content hash says so; `signature` is checked again here).
 */
export function useStoredAnalyses(
  table: { stems(word: string): string[] | undefined } | null,
  signature = analyzerSignature(),
): void {
  stored = table && signature === analyzerSignature() ? table : null;
}

/** The analysed forms of one lowercase token (memoised: the vocabulary is small). */
export function analyzeWord(lower: string): WordForms {
  const hit = cache.get(lower);
  if (hit) return hit;
  const bare = lower.replace(/\++$/, '');
  const stems =
    stored?.stems(lower) ?? (bare === lower || bare === '' ? [stem(lower)] : [stem(bare) + '+', stem(bare)]);
  const forms: WordForms = { stems, encoded: stems.map(fold) };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lower, forms);
  return forms;
}

/** The words a text is indexed under: its tokens, then its shared-tail compounds. */
export function indexTokens(text: string): Token[] {
  const tokens = tokenize(text);
  const extra = sharedTailTokens(text, tokens);
  return extra.length === 0 ? tokens : [...tokens, ...extra];
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
    for (const token of indexTokens(text)) out += (out ? ' ' : '') + token.lower;
    return out;
  },
  split: ' ',
  finalize: (terms: string[]): string[] => terms.flatMap((term) => analyzeWord(term).encoded),
} as const;
