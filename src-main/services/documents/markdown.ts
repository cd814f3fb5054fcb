// Owns turning Markdown source (CommonMark + GFM tables, through markdown-it) into the shared
// document model: headings with levels, numbered citable blocks (paragraphs, list items,
// quotes, tables, code), emphasis and links as spans. The visible text keeps every word of
// the source and none of its markup. Pure: the same source always gives the same blocks and
// numbers; link targets inside the library come from an injected resolver.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import {
  CITABLE_KINDS,
  type Block,
  type BlockKind,
  type InlineSpan,
  type LinkTarget,
  type ParsedDocument,
  type TableRow,
} from '../../shared/documents/model';

/** Blocks are joined by this in the document's text. */
export const BLOCK_SEPARATOR = '\n\n';
/** A first line this short, with no `#` title in the document, reads as the title (plain text). */
const MAX_STANDALONE_TITLE = 160;

export interface MarkdownOptions {
  /** Maps a link as written to a document of the library; null keeps it an external link. */
  readonly resolveLink?: (href: string) => LinkTarget | null;
}

// html: false shows raw HTML as the text it is (never markup); linkify finds bare web and
// e-mail addresses like the old plain-text parser did, without guessing "fuzzy" domains.
const md = new MarkdownIt('commonmark', { html: false, linkify: true, typographer: false }).enable([
  'table',
  'strikethrough',
  'linkify',
]);
md.linkify.set({ fuzzyLink: false, fuzzyIP: false });

interface Inline {
  readonly text: string;
  readonly spans: InlineSpan[];
}

/** Renders an inline token's children as plain text plus spans over that text. */
function renderInline(token: Token | undefined, options: MarkdownOptions): Inline {
  let text = '';
  const spans: InlineSpan[] = [];
  const open: Array<{ kind: 'emphasis' | 'strong' | 'link'; start: number; href: string }> = [];
  const close = (kind: 'emphasis' | 'strong' | 'link') => {
    for (let i = open.length - 1; i >= 0; i--) {
      const o = open[i];
      if (!o || o.kind !== kind) continue;
      open.splice(i, 1);
      if (text.length <= o.start) return;
      if (o.kind === 'link') {
        const target = options.resolveLink?.(o.href) ?? null;
        spans.push({
          kind: 'link',
          start: o.start,
          end: text.length,
          href: o.href,
          ...(target ? { target } : {}),
        });
      } else spans.push({ kind: o.kind, start: o.start, end: text.length });
      return;
    }
  };
  const stars: Array<{ at: number; length: number }> = [];
  for (const t of token?.children ?? []) {
    switch (t.type) {
      case 'text':
        for (const m of t.content.matchAll(/\*{2,}/g))
          stars.push({ at: text.length + m.index, length: m[0].length });
        text += t.content;
        break;
      case 'text_special':
        text += t.content;
        break;
      case 'softbreak':
        text += ' ';
        break;
      case 'hardbreak':
        text += '\n';
        break;
      case 'code_inline':
        spans.push({ kind: 'code', start: text.length, end: text.length + t.content.length });
        text += t.content;
        break;
      case 'image':
        // The alternative text is what a reader of the page would get; the address is not text.
        text += t.content;
        break;
      case 'em_open':
        open.push({ kind: 'emphasis', start: text.length, href: '' });
        break;
      case 'em_close':
        close('emphasis');
        break;
      case 'strong_open':
        open.push({ kind: 'strong', start: text.length, href: '' });
        break;
      case 'strong_close':
        close('strong');
        break;
      case 'link_open':
        open.push({ kind: 'link', start: text.length, href: t.attrGet('href') ?? '' });
        break;
      case 'link_close':
        close('link');
        break;
      default:
        // s_open/s_close (strikethrough) carry no text; anything else with content keeps it.
        if (t.content && !t.type.endsWith('_open') && !t.type.endsWith('_close')) text += t.content;
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return stars.length ? strayStrong({ text, spans }, stars) : { text, spans };
}

/**
 * Strong emphasis CommonMark cannot close, as published pages often have it: "**Fråga?**Svar"
 * (a closing run between punctuation and a letter) or an empty "****". The page showed bold,
 * not asterisks: pairs of such runs become strong spans, empty runs go. Escaped asterisks
 * (`\*`) are text and never come here.
 */
function strayStrong(inline: Inline, stars: ReadonlyArray<{ at: number; length: number }>): Inline {
  const removed: Array<{ at: number; length: number }> = [];
  const strong: Array<{ from: number; to: number }> = [];
  let open: { at: number; length: number } | null = null;
  for (const run of stars) {
    if (run.length === 4) removed.push(run);
    else if (run.length === 2 && open) {
      removed.push(open, run);
      strong.push({ from: open.at + 2, to: run.at });
      open = null;
    } else if (run.length === 2) open = run;
  }
  if (removed.length === 0) return inline;
  removed.sort((a, b) => a.at - b.at);
  const shift = (offset: number) => {
    let out = offset;
    for (const r of removed) if (r.at < offset) out -= Math.min(r.length, offset - r.at);
    return out;
  };
  let text = '';
  let at = 0;
  for (const r of removed) {
    text += inline.text.slice(at, r.at);
    at = r.at + r.length;
  }
  text += inline.text.slice(at);
  const spans: InlineSpan[] = inline.spans.map((sp) => ({
    ...sp,
    start: shift(sp.start),
    end: shift(sp.end),
  }));
  for (const s of strong) spans.push({ kind: 'strong', start: shift(s.from), end: shift(s.to) });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, spans };
}

interface Draft {
  readonly kind: BlockKind;
  readonly text: string;
  readonly level: number;
  readonly marker: string | null;
  readonly spans: readonly InlineSpan[];
  readonly rows: readonly TableRow[] | null;
  /** Source lines the block spans (markdown-it's map), for the plain-text title rule. */
  readonly lines: number;
}

interface ListFrame {
  readonly ordered: boolean;
  /** The marker of the item whose first paragraph has not been emitted yet. */
  pending: string | null;
}

/** Reads a table from `table_open` at `i`; returns the draft and the index of `table_close`. */
function readTable(tokens: Token[], i: number, options: MarkdownOptions): [Draft, number] {
  const rows: TableRow[] = [];
  const spans: InlineSpan[] = [];
  let text = '';
  let cells: Array<{ start: number; end: number }> = [];
  let header = false;
  let j = i + 1;
  for (; j < tokens.length; j++) {
    const t = tokens[j];
    if (!t || t.type === 'table_close') break;
    if (t.type === 'thead_open') header = true;
    else if (t.type === 'thead_close') header = false;
    else if (t.type === 'tr_open') {
      if (rows.length > 0) text += '\n';
      cells = [];
    } else if (t.type === 'tr_close') rows.push({ header, cells });
    else if (t.type === 'inline') {
      if (cells.length > 0) text += '\t';
      const cell = renderInline(t, options);
      const start = text.length;
      for (const s of cell.spans) spans.push({ ...s, start: s.start + start, end: s.end + start });
      text += cell.text;
      cells.push({ start, end: text.length });
    }
  }
  const lines = (tokens[i]?.map?.[1] ?? 0) - (tokens[i]?.map?.[0] ?? 0);
  return [{ kind: 'table', text, level: 0, marker: null, spans, rows, lines }, j];
}

function drafts(source: string, options: MarkdownOptions): Draft[] {
  const tokens = md.parse(source, {});
  const out: Draft[] = [];
  const lists: ListFrame[] = [];
  let quoteDepth = 0;
  const push = (kind: BlockKind, inline: Inline, level: number, token: Token | undefined) => {
    if (inline.text.trim() === '') return;
    const frame = lists.at(-1);
    const inList = kind === 'paragraph' && frame !== undefined;
    const marker = inList ? frame.pending : null;
    if (frame) frame.pending = null;
    const lines = (token?.map?.[1] ?? 1) - (token?.map?.[0] ?? 0);
    out.push({
      kind: inList ? 'list-item' : kind === 'paragraph' && quoteDepth > 0 ? 'quote' : kind,
      text: inline.text,
      level: inList ? lists.length : level,
      marker,
      spans: inline.spans,
      rows: null,
      lines,
    });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    switch (t.type) {
      case 'heading_open':
        push('heading', renderInline(tokens[i + 1], options), Number(t.tag.slice(1)), t);
        i += 2;
        break;
      case 'paragraph_open':
        push('paragraph', renderInline(tokens[i + 1], options), 0, t);
        i += 2;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open', pending: null });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const frame = lists.at(-1);
        if (frame) frame.pending = frame.ordered ? `${t.info}${t.markup}` : '•';
        break;
      }
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'fence':
      case 'code_block': {
        const text = t.content.replace(/\n$/, '');
        push('code', { text, spans: [{ kind: 'code', start: 0, end: text.length }] }, 0, t);
        break;
      }
      case 'html_block':
        push('paragraph', { text: t.content.trim(), spans: [] }, 0, t);
        break;
      case 'table_open': {
        const [draft, end] = readTable(tokens, i, options);
        if (draft.text.trim() !== '') out.push(draft);
        i = end;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Decides the title: a first `#` heading, or a short standalone first line of plain text. */
function withTitle(list: Draft[]): Draft[] {
  const first = list[0];
  if (!first || list.length < 2) return list;
  const isTitle =
    first.kind === 'heading'
      ? first.level === 1
      : first.kind === 'paragraph' &&
        first.lines === 1 &&
        first.text.length <= MAX_STANDALONE_TITLE &&
        !list.some((d) => d.kind === 'heading' && d.level === 1);
  return isTitle ? [{ ...first, kind: 'title', level: 1 }, ...list.slice(1)] : list;
}

/** Parses Markdown into the shared model. */
export function parseMarkdown(source: string, options: MarkdownOptions = {}): ParsedDocument {
  const blocks: Block[] = [];
  let text = '';
  let number = 0;
  for (const d of withTitle(drafts(source.replace(/^\uFEFF/, ''), options))) {
    if (blocks.length > 0) text += BLOCK_SEPARATOR;
    const start = text.length;
    text += d.text;
    const citable = CITABLE_KINDS.includes(d.kind);
    blocks.push({
      kind: d.kind,
      text: d.text,
      start,
      end: text.length,
      level: d.level,
      number: citable ? ++number : null,
      marker: d.marker,
      page: null,
      spans: d.spans,
      rows: d.rows,
    });
  }
  const title = blocks.find((b) => b.kind === 'title')?.text;
  return { text, blocks, meta: title ? { title } : {}, pageCount: null };
}
