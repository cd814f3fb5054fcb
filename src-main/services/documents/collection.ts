// Owns opening a collection folder (manifest.ndjson + Markdown files): validates the manifest,
// checks every file against the prebuilt index (parsing only new or changed files, and every
// file on first use), lists documents from the manifest, and parses a document only when it
// is opened. Every problem is reported by file and line with a fix; none stops the others.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type {
  CollectionInfo,
  CollectionProblem,
  DocumentMeta,
  DocumentOrigin,
  DocumentSummary,
  ReaderDocument,
} from '../../shared/documents/model';
import { fail, ok, type Result } from '../../shared/result';
import type { ParagraphRecord } from '../search/engine';
import {
  readCollectionIndex,
  readCollectionRecords,
  writeCollectionIndex,
  type IndexedDocument,
} from './collection-index';
import {
  absoluteAddress,
  collectionAddresses,
  resolveCollectionLink,
  type CollectionAddresses,
} from './links';
import { MANIFEST_FILE, readManifest, type ManifestEntry } from './manifest';
import {
  blockRecords,
  decodeSource,
  paragraphCountOf,
  PARSER_VERSION,
  parseSource,
  readerDocument,
  versionOf,
  type BlockRecord,
} from './reader-document';

export interface CollectionOptions {
  /** Folders that may hold a prebuilt index (the app's resources); the first match is used. */
  readonly prebuiltDirs?: readonly string[];
  /** Where to store the index built on first use; null: build in memory only. */
  readonly cacheDir: string | null;
  readonly origin: DocumentOrigin;
  /** Opened documents kept parsed (most recently used). */
  readonly keepOpen?: number;
}

export interface Collection {
  readonly dir: string;
  readonly name: string;
  readonly problems: readonly CollectionProblem[];
  /** The folder the valid index is in (the search index is stored beside it), or null. */
  readonly indexDir: string | null;
  /** How the index was found, for the log. */
  readonly how: string;
  /** The data-folder slot for this collection's caches, or null. */
  readonly cacheDir: string | null;
  list(): DocumentSummary[];
  summary(id: string): DocumentSummary | undefined;
  get(id: string): Promise<Result<ReaderDocument>>;
  /** Every listed document parsed, in list order: for tests and benchmarks, never at start. */
  loadAll(): Promise<ReaderDocument[]>;
  /** Every citable block, for the search index, in list order. */
  searchRecords(): Promise<ParagraphRecord[]>;
  info(): CollectionInfo;
}

function fileProblem(
  file: string,
  id: string | null,
  message: string,
  severity: 'error' | 'warning' = 'error',
) {
  return { where: file, documentId: id, message, severity } satisfies CollectionProblem;
}

/** Markdown files under `dir` (relative, forward slashes), to find those the manifest misses. */
async function markdownFiles(dir: string): Promise<string[]> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return found
    .filter((e) => e.isFile() && /\.(md|markdown|txt)$/i.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

interface Parsed {
  readonly indexed: IndexedDocument;
  readonly records: readonly BlockRecord[];
}

async function parseFile(
  dir: string,
  entry: ManifestEntry,
  addresses: CollectionAddresses,
  size: number,
  mtimeMs: number,
): Promise<Parsed> {
  const base = { id: entry.id, file: entry.file, size, mtimeMs };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(dir, entry.file));
  } catch (e) {
    const message = `${entry.file} kunde inte läsas (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Lägg filen i samlingens mapp eller rätta sökvägen i manifestet.`;
    return {
      indexed: { ...base, version: '', paragraphCount: 0, error: message, warning: null },
      records: [],
    };
  }
  const source = decodeSource(bytes, entry.file);
  if (source instanceof Error)
    return {
      indexed: { ...base, version: '', paragraphCount: 0, error: source.message, warning: null },
      records: [],
    };
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

function metaOf(entry: ManifestEntry, addresses: CollectionAddresses, origin: DocumentOrigin): DocumentMeta {
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

/** Opens the collection in `dir`. Never throws: an unreadable folder is one problem. */
export async function openCollection(dir: string, options: CollectionOptions): Promise<Collection> {
  const name = basename(dir);
  let manifestBytes: Buffer;
  try {
    manifestBytes = await readFile(join(dir, MANIFEST_FILE));
  } catch (e) {
    const problem = fileProblem(
      MANIFEST_FILE,
      null,
      `Samlingen ${dir} saknar ${MANIFEST_FILE} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Lägg en manifestfil med en rad per dokument i mappen.`,
    );
    return createCollection({
      dir,
      name,
      entries: [],
      indexed: new Map(),
      problems: [problem],
      addresses: collectionAddresses([]),
      indexDir: null,
      how: 'ingen samling',
      options,
      records: async () => new Map(),
    });
  }
  const manifest = readManifest(manifestBytes.toString('utf8'));
  const addresses = collectionAddresses(manifest.entries);
  const key = createHash('sha256')
    .update(`lasaren-collection:${PARSER_VERSION}\n`)
    .update(manifestBytes)
    .digest('hex');

  const stats = await Promise.all(
    manifest.entries.map((e) =>
      stat(join(dir, e.file)).then(
        (s) => ({ size: s.size, mtimeMs: s.mtimeMs }),
        () => null,
      ),
    ),
  );
  let base: { dir: string; index: Awaited<ReturnType<typeof readCollectionIndex>> } | null = null;
  for (const candidate of [
    ...(options.prebuiltDirs ?? []),
    ...(options.cacheDir ? [options.cacheDir] : []),
  ]) {
    const index = await readCollectionIndex(candidate, key);
    if (index) {
      base = { dir: candidate, index };
      break;
    }
  }
  const previous = new Map((base?.index?.documents ?? []).map((d) => [d.id, d]));
  const indexed = new Map<string, IndexedDocument>();
  const reparsed = new Map<string, readonly BlockRecord[]>();
  let changed = base === null;
  for (const [i, entry] of manifest.entries.entries()) {
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
    const parsed = await parseFile(dir, entry, addresses, s?.size ?? -1, s?.mtimeMs ?? -1);
    indexed.set(entry.id, parsed.indexed);
    reparsed.set(entry.id, parsed.records);
    changed = true;
  }
  let folderProblems = base?.index?.problems ?? [];
  if (base === null) {
    const listed = new Set(manifest.entries.map((e) => e.file));
    folderProblems = (await markdownFiles(dir))
      .filter((f) => !listed.has(f) && f !== 'README.md')
      .map((f) =>
        fileProblem(
          f,
          null,
          `${f} finns i mappen men inte i ${MANIFEST_FILE} och visas inte. Lägg till en rad för den i manifestet eller ta bort filen.`,
          'warning',
        ),
      );
  }
  const readRecords = async (): Promise<Map<string, readonly BlockRecord[]>> => {
    const wanted = new Map<string, string>();
    for (const d of indexed.values())
      if (!reparsed.has(d.id) && d.error === null) wanted.set(d.id, d.version);
    const stored = base && wanted.size > 0 ? await readCollectionRecords(base.dir, key, wanted) : new Map();
    for (const [id, r] of reparsed) stored.set(id, r);
    // A record line missing from the file (never expected): parse that document again.
    for (const id of wanted.keys()) {
      if (stored.has(id)) continue;
      const entry = manifest.entries.find((e) => e.id === id);
      const d = indexed.get(id);
      if (entry && d) stored.set(id, (await parseFile(dir, entry, addresses, d.size, d.mtimeMs)).records);
    }
    return stored;
  };
  let indexDir = base?.dir ?? null;
  let how = base ? `Samlingens index lästes från ${base.dir}.` : 'Samlingens index byggdes i minnet.';
  if (changed && options.cacheDir) {
    try {
      const records = await readRecords();
      await mkdir(options.cacheDir, { recursive: true });
      await writeCollectionIndex(
        options.cacheDir,
        { key, documents: [...indexed.values()], problems: folderProblems },
        records,
      );
      indexDir = options.cacheDir;
      how = `Samlingens index ${base ? 'uppdaterades' : 'byggdes'} (${reparsed.size} dokument lästes) och sparades i ${options.cacheDir}.`;
    } catch (e) {
      how = `Samlingens index kunde inte sparas i ${options.cacheDir}: ${(e as Error).message}`;
    }
  } else if (changed) indexDir = null;
  const problems: CollectionProblem[] = [...manifest.problems, ...folderProblems];
  for (const d of indexed.values()) {
    if (d.error) problems.push(fileProblem(d.file, d.id, d.error));
    else if (d.warning) problems.push(fileProblem(d.file, d.id, d.warning, 'warning'));
  }
  return createCollection({
    dir,
    name,
    entries: manifest.entries,
    indexed,
    problems,
    addresses,
    indexDir,
    how,
    options,
    records: readRecords,
  });
}

interface CollectionParts {
  readonly dir: string;
  readonly name: string;
  readonly entries: readonly ManifestEntry[];
  readonly indexed: ReadonlyMap<string, IndexedDocument>;
  readonly problems: readonly CollectionProblem[];
  readonly addresses: CollectionAddresses;
  readonly indexDir: string | null;
  readonly how: string;
  readonly options: CollectionOptions;
  readonly records: () => Promise<Map<string, readonly BlockRecord[]>>;
}

function createCollection(parts: CollectionParts): Collection {
  const { dir, entries, indexed, addresses, options } = parts;
  const shown = entries.filter((e) => indexed.get(e.id)?.error === null);
  const summaries = shown.map((e): DocumentSummary => ({
    ...metaOf(e, addresses, options.origin),
    paragraphCount: indexed.get(e.id)?.paragraphCount ?? 0,
  }));
  const byId = new Map(summaries.map((s, i) => [s.id, { summary: s, entry: shown[i] as ManifestEntry }]));
  const open = new Map<string, ReaderDocument>();
  const keep = options.keepOpen ?? 8;

  async function load(id: string): Promise<Result<ReaderDocument>> {
    const found = byId.get(id);
    if (!found) return fail('not-found', `Dokumentet "${id}" finns inte i samlingen ${parts.name}.`);
    const cached = open.get(id);
    if (cached) {
      open.delete(id);
      open.set(id, cached);
      return ok(cached);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(dir, found.entry.file));
    } catch (e) {
      return fail(
        'io',
        `${found.entry.file} kunde inte läsas (${(e as Error).message}). Kontrollera att filen finns kvar i samlingens mapp.`,
      );
    }
    const source = decodeSource(bytes, found.entry.file);
    if (source instanceof Error) return fail('io', source.message);
    const parsed = parseSource(source, (href) => resolveCollectionLink(addresses, href, found.entry));
    const { paragraphCount: _count, ...meta } = found.summary;
    const doc = readerDocument(meta, parsed, versionOf(bytes));
    open.set(id, doc);
    if (open.size > keep) open.delete(open.keys().next().value as string);
    return ok(doc);
  }

  return {
    dir,
    name: parts.name,
    problems: parts.problems,
    indexDir: parts.indexDir,
    how: parts.how,
    cacheDir: options.cacheDir,
    list: () => summaries,
    summary: (id) => byId.get(id)?.summary,
    get: load,
    async loadAll() {
      const out: ReaderDocument[] = [];
      for (const s of summaries) {
        const doc = await load(s.id);
        if (doc.ok) out.push(doc.value);
      }
      return out;
    },
    async searchRecords() {
      const records = await parts.records();
      const out: ParagraphRecord[] = [];
      for (const s of summaries) {
        for (const [paragraph, heading, text] of records.get(s.id) ?? [])
          out.push({ documentId: s.id, title: s.title, paragraph, heading, text });
      }
      return out;
    },
    info: () => ({ name: parts.name, documentCount: summaries.length, problems: parts.problems }),
  };
}
