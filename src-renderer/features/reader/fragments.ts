// Owns links that point inside the open document ("#judepr7", "#Inledning", "#stycke-12",
// "#page=4", or the document's own address with a fragment): which links are such, and which
// block each leads to. The regeringen.se pages lost their anchors on the way to Markdown, so
// a fragment is matched, in order, to a paragraph number, a page, a heading whose text reads
// as the fragment, and a heading (else a block) whose text is the link's own text. Pure.
import type { Block } from '../../../src-main/shared/documents/model';

/** The fragment (without "#", decoded) when `href` points inside the document; else null. */
export function fragmentOf(href: string, base: string | null, linksToSelf: boolean): string | null {
  const hash = href.indexOf('#');
  if (hash < 0) return null;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const fragment = decode(href.slice(hash + 1));
  if (hash === 0 || linksToSelf) return fragment;
  if (!base) return null;
  try {
    const strip = (u: URL) => `${u.origin}${u.pathname.replace(/\/+$/, '')}${u.search}`.toLowerCase();
    return strip(new URL(href, base)) === strip(new URL(base)) ? fragment : null;
  } catch {
    return null;
  }
}

/** Lowercase letters and digits only, accents folded: "Statsrådsberedningen" ~ "Statsradsberedningen". */
const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

const words = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/[‐‑–—]/g, '-')
    .replace(/[\s.:;,]+$/, '')
    .trim()
    .toLowerCase();

/**
 * The index in `blocks` of the block a fragment link leads to, or -1 when the document has no
 * such place. `text` is the link's own text, `from` the index of the block holding the link.
 */
export function resolveFragment(
  blocks: readonly Block[],
  fragment: string,
  text: string,
  from: number,
): number {
  const paragraph = /^stycke-(\d{1,7})$/.exec(fragment);
  if (paragraph) return blocks.findIndex((b) => b.number === Number(paragraph[1]));
  const page = /^(?:page=?|sida-?|s-)(\d{1,5})$/i.exec(fragment);
  if (page) return blocks.findIndex((b) => b.page === Number(page[1]));
  const isHeading = (b: Block) => b.kind === 'heading';
  const key = slug(fragment);
  if (key.length >= 2) {
    const byName = blocks.findIndex((b) => isHeading(b) && slug(b.text) === key);
    if (byName >= 0) return byName;
  }
  const wanted = words(text);
  if (wanted.length < 2) return -1;
  // After the link first (a table of contents points forward), then anywhere; headings first.
  const order = [...blocks.keys()].filter((i) => i !== from);
  const after = order.filter((i) => i > from).concat(order.filter((i) => i < from));
  for (const accept of [isHeading, (b: Block) => b.kind !== 'title']) {
    const hit = after.find((i) => accept(blocks[i]!) && words(blocks[i]!.text) === wanted);
    if (hit !== undefined) return hit;
  }
  return -1;
}
