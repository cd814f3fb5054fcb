// Owns Word (.docx) files: the archive is checked for zip bombs before anything is inflated,
// mammoth turns the document into semantic HTML (Swedish and English heading styles mapped to
// headings; tracked changes read as accepted; comments left out of the text), and the HTML
// walker makes blocks. Title, author and date come from the core properties.
import mammoth from 'mammoth';
import { parseDocument } from 'htmlparser2';
import type { ParsedDocument } from '../../shared/documents/model';
import { HtmlBlocks } from '../imports/html-blocks';
import { readEntry, zipEntries } from '../imports/zip';
import { DocumentBuilder, normalizeSpace } from './import-model';
import { ImportFailure, problems } from './limits';

const HEADING_STYLES = [1, 2, 3, 4, 5, 6].flatMap((n) => [
  `p[style-name='Rubrik ${n}'] => h${n}:fresh`,
  `p[style-name='rubrik ${n}'] => h${n}:fresh`,
  `p[style-name='heading ${n}'] => h${n}:fresh`,
  `p[style-name='Heading ${n}'] => h${n}:fresh`,
  // The Government Offices' templates: unnumbered headings of each level.
  `p[style-name='Rubrik ${n} utan numrering'] => h${n}:fresh`,
]);
/** Table-of-contents entries and their heading: the reader's outline takes their place. */
const CONTENTS_STYLES = [
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [
    `p[style-name='toc ${n}'] => !`,
    `p[style-name='TOC ${n}'] => !`,
    `p[style-name='Innehåll ${n}'] => !`,
    `p[style-name='Innehållsförteckning ${n}'] => !`,
  ]),
  "p[style-name='Innehållsförteckning'] => !",
  "p[style-name='TOC Heading'] => !",
  "p[style-name='Innehållsförteckningsrubrik'] => !",
];
const STYLE_MAP = [
  ...HEADING_STYLES,
  ...CONTENTS_STYLES,
  // A bill's cover: "Regeringens proposition 2012/13:144", then its title headings.
  "p[style-name='Prop. huvudrubrik'] => h1:fresh",
  "p[style-name='Prop. rubrik'] => h2:fresh",
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Rubrik'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Underrubrik'] => h2:fresh",
  "p[style-name='Citat'] => blockquote > p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  // Comments are the author's notes, not the document's text.
  'comment-reference => !',
];

function xmlValue(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  if (!m) return undefined;
  const value = normalizeSpace(
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
  return value === '' ? undefined : value;
}

function coreMeta(bytes: Uint8Array, entries: ReturnType<typeof zipEntries>): ParsedDocument['meta'] {
  const core = entries.find((e) => e.name === 'docProps/core.xml');
  if (!core || core.size > 1024 * 1024) return {};
  const xml = new TextDecoder().decode(readEntry(bytes, core));
  const title = xmlValue(xml, 'dc:title');
  const author = xmlValue(xml, 'dc:creator');
  const date = xmlValue(xml, 'dcterms:created') ?? xmlValue(xml, 'dcterms:modified');
  const language = xmlValue(xml, 'dc:language')?.slice(0, 2).toLowerCase();
  const published =
    date && /^\d{4}-\d{2}-\d{2}/.test(date) && !date.startsWith('1601') ? date.slice(0, 10) : undefined;
  return {
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    ...(published ? { published } : {}),
    ...(language && /^[a-z]{2}$/.test(language) ? { language } : {}),
  };
}

/** A line set apart as a heading by hand: short, capitalised, not a sentence or a label. */
const HAND_HEADING = /^[\p{Lu}\d][^:]{0,78}[^.,;:!]$|^\p{Lu}$/u;

/** Puts a block of a parsed document into a new one unchanged (a table with its rows). */
function copyBlock(builder: DocumentBuilder, b: ParsedDocument['blocks'][number]): void {
  if (b.kind === 'table' && b.rows) {
    const rows = b.rows.map((r) => ({
      header: r.header,
      cells: r.cells.map((c) => b.text.slice(c.start, c.end)),
    }));
    builder.addTable(rows, b.page);
  } else
    builder.add({
      kind: b.kind,
      text: b.text,
      level: b.level,
      marker: b.marker,
      page: b.page,
      spans: b.spans,
    });
}

/**
 * A Word file whose author made no use of heading styles (a court ruling typed with spacing
 * and "keep with next") still has headings: the short capitalised paragraphs with longer text
 * after them. Only in files with hardly any styled heading, so styled files are left alone.
 */
export function unstyledHeadings(doc: ParsedDocument): ParsedDocument {
  const blocks = doc.blocks;
  if (blocks.filter((b) => b.kind === 'heading').length >= 3) return doc;
  const heading = (i: number): boolean => {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    return (
      b.kind === 'paragraph' &&
      HAND_HEADING.test(b.text) &&
      b.text.split(' ').length <= 12 &&
      next !== undefined &&
      (next.kind === 'paragraph' || next.kind === 'list-item' || next.kind === 'heading') &&
      (next.text.length > b.text.length * 2 || HAND_HEADING.test(next.text))
    );
  };
  const found = blocks.map((_, i) => heading(i));
  if (found.filter(Boolean).length < 5) return doc;
  const builder = new DocumentBuilder();
  blocks.forEach((b, i) => {
    if (found[i]) builder.add({ kind: 'heading', text: b.text, level: 2 });
    else copyBlock(builder, b);
  });
  return builder.build(doc.meta, doc.pageCount);
}

/** A document's designation alone ("Prop. 2012/13:144", "SOU 2026:14"): a label, not a title. */
const DESIGNATION = /^(?:prop|dir|skr|bet|rskr|ds|sou|sfs|\p{Lu}{1,5}FS)\.? ?\d{4}(?:\/\d{2,4})?:\d+$/iu;

/**
 * A cover's headings as Word files carry them: one title split over paragraphs of one heading
 * style ("Regeringens proposition" / "2012/13:144") is one heading, a designation set beside
 * the title is a paragraph, and the title is the cover's headings read together when the
 * file's own title is missing or only their first words (a template's "Regeringens proposition").
 */
export function coverHeadings(doc: ParsedDocument): ParsedDocument {
  const blocks = doc.blocks;
  let end = 0;
  while (end < blocks.length && blocks[end]!.kind === 'heading') end++;
  if (end < 2) return doc;
  const cover: Array<{ text: string; level: number; label: boolean }> = [];
  for (const b of blocks.slice(0, end)) {
    const last = cover[cover.length - 1];
    // A line that goes on from the one before (a number, a lower-case word) is the same heading.
    if (last && !last.label && last.level === b.level && /^[\p{Ll}\d]/u.test(b.text)) {
      last.text = `${last.text} ${b.text}`;
      last.label = cover.length > 1 && DESIGNATION.test(last.text);
    } else cover.push({ text: b.text, level: b.level, label: cover.length > 0 && DESIGNATION.test(b.text) });
  }
  const builder = new DocumentBuilder();
  for (const c of cover)
    builder.add(
      c.label ? { kind: 'paragraph', text: c.text } : { kind: 'heading', text: c.text, level: c.level },
    );
  for (const b of blocks.slice(end)) copyBlock(builder, b);
  const titles = cover.filter((c) => !c.label);
  const own = doc.meta.title;
  const joined =
    titles.length >= 2 && titles[1]!.level > titles[0]!.level
      ? `${titles[0]!.text} ${titles[1]!.text}`
      : undefined;
  const generic = own === undefined || titles[0]!.text.startsWith(own);
  return builder.build(joined && generic ? { ...doc.meta, title: joined } : doc.meta, doc.pageCount);
}

export async function parseDocx(bytes: Uint8Array): Promise<ParsedDocument> {
  const entries = zipEntries(bytes);
  if (!entries.some((e) => e.name === 'word/document.xml')) throw new ImportFailure(problems.corrupt('Word'));
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // Images are never shown; do not spend memory encoding them.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch {
    throw new ImportFailure(problems.corrupt('Word'));
  }
  const builder = new DocumentBuilder();
  new HtmlBlocks(builder, { skipChrome: false, word: true }).walk(parseDocument(html).children);
  if (builder.blockCount === 0) throw new ImportFailure(problems.empty());
  const meta = coreMeta(bytes, entries);
  const doc = coverHeadings(unstyledHeadings(builder.build(meta)));
  if (!doc.meta.title) {
    const first = doc.blocks.find((b) => b.kind === 'heading') ?? doc.blocks[0];
    if (first && first.text.length <= 160) return { ...doc, meta: { ...meta, title: first.text } };
  }
  return doc;
}
