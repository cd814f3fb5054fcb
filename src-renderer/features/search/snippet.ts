// Owns cutting a hit's text into a short snippet around its matches, as plain segments
// (marked or not) that components render as text nodes: never HTML built from document text.
import type { MatchKind, MatchRange } from '../../../src-main/shared/search';

export interface Segment {
  readonly text: string;
  readonly mark: boolean;
  /** Why a marked segment matched (near-misses are shown differently). */
  readonly kind?: MatchKind;
}

/** Characters shown before the first match, and in all. */
const BEFORE = 60;
const LENGTH = 240;

/** Moves an offset back to a word boundary (a space), within a few characters. */
function wordStart(text: string, at: number): number {
  const space = text.lastIndexOf(' ', at);
  return space >= 0 && at - space < 20 ? space + 1 : at;
}

/**
 * The text from a little before the first match, `LENGTH` characters long, with its
 * matches marked; an ellipsis where text was left out. Whitespace runs become one space.
 */
export function snippet(text: string, matches: readonly MatchRange[], length = LENGTH): Segment[] {
  const first = matches[0]?.start ?? 0;
  let from = first > BEFORE ? wordStart(text, first - BEFORE) : 0;
  let to = Math.min(text.length, from + length);
  if (to === text.length) from = Math.max(0, Math.min(from, wordStart(text, Math.max(0, to - length))));
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > first) to = space;
  }
  const segments: Segment[] = [];
  const push = (part: string, mark: boolean, kind?: MatchKind) => {
    if (part) segments.push({ text: part.replace(/\s+/g, ' '), mark, ...(kind ? { kind } : {}) });
  };
  if (from > 0) push('… ', false);
  let at = from;
  for (const m of matches) {
    if (m.end <= from || m.start >= to) continue;
    const start = Math.max(m.start, from);
    const end = Math.min(m.end, to);
    push(text.slice(at, start), false);
    push(text.slice(start, end), true, m.kind);
    at = end;
  }
  push(text.slice(at, to), false);
  if (to < text.length) push(' …', false);
  return segments;
}
