// Owns bringing a collection's index up to date with its files: which files are unchanged
// (same size and time, or same content hash after a copy), which must be parsed again, and
// which Markdown files the manifest does not list. Also what a document's list entry says
// (its metadata with related pages resolved). Used at open and by the background check.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { CollectionProblem, DocumentMeta, DocumentOrigin } from '../../shared/documents/model';
import type { IndexedDocument } from './collection-index';
import { absoluteAddress, resolveCollectionLink, type CollectionAddresses } from './links';
import { MANIFEST_FILE, type ManifestEntry } from './manifest';
import {
  blockRecords,
  decodeSource,
  paragraphCountOf,
  parseSource,
  versionOf,
  type BlockRecord,
} from './reader-document';

export function fileProblem(
  file: string,
  id: string | null,
  message: string,
  severity: CollectionProblem['severity'] = 'error',
): CollectionProblem {
  return { where: file, documentId: id, message, severity };
}

/** Markdown files the manifest does not list, each as a warning with a fix. */
export async function unlistedFiles(
  dir: string,
  entries: readonly ManifestEntry[],
): Promise<CollectionProblem[]> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const listed = new Set(entries.map((e) => e.file));
  return found
    .filter((e) => e.isFile() && /\.(md|markdown|txt)$/i.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => !listed.has(f) && f !== 'README.md')
    .sort()
    .map((f) =>
      fileProblem(
        f,
        null,
        `${f} finns i mappen men inte i ${MANIFEST_FILE} och visas inte. Lägg till en rad för den i manifestet eller ta bort filen.`,
        'warning',
      ),
    );
}

export interface Parsed {
  readonly indexed: IndexedDocument;
  readonly records: readonly BlockRecord[];
}

export async function parseFile(
  dir: string,
  entry: ManifestEntry,
  addresses: CollectionAddresses,
  size: number,
  mtimeMs: number,
): Promise<Parsed> {
  const base = { id: entry.id, file: entry.file, size, mtimeMs };
  const broken = (error: string): Parsed => ({
    indexed: { ...base, version: '', paragraphCount: 0, error, warning: null },
    records: [],
  });
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(dir, entry.file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return broken(
      `${entry.file} kunde inte läsas (${code}). Lägg filen i samlingens mapp eller rätta sökvägen i manifestet.`,
    );
  }
  const source = decodeSource(bytes, entry.file);
  if (source instanceof Error) return broken(source.message);
  const parsed = parseSource(source, (href) => resolveCollectionLink(addresses, href, entry));
  const warning =
    parsed.blocks.length === 0
      ? `${entry.file} innehåller ingen text. Kontrollera att det är rätt fil.`
      : null;
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
  entries: readonly ManifestEntry[],
  previous: ReadonlyMap<string, IndexedDocument>,
  addresses: CollectionAddresses,
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
    const parsed = await parseFile(dir, entry, addresses, s?.size ?? -1, s?.mtimeMs ?? -1);
    indexed.set(entry.id, parsed.indexed);
    reparsed.set(entry.id, parsed.records);
    changed = true;
  }
  return { indexed, reparsed, changed };
}

/** A document's metadata for the list: related pages in the collection become ids. */
export function metaOf(
  entry: ManifestEntry,
  addresses: CollectionAddresses,
  origin: DocumentOrigin,
): DocumentMeta {
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
    origin,
  };
}
