// Owns telling what a file is from its bytes (magic numbers and content), never from its
// name alone, and refusing a file whose name promises something else.
import { ImportFailure, problems } from './limits';
import { looksLikeText } from './text';

export type FileFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'text';

const NAMES: Record<string, { sv: string; en: string }> = {
  pdf: { sv: 'en PDF-fil', en: 'a PDF file' },
  docx: { sv: 'ett Word-dokument (.docx)', en: 'a Word document (.docx)' },
  text: { sv: 'text', en: 'text' },
  html: { sv: 'en webbsida (HTML)', en: 'a web page (HTML)' },
  zip: { sv: 'ett zip-arkiv', en: 'a zip archive' },
  ole: { sv: 'ett äldre Office-dokument', en: 'an old Office document' },
  image: { sv: 'en bild', en: 'an image' },
  binary: { sv: 'binärdata', en: 'binary data' },
  epub: { sv: 'en e-bok (EPUB)', en: 'an e-book (EPUB)' },
  odt: { sv: 'ett OpenDocument-dokument', en: 'an OpenDocument file' },
  xlsx: { sv: 'ett kalkylark', en: 'a spreadsheet' },
  pptx: { sv: 'en presentation', en: 'a presentation' },
};

type Content = keyof typeof NAMES;

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

function zipKind(bytes: Uint8Array): Content {
  // Names of the first entries are in plain bytes: enough to tell Office formats apart.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 256 * 1024)));
  const names = head + tail;
  if (names.includes('word/document.xml') || names.includes('word/_rels')) return 'docx';
  if (names.includes('application/epub+zip')) return 'epub';
  if (names.includes('application/vnd.oasis.opendocument')) return 'odt';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  return 'zip';
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 2048))
    .replace(/^\ufeff|^ï»¿/, '')
    .trimStart()
    .toLowerCase();
  return (
    /^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<!doctype html|<\?xml[^>]*>\s*<html|<!--)/.test(
      head,
    ) &&
    /<(html|body|head|p|div|title)[\s>]/.test(
      head + new TextDecoder('latin1').decode(bytes.subarray(2048, 16384)).toLowerCase(),
    )
  );
}

/** What the bytes are, as far as import is concerned. */
export function sniff(bytes: Uint8Array): Content {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return zipKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])
  ) {
    return 'image';
  }
  if (!looksLikeText(bytes)) return 'binary';
  return looksLikeHtml(bytes) ? 'html' : 'text';
}

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

const EXPECTED: Record<string, FileFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
};

/** Decides how to parse a file, or throws a failure that says why it cannot be added. */
export function detectFormat(bytes: Uint8Array, fileName: string): FileFormat {
  if (bytes.length === 0) throw new ImportFailure(problems.empty());
  const content = sniff(bytes);
  const ext = extensionOf(fileName);
  const expected = EXPECTED[ext];
  if (content === 'ole') {
    if (ext === 'doc' || expected === undefined || expected === 'docx')
      throw new ImportFailure(problems.legacyWord());
  }
  if (expected === 'pdf' || expected === 'docx') {
    if (content !== expected) throw new ImportFailure(problems.mismatch(ext, NAMES[content]!));
    return expected;
  }
  if (expected === 'html' || expected === 'markdown' || expected === 'text') {
    if (content === 'html' || content === 'text') {
      // A .txt or .md that is really a saved web page reads best as one.
      return content === 'html' && expected === 'text' ? 'html' : expected === 'html' ? 'html' : expected;
    }
    throw new ImportFailure(problems.mismatch(ext, NAMES[content]!));
  }
  if (content === 'pdf' || content === 'docx' || content === 'html' || content === 'text') return content;
  throw new ImportFailure(problems.unsupported(NAMES[content]!));
}
