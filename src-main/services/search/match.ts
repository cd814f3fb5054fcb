// Owns finding where a parsed query matches a text, as character offsets, with the same
// rules the index uses (a query word matches a word whose lemma key equals it, starts with
// it or ends with it, after folding; or a misspelling of it the engine found in the text;
// a word of a quoted phrase only the first and the last),
// and why each place matched: the exact form, another inflection, a compound part, a
// near-miss. Also scores the match from those kinds.
import type { MatchKind, MatchRange } from '../../shared/search';
import {
  analyzeWord,
  foldedText,
  nextToken,
  lowerOf,
  scanToken,
  sharedTailTokens,
  tokenAt,
  tokenize,
  type Token,
  type TokenView,
  type WordForms,
} from './analyzer';
import { MIN_SUFFIX_LENGTH } from './dictionary';
import {
  MarkedTokens,
  TOO_FEW_TOKENS,
  TokenArray,
  holdsNeedleAt,
  textFolds,
  type TokenList,
} from './match-tokens';
import type { ParsedQuery, QueryTerm } from './query';

/**
 * A form of the other lemma the typed word is also a form of (slank → slinker): an
 * inflection, but ranked after the word's own forms and compound parts, before near-misses.
 */
const ALTERNATE = 1.5;

/**
 * How well a text word matches a query word: 0 none; 1 a near-miss (a misspelling of it in
 * the text); 1.5 a form of the other lemma of an ambiguous word (ALTERNATE); 2 part of a word
 * (prefix while typing, compound part), +0.5 exact letters; 3 the same lemma with other
 * letters (å/ä/ö folded); 4 another inflection; 5 the exact form.
 */
export function termQuality(term: QueryTerm, forms: WordForms, lower?: string): number {
  const q = term.encoded[0] ?? '';
  const qs = term.stems[0] ?? '';
  let best = 0;
  for (let i = 0; i < forms.encoded.length; i++) {
    const e = forms.encoded[i] ?? '';
    const s = forms.stems[i] ?? '';
    let quality = 0;
    if (e === q) quality = s !== qs ? 3 : lower === term.lower ? 5 : 4;
    else if (term.alternates?.includes(e)) quality = ALTERNATE;
    else if (term.whole) quality = term.nearMisses.includes(e) ? 1 : 0;
    else if (e.startsWith(q)) quality = 2 + (s.startsWith(qs) ? 0.5 : 0);
    else if (q.length >= MIN_SUFFIX_LENGTH && e.endsWith(q)) quality = 2 + (s.endsWith(qs) ? 0.5 : 0);
    else if (term.prefix !== undefined && e.startsWith(term.prefix)) quality = 2;
    else if (term.nearMisses.includes(e)) quality = 1;
    if (quality > best) best = quality;
  }
  return best;
}

/** The kind of match a quality stands for. */
export function kindOf(quality: number): MatchKind {
  if (quality >= 5) return 'exact';
  if (quality >= 3) return 'inflection';
  if (quality >= 2) return 'compound';
  return quality >= ALTERNATE ? 'inflection' : 'near-miss';
}

/** What a quality ranks as: its kind's rank, an ambiguous word's other lemma between compound parts and near-misses. */
function tierOfQuality(quality: number): number {
  return quality >= ALTERNATE && quality < 2 ? 0.5 : KIND_RANK[kindOf(quality)];
}

export interface TextMatch {
  /** Best quality per query unit (0 = that unit did not match). */
  readonly unitQuality: number[];
  readonly count: number;
  readonly ranges: MatchRange[];
}

const KIND_RANK: Record<MatchKind, number> = { exact: 3, inflection: 2, compound: 1, 'near-miss': 0 };

/** The better of two kinds. */
export function betterKind(a: MatchKind | undefined, b: MatchKind | undefined): MatchKind | undefined {
  if (!a) return b;
  if (!b) return a;
  return KIND_RANK[a] >= KIND_RANK[b] ? a : b;
}

function mergeRanges(ranges: MatchRange[]): MatchRange[] {
  // Most often already in order and apart (single words are found token by token): then
  // they are the answer as they are.
  let sorted = true;
  let apart = true;
  for (let i = 1; i < ranges.length && sorted; i++) {
    const a = ranges[i - 1] as MatchRange;
    const b = ranges[i] as MatchRange;
    sorted = a.start < b.start || (a.start === b.start && a.end >= b.end);
    if (b.start < a.end) apart = false;
  }
  if (sorted && apart) return ranges;
  if (!sorted) ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MatchRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) {
      const kind = betterKind(last.kind, r.kind);
      out[out.length - 1] = { start: last.start, end: Math.max(r.end, last.end), ...(kind ? { kind } : {}) };
    } else out.push(r);
  }
  return out;
}

/** The kinds best first, each with its bit for kindsOf. */
const KINDS_BEST_FIRST: readonly MatchKind[] = ['exact', 'inflection', 'compound', 'near-miss'];

/** The distinct kinds of a set of ranges, best first (a bit per kind: this runs for every hit). */
export function kindsOf(...rangeLists: ReadonlyArray<readonly MatchRange[]>): MatchKind[] {
  let seen = 0;
  for (const list of rangeLists)
    for (let i = 0; i < list.length; i++) {
      const kind = (list[i] as MatchRange).kind;
      if (kind) seen |= 1 << (3 - KIND_RANK[kind]);
    }
  const kinds: MatchKind[] = [];
  for (let k = 0; k < KINDS_BEST_FIRST.length; k++)
    if (seen & (1 << k)) kinds.push(KINDS_BEST_FIRST[k] as MatchKind);
  return kinds;
}

/** Where (and how well) each unit of the query matches in `text` (`folded`: its foldedText, if known). */
export function matchText(
  text: string,
  query: ParsedQuery,
  folded: string | null = foldedText(text),
): TextMatch {
  return folded === null ? matchTokens(text, query, tokenize(text)) : matchFolded(text, folded, query);
}

/** Substrings one of which every match of a query word contains (see matchFolded). */
export function needlesOf(term: QueryTerm): readonly string[] {
  return term.nearMisses.length === 0 ? term.needles : [...term.needles, ...term.nearMisses];
}

/** The text may write compounds with a shared tail (kunskaps- och erfarenhetsutbyte). */
const mayShareTails = (text: string) => text.includes('- ') || text.includes('-,');

/**
 * False when some query unit cannot match in any of the folded texts: a quick test that
 * skips most non-matching candidates without looking at words.
 */
export function mayMatch(query: ParsedQuery, ...folded: string[]): boolean {
  if (folded.some(mayShareTails)) return true;
  return query.units.every((unit) =>
    unit.terms.every((t) => needlesOf(t).some((needle) => folded.some((f) => f.includes(needle)))),
  );
}

/** Records one match of a unit (quality per term) in the running result. */
class Collector {
  readonly unitQuality: number[];
  readonly ranges: MatchRange[] = [];
  count = 0;

  constructor(units: number) {
    this.unitQuality = [];
    for (let u = 0; u < units; u++) this.unitQuality.push(0);
  }

  add(unit: number, qualities: readonly number[], phrase: boolean, start: number, end: number): void {
    const quality = qualities.reduce((a, b) => a + b, 0) / qualities.length + (phrase ? 1 : 0);
    this.#record(unit, quality, Math.min(...qualities), start, end);
  }

  /** add for a single word (no array: this runs for every word matched in every hit). */
  addWord(unit: number, quality: number, start: number, end: number): void {
    this.#record(unit, quality, quality, start, end);
  }

  #record(unit: number, quality: number, weakest: number, start: number, end: number): void {
    if (quality > (this.unitQuality[unit] ?? 0)) this.unitQuality[unit] = quality;
    this.ranges.push({ start, end, kind: kindOf(weakest) });
    this.count++;
  }

  result(): TextMatch {
    return { unitQuality: this.unitQuality, count: this.count, ranges: mergeRanges(this.ranges) };
  }
}

/** The qualities of a unit's words at the tokens from `first` on, or null when one fails. */
function unitAt(
  text: string,
  unit: QueryUnitView,
  first: Token,
): { qualities: number[]; end: number } | null {
  const qualities = [termQuality(unit.terms[0] as QueryTerm, analyzeWord(first.lower), first.lower)];
  if (qualities[0] === 0) return null;
  let end = first.end;
  for (let k = 1; k < unit.terms.length; k++) {
    const next = nextToken(text, end);
    const q = next ? termQuality(unit.terms[k] as QueryTerm, analyzeWord(next.lower), next.lower) : 0;
    if (q === 0 || !next) return null;
    qualities.push(q);
    end = next.end;
  }
  return { qualities, end };
}

type QueryUnitView = ParsedQuery['units'][number];

/**
 * Single-word units against the compounds the text writes with a shared tail. With the
 * entry's marks (matchEach), whose codes after the tokens' are these compounds' in order,
 * only the compounds a unit's word may match are analysed (most are not).
 */
function matchSharedTails(
  text: string,
  query: ParsedQuery,
  out: Collector,
  tokens?: readonly Token[] | TokenView,
  marks: ArrayLike<number> | null = null,
): void {
  if (!mayShareTails(text)) return;
  const virtual = sharedTailTokens(text, tokens);
  if (virtual.length === 0) return;
  const first = marks ? marks.length - virtual.length : 0;
  const useMarks = marks !== null && tokens !== undefined && first === tokens.length;
  let bit = 1;
  query.units.forEach((unit, u) => {
    const unitBit = bit;
    bit <<= unit.terms.length;
    if (unit.terms.length !== 1) return;
    for (let k = 0; k < virtual.length; k++) {
      if (useMarks && (((marks as ArrayLike<number>)[first + k] as number) & unitBit) === 0) continue;
      const token = virtual[k] as Token;
      const q = termQuality(unit.terms[0] as QueryTerm, analyzeWord(token.lower), token.lower);
      // Never better than a compound part: the reader sees two words, not the one typed.
      if (q > 0) out.add(u, [Math.min(q, 2.5)], false, token.start, token.end);
    }
  });
}

/**
 * The fast path. Every word a query word matches contains one of its needles (its folded
 * key, a stem being a prefix of its word, or the start of an irregular form), so find those
 * places with indexOf and analyse just the words around them.
 */
function matchFolded(text: string, folded: string, query: ParsedQuery): TextMatch {
  const out = new Collector(query.units.length);
  query.units.forEach((unit, u) => {
    const first = unit.terms[0] as QueryTerm;
    const starts = new Set<number>();
    for (const needle of needlesOf(first)) {
      if (needle === '') continue;
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
        const token = tokenAt(text, at);
        if (starts.has(token.start)) continue;
        starts.add(token.start);
        const found = unitAt(text, unit, token);
        if (found) out.add(u, found.qualities, unit.phrase, token.start, found.end);
      }
    }
  });
  matchSharedTails(text, query, out);
  return out.result();
}

/** The general path, over every token (text whose lowercase changes length; tests compare both). */
export function matchTokens(text: string, query: ParsedQuery, tokens: Token[] = tokenize(text)): TextMatch {
  return matchEach(text, query, new TokenArray(tokens), null);
}

/**
 * matchText from the index's term codes: `marks[i]` holds the bits (one per query word, in
 * query order) of the words token i's term may match, from the paragraph's stored codes
 * (TermFilter.tokenMarks), so only the words that match are analysed, not every word around
 * a substring, and only their text is lowercased and folded. Same result as matchText: when
 * the text folds (foldedText), a unit's first word must also hold one of its needles, as
 * matchFolded finds them. Null when the marks do not fit the text's tokens (then the caller
 * takes matchText).
 */
export function matchMarked(text: string, query: ParsedQuery, marks: ArrayLike<number>): TextMatch | null {
  // Without compounds written with a shared tail, the codes are the tokens' (indexTokens):
  // the text is then scanned only as far as its last marked word.
  const tails = mayShareTails(text);
  if (!tails && query.units.every((unit) => unit.terms.length === 1)) return matchWords(text, query, marks);
  const tokens = new MarkedTokens(text, tails ? null : marks.length);
  if (marks.length < tokens.length) return null;
  try {
    return matchEach(text, query, tokens, marks);
  } catch (error) {
    if (error === TOO_FEW_TOKENS) return null;
    throw error;
  }
}

/**
 * Whether lowerOf(text.slice(start, end)) is `lower`, without making either: letter by letter,
 * ASCII by its code, others by their own lowercase (a soft hyphen or a letter whose lowercase
 * is longer makes the lengths differ, so the answer is no and the caller lowercases).
 */
function isLowerOf(text: string, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let k = 0; k < lower.length; k++) {
    const c = text.charCodeAt(start + k);
    const l = lower.charCodeAt(k);
    if (c === l) continue;
    if (c < 128) {
      if (c >= 65 && c <= 90 && c + 32 === l) continue;
      return false;
    }
    if (String.fromCharCode(c).toLowerCase() !== lower[k]) return false;
  }
  return true;
}

/** scanToken's output: one token's start and end. */
const bounds = new Int32Array(2);

/**
 * matchMarked for a query of single words (no phrase) in a text without shared-tail
 * compounds: one pass over the tokens, as far as the last marked one, each marked word
 * lowercased once for every query word it may match. Same result as matchEach.
 */
function matchWords(text: string, query: ParsedQuery, marks: ArrayLike<number>): TextMatch | null {
  const units = query.units;
  const out = new Collector(units.length);
  let last = marks.length - 1;
  while (last >= 0 && marks[last] === 0) last--;
  if (last < 0) return out.result();
  const folds = textFolds(text);
  const needles = folds ? units.map((unit) => needlesOf(unit.terms[0] as QueryTerm)) : null;
  let at = 0;
  for (let i = 0; i <= last; i++) {
    // The codes name a token the text does not have: the caller reads the text instead.
    if (!scanToken(text, at, bounds, 0)) return null;
    const start = bounds[0] as number;
    const end = bounds[1] as number;
    at = end;
    const mark = marks[i] as number;
    if (mark === 0) continue;
    let lower: string | null = null;
    for (let u = 0; u < units.length; u++) {
      // A unit of one word has the word's bit: 1 << u.
      if ((mark & (1 << u)) === 0) continue;
      const term = (units[u] as QueryUnitView).terms[0] as QueryTerm;
      // The form typed is its own exact match (termQuality's 5) and holds one of its needles
      // (query.ts), so no needle test; told without lowercasing a copy (the short words people
      // search for are most tokens).
      if (lower === null ? isLowerOf(text, start, end, term.lower) : lower === term.lower) {
        out.addWord(u, 5, start, end);
        continue;
      }
      lower ??= lowerOf(text.slice(start, end));
      if (needles && !holdsNeedleAt(text, start, end, lower, needles[u] as readonly string[])) continue;
      const q = termQuality(term, analyzeWord(lower), lower);
      if (q > 0) out.addWord(u, q, start, end);
    }
  }
  return out.result();
}

function matchEach(
  text: string,
  query: ParsedQuery,
  tokens: TokenList,
  marks: ArrayLike<number> | null,
): TextMatch {
  // No per-text arrays (this runs for some 25 texts a query): analyzeWord is memoised, and
  // MarkedTokens keeps the word it lowercased last.
  const lowerAt = (i: number): string => tokens.lower(i);
  const formsAt = (i: number): WordForms => analyzeWord(tokens.lower(i));
  const out = new Collector(query.units.length);
  let firstBit = 1;
  query.units.forEach((unit, u) => {
    const n = unit.terms.length;
    const needles = marks ? needlesOf(unit.terms[0] as QueryTerm) : null;
    for (let i = 0; i + n <= tokens.length; i++) {
      if (marks && ((marks[i] as number) & firstBit) === 0) continue;
      if (needles && !tokens.holdsNeedle(i, needles, lowerAt(i))) continue;
      if (n === 1) {
        const term = unit.terms[0] as QueryTerm;
        const lower = lowerAt(i);
        // The form typed is its own exact match (termQuality's 5) without looking it up: the
        // common case for the short words people search for.
        const q = lower === term.lower ? 5 : termQuality(term, formsAt(i), lower);
        if (q > 0) out.addWord(u, q, tokens.start(i), tokens.end(i));
        continue;
      }
      const qualities: number[] = [];
      for (let k = 0; k < n; k++) {
        if (marks && ((marks[i + k] as number) & (firstBit << k)) === 0) break;
        const q = termQuality(unit.terms[k] as QueryTerm, formsAt(i + k), lowerAt(i + k));
        if (q === 0) break;
        qualities.push(q);
      }
      if (qualities.length < n) continue;
      out.add(u, qualities, unit.phrase, tokens.start(i), tokens.end(i + n - 1));
    }
    firstBit <<= n;
  });
  // The codes of compounds written with a shared tail follow the tokens' (indexTokens): none
  // of them marked, none can match.
  if (!marks || marks.length > tokens.length) {
    let tails = marks === null;
    for (let i = tokens.length; !tails && i < (marks as readonly number[]).length; i++)
      tails = marks?.[i] !== 0;
    if (tails)
      matchSharedTails(text, query, out, tokens instanceof TokenArray ? tokens.tokens : tokens, marks);
  }
  return out.result();
}

/** Every unit matched somewhere in the given matches (text and heading together). */
export function allUnitsMatched(...matches: TextMatch[]): boolean {
  const first = matches[0];
  if (!first) return false;
  return first.unitQuality.every((_, u) => matches.some((m) => (m.unitQuality[u] ?? 0) > 0));
}

/**
 * A hit's tier, what ranks first: the kind of the weakest query word's best match (3: every
 * word matched as typed, 2: some only as another inflection, 1: as a compound part, 0.5: as
 * a form of an ambiguous word's other lemma, 0: as a near-miss), in the text or the heading.
 */
export function tierOf(...matches: TextMatch[]): number {
  const first = matches[0];
  if (!first) return 0;
  let tier = 3;
  for (let u = 0; u < first.unitQuality.length; u++) {
    let best = 0;
    for (const m of matches) best = Math.max(best, m.unitQuality[u] ?? 0);
    tier = Math.min(tier, tierOfQuality(best));
  }
  return tier;
}

/** Scores of different tiers never mix: exact forms first, then inflections, compound parts, near-misses. */
export const TIER_WEIGHT = 100;

/** A hit's score from its text and heading matches (heading matches count half). */
export function scoreMatches(text: TextMatch, heading: TextMatch | null): number {
  let score = 0;
  text.unitQuality.forEach((q, u) => {
    const h = heading ? (heading.unitQuality[u] ?? 0) / 2 : 0;
    score += Math.max(q, h);
  });
  return score + 0.25 * Math.log1p(text.count);
}
