// Owns painting search matches in the reader with the CSS Custom Highlight API
// ('search-match' for all, 'search-current' for the current one), so the document's DOM
// is never altered. Offsets are into each numbered block's text; the block's wrapper
// (#stycke-n) carries its offset in the document (data-block-start), and its text elements
// map offsets to DOM positions as the annotations' text index does.
import { buildTextIndex } from '../annotations/text-index';
import type { DocumentMatch } from '../../../src-main/shared/search';

export const MATCH_HIGHLIGHT = 'search-match';
export const CURRENT_HIGHLIGHT = 'search-current';

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/** Paints the matches; returns the current match's Range (to scroll to), if any. */
export function paintMatches(
  root: HTMLElement,
  matches: readonly DocumentMatch[],
  current: number,
): Range | null {
  if (!supported()) return null;
  const ranges: Range[] = [];
  let currentRange: Range | null = null;
  matches.forEach((m, i) => {
    const block = root.querySelector<HTMLElement>(`#stycke-${m.paragraph}`);
    const start = Number(block?.dataset['blockStart']);
    if (!block || !Number.isInteger(start)) return;
    // A table's match may cross cells: one range per cell, as annotations are painted.
    const found = buildTextIndex(block).toRanges(start + m.start, start + m.end);
    ranges.push(...found);
    if (i === current) currentRange = found[0] ?? null;
  });
  CSS.highlights.set(MATCH_HIGHLIGHT, new Highlight(...ranges));
  if (currentRange) CSS.highlights.set(CURRENT_HIGHLIGHT, new Highlight(currentRange));
  else CSS.highlights.delete(CURRENT_HIGHLIGHT);
  return currentRange;
}

export function clearMatches(): void {
  if (!supported()) return;
  CSS.highlights.delete(MATCH_HIGHLIGHT);
  CSS.highlights.delete(CURRENT_HIGHLIGHT);
}

/** Scrolls the nearest scrolling ancestor so the range sits in the upper third, if it is not in view. */
export function revealRange(range: Range, scroller: HTMLElement): void {
  const rect = range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  const margin = 80;
  if (rect.top >= view.top + margin && rect.bottom <= view.bottom - margin) return;
  scroller.scrollTo({ top: scroller.scrollTop + rect.top - view.top - view.height / 3 });
}
