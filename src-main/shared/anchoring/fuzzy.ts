// Owns approximate string matching for re-anchoring edited text: where in a text does a
// pattern occur with the fewest edits (Sellers' algorithm: Levenshtein distance with a free
// start, with Ukkonen's cut-off so only columns that can still succeed are computed), and
// how similar two short strings are. Pure and bounded: callers cap the error budget.

export interface ApproxMatch {
  readonly start: number;
  readonly end: number;
  /** Edits (insertions, deletions, substitutions) between the pattern and text[start, end). */
  readonly errors: number;
}

/**
 * Every end position in `text` where `pattern` matches with at most `maxErrors` edits, as
 * the best match ending there (the local minimum of a run of neighbouring ends). Work is
 * O(maxErrors * text.length) on typical text.
 */
export function approxSearch(text: string, pattern: string, maxErrors: number): ApproxMatch[] {
  const m = pattern.length;
  if (m === 0) return [];
  const k = Math.min(maxErrors, m - 1);
  // column[i]: edit distance of pattern[0, i) against the best suffix of text[0, j).
  const column = new Int32Array(m + 1);
  const origin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let top = Math.min(k + 1, m); // last row that can still be <= k
  const ends: ApproxMatch[] = [];
  for (let j = 1; j <= text.length; j++) {
    const c = text.charCodeAt(j - 1);
    let diag = 0; // column[i-1] of the previous column
    let diagOrigin = j - 1;
    column[0] = 0;
    origin[0] = j;
    for (let i = 1; i <= top; i++) {
      const up = column[i - 1]! + 1;
      const left = column[i]! + 1;
      const sub = diag + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const prevDiag = column[i]!;
      const prevOrigin = origin[i]!;
      let best = sub;
      let from = diagOrigin;
      if (left < best) {
        best = left;
        from = prevOrigin;
      }
      if (up < best) {
        best = up;
        from = origin[i - 1]!;
      }
      column[i] = best;
      origin[i] = from;
      diag = prevDiag;
      diagOrigin = prevOrigin;
    }
    // Rows below `top` were never computed for this column: they are > k.
    if (top < m) column[top + 1] = k + 1;
    while (top > 0 && column[top]! > k) top--;
    if (top < m) top++;
    else if (column[m]! <= k) {
      const match = { start: origin[m]!, end: j, errors: column[m]! };
      const previous = ends[ends.length - 1];
      if (previous && previous.end === j - 1 && previous.errors >= match.errors)
        ends[ends.length - 1] = match;
      else if (!previous || previous.end !== j - 1) ends.push(match);
    }
  }
  return ends;
}

/** Levenshtein distance (plain DP; for the short context strings only). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        prev[j]! + 1,
        next[j - 1]! + 1,
        prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1),
      );
    }
    prev = next;
  }
  return prev[b.length]!;
}

/** 1 for equal strings, 0 for nothing in common; two empty strings are equal. */
export function similarity(a: string, b: string): number {
  const length = Math.max(a.length, b.length);
  return length === 0 ? 1 : 1 - editDistance(a, b) / length;
}
