// Owns following the reader's position in the outline: which heading's section is on screen,
// found by binary search over the headings' positions (a few layout reads per scroll frame,
// however long the document).
import type { OutlineEntry } from '../../../src-main/shared/documents/model';

/** How far below the scroller's top edge a heading counts as reached. */
const READING_LINE_PX = 96;

export const headingId = (entry: OutlineEntry) => `rubrik-${entry.block}`;

/** Index in `outline` of the section being read, or -1 above the first heading. */
export function currentSection(outline: readonly OutlineEntry[], scroller: HTMLElement): number {
  const line = scroller.getBoundingClientRect().top + READING_LINE_PX;
  let lo = 0;
  let hi = outline.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const el = document.getElementById(headingId(outline[mid]!));
    // A heading not rendered yet lies below everything rendered.
    if (el && el.getBoundingClientRect().top <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Calls `report` with the current section whenever scrolling changes it. */
export function followSections(
  outline: readonly OutlineEntry[],
  scroller: HTMLElement,
  report: (index: number) => void,
): () => void {
  let frame = 0;
  let last = -2;
  const check = () => {
    frame = 0;
    const now = currentSection(outline, scroller);
    if (now !== last) report((last = now));
  };
  const onScroll = () => {
    if (!frame) frame = requestAnimationFrame(check);
  };
  scroller.addEventListener('scroll', onScroll, { passive: true });
  check();
  return () => {
    cancelAnimationFrame(frame);
    scroller.removeEventListener('scroll', onScroll);
  };
}
