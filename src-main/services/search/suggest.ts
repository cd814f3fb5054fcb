// Owns "Menade du …?": for a query with no hits, words of the corpus within a small edit
// distance of each word that found nothing, offered only when the corrected query does hit.
import type { SpellingIndex } from './correction';
import type { ParsedQuery } from './query';

/** Lowercase word as written → how often it occurs. */
export type Vocabulary = Map<string, number>;

const MAX_SUGGESTIONS = 3;
const CANDIDATES_PER_WORD = 6;

/** Three rows of editDistance, reused (grown when a longer word comes). */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped at
 * max+1. Only the cells within `max` of the diagonal are computed (the others exceed max),
 * in reused typed rows: it runs for every word of a spelling bucket within reach.
 */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  const big = max + 1;
  if (Math.abs(n - m) > max) return big;
  if (rows[0].length < m + 2) rows = [new Int32Array(m + 2), new Int32Array(m + 2), new Int32Array(m + 2)];
  let [prevPrev, prev, row] = rows;
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : big;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    row[0] = i <= max ? i : big;
    row[lo - 1] = lo === 1 ? (row[0] as number) : big;
    let rowMin = lo === 1 ? (row[0] as number) : big;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ai === bj ? 0 : 1),
      );
      if (j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj)
        v = Math.min(v, (prevPrev[j - 2] as number) + 1);
      if (v > big) v = big;
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) row[hi + 1] = big;
    if (rowMin > max) return big;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return Math.min(prev[m] as number, big);
}

interface Candidate {
  readonly word: string;
  readonly distance: number;
  readonly count: number;
}

function closeWords(typed: string, spelling: SpellingIndex): readonly Candidate[] {
  return spelling.remember(`suggest:${typed}`, () => scanCloseWords(typed, spelling));
}

function scanCloseWords(typed: string, spelling: SpellingIndex): Candidate[] {
  const max = typed.length <= 4 ? 1 : 2;
  const found: Candidate[] = [];
  for (const [word, folded, count] of spelling.near(typed, max)) {
    if (folded === typed) continue;
    const distance = editDistance(typed, folded, max);
    if (distance <= max) found.push({ word, distance, count });
  }
  found.sort((a, b) => a.distance - b.distance || b.count - a.count || a.word.localeCompare(b.word, 'sv'));
  return found.slice(0, CANDIDATES_PER_WORD);
}

export function replaceWord(raw: string, word: string, replacement: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return raw.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu'), replacement);
}

/**
 * Corrected queries that hit. `hits(q)` runs the real search, so a suggestion is only
 * offered when it finds something.
 */
export function suggestCorrections(
  raw: string,
  query: ParsedQuery,
  spelling: SpellingIndex,
  hits: (query: string) => boolean,
): string[] {
  const missing = query.terms.filter((t) => !hits(t.lower));
  const targets = missing.length > 0 ? missing : query.terms;
  const options = targets.map((term) => ({ term, candidates: closeWords(term.folded, spelling) }));
  const out: string[] = [];
  for (const { term, candidates } of options) {
    for (const candidate of candidates) {
      let corrected = replaceWord(raw, term.lower, candidate.word);
      // Other missing words take their own best candidate.
      for (const other of options) {
        const best = other.candidates[0];
        if (other.term !== term && best) corrected = replaceWord(corrected, other.term.lower, best.word);
      }
      corrected = corrected.trim();
      if (out.includes(corrected) || corrected.toLowerCase() === raw.trim().toLowerCase()) continue;
      if (hits(corrected)) out.push(corrected);
      if (out.length >= MAX_SUGGESTIONS) return out;
    }
  }
  return out;
}
