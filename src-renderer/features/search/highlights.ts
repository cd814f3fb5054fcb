// Owns painting search matches in the reader with the CSS Custom Highlight API
// ('search-match' for all, 'search-current' for the current one), so the document's DOM
// is never altered. Offsets are into each paragraph's text, which is exactly the text
// content of its <p data-start>.
import type { DocumentMatch } from '../../../src-main/shared/search';

export const MATCH_HIGHLIGHT = 'search-match';
export const CURRENT_HIGHLIGHT = 'search-current';

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/** A Range over [start, end) of the element's text content. */
function rangeIn(element: Element, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (!started && start <= at + length) {
      range.setStart(node, start - at);
      started = true;
    }
    if (started && end <= at + length) {
      range.setEnd(node, end - at);
      return range;
    }
    at += length;
  }
  return null;
}

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
    const p = root.querySelector(`#stycke-${m.paragraph} p[data-start]`);
    const range = p ? rangeIn(p, m.start, m.end) : null;
    if (!range) return;
    ranges.push(range);
    if (i === current) currentRange = range;
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
