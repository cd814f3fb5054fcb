// Owns a collection's prebuilt index: the validated manifest (so a start does not validate
// 36,000 lines again) and what needs the Markdown parsed (each document's version, size,
// count of citable blocks, a broken file's problem) in `collection-index.json`, and the
// searchable block texts in `collection-records.ndjson` (one line per document), so that a
// start reads two files instead of parsing every document. Both are keyed by a hash of the
// manifest and the parser version; each file is checked by size, time and, when in doubt,
// its content hash.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CollectionProblem } from '../../shared/documents/model';
import type { ManifestEntry } from './manifest';
import { writeFileAtomic } from '../storage/atomic-file';
import type { BlockRecord } from './reader-document';

export const COLLECTION_INDEX_FILE = 'collection-index.json';
export const COLLECTION_RECORDS_FILE = 'collection-records.ndjson';
const FORMAT = 2;

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
  /** The manifest's valid lines and its problems, as `readManifest` gave them. */
  readonly entries: readonly ManifestEntry[];
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
      Array.isArray(index.entries)
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
 * is skipped (the caller parses that document again). Streams, so the file's text is never
 * held whole.
 */
export async function readCollectionRecords(
  dir: string,
  key: string,
  wanted: ReadonlyMap<string, string>,
): Promise<Map<string, readonly BlockRecord[]>> {
  const out = new Map<string, readonly BlockRecord[]>();
  let stream;
  try {
    stream = createReadStream(join(dir, COLLECTION_RECORDS_FILE), { encoding: 'utf8' });
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let first = true;
    for await (const line of lines) {
      if (first) {
        first = false;
        const header = JSON.parse(line) as { format?: number; key?: string };
        if (header.format !== FORMAT || header.key !== key) break;
        continue;
      }
      if (!line) continue;
      const [id, version, records] = JSON.parse(line) as [string, string, BlockRecord[]];
      if (wanted.get(id) === version) out.set(id, records);
    }
  } catch {
    // A missing or broken records file: the caller parses what is missing.
  } finally {
    stream?.destroy();
  }
  return out;
}
