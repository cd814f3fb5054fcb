// Owns bringing a collection's index up to date with its files: which files are unchanged
// (same size and time, or same content hash after a copy), which must be parsed again, and
// which Markdown files the manifest does not list. Also what a document's list entry says
// (its metadata with related pages resolved). Used at open and by the background check.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FileIssue, ProblemIssue, StoredProblem } from '../../shared/documents/collection-problem';
import type { DocumentMeta } from '../../shared/documents/model';
import type { IndexedDocument } from './collection-index';
import { absoluteAddress, resolveCollectionLink, type CollectionAddresses } from './links';
import type { ManifestEntry } from './manifest';

/** What the loader needs of a document to find, check and parse its file. */
export interface DocumentRef {
  readonly id: string;
  readonly file: string;
  readonly url: string | null;
}

/** A document's metadata as the index keeps it: everything but where the app got it from. */
export type StoredMeta = Omit<DocumentMeta, 'origin'>;
import {
  blockRecords,
  decodeSource,
  paragraphCountOf,
  parseSource,
  versionOf,
  type BlockRecord,
} from './reader-document';

/** A problem with a document's file (not a manifest line). */
export function fileProblem(
  file: string,
  id: string | null,
  issue: ProblemIssue,
  severity: StoredProblem['severity'] = 'error',
): StoredProblem {
  return { ...issue, file, line: null, documentId: id, severity } as StoredProblem;
}

/** Markdown files the manifest does not list, each as a warning with a fix. */
export async function unlistedFiles(dir: string, entries: readonly DocumentRef[]): Promise<StoredProblem[]> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const listed = new Set(entries.map((e) => e.file));
  return found
    .filter((e) => e.isFile() && /\.(md|markdown|txt)$/i.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => !listed.has(f) && f !== 'README.md')
    .sort()
    .map((f) => fileProblem(f, null, { code: 'unlisted', details: {} }, 'warning'));
}

export interface Parsed {
  readonly indexed: IndexedDocument;
  readonly records: readonly BlockRecord[];
}

export async function parseFile(
  dir: string,
  entry: DocumentRef,
  addresses: CollectionAddresses,
  size: number,
  mtimeMs: number,
): Promise<Parsed> {
  const base = { id: entry.id, file: entry.file, size, mtimeMs };
  const broken = (error: FileIssue): Parsed => ({
    indexed: { ...base, version: '', paragraphCount: 0, error, warning: null },
    records: [],
  });
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(dir, entry.file));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return broken({ code: 'unreadable', details: { reason } });
  }
  const source = decodeSource(bytes);
  if (typeof source !== 'string') return broken(source);
  const parsed = parseSource(source, (href) => resolveCollectionLink(addresses, href, entry));
  const warning: FileIssue | null = parsed.blocks.length === 0 ? { code: 'no-text', details: {} } : null;
  return {
    indexed: {
      ...base,
      version: versionOf(bytes),
      paragraphCount: paragraphCountOf(parsed.blocks),
      error: null,
      warning,
    },
    records: blockRecords(parsed.blocks),
  };
}

export interface Reconciled {
  readonly indexed: Map<string, IndexedDocument>;
  /** Records of the documents parsed now (new or changed files). */
  readonly reparsed: Map<string, readonly BlockRecord[]>;
  /** True when the index must be written again. */
  readonly changed: boolean;
}

/** Checks every listed file against the previous index; parses only what changed. */
export async function reconcile(
  dir: string,
  entries: readonly DocumentRef[],
  previous: ReadonlyMap<string, IndexedDocument>,
  addresses: () => CollectionAddresses,
): Promise<Reconciled> {
  const stats = await Promise.all(
    entries.map((e) =>
      stat(join(dir, e.file)).then(
        (s) => ({ size: s.size, mtimeMs: s.mtimeMs }),
        () => null,
      ),
    ),
  );
  const indexed = new Map<string, IndexedDocument>();
  const reparsed = new Map<string, readonly BlockRecord[]>();
  let changed = previous.size === 0;
  for (const [i, entry] of entries.entries()) {
    const s = stats[i];
    const before = previous.get(entry.id);
    if (before && s && before.file === entry.file && before.size === s.size) {
      if (before.mtimeMs === s.mtimeMs) {
        indexed.set(entry.id, before);
        continue;
      }
      // Copied or installed files get new times: the content decides.
      const bytes = await readFile(join(dir, entry.file)).catch(() => null);
      if (bytes && versionOf(bytes) === before.version) {
        indexed.set(entry.id, { ...before, mtimeMs: s.mtimeMs });
        changed = true;
        continue;
      }
    }
    if (before && !s && before.error !== null && before.size === -1) {
      indexed.set(entry.id, before); // still missing: reported from the index, nothing to write
      continue;
    }
    const parsed = await parseFile(dir, entry, addresses(), s?.size ?? -1, s?.mtimeMs ?? -1);
    indexed.set(entry.id, parsed.indexed);
    reparsed.set(entry.id, parsed.records);
    changed = true;
  }
  return { indexed, reparsed, changed };
}

/** A document's metadata for the list: related pages in the collection become ids. */
export function metaOf(entry: ManifestEntry, addresses: CollectionAddresses): StoredMeta {
  const related: string[] = [];
  const relatedLinks: string[] = [];
  for (const href of entry.related) {
    const target = resolveCollectionLink(addresses, href, entry);
    if (target && target.documentId !== entry.id) {
      if (!related.includes(target.documentId)) related.push(target.documentId);
      continue;
    }
    const absolute = absoluteAddress(href, entry.url);
    if (absolute && !relatedLinks.includes(absolute)) relatedLinks.push(absolute);
  }
  return {
    id: entry.id,
    title: entry.title,
    designation: entry.designation,
    type: entry.type,
    published: entry.published,
    publisher: entry.publisher,
    author: entry.author,
    url: entry.url,
    summary: entry.summary,
    related,
    relatedLinks,
    language: entry.language,
  };
}
