// Owns building an annotation's selectors from a range of a document's source text: the
// W3C TextQuoteSelector (exact text plus 32 characters of context either side) and the
// TextPositionSelector, plus the paragraph number a citation uses. Pure: no DOM.
import { QUOTE_CONTEXT_LENGTH, type TextPositionSelector, type TextQuoteSelector } from '../annotation';
import type { Block } from '../documents/model';

export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

export function quoteSelector(source: string, range: SourceRange): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: source.slice(range.start, range.end),
    prefix: source.slice(Math.max(0, range.start - QUOTE_CONTEXT_LENGTH), range.start),
    suffix: source.slice(range.end, range.end + QUOTE_CONTEXT_LENGTH),
  };
}

export function positionSelector(range: SourceRange): TextPositionSelector {
  return { type: 'TextPositionSelector', start: range.start, end: range.end };
}

/**
 * The paragraph a range belongs to for citations: the numbered block it starts in,
 * else the first one after its start (a selection beginning in a heading), else the last.
 */
export function paragraphAt(blocks: readonly Block[], offset: number): number {
  let last = 1;
  for (const block of blocks) {
    if (block.number === null) continue;
    if (offset < block.end) return block.number;
    last = block.number;
  }
  return last;
}

/** Shrinks a range so it neither starts nor ends with whitespace; null when nothing is left. */
export function trimRange(source: string, range: SourceRange): SourceRange | null {
  let { start, end } = range;
  while (start < end && /\s/.test(source[start] ?? '')) start++;
  while (end > start && /\s/.test(source[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}
