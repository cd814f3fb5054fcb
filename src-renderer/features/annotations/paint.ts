// Owns painting annotations with the CSS Custom Highlight API: one Highlight per colour, one
// for notes without a colour, one for the annotation being edited. The text DOM is never
// touched, so selection, copying and the search's own highlights keep working.
import {
  HIGHLIGHT_COLOURS,
  type Annotation,
  type HighlightColour,
} from '../../../src-main/shared/annotation';
import type { TextIndex } from './text-index';

/** Highlight names; the search uses 'search-match' and 'search-current'. */
export const HIGHLIGHT_NAMES = {
  ...(Object.fromEntries(HIGHLIGHT_COLOURS.map((c) => [c, `lasaren-${c}`])) as Record<
    HighlightColour,
    string
  >),
  note: 'lasaren-note',
  active: 'lasaren-active',
} as const;

export interface Placed {
  readonly annotation: Annotation;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Builds the ranges and replaces the painted highlights with them. */
export function paint(index: TextIndex, anchored: readonly Omit<Placed, 'range'>[]): Placed[] {
  const placed: Placed[] = [];
  const groups = new Map<string, Range[]>();
  for (const item of anchored) {
    const range = index.toRange(item.start, item.end);
    if (!range) continue;
    placed.push({ ...item, range });
    const name = item.annotation.colour ? HIGHLIGHT_NAMES[item.annotation.colour] : HIGHLIGHT_NAMES.note;
    let list = groups.get(name);
    if (!list) groups.set(name, (list = []));
    list.push(range);
  }
  if (!highlightsSupported()) return placed;
  HIGHLIGHT_COLOURS.forEach((colour, i) => {
    const name = HIGHLIGHT_NAMES[colour];
    const ranges = groups.get(name);
    if (!ranges) return void CSS.highlights.delete(name);
    const highlight = new Highlight(...ranges);
    highlight.priority = i;
    CSS.highlights.set(name, highlight);
  });
  const notes = groups.get(HIGHLIGHT_NAMES.note);
  if (notes) CSS.highlights.set(HIGHLIGHT_NAMES.note, new Highlight(...notes));
  else CSS.highlights.delete(HIGHLIGHT_NAMES.note);
  return placed;
}

export function paintActive(range: Range | null): void {
  if (!highlightsSupported()) return;
  if (range) {
    const highlight = new Highlight(range);
    highlight.priority = 10;
    CSS.highlights.set(HIGHLIGHT_NAMES.active, highlight);
  } else CSS.highlights.delete(HIGHLIGHT_NAMES.active);
}

export function clearPaint(): void {
  if (!highlightsSupported()) return;
  for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
}

/** The annotation under a source offset; the shortest wins where they overlap. */
export function annotationAt(placed: readonly Placed[], offset: number): Placed | null {
  let found: Placed | null = null;
  for (const p of placed) {
    if (p.start <= offset && offset < p.end && (!found || p.end - p.start < found.end - found.start))
      found = p;
  }
  return found;
}

/** The source offset under a screen point, or null when it is not over document text. */
export function offsetAtPoint(index: TextIndex, x: number, y: number): number | null {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return index.pointToOffset(position.offsetNode, position.offset);
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? index.pointToOffset(range.startContainer, range.startOffset) : null;
}
