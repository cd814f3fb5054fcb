// Owns turning the structured model into what the reader renders: inline spans as nested
// pieces (links outermost, then strong, emphasis, code), runs of list items as one list,
// table cells with their own spans, and heading levels as h2–h6. Pure: no DOM, no Svelte.
import type { Block, InlineSpan } from '../../../src-main/shared/documents/model';
import { hrefFor } from '../../lib/routes';
import { fragmentOf } from './fragments';

export interface Piece {
  readonly text: string;
  readonly strong: boolean;
  readonly emphasis: boolean;
  readonly code: boolean;
}

export interface LinkPart {
  /** null: plain text; else where the link goes (an in-app hash route or the address written). */
  readonly href: string | null;
  /** True when the link opens another document in the reader, or moves within this one. */
  readonly internal: boolean;
  /** Set when the link points at a place in the open document (handled by the reader). */
  readonly fragment?: string;
  readonly pieces: readonly Piece[];
}

/** Where a link goes: another document in the reader, or its address resolved against the page. */
export function linkHref(
  span: Extract<InlineSpan, { kind: 'link' }>,
  base: string | null,
  self: string | null = null,
): { href: string; internal: boolean; fragment?: string } {
  // A place in this document: never a web page, never the external-link dialog.
  const fragment = self
    ? fragmentOf(span.href, base, span.target?.documentId === self && !/#stycke-\d+$/.test(span.href))
    : null;
  if (self && fragment !== null)
    return { href: hrefFor({ view: 'reader', documentId: self, paragraph: null }), internal: true, fragment };
  if (span.target) {
    const { documentId, paragraph } = span.target;
    return { href: hrefFor({ view: 'reader', documentId, paragraph }), internal: true };
  }
  try {
    return { href: new URL(span.href, base ?? undefined).href, internal: false };
  } catch {
    return { href: span.href, internal: false };
  }
}

/** Splits `text` at every span edge; the concatenated pieces are exactly `text`. */
export function parts(
  text: string,
  spans: readonly InlineSpan[],
  base: string | null,
  self: string | null = null,
): LinkPart[] {
  if (spans.length === 0) return [{ href: null, internal: false, pieces: [plain(text)] }];
  const edges = new Set<number>([0, text.length]);
  for (const s of spans) {
    edges.add(Math.max(0, Math.min(text.length, s.start)));
    edges.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const cuts = [...edges].sort((a, b) => a - b);
  const out: { link: InlineSpan | null; pieces: Piece[] }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    if (b <= a) continue;
    const active = spans.filter((s) => s.start <= a && s.end >= b);
    const link = active.find((s) => s.kind === 'link') ?? null;
    const piece: Piece = {
      text: text.slice(a, b),
      strong: active.some((s) => s.kind === 'strong'),
      emphasis: active.some((s) => s.kind === 'emphasis'),
      code: active.some((s) => s.kind === 'code'),
    };
    const last = out.at(-1);
    if (last && last.link === link) last.pieces.push(piece);
    else out.push({ link, pieces: [piece] });
  }
  return out.map(({ link, pieces }) => {
    if (!link || link.kind !== 'link') return { href: null, internal: false, pieces };
    return { ...linkHref(link, base, self), pieces };
  });
}

const plain = (text: string): Piece => ({ text, strong: false, emphasis: false, code: false });

/** The spans of a table block that fall in one cell, shifted to the cell's text. */
export function spansWithin(spans: readonly InlineSpan[], start: number, end: number): InlineSpan[] {
  return spans
    .filter((s) => s.start < end && s.end > start)
    .map((s) => ({ ...s, start: Math.max(0, s.start - start), end: Math.min(end, s.end) - start }));
}

export type Unit =
  | { readonly kind: 'block'; readonly index: number; readonly block: Block }
  | { readonly kind: 'list'; readonly items: readonly { readonly index: number; readonly block: Block }[] };

/**
 * Groups the blocks from `from` on into what the reader renders one by one: runs of list items
 * become a list. Indexes stay those of `blocks` (the outline refers to them).
 */
export function units(blocks: readonly Block[], from = 0): Unit[] {
  const out: Unit[] = [];
  blocks.forEach((block, index) => {
    if (index < from) return;
    if (block.kind === 'list-item') {
      const last = out.at(-1);
      const prev = blocks[index - 1];
      if (last?.kind === 'list' && prev?.kind === 'list-item' && index > from) {
        (last.items as { index: number; block: Block }[]).push({ index, block });
        return;
      }
      out.push({ kind: 'list', items: [{ index, block }] });
    } else out.push({ kind: 'block', index, block });
  });
  return out;
}

/** Blocks in a unit, for counting how much a chunk renders. */
export const unitSize = (u: Unit) => (u.kind === 'list' ? u.items.length : 1);

export const firstIndex = (u: Unit) => (u.kind === 'list' ? u.items[0]!.index : u.index);

/** h2–h6: the document title is the page's only h1. */
export const headingTag = (level: number) => `h${Math.min(6, Math.max(2, level))}`;

/** An ordered list when its first marker is a number or letter followed by "." or ")". */
export const isOrdered = (u: Extract<Unit, { kind: 'list' }>) =>
  /^[\da-z]+[.)]$/i.test(u.items[0]?.block.marker ?? '');
