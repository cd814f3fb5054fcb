// Owns a text's tokens as the match code reads them: as tokenize made them, or (MarkedTokens)
// scanned from the text only as far as a marked word needs, each word lowercased and folded
// only when a mark says it may match. One query reads some 25 texts; this is its inner loop.
import { foldLower, foldedWord, lowerOf, scanToken, type Token, type TokenView } from './analyzer';

/** A text's tokens as matchEach reads them: offsets, and each word's lowercase form on demand. */
export interface TokenList extends TokenView {
  /**
   * Whether one of the needles starts inside token i (lowercase `lower`) in the folded text;
   * true when the text does not fold.
   */
  holdsNeedle(i: number, needles: readonly string[], lower: string): boolean;
}

/** Tokens as tokenize makes them (the general path: no folding, so no needle test). */
export class TokenArray implements TokenList {
  readonly #tokens: Token[];

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  get tokens(): Token[] {
    return this.#tokens;
  }

  get length(): number {
    return this.#tokens.length;
  }

  start(i: number): number {
    return (this.#tokens[i] as Token).start;
  }

  end(i: number): number {
    return (this.#tokens[i] as Token).end;
  }

  lower(i: number): string {
    return (this.#tokens[i] as Token).lower;
  }

  holdsNeedle(): boolean {
    return true;
  }
}

/** Thrown (and caught by matchMarked) when the codes name a token the text does not have. */
export const TOO_FEW_TOKENS = new Error('the term codes do not fit the text');

/** Needles of letters and digits only: one starting inside a word ends inside it. */
const wordNeedles = new Map<string, boolean>();
const WORD_ONLY = /^[\p{L}\p{N}]+$/u;
function isWordNeedle(needle: string): boolean {
  let known = wordNeedles.get(needle);
  if (known === undefined) {
    known = WORD_ONLY.test(needle);
    if (wordNeedles.size > 10_000) wordNeedles.clear();
    wordNeedles.set(needle, known);
  }
  return known;
}

/**
 * Token offsets (start, end, start, end …), reused: one query reads some 25 texts, one at a
 * time, and a fresh array per text was most of a search's garbage.
 */
let bounds = new Int32Array(1024);

/**
 * Token offsets, scanned as far as a marked word needs (tokenize's rule); a word is
 * lowercased, and folded, when a mark says it may match. Folding as foldedText does (per
 * character), so a needle found in the folded word is one matchFolded finds in the folded text.
 */
export class MarkedTokens implements TokenList {
  readonly #text: string;
  /** How many tokens' offsets are in `bounds`. */
  #known = 0;
  /** Where scanning goes on (a character offset), or -1 when the text has no more tokens. */
  #at = 0;
  readonly #length: number;
  /** Whether foldedText folds the text (else matchText takes the token path, without needles). */
  readonly #folds: boolean;

  /** `count`: how many tokens the text has, when known (else it is scanned to the end now). */
  constructor(text: string, count: number | null) {
    this.#text = text;
    this.#folds = textFolds(text);
    if (count === null) {
      while (this.#next());
      this.#length = this.#known;
    } else this.#length = count;
  }

  get length(): number {
    return this.#length;
  }

  /** Scans one more token; false at the end of the text. */
  #next(): boolean {
    if (this.#at < 0) return false;
    if (bounds.length < 2 * this.#known + 2) {
      const grown = new Int32Array(bounds.length * 2);
      grown.set(bounds);
      bounds = grown;
    }
    if (!scanToken(this.#text, this.#at, bounds, 2 * this.#known)) {
      this.#at = -1;
      return false;
    }
    this.#at = bounds[2 * this.#known + 1] as number;
    this.#known++;
    return true;
  }

  /** Scans until token i is known; throws TOO_FEW_TOKENS when the text ends first. */
  #reach(i: number): void {
    while (this.#known <= i) if (!this.#next()) throw TOO_FEW_TOKENS;
  }

  start(i: number): number {
    this.#reach(i);
    return bounds[2 * i] as number;
  }

  end(i: number): number {
    this.#reach(i);
    return bounds[2 * i + 1] as number;
  }

  #lowerIndex = -1;
  #lower = '';

  lower(i: number): string {
    if (i !== this.#lowerIndex) {
      this.#lower = lowerOf(this.#text.slice(this.start(i), this.end(i)));
      this.#lowerIndex = i;
    }
    return this.#lower;
  }

  holdsNeedle(i: number, needles: readonly string[], lower: string): boolean {
    return !this.#folds || holdsNeedleAt(this.#text, this.start(i), this.end(i), lower, needles);
  }
}

/** Whether foldedText folds `text` (else matchText takes the token path, without needles). */
export function textFolds(text: string): boolean {
  // foldedText's test without lowercasing the whole text: U+0130 (İ) is the one character
  // whose lowercase is longer (SpecialCasing.txt).
  return !text.includes('\u00ad') && !text.includes('\u0130');
}

/**
 * Whether one of the needles starts inside the word text[start, end) (lowercase `lower`) in
 * the folded text. Folding as foldedText does (per character), so a needle found in the
 * folded word is one matchFolded finds in the folded text.
 */
export function holdsNeedleAt(
  text: string,
  start: number,
  end: number,
  lower: string,
  needles: readonly string[],
): boolean {
  for (let k = 0; k < needles.length; k++) {
    const needle = needles[k] as string;
    if (needle === '') continue;
    if (isWordNeedle(needle)) {
      if (foldedWord(lower).includes(needle)) return true;
      continue;
    }
    // Other needles may run past the word's end.
    const around = text.slice(start, end + needle.length - 1).toLowerCase();
    if (foldLower(around).includes(needle)) return true;
  }
  return false;
}
