// Owns a collection's prebuilt index: the validated manifest with related pages resolved (so a
// start neither validates 36,000 lines again nor resolves their links) and what needs the Markdown parsed (each document's version, size,
// count of citable blocks, a broken file's problem) in `collection-index.json`, written after
// the searchable blocks (collection-records.ts), so that a start reads two files instead of
// parsing every document, and holds none of the texts. Both are keyed by a hash of the
// manifest and the parser version; each file is checked by size, time and, when in doubt,
// its content hash.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileIssue, StoredProblem } from '../../shared/documents/collection-problem';
import type { StoredMeta } from './collection-sync';
import { writeFileAtomic } from '../storage/atomic-file';
import { writeRecordsFile, type BlockText } from './collection-records';

export const COLLECTION_INDEX_FILE = 'collection-index.json';
/** 6: problems stored as a code and details (sentences composed in both languages when read). */
const FORMAT = 6;

export interface IndexedDocument {
  readonly id: string;
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** Content hash of the file; '' when it could not be read. */
  readonly version: string;
  readonly paragraphCount: number;
  /** Why the file cannot be shown (then it is left out of the list and reported). */
  readonly error: FileIssue | null;
  /** A problem worth noting that still lets it be shown (e.g. no text at all). */
  readonly warning: FileIssue | null;
}

export interface CollectionIndex {
  readonly format: number;
  readonly key: string;
  /** Each valid manifest line's metadata, related pages resolved; same order as `documents`. */
  readonly metas: readonly StoredMeta[];
  readonly manifestProblems: readonly StoredProblem[];
  readonly documents: readonly IndexedDocument[];
  /** Problems only a full build finds (files the manifest does not list). */
  readonly folderProblems: readonly StoredProblem[];
}

/** Fields whose values repeat across a collection ("Regeringskansliet", "Proposition", a date). */
const REPEATED = ['type', 'published', 'publisher', 'author', 'language'] as const;

/**
 * One string for each repeated value: JSON.parse makes a copy per document (4 MB of
 * duplicates at regeringen.se scale).
 */
function shareRepeatedValues(metas: readonly StoredMeta[]): void {
  const seen = new Map<string, string>();
  for (const meta of metas) {
    const writable = meta as Record<(typeof REPEATED)[number], string | null>;
    for (const field of REPEATED) {
      const value = writable[field];
      if (typeof value !== 'string') continue;
      const known = seen.get(value);
      if (known === undefined) seen.set(value, value);
      else writable[field] = known;
    }
  }
}

export async function readCollectionIndex(dir: string, key: string): Promise<CollectionIndex | null> {
  try {
    const index = JSON.parse(await readFile(join(dir, COLLECTION_INDEX_FILE), 'utf8')) as CollectionIndex;
    const valid =
      index.format === FORMAT &&
      index.key === key &&
      Array.isArray(index.documents) &&
      Array.isArray(index.metas) &&
      index.metas.length === index.documents.length;
    if (!valid) return null;
    // One copy of each id (JSON.parse made two): 2.5 MB at regeringen.se scale.
    index.documents.forEach((d, i) => {
      const id = index.metas[i]?.id;
      if (id !== undefined && id === d.id) (d as { id: string }).id = id;
    });
    shareRepeatedValues(index.metas);
    return index;
  } catch {
    return null;
  }
}

/**
 * Writes the records file (collection-records.ts), then the index: an index file never points
 * at records that are not there yet.
 */
export async function writeCollectionIndex(
  dir: string,
  index: Omit<CollectionIndex, 'format'>,
  blocksOf: (id: string) => readonly BlockText[] | null,
): Promise<void> {
  await writeRecordsFile(dir, index.key, index.documents, blocksOf);
  await writeFileAtomic(join(dir, COLLECTION_INDEX_FILE), JSON.stringify({ format: FORMAT, ...index }));
}
