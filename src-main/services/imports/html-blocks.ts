// Owns turning an HTML tree (htmlparser2's DOM) into blocks: headings, paragraphs, lists with
// their markers and depth, tables (layout tables read as ordinary flow), quotes, code, and
// inline emphasis and links as spans. Used for web pages and for Word files (via mammoth's
// HTML). Anything active or remote (scripts, styles, forms, frames, images) is never read.
import type { ChildNode, Element } from 'domhandler';
import type { InlineSpan } from '../../shared/documents/model';
import type { DocumentBuilder } from '../documents/import-model';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'label',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'img',
  'picture',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'area',
  'link',
  'meta',
  'head',
  'title',
  'base',
  'dialog',
]);
/** Page chrome: skipped when a page has no <main>/<article> to take the content from. */
export const CHROME = new Set(['nav', 'header', 'footer', 'aside']);
const HEADING = /^h([1-6])$/;
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'body',
  'html',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'hgroup',
  'address',
  'details',
  'summary',
  'fieldset',
  'hr',
  'center',
  'caption',
  'nav',
  'header',
  'footer',
  'aside',
]);
const BULLET = '•';
const LINE_MARKER = /^(\d{1,2}\.|[a-zåäö]\)|[-–•])\s+(?=\S)/u;

interface Inline {
  text: string;
  spans: InlineSpan[];
}

export interface WalkOptions {
  /** Skip nav/header/footer/aside (web pages without a marked main part). */
  readonly skipChrome: boolean;
  /**
   * Word files: mammoth starts a new <ol> after every interrupting paragraph, while Word
   * keeps counting; continue the count until a heading. A paragraph that is bold throughout
   * and short is the author's heading.
   */
  readonly word?: boolean;
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/**
 * Class names that mark page chrome or text meant only for screen readers' link context, and
 * the boxes beside a page's text (shortcuts, related pages, "Dela": `island` on regeringen.se,
 * `puff`/`related`/`sidebar` elsewhere).
 */
const CHROME_CLASS =
  /^(?:rs_skip|contentfooter|tool-?links|sr-only|visually-?hidden|screen-reader-text|breadcrumbs?|cookie[\w-]*|share|social[\w-]*|skip-?links?|site-?(?:header|footer|nav)|navigation|menu|island|puff[\w-]*|related[\w-]*|sidebar[\w-]*|shortcuts?)$/i;

/** Pieces set inside a heading as a label, kicker or badge rather than as its words. */
const HEADING_LABEL_CLASS = /vignette|kicker|eyebrow|overline|badge|^label$|^tag$/i;

/** A kicker set just before a page's heading ("Remiss från Justitiedepartementet"). */
const KICKER_CLASS = /categor(?:y|ies)|kicker|eyebrow|overline|vignette/i;

function isKicker(node: ChildNode): boolean {
  if (!isElement(node) || HEADING.test(node.name)) return false;
  const classes = (attr(node, 'class') ?? '').split(/\s+/);
  return classes.some((c) => KICKER_CLASS.test(c)) && textOf(node.children).length <= 160;
}

/**
 * Puts a kicker that stands before its heading after it: the page reads from its heading,
 * and the kicker's category or label is read as the line under it, not as body text above.
 */
function labelsAfterHeadings(nodes: readonly ChildNode[]): readonly ChildNode[] {
  if (!nodes.some(isKicker)) return nodes;
  const out = nodes.slice();
  for (let i = 0; i < out.length; i++) {
    if (!isKicker(out[i]!)) continue;
    let j = i + 1;
    while (j < out.length && out[j]!.type === 'text' && (out[j] as { data: string }).data.trim() === '') j++;
    const next = out[j];
    if (next && isElement(next) && HEADING.test(next.name)) {
      const [kicker] = out.splice(i, 1);
      out.splice(j, 0, kicker!);
      i = j;
    }
  }
  return out;
}

function hidden(el: Element): boolean {
  if (attr(el, 'hidden') !== undefined || attr(el, 'aria-hidden') === 'true') return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(el, 'style') ?? '')) return true;
  const classes = attr(el, 'class');
  return classes !== undefined && classes.split(/\s+/).some((c) => CHROME_CLASS.test(c));
}

/** Accumulates inline text with whitespace collapsed as it goes, so span offsets stay right. */
class InlineText {
  text = '';
  spans: InlineSpan[] = [];

  append(raw: string): void {
    const collapsed = raw.replace(/[\s\u00a0]+/g, ' ');
    if (collapsed === '') return;
    if (collapsed.startsWith(' ') && (this.text === '' || this.text.endsWith(' '))) {
      this.text += collapsed.slice(1);
    } else this.text += collapsed;
  }

  space(): void {
    if (this.text !== '' && !this.text.endsWith(' ')) this.text += ' ';
  }

  finish(): Inline {
    const lead = this.text.length - this.text.trimStart().length;
    const text = this.text.trim();
    const spans = this.spans
      .map((s) => ({ ...s, start: Math.max(0, s.start - lead), end: Math.min(text.length, s.end - lead) }))
      .filter((s) => s.end > s.start);
    return { text, spans };
  }
}

function collectInline(nodes: readonly ChildNode[], out: InlineText): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.append(node.data);
      continue;
    }
    if (!isElement(node) || SKIP.has(node.name) || hidden(node)) continue;
    if (node.name === 'br') {
      out.space();
      continue;
    }
    const start = out.text.length;
    if (BLOCK.has(node.name)) out.space();
    collectInline(node.children, out);
    if (BLOCK.has(node.name) || node.name === 'td' || node.name === 'th') out.space();
    const end = out.text.replace(/ $/, '').length;
    if (end <= start) continue;
    if (node.name === 'strong' || node.name === 'b') out.spans.push({ kind: 'strong', start, end });
    else if (node.name === 'em' || node.name === 'i') out.spans.push({ kind: 'emphasis', start, end });
    else if (node.name === 'code' || node.name === 'kbd' || node.name === 'samp')
      out.spans.push({ kind: 'code', start, end });
    else if (node.name === 'a') {
      const href = attr(node, 'href');
      // Only links a reader can follow outside the app; page-internal anchors carry no target.
      if (href && /^(https?:|mailto:)/i.test(href)) out.spans.push({ kind: 'link', start, end, href });
    }
  }
}

function inlineOf(nodes: readonly ChildNode[]): Inline {
  const collector = new InlineText();
  collectInline(nodes, collector);
  return collector.finish();
}

function textOf(nodes: readonly ChildNode[]): string {
  return inlineOf(nodes).text;
}

function childElements(el: Element): Element[] {
  return el.children.filter(isElement);
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      rows.push(...childElements(child).filter((r) => r.name === 'tr'));
    }
  }
  return rows;
}

const FLOW_INSIDE = new Set([
  'p',
  'div',
  'table',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
]);

function containsFlow(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (FLOW_INSIDE.has(c.name) || containsFlow(c)));
}

/** A table used for page layout: one column, or cells holding paragraphs, lists or tables. */
function isLayoutTable(table: Element, rows: Element[]): boolean {
  const cells = rows.flatMap((r) => childElements(r).filter((c) => c.name === 'td' || c.name === 'th'));
  if (cells.length === 0) return true;
  const maxCols = Math.max(
    ...rows.map((r) => childElements(r).filter((c) => c.name === 'td' || c.name === 'th').length),
  );
  if (maxCols <= 1) return true;
  if (attr(table, 'role') === 'presentation') return true;
  // A heading in a cell (a Word cover's title set in a table beside its designation) is layout.
  if (cells.some((c) => childElements(c).some((e) => HEADING.test(e.name)))) return true;
  // Mammoth writes every Word paragraph in a cell as <p>: only nested tables or several
  // paragraphs per cell make a cell "flow"; one <p> per cell is an ordinary table.
  return cells.some(
    (c) =>
      childElements(c).filter((e) => FLOW_INSIDE.has(e.name)).length > 3 ||
      textOf(c.children).length > 400 ||
      containsTable(c),
  );
}

function containsTable(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (c.name === 'table' || containsTable(c)));
}

export class HtmlBlocks {
  private pending: ChildNode[] = [];
  private quoteDepth = 0;
  private olCount = 0;

  constructor(
    private readonly builder: DocumentBuilder,
    private readonly options: WalkOptions,
  ) {}

  /** Reads the children of `root` as a flow of blocks. */
  walk(nodes: readonly ChildNode[]): void {
    const order = labelsAfterHeadings(nodes);
    for (const node of order) this.visit(node);
    this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const nodes = this.pending;
    this.pending = [];
    this.addInline(this.quoteDepth > 0 ? 'quote' : 'paragraph', nodes);
  }

  /**
   * Adds inline content as paragraphs: a double <br> starts a new one, and so does a line
   * that begins with a list marker ("1.", "a)", "–"), which becomes a list item.
   */
  private addInline(kind: 'paragraph' | 'quote', nodes: readonly ChildNode[]): void {
    const lines: ChildNode[][] = [[]];
    for (const n of nodes) {
      if (isElement(n) && n.name === 'br') lines.push([]);
      else lines[lines.length - 1]!.push(n);
    }
    let group: ChildNode[] = [];
    const emit = (): void => {
      const { text, spans } = inlineOf(group);
      group = [];
      if (text === '') return;
      const item = LINE_MARKER.exec(text);
      if (item && kind === 'paragraph') {
        const cut = item[0].length;
        const shifted = spans
          .map((s) => ({ ...s, start: Math.max(0, s.start - cut), end: s.end - cut }))
          .filter((s) => s.end > s.start);
        this.builder.add({
          kind: 'list-item',
          text: text.slice(cut),
          spans: shifted,
          level: 1,
          marker: item[1]!,
        });
      } else this.builder.add({ kind, text, spans });
    };
    for (const line of lines) {
      const text = inlineOf(line).text;
      if (text === '') {
        emit();
        continue;
      }
      if (LINE_MARKER.test(text) && group.length > 0) emit();
      if (group.length > 0) group.push({ type: 'text', data: ' ' } as ChildNode);
      group.push(...line);
    }
    emit();
  }

  private visit(node: ChildNode): void {
    if (node.type === 'text') {
      this.pending.push(node);
      return;
    }
    if (!isElement(node)) return;
    const name = node.name;
    if (SKIP.has(name) || hidden(node)) return;
    if (this.options.skipChrome && CHROME.has(name)) return;
    if (!BLOCK.has(name) && !containsFlow(node)) {
      this.pending.push(node);
      return;
    }
    this.flush();
    const heading = HEADING.exec(name);
    if (heading) {
      // A label set inside the heading ("ID-nummer: Dir. 2016:15") is read after it, not in it.
      const label = (n: ChildNode): boolean =>
        isElement(n) && (attr(n, 'class') ?? '').split(/\s+/).some((c) => HEADING_LABEL_CLASS.test(c));
      const { text } = inlineOf(node.children.filter((n) => !label(n)));
      this.olCount = 0;
      this.builder.add({ kind: 'heading', text, level: Number(heading[1]) });
      for (const n of node.children.filter(label)) {
        this.builder.add({ kind: 'paragraph', text: textOf([n]) });
      }
    } else if (name === 'p' && this.options.word && this.boldHeading(node)) {
      this.olCount = 0;
      this.builder.add({ kind: 'heading', text: textOf(node.children), level: 3 });
    } else if (
      name === 'p' ||
      name === 'dt' ||
      name === 'dd' ||
      name === 'figcaption' ||
      name === 'caption' ||
      name === 'summary'
    ) {
      if (containsFlow(node)) this.walk(node.children);
      else this.addInline(this.quoteDepth > 0 ? 'quote' : 'paragraph', node.children);
    } else if (name === 'ul' || name === 'ol') {
      this.list(node, 1);
    } else if (name === 'table') {
      this.table(node);
    } else if (name === 'blockquote') {
      this.quoteDepth++;
      this.walk(node.children);
      this.quoteDepth--;
    } else if (name === 'pre') {
      const text = textOfPre(node.children).replace(/^\n+|\s+$/g, '');
      if (text !== '') this.builder.add({ kind: 'code', text });
    } else if (name === 'hr') {
      // A rule separates; it carries no text.
    } else {
      this.walk(node.children);
    }
  }

  private boldHeading(p: Element): boolean {
    const { text, spans } = inlineOf(p.children);
    if (text.length === 0 || text.length > 60 || /[.,;:]$/.test(text) || text.includes(':')) return false;
    return spans.some((s) => s.kind === 'strong' && s.start === 0 && s.end >= text.length);
  }

  private list(el: Element, level: number): void {
    const ordered = el.name === 'ol';
    const declared = attr(el, 'start');
    let n =
      declared !== undefined
        ? Number(declared)
        : this.options.word && level === 1 && ordered
          ? this.olCount + 1
          : 1;
    if (!Number.isFinite(n)) n = 1;
    for (const li of childElements(el)) {
      if (li.name !== 'li') {
        if (li.name === 'ul' || li.name === 'ol') this.list(li, level + 1);
        continue;
      }
      const own = li.children.filter((c) => !(isElement(c) && (c.name === 'ul' || c.name === 'ol')));
      const { text, spans } = inlineOf(own);
      if (text !== '') {
        this.builder.add({ kind: 'list-item', text, spans, level, marker: ordered ? `${n}.` : BULLET });
      }
      n++;
      if (ordered && level === 1) this.olCount = n - 1;
      for (const sub of childElements(li))
        if (sub.name === 'ul' || sub.name === 'ol') this.list(sub, level + 1);
    }
  }

  private table(el: Element): void {
    const rows = rowsOf(el);
    if (isLayoutTable(el, rows)) {
      for (const row of rows) {
        const cells = childElements(row).filter((c) => c.name === 'td' || c.name === 'th');
        const texts = cells.map((c) => textOf(c.children)).filter((t) => t !== '');
        // A row of short labels and values ("Målnummer: T3592-13") reads as one line.
        const short = cells.every(
          (c) => !containsFlow(c) || childElements(c).filter((e) => FLOW_INSIDE.has(e.name)).length <= 1,
        );
        if (short && texts.length > 1 && texts.join(' ').length < 200)
          this.builder.add({ kind: 'paragraph', text: texts.join(' ') });
        else for (const cell of cells) this.walk(cell.children);
      }
      return;
    }
    const caption = childElements(el).find((c) => c.name === 'caption');
    if (caption) this.addInline('paragraph', caption.children);
    const inHead = new Set(
      childElements(el)
        .filter((c) => c.name === 'thead')
        .flatMap((h) => childElements(h)),
    );
    this.builder.addTable(
      rows.map((row) => {
        const cells = childElements(row).filter((c) => c.name === 'td' || c.name === 'th');
        return {
          header: inHead.has(row) || cells.every((c) => c.name === 'th'),
          cells: cells.map((c) => textOf(c.children)),
        };
      }),
    );
  }
}

function textOfPre(nodes: readonly ChildNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.data;
    else if (isElement(n) && !SKIP.has(n.name)) out += n.name === 'br' ? '\n' : textOfPre(n.children);
  }
  return out;
}
