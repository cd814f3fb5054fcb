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
  const doc = builder.build(meta);
  if (!meta.title) {
    const first = doc.blocks.find((b) => b.kind === 'heading') ?? doc.blocks[0];
    if (first && first.text.length <= 160) return { ...doc, meta: { ...meta, title: first.text } };
  }
  return doc;
}
