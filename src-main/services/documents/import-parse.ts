// Owns the one entry every parser is reached through: detect the format from the bytes,
// run the matching parser, and give back either the document or a failure as plain data.
// Runs inside the parser worker (worker.ts); pure otherwise, so tests call it directly.
import type { ParsedDocument } from '../../shared/documents/model';
import { detectFormat, type FileFormat } from './detect';
import { parseDocx } from './docx';
import { readFrontMatter } from './front-matter';
import { parseHtml } from './html';
import { ImportFailure, MAX_FILE_BYTES, problems, type ImportMessage } from './limits';
import { parsePdf } from './pdf';
import { decodeText, parseText } from './text';

export type MarkdownParser = (source: string) => ParsedDocument;

export type ParseOutcome =
  | { readonly ok: true; readonly format: FileFormat; readonly document: ParsedDocument }
  | { readonly ok: false; readonly error: ImportMessage };

export interface ParseOptions {
  readonly markdown?: MarkdownParser;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Files without a title of their own take their first heading, if it reads like one. */
function withTitle(document: ParsedDocument): ParsedDocument {
  if (document.meta.title) return document;
  const heading = document.blocks.find((b) => b.kind === 'heading' || b.kind === 'title');
  if (!heading || heading.text.length > 200) return document;
  return { ...document, meta: { ...document.meta, title: heading.text } };
}

/** A Markdown file: its front matter (title, date, author, language) is metadata, not text. */
function parseMarkdownFile(bytes: Uint8Array, markdown: MarkdownParser): ParsedDocument {
  const { meta, body } = readFrontMatter(decodeText(bytes));
  const document = markdown(body);
  return { ...document, meta: { ...document.meta, ...meta } };
}

export async function parseFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<ParseOutcome> {
  try {
    if (bytes.length > MAX_FILE_BYTES) throw new ImportFailure(problems.tooLarge(bytes.length));
    const format = detectFormat(bytes, fileName);
    let document: ParsedDocument;
    if (format === 'pdf') document = await parsePdf(bytes, options.onProgress);
    else if (format === 'docx') document = await parseDocx(bytes);
    else if (format === 'html') document = parseHtml(bytes);
    else if (format === 'markdown' && options.markdown) document = parseMarkdownFile(bytes, options.markdown);
    else document = parseText(bytes);
    if (document.blocks.length === 0) throw new ImportFailure(problems.empty());
    return { ok: true, format, document: withTitle(document) };
  } catch (error) {
    if (error instanceof ImportFailure) return { ok: false, error: error.toMessage() };
    if (error instanceof RangeError) return { ok: false, error: problems.memory() };
    return { ok: false, error: problems.crashed() };
  }
}
