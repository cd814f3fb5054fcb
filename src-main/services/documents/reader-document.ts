// Owns turning one document's source (bytes as stored) into what the reader gets: the parsed
// blocks, the outline, the count of citable blocks, a version hash, and the search records
// (one per citable block, under its section heading). Used by the lazy getDocument and by
// the index build alike, so both see exactly the same blocks and numbers.
import { createHash } from 'node:crypto';
import type {
  Block,
  DocumentMeta,
  LinkTarget,
  OutlineEntry,
  ParsedDocument,
  ReaderDocument,
} from '../../shared/documents/model';
import type { FileIssue } from '../../shared/documents/collection-problem';
import { parseMarkdown } from './markdown';

/** Changes whenever the parser's output for the same source would change. */
export const PARSER_VERSION = 1;
/** Larger files are refused: a document, not a data dump. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Hex hash of a source file's bytes: tells one version of a document from the next. */
export function versionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** The text of a source file, or why it cannot be read (problem-text.ts says it). */
export function decodeSource(bytes: Uint8Array): string | FileIssue {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    return {
      code: 'too-large',
      details: { megabytes: Math.round(bytes.byteLength / 1048576), most: MAX_DOCUMENT_BYTES / 1048576 },
    };
  }
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { code: 'not-utf8', details: {} };
  }
}

export function outlineOf(blocks: readonly Block[]): OutlineEntry[] {
  const outline: OutlineEntry[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'heading') outline.push({ block: i, level: b.level, text: b.text });
  });
  return outline;
}

export function paragraphCountOf(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) if (b.number !== null) n = Math.max(n, b.number);
  return n;
}

export function readerDocument(meta: DocumentMeta, parsed: ParsedDocument, version: string): ReaderDocument {
  return {
    meta,
    text: parsed.text,
    blocks: parsed.blocks,
    outline: outlineOf(parsed.blocks),
    paragraphCount: paragraphCountOf(parsed.blocks),
    version,
  };
}

export function parseSource(
  source: string,
  resolveLink: (href: string) => LinkTarget | null,
): ParsedDocument {
  return parseMarkdown(source, { resolveLink });
}

/** One searchable block: its number, the heading it stands under, its text. */
export type BlockRecord = readonly [number, string | null, string];

export function blockRecords(blocks: readonly Block[]): BlockRecord[] {
  const records: BlockRecord[] = [];
  let heading: string | null = null;
  for (const b of blocks) {
    if (b.kind === 'heading') heading = b.text;
    else if (b.number !== null) records.push([b.number, heading, b.text]);
  }
  return records;
}
