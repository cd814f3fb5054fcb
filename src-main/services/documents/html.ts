// Owns web pages: decoding (BOM, <meta charset>, UTF-8, else detected), the main content
// (<main>, role=main, a single <article>; otherwise the body without navigation, header,
// footer and asides), and metadata from <title>, <html lang> and author/date <meta> tags.
// Structure and text only: htmlparser2 never runs a script or fetches anything.
import { parseDocument } from 'htmlparser2';
import { isTag, type ChildNode, type Element } from 'domhandler';
import type { ParsedDocument } from '../../shared/documents/model';
import { HtmlBlocks } from '../imports/html-blocks';
import { DocumentBuilder, normalizeSpace } from './import-model';
import { ImportFailure, problems } from './limits';
import { decodeText } from './text';

function find(nodes: readonly ChildNode[], test: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const n of nodes) {
    if (!isTag(n)) continue;
    const el = n;
    if (test(el)) out.push(el);
    if (el.name !== 'script' && el.name !== 'style') find(el.children, test, out);
  }
  return out;
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

const SITE_SUFFIX = /\s*[-|–—]\s*(Regeringen\.se|Sveriges riksdag|Riksdagen|Socialstyrelsen)\s*$/i;

function metaContent(root: readonly ChildNode[], names: readonly string[]): string | undefined {
  for (const name of names) {
    const el = find(
      root,
      (e) => e.name === 'meta' && (e.attribs.name ?? e.attribs.property ?? '').toLowerCase() === name,
    )[0];
    const value = el?.attribs.content?.trim();
    if (value) return value;
  }
  return undefined;
}

function isoDate(value: string | undefined): string | undefined {
  const m = value ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value) : null;
  if (!m) return undefined;
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
}

const CONTENT_NAME = /^(?:main|content|main-?content|page-?content)$|ContentPageArea|PageBody/i;

/** The element holding the page's own content, when the page marks it. */
function mainContent(root: readonly ChildNode[]): Element | null {
  const main = find(root, (e) => e.name === 'main' || e.attribs.role === 'main');
  if (main.length > 0) return main[0]!;
  const articles = find(root, (e) => e.name === 'article');
  if (articles.length === 1) return articles[0]!;
  // Older CMS pages: a container named as the content that holds the page's <h1>.
  const named = find(
    root,
    (e) =>
      CONTENT_NAME.test(e.attribs.id ?? '') ||
      (e.attribs.class ?? '')
        .split(/\s+/)
        .some((c) => /^(?:main|content|main-?content|page-?content)$/i.test(c)),
  );
  return named.find((e) => find(e.children, (h) => h.name === 'h1').length > 0) ?? null;
}

export function parseHtmlString(source: string): ParsedDocument {
  const dom = parseDocument(source, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const builder = new DocumentBuilder();
  const main = mainContent(dom.children);
  const body = find(dom.children, (e) => e.name === 'body')[0];
  const walker = new HtmlBlocks(builder, { skipChrome: main === null });
  walker.walk(main ? main.children : (body?.children ?? dom.children));
  if (builder.blockCount === 0) throw new ImportFailure(problems.empty());
  const titleEl = find(dom.children, (e) => e.name === 'title')[0];
  const rawTitle =
    metaContent(dom.children, ['og:title', 'dc.title']) ??
    (titleEl ? normalizeSpace(titleEl.children.map((c) => (c.type === 'text' ? c.data : '')).join('')) : '');
  const title = normalizeSpace(rawTitle.replace(SITE_SUFFIX, ''));
  const author = metaContent(dom.children, ['author', 'dc.creator', 'dcterms.creator']);
  const published = isoDate(
    metaContent(dom.children, [
      'dc.date.created',
      'dc.date',
      'dcterms.date',
      'dcterms.created',
      'dcterms.issued',
      'dc.date.issued',
      'article:published_time',
      'date',
      // No date of making or publishing: the page's last change is still its own date.
      'dc.date.modified',
      'dcterms.modified',
      'article:modified_time',
      'last-modified',
    ]),
  );
  const html = find(dom.children, (e) => e.name === 'html')[0];
  const language = html?.attribs.lang?.slice(0, 2).toLowerCase();
  const meta: ParsedDocument['meta'] = {
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    ...(published ? { published } : {}),
    ...(language && /^[a-z]{2}$/.test(language) ? { language } : {}),
  };
  return builder.build(meta);
}

export function parseHtml(bytes: Uint8Array): ParsedDocument {
  return parseHtmlString(decodeText(bytes, declaredCharset(bytes)));
}
