// Owns painting annotations with the CSS Custom Highlight API: one Highlight per colour, one
// for notes without a colour, one underlining coloured highlights that have a note, and one
// for the annotation being edited. The text DOM is never touched, so selection, copying and
// the search's own highlights keep working. A passage across paragraphs is painted as one
// range per block, so the paragraph numbers between them are never painted.
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
  /** A dotted underline under coloured highlights that also carry a note. */
  noted: 'lasaren-noted',
  /** A wavy underline under passages whose wording changed since they were annotated. */
  changed: 'lasaren-changed',
  active: 'lasaren-active',
} as const;

export interface Placed {
  readonly annotation: Annotation;
  readonly start: number;
  readonly end: number;
  /** True when the passage's wording changed since it was annotated. */
  readonly changed?: boolean;
  /** One range per block the passage covers, in order. */
  readonly ranges: readonly Range[];
}

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Builds the ranges and replaces the painted highlights with them. */
export function paint(index: TextIndex, anchored: readonly Omit<Placed, 'ranges'>[]): Placed[] {
  const placed: Placed[] = [];
  const groups = new Map<string, Range[]>();
  for (const item of anchored) {
    const ranges = index.toRanges(item.start, item.end);
    if (ranges.length === 0) continue;
    placed.push({ ...item, ranges });
    const name = item.annotation.colour ? HIGHLIGHT_NAMES[item.annotation.colour] : HIGHLIGHT_NAMES.note;
    let list = groups.get(name);
    if (!list) groups.set(name, (list = []));
    list.push(...ranges);
    if (item.changed) {
      let changed = groups.get(HIGHLIGHT_NAMES.changed);
      if (!changed) groups.set(HIGHLIGHT_NAMES.changed, (changed = []));
      changed.push(...ranges);
    }
    if (item.annotation.colour && item.annotation.note.trim()) {
      let noted = groups.get(HIGHLIGHT_NAMES.noted);
      if (!noted) groups.set(HIGHLIGHT_NAMES.noted, (noted = []));
      noted.push(...ranges);
    }
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
  for (const name of [HIGHLIGHT_NAMES.note, HIGHLIGHT_NAMES.noted, HIGHLIGHT_NAMES.changed]) {
    const ranges = groups.get(name);
    if (ranges) CSS.highlights.set(name, new Highlight(...ranges));
    else CSS.highlights.delete(name);
  }
  return placed;
}

export function paintActive(ranges: readonly Range[]): void {
  if (!highlightsSupported()) return;
  if (ranges.length) {
    const highlight = new Highlight(...ranges);
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
