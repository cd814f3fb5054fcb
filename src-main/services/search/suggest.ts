// Owns "Menade du …?": for a query with no hits, words of the corpus within a small edit
// distance of each word that found nothing, offered only when the corrected query does hit.
import type { SpellingIndex } from './correction';
import type { ParsedQuery } from './query';

/** Lowercase word as written → how often it occurs. */
export type Vocabulary = Map<string, number>;

const MAX_SUGGESTIONS = 3;
const CANDIDATES_PER_WORD = 6;

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped at max+1. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

interface Candidate {
  readonly word: string;
  readonly distance: number;
  readonly count: number;
}

function closeWords(typed: string, spelling: SpellingIndex): Candidate[] {
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
