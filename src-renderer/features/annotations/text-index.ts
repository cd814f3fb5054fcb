// Owns the mapping between the reader's DOM and offsets into the document's source text.
// Every block element (title, heading, paragraph <p>) carries `data-start`, and its text
// content is exactly the source from there; the paragraph-number margin lies outside the
// <p>, so it never counts. Points outside any block snap to the nearest block edge.

interface BlockEntry {
  readonly el: Element;
  readonly start: number;
  readonly end: number;
  readonly nodes: readonly Text[];
  /** Source offset of each text node. */
  readonly starts: readonly number[];
}

export interface TextIndex {
  /** Source offsets of a DOM range, or null if it covers no document text. */
  toOffsets(range: Range): { start: number; end: number } | null;
  /** Source offset of a DOM point; null when it is not inside a block. */
  pointToOffset(node: Node, offset: number): number | null;
  /** A DOM range over the source offsets [start, end), clamped to the blocks' text. */
  toRange(start: number, end: number): Range | null;
  /** The same span as one range per block, leaving out what lies between blocks. */
  toRanges(start: number, end: number): Range[];
}

function collect(el: Element): BlockEntry | null {
  const start = Number(el.getAttribute('data-start'));
  if (!Number.isInteger(start)) return null;
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let at = start;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    if (text.length === 0) continue;
    nodes.push(text);
    starts.push(at);
    at += text.length;
  }
  return nodes.length ? { el, start, end: at, nodes, starts } : null;
}

/** Index of the last element of `sorted` that is <= value (or -1). */
function lastAtMost(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function buildTextIndex(root: Element): TextIndex {
  const blocks = [...root.querySelectorAll('[data-start]')]
    .map(collect)
    .filter((b): b is BlockEntry => b !== null)
    .sort((a, b) => a.start - b.start);
  const byElement = new Map(blocks.map((b) => [b.el, b]));
  const blockStarts = blocks.map((b) => b.start);
  const doc = root.ownerDocument;

  function blockOf(node: Node): BlockEntry | undefined {
    for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
      const entry = n instanceof Element ? byElement.get(n) : undefined;
      if (entry) return entry;
    }
    return undefined;
  }

  function offsetIn(block: BlockEntry, node: Node, offset: number): number {
    if (node.nodeType === Node.TEXT_NODE) {
      const i = block.nodes.indexOf(node as Text);
      if (i >= 0) return block.starts[i]! + Math.min(offset, (node as Text).length);
    }
    const r = doc.createRange();
    r.setStart(block.el, 0);
    r.setEnd(node, offset);
    return block.start + r.toString().length;
  }

  /** -1: the point lies before the block, 0 inside, 1 after. */
  function compare(block: BlockEntry, node: Node, offset: number): number {
    const r = doc.createRange();
    r.selectNodeContents(block.el);
    return r.comparePoint(node, offset);
  }

  function pointToOffset(node: Node, offset: number): number | null {
    const block = blockOf(node);
    return block ? offsetIn(block, node, offset) : null;
  }

  function snap(node: Node, offset: number, edge: 'start' | 'end'): number | null {
    const inside = pointToOffset(node, offset);
    if (inside !== null) return inside;
    // The first block the point is before (for a start) / the last it is after (for an end).
    let lo = 0;
    let hi = blocks.length - 1;
    let firstAfter = blocks.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (compare(blocks[mid]!, node, offset) < 0) {
        firstAfter = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    if (edge === 'start') return blocks[firstAfter]?.start ?? null;
    return blocks[firstAfter - 1]?.end ?? null;
  }

  function position(start: number, edge: 'start' | 'end'): { node: Text; offset: number } | null {
    let i = lastAtMost(blockStarts, start);
    let offset = start;
    if (edge === 'start') {
      if (i < 0 || start >= blocks[i]!.end) {
        i++;
        offset = blocks[i]?.start ?? -1;
      }
    } else {
      if (i >= 0 && start === blocks[i]!.start && i > 0) i--; // an end at a block start ends the one before
      if (i < 0) return null;
      offset = Math.min(start, blocks[i]!.end);
    }
    const block = blocks[i];
    if (!block) return null;
    const n = Math.max(0, lastAtMost(block.starts, edge === 'end' ? offset - 1 : offset));
    const node = block.nodes[n]!;
    return { node, offset: Math.min(offset - block.starts[n]!, node.length) };
  }

  return {
    pointToOffset,
    toOffsets(range) {
      const start = snap(range.startContainer, range.startOffset, 'start');
      const end = snap(range.endContainer, range.endOffset, 'end');
      return start !== null && end !== null && end > start ? { start, end } : null;
    },
    toRanges(start, end) {
      const out: Range[] = [];
      for (let i = Math.max(0, lastAtMost(blockStarts, start)); i < blocks.length; i++) {
        const block = blocks[i]!;
        if (block.start >= end) break;
        const from = Math.max(start, block.start);
        const to = Math.min(end, block.end);
        if (to <= from) continue;
        const range = this.toRange(from, to);
        if (range) out.push(range);
      }
      return out;
    },
    toRange(start, end) {
      const from = position(start, 'start');
      const to = position(end, 'end');
      if (!from || !to) return null;
      const r = doc.createRange();
      r.setStart(from.node, from.offset);
      r.setEnd(to.node, to.offset);
      return r.collapsed ? null : r;
    },
  };
}
