// Owns finding where a parsed query matches a text, as character offsets, with the same
// rules the index uses (a query word matches a word that equals it, starts with it or ends
// with it, after stemming and folding). Also scores the match: whole words above parts,
// exact å/ä/ö above folded letters, more matches above fewer.
import type { MatchRange } from '../../shared/search';
import {
  analyzeWord,
  foldedText,
  nextToken,
  tokenAt,
  tokenize,
  type Token,
  type WordForms,
} from './analyzer';
import type { ParsedQuery, QueryTerm } from './query';

/** 0: no match; 2: part of a word (prefix or compound tail); 3: the whole word; +1 exact letters. */
export function termQuality(term: QueryTerm, forms: WordForms): number {
  const q = term.encoded[0] ?? '';
  const qs = term.stems[0] ?? '';
  let best = 0;
  for (let i = 0; i < forms.encoded.length; i++) {
    const e = forms.encoded[i] ?? '';
    const s = forms.stems[i] ?? '';
    let quality = 0;
    if (e === q) quality = 3 + (s === qs ? 1 : 0);
    else if (e.startsWith(q)) quality = 2 + (s.startsWith(qs) ? 1 : 0);
    else if (e.endsWith(q)) quality = 2 + (s.endsWith(qs) ? 1 : 0);
    if (quality > best) best = quality;
  }
  return best;
}

export interface TextMatch {
  /** Best quality per query unit (0 = that unit did not match). */
  readonly unitQuality: number[];
  readonly count: number;
  readonly ranges: MatchRange[];
}

function mergeRanges(ranges: MatchRange[]): MatchRange[] {
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MatchRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) {
      if (r.end > last.end) out[out.length - 1] = { start: last.start, end: r.end };
    } else out.push(r);
  }
  return out;
}

/** Where (and how well) each unit of the query matches in `text` (`folded`: its foldedText, if known). */
export function matchText(
  text: string,
  query: ParsedQuery,
  folded: string | null = foldedText(text),
): TextMatch {
  return folded === null ? matchTokens(text, query, tokenize(text)) : matchFolded(text, folded, query);
}

/** The substring every match of a query word contains (see matchFolded). */
export function needleOf(term: QueryTerm): string {
  return (term.encoded[0] ?? '').replace(/\++$/, '');
}

/**
 * False when some query unit cannot match in any of the folded texts: a quick test that
 * skips most non-matching candidates without looking at words.
 */
export function mayMatch(query: ParsedQuery, ...folded: string[]): boolean {
  return query.units.every((unit) => unit.terms.every((t) => folded.some((f) => f.includes(needleOf(t)))));
}

/**
 * The fast path. A stem is a prefix of its word (Swedish Snowball only removes endings), so
 * a query word can only match a word whose folded form contains it: find those places with
 * indexOf and analyse just the words around them.
 */
function matchFolded(text: string, folded: string, query: ParsedQuery): TextMatch {
  const unitQuality = query.units.map(() => 0);
  const ranges: MatchRange[] = [];
  let count = 0;
  query.units.forEach((unit, u) => {
    const first = unit.terms[0] as QueryTerm;
    const needle = needleOf(first);
    if (needle === '') return;
    let lastStart = -1;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const token = tokenAt(text, at);
      if (token.start === lastStart) continue;
      lastStart = token.start;
      let sum = termQuality(first, analyzeWord(token.lower));
      let end = token.end;
      for (let k = 1; k < unit.terms.length && sum > 0; k++) {
        const next = nextToken(text, end);
        const q = next ? termQuality(unit.terms[k] as QueryTerm, analyzeWord(next.lower)) : 0;
        sum = q === 0 ? 0 : sum + q;
        if (next) end = next.end;
      }
      if (sum === 0) continue;
      const quality = sum / unit.terms.length + (unit.phrase ? 1 : 0);
      if (quality > (unitQuality[u] ?? 0)) unitQuality[u] = quality;
      ranges.push({ start: token.start, end });
      count++;
    }
  });
  return { unitQuality, count, ranges: mergeRanges(ranges) };
}

/** The general path, over every token (text whose lowercase changes length; tests compare both). */
export function matchTokens(text: string, query: ParsedQuery, tokens: Token[] = tokenize(text)): TextMatch {
  const forms = tokens.map((t) => analyzeWord(t.lower));
  const unitQuality = query.units.map(() => 0);
  const ranges: MatchRange[] = [];
  let count = 0;
  query.units.forEach((unit, u) => {
    const n = unit.terms.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const q = termQuality(unit.terms[k] as QueryTerm, forms[i + k] as WordForms);
        if (q === 0) {
          sum = 0;
          break;
        }
        sum += q;
      }
      if (sum === 0) continue;
      const quality = sum / n + (unit.phrase ? 1 : 0);
      if (quality > (unitQuality[u] ?? 0)) unitQuality[u] = quality;
      ranges.push({ start: (tokens[i] as Token).start, end: (tokens[i + n - 1] as Token).end });
      count++;
    }
  });
  return { unitQuality, count, ranges: mergeRanges(ranges) };
}

/** Every unit matched somewhere in the given matches (text and heading together). */
export function allUnitsMatched(...matches: TextMatch[]): boolean {
  const first = matches[0];
  if (!first) return false;
  return first.unitQuality.every((_, u) => matches.some((m) => (m.unitQuality[u] ?? 0) > 0));
}

/** A hit's score from its text and heading matches (heading matches count half). */
export function scoreMatches(text: TextMatch, heading: TextMatch | null): number {
  let score = 0;
  text.unitQuality.forEach((q, u) => {
    const h = heading ? (heading.unitQuality[u] ?? 0) / 2 : 0;
    score += Math.max(q, h);
  });
  return score + 0.25 * Math.log1p(text.count);
}
