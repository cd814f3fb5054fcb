// Owns a collection's prebuilt index: the validated manifest with related pages resolved (so a
// start neither validates 36,000 lines again nor resolves their links) and what needs the Markdown parsed (each document's version, size,
// count of citable blocks, a broken file's problem) in `collection-index.json`, and the
// searchable block texts in `collection-records.ndjson` (one line per document), so that a
// start reads two files instead of parsing every document. Both are keyed by a hash of the
// manifest and the parser version; each file is checked by size, time and, when in doubt,
// its content hash.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CollectionProblem } from '../../shared/documents/model';
import type { StoredMeta } from './collection-sync';
import { writeFileAtomic } from '../storage/atomic-file';
import type { BlockRecord } from './reader-document';

export const COLLECTION_INDEX_FILE = 'collection-index.json';
export const COLLECTION_RECORDS_FILE = 'collection-records.ndjson';
const FORMAT = 3;

export interface IndexedDocument {
  readonly id: string;
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** Content hash of the file; '' when it could not be read. */
  readonly version: string;
  readonly paragraphCount: number;
  /** Why the file cannot be shown (then it is left out of the list and reported). */
  readonly error: string | null;
  /** A problem worth noting that still lets it be shown (e.g. no text at all). */
  readonly warning: string | null;
}

export interface CollectionIndex {
  readonly format: number;
  readonly key: string;
  /** Each valid manifest line's metadata, related pages resolved; same order as `documents`. */
  readonly metas: readonly StoredMeta[];
  readonly manifestProblems: readonly CollectionProblem[];
  readonly documents: readonly IndexedDocument[];
  /** Problems only a full build finds (files the manifest does not list). */
  readonly folderProblems: readonly CollectionProblem[];
}

export async function readCollectionIndex(dir: string, key: string): Promise<CollectionIndex | null> {
  try {
    const index = JSON.parse(await readFile(join(dir, COLLECTION_INDEX_FILE), 'utf8')) as CollectionIndex;
    return index.format === FORMAT &&
      index.key === key &&
      Array.isArray(index.documents) &&
      Array.isArray(index.metas) &&
      index.metas.length === index.documents.length
      ? index
      : null;
  } catch {
    return null;
  }
}

export async function writeCollectionIndex(
  dir: string,
  index: Omit<CollectionIndex, 'format'>,
  records: ReadonlyMap<string, readonly BlockRecord[]>,
): Promise<void> {
  const lines = [JSON.stringify({ format: FORMAT, key: index.key })];
  for (const d of index.documents) {
    const r = records.get(d.id);
    if (r) lines.push(JSON.stringify([d.id, d.version, r]));
  }
  // Records first: an index file never points at records that are not there yet.
  await writeFileAtomic(join(dir, COLLECTION_RECORDS_FILE), lines.join('\n') + '\n');
  await writeFileAtomic(join(dir, COLLECTION_INDEX_FILE), JSON.stringify({ format: FORMAT, ...index }));
}

/**
 * Reads the records of the documents in `wanted` (id → version); a line whose version differs
 * is skipped (the caller parses that document again). One read and one JSON value per line:
 * several times quicker than a line stream for a 45 MB file, and the file's text is dropped as
 * soon as the lines are parsed.
 */
export async function readCollectionRecords(
  dir: string,
  key: string,
  wanted: ReadonlyMap<string, string>,
): Promise<Map<string, readonly BlockRecord[]>> {
  const out = new Map<string, readonly BlockRecord[]>();
  const headings = new Map<string, string>();
  let text: string;
  try {
    text = await readFile(join(dir, COLLECTION_RECORDS_FILE), 'utf8');
  } catch {
    return out; // missing: the caller parses what it needs
  }
  try {
    let at = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, at)) as { format?: number; key?: string };
    if (header.format !== FORMAT || header.key !== key) return out;
    while (at >= 0 && at < text.length - 1) {
      const end = text.indexOf('\n', at + 1);
      const line = text.slice(at + 1, end < 0 ? text.length : end);
      at = end;
      if (!line) continue;
      const [id, version, records] = JSON.parse(line) as [string, string, BlockRecord[]];
      if (wanted.get(id) !== version) continue;
      // Many blocks stand under one heading: keep one copy of each heading's text.
      out.set(
        id,
        records.map(([n, heading, body]) => {
          if (heading === null) return [n, null, body] as const;
          const known = headings.get(heading);
          if (known === undefined) headings.set(heading, heading);
          return [n, known ?? heading, body] as const;
        }),
      );
    }
  } catch {
    // A broken line ends the reading; the caller parses the documents still missing.
  }
  return out;
}
