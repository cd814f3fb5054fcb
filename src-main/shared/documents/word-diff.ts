// Owns the word-level difference between an annotated passage's old and new wording, for
// "Ändrat sedan du antecknade": which words were removed, which added, which stayed. Pure
// and shared, so the reader, the notes panel and the CLI show the same difference.

export interface DiffPart {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

/** Words with the space or punctuation after them kept as separate tokens. */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[-'’:/.][\p{L}\p{N}]+)*|\s+|[^\p{L}\p{N}\s]/gu) ?? [];
}

/** Above this many token pairs the passage is shown as replaced whole (bounded work). */
const MAX_CELLS = 4_000_000;

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  const last = parts.at(-1);
  if (last && last.kind === kind) parts[parts.length - 1] = { kind, text: last.text + text };
  else if (text) parts.push({ kind, text });
}

/**
 * The difference from `before` to `after` as runs of same/removed/added text. Joining the
 * same+removed parts gives `before`, joining same+added gives `after`.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // Tokens cover the text except characters the pattern skips (none by construction); keep a
  // guard so the invariant holds whatever the input.
  if (a.join('') !== before || b.join('') !== after || a.length * b.length > MAX_CELLS) {
    const parts: DiffPart[] = [];
    push(parts, 'removed', before);
    push(parts, 'added', after);
    return before === after ? [{ kind: 'same', text: before }] : parts;
  }
  // Longest common subsequence over tokens, from the end so the walk below goes forwards.
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i] as string);
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      push(parts, 'removed', a[i++] as string);
    } else {
      push(parts, 'added', b[j++] as string);
    }
  }
  while (i < n) push(parts, 'removed', a[i++] as string);
  while (j < m) push(parts, 'added', b[j++] as string);
  return regroup(parts);
}

/**
 * Reads as people mark changes: a space kept between two changed words belongs to the change,
 * and each change shows its removed words before its added ones ("maj" → "juni 2026").
 */
function regroup(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    push(out, 'removed', removed);
    push(out, 'added', added);
    removed = '';
    added = '';
  };
  parts.forEach((p, k) => {
    const between =
      p.kind === 'same' &&
      /^\s+$/.test(p.text) &&
      (removed !== '' || added !== '') &&
      parts[k + 1] !== undefined &&
      parts[k + 1]?.kind !== 'same';
    if (p.kind === 'removed') removed += p.text;
    else if (p.kind === 'added') added += p.text;
    else if (between) {
      removed += removed ? p.text : '';
      added += added ? p.text : '';
    } else {
      flush();
      push(out, 'same', p.text);
    }
  });
  flush();
  return out;
}
