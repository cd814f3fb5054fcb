// Owns opening a collection folder (manifest.ndjson + Markdown files): the list comes from the
// manifest (validated once and kept in the prebuilt index), a document is parsed only when it
// is opened, and the search records come from the index, so a start parses no Markdown. Files
// are checked against the index at open, or in the background for large collections. Every
// problem is reported by file and line with a fix; none stops the other documents.
import { createHash, type Hash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type {
  CollectionInfo,
  CollectionProblem,
  DocumentOrigin,
  DocumentSummary,
  ReaderDocument,
} from '../../shared/documents/model';
import { documentLabel } from '../../shared/documents/citation';
import type { StoredProblem } from '../../shared/documents/collection-problem';
import { fail, ok, type Result } from '../../shared/result';
import { documentRecord, type ParagraphRecord } from '../search/engine';
import { stampRecords } from '../search/index-file';
import {
  readCollectionIndex,
  writeCollectionIndex,
  type CollectionIndex,
  type IndexedDocument,
} from './collection-index';
import { readRecordsFile, type StoredRecords } from './collection-records';
import {
  fileProblem,
  metaOf,
  parseFile,
  reconcile,
  unlistedFiles,
  type DocumentRef,
  type StoredMeta,
} from './collection-sync';
import { collectionAddresses, resolveCollectionLink, type CollectionAddresses } from './links';
import { MANIFEST_FILE, readManifest } from './manifest';
import { describeProblem, problemSentence } from './problem-text';
import {
  decodeSource,
  PARSER_VERSION,
  parseSource,
  readerDocument,
  versionOf,
  type BlockRecord,
} from './reader-document';

/** Above this many documents, files are checked after the app is ready instead of before. */
export const CHECK_AT_OPEN_LIMIT = 2_000;
/**
 * The background check (a stat of every file: ~0.8 s of CPU at 36,000 documents) starts when
 * someone asks for its result (`checked`; the search service does once its index is loaded),
 * so it does not compete with getting ready on a machine with few cores; at the latest this
 * long after opening.
 */
const CHECK_AT_THE_LATEST_MS = 10_000;

export interface CollectionOptions {
  /** Folders that may hold a prebuilt index (the app's resources); the first match is used. */
  readonly prebuiltDirs?: readonly string[];
  /** Where to store the index built on first use; null: build in memory only. */
  readonly cacheDir: string | null;
  readonly origin: DocumentOrigin;
  /** Opened documents kept parsed (most recently used). */
  readonly keepOpen?: number;
  /** Check files against the index before returning (default: only for small collections). */
  readonly checkAtOpen?: boolean;
}

export interface Collection {
  readonly dir: string;
  readonly name: string;
  readonly problems: readonly CollectionProblem[];
  /** The folder the valid index is in (the search index is stored beside it), or null. */
  readonly indexDir: string | null;
  /** How the index was found, for the log. */
  readonly how: string;
  /** Resolves when every file has been checked against the index; what was found, for the log. */
  readonly checked: Promise<string>;
  /** The data-folder slot for this collection's caches, or null. */
  readonly cacheDir: string | null;
  list(): DocumentSummary[];
  summary(id: string): DocumentSummary | undefined;
  get(id: string): Promise<Result<ReaderDocument>>;
  /** Every listed document parsed, in list order: for tests and benchmarks, never at start. */
  loadAll(): Promise<ReaderDocument[]>;
  /** Every citable block, for the search index, in list order. */
  searchRecords(): Promise<ParagraphRecord[]>;
  /** Resolves when the last searchRecords' stored texts are in memory (read in the background). */
  textsLoaded(): Promise<void>;
  info(): CollectionInfo;
}

/** What the collection knows at a moment; replaced whole when the background check finds changes. */
interface State {
  readonly indexed: ReadonlyMap<string, IndexedDocument>;
  readonly summaries: readonly DocumentSummary[];
  readonly byId: ReadonlyMap<string, { summary: DocumentSummary; entry: DocumentRef }>;
  readonly problems: readonly CollectionProblem[];
  /** Records parsed since the index was read (new or changed files). */
  readonly fresh: ReadonlyMap<string, readonly BlockRecord[]>;
}

interface Setting {
  readonly dir: string;
  readonly key: string;
  /** The manifest's valid lines, in order, and their metadata (same order). */
  readonly refs: readonly DocumentRef[];
  readonly metas: readonly StoredMeta[];
  readonly manifestProblems: readonly StoredProblem[];
  readonly folderProblems: readonly StoredProblem[];
  /** Where each page and file of the collection is: built on first need, not at start. */
  readonly addresses: () => CollectionAddresses;
  readonly options: CollectionOptions;
  /** Where stored records can be read, or null. */
  recordsDir: string | null;
}

function stateOf(
  setting: Setting,
  indexed: ReadonlyMap<string, IndexedDocument>,
  fresh: ReadonlyMap<string, readonly BlockRecord[]>,
): State {
  const { refs, metas, options } = setting;
  const summaries: DocumentSummary[] = [];
  const byId = new Map<string, { summary: DocumentSummary; entry: DocumentRef }>();
  refs.forEach((ref, i) => {
    const d = indexed.get(ref.id);
    const meta = metas[i];
    if (!d || d.error !== null || !meta) return;
    // The stored metadata object becomes the summary (no copy of 36,000 objects at start).
    const summary: DocumentSummary = Object.assign(meta, {
      origin: options.origin,
      paragraphCount: d.paragraphCount,
    });
    summaries.push(summary);
    byId.set(ref.id, { summary, entry: ref });
  });
  const stored: StoredProblem[] = [...setting.manifestProblems, ...setting.folderProblems];
  for (const d of indexed.values()) {
    if (d.error) stored.push(fileProblem(d.file, d.id, d.error));
    else if (d.warning) stored.push(fileProblem(d.file, d.id, d.warning, 'warning'));
  }
  // Stored as codes; said in both languages for the log and the renderer.
  const problems = stored.map(describeProblem);
  return { indexed, summaries, byId, problems, fresh };
}

/** The blocks of every readable document: stored ones (typed arrays), and parsed ones. */
interface Records {
  readonly stored: StoredRecords | null;
  /** Fresh ones (parsed since the index was read) and any the records file lacked, parsed now. */
  readonly parsed: ReadonlyMap<string, readonly BlockRecord[]>;
}

async function allRecords(setting: Setting, state: State): Promise<Records> {
  const wanted = new Map<string, string>();
  for (const d of state.indexed.values())
    if (!state.fresh.has(d.id) && d.error === null) wanted.set(d.id, d.version);
  const stored =
    setting.recordsDir && wanted.size > 0 ? readRecordsFile(setting.recordsDir, setting.key, wanted) : null;
  const parsed = new Map(state.fresh);
  for (const id of wanted.keys()) {
    if (stored && stored.doc(id) >= 0) continue;
    const entry = state.byId.get(id)?.entry;
    const d = state.indexed.get(id);
    if (entry && d)
      parsed.set(id, (await parseFile(setting.dir, entry, setting.addresses(), d.size, d.mtimeMs)).records);
  }
  return { stored, parsed };
}

async function store(setting: Setting, state: State): Promise<string | null> {
  const cacheDir = setting.options.cacheDir;
  if (!cacheDir) return null;
  const { stored, parsed } = await allRecords(setting, state);
  await mkdir(cacheDir, { recursive: true });
  await writeCollectionIndex(
    cacheDir,
    {
      key: setting.key,
      // As read from the manifest: what the list adds (stateOf) is not stored.
      metas: setting.metas.map((m) => {
        const {
          origin: _origin,
          paragraphCount: _count,
          ...meta
        } = m as Partial<DocumentSummary> & StoredMeta;
        return meta;
      }),
      manifestProblems: setting.manifestProblems,
      documents: [...state.indexed.values()],
      folderProblems: setting.folderProblems,
    },
    (id) => parsed.get(id) ?? stored?.blocks(id) ?? null,
  );
  setting.recordsDir = cacheDir;
  return cacheDir;
}

async function findIndex(
  options: CollectionOptions,
  key: string,
): Promise<{ dir: string; index: CollectionIndex } | null> {
  // The data folder's copy first: for the same manifest it is at least as current, and it has
  // this machine's file times (an installer's copies would be hashed again at every start).
  for (const dir of [...(options.cacheDir ? [options.cacheDir] : []), ...(options.prebuiltDirs ?? [])]) {
    const index = await readCollectionIndex(dir, key);
    if (index) return { dir, index };
  }
  return null;
}

/** What the records of one searchRecords call share: the stored blocks and the documents. */
interface RecordSet {
  readonly stored: StoredRecords;
  readonly summaries: readonly DocumentSummary[];
  /** Each document's version (same order as summaries). */
  readonly versions: readonly string[];
}

/**
 * A searchable block of the collection, as a view of the stored columns (three fields, where
 * 192,000 records at regeringen.se scale each held their own strings): its text stays in the
 * records file until a hit shows it (or an index is built), so the app never holds the texts.
 */
class StoredBlockRecord implements ParagraphRecord {
  readonly #set: RecordSet;
  readonly #slot: number;
  readonly #block: number;

  constructor(set: RecordSet, slot: number, block: number) {
    this.#set = set;
    this.#slot = slot;
    this.#block = block;
  }

  get documentId(): string {
    return (this.#set.summaries[this.#slot] as DocumentSummary).id;
  }

  /** Hits name the document as everywhere else: designation first. */
  get title(): string {
    return documentLabel(this.#set.summaries[this.#slot] as DocumentSummary);
  }

  get paragraph(): number {
    return this.#set.stored.number(this.#block);
  }

  get heading(): string | null {
    return this.#set.stored.heading(this.#block);
  }

  get text(): string {
    return this.#set.stored.text(this.#block);
  }

  /** The document's version stands for its texts in the search index's content hash. */
  get textKey(): string {
    return `${PARSER_VERSION}:${this.#set.versions[this.#slot] ?? ''}`;
  }

  /** As a plain record, text included (JSON; a worker gets the same through build.ts). */
  toJSON(): ParagraphRecord {
    const { documentId, title, paragraph, heading, textKey, text } = this;
    return { documentId, title, paragraph, heading, textKey, text };
  }
}

/** The entry for a stored document's title and designation (documentRecord), as a view. */
class StoredTitleRecord implements ParagraphRecord {
  readonly #set: RecordSet;
  readonly #slot: number;
  readonly #first: number;

  constructor(set: RecordSet, slot: number, first: number) {
    this.#set = set;
    this.#slot = slot;
    this.#first = first;
  }

  #record(): ParagraphRecord {
    const s = this.#set.summaries[this.#slot] as DocumentSummary;
    return documentRecord({
      documentId: s.id,
      title: s.title,
      designation: s.designation,
      firstParagraph: this.#first,
    });
  }

  get documentId(): string {
    return (this.#set.summaries[this.#slot] as DocumentSummary).id;
  }

  get title(): string {
    return documentLabel(this.#set.summaries[this.#slot] as DocumentSummary);
  }

  get paragraph(): number {
    return this.#first;
  }

  get heading(): null {
    return null;
  }

  get text(): string {
    return this.#record().text;
  }

  get kind(): 'document' {
    return 'document';
  }

  toJSON(): ParagraphRecord {
    return { ...this.#record(), title: this.title };
  }
}

/** A sha-256 fed in pieces of some 16,000 characters (one update per line cost more than hashing). */
class Stamp {
  readonly #hash: Hash = createHash('sha256');
  #piece = '';

  add(line: string): void {
    this.#piece += line;
    if (this.#piece.length > 16_384) {
      this.#hash.update(this.#piece);
      this.#piece = '';
    }
  }

  digest(): string {
    return this.#hash.update(this.#piece).digest('hex');
  }
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Opens the collection in `dir`. Never throws: an unreadable folder is one problem. */
export async function openCollection(dir: string, options: CollectionOptions): Promise<Collection> {
  let manifestBytes: Buffer;
  try {
    manifestBytes = await readFile(join(dir, MANIFEST_FILE));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    const problem = fileProblem(MANIFEST_FILE, null, {
      code: 'no-manifest',
      details: { folder: dir, reason },
    });
    const setting: Setting = {
      dir,
      key: '',
      refs: [],
      metas: [],
      manifestProblems: [problem],
      folderProblems: [],
      addresses: () => collectionAddresses([]),
      options,
      recordsDir: null,
    };
    return createCollection(
      setting,
      stateOf(setting, new Map(), new Map()),
      null,
      'ingen samling',
      Promise.resolve(''),
    );
  }
  const key = createHash('sha256')
    .update(`lasaren-collection:${PARSER_VERSION}\n`)
    .update(manifestBytes)
    .digest('hex');
  const base = await findIndex(options, key);
  let setting: Setting;
  if (base) {
    // From the index: no manifest validation, no link resolution at start.
    const { documents, metas } = base.index;
    const refs = documents.map((d, i) => ({ id: d.id, file: d.file, url: metas[i]?.url ?? null }));
    setting = {
      dir,
      key,
      refs,
      metas,
      manifestProblems: base.index.manifestProblems,
      folderProblems: base.index.folderProblems,
      addresses: once(() => collectionAddresses(refs)),
      options,
      recordsDir: base.dir,
    };
  } else {
    // First use: validate the manifest, resolve related pages, look for unlisted files.
    const manifest = readManifest(manifestBytes.toString('utf8'));
    const addresses = collectionAddresses(manifest.entries);
    setting = {
      dir,
      key,
      refs: manifest.entries,
      metas: manifest.entries.map((e) => metaOf(e, addresses)),
      manifestProblems: manifest.problems,
      folderProblems: await unlistedFiles(dir, manifest.entries),
      addresses: () => addresses,
      options,
      recordsDir: null,
    };
  }
  const previous = new Map((base?.index.documents ?? []).map((d) => [d.id, d]));
  const checkNow = options.checkAtOpen ?? (!base || setting.refs.length <= CHECK_AT_OPEN_LIMIT);

  if (!checkNow && base) {
    // Ready now from the index; the files are checked after the app is ready to search.
    const state = stateOf(setting, previous, new Map());
    const how = `Samlingens index lästes från ${base.dir}; filerna kontrolleras i bakgrunden.`;
    let collection: ReturnType<typeof createCollection> | null = null;
    let start: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (start = resolve));
    const latest = setTimeout(start, CHECK_AT_THE_LATEST_MS);
    latest.unref();
    const checked = started.then(async () => {
      clearTimeout(latest);
      const found = await reconcile(dir, setting.refs, previous, setting.addresses);
      if (!found.changed) return 'Samlingens filer är oförändrade.';
      const next = stateOf(setting, found.indexed, found.reparsed);
      collection?.replace(next);
      const where = await store(setting, next).catch(() => null);
      return `${found.reparsed.size} dokument i samlingen har ändrats och lästes om${where ? `; indexet sparades i ${where}` : ''}.`;
    });
    collection = createCollection(setting, state, base.dir, how, checked, start);
    return collection;
  }

  const found = await reconcile(dir, setting.refs, previous, setting.addresses);
  const state = stateOf(setting, found.indexed, found.reparsed);
  let indexDir: string | null = base?.dir ?? null;
  let how = base ? `Samlingens index lästes från ${base.dir}.` : 'Samlingens index byggdes i minnet.';
  if (found.changed) {
    try {
      indexDir = await store(setting, state);
      if (indexDir)
        how = `Samlingens index ${base ? 'uppdaterades' : 'byggdes'} (${found.reparsed.size} dokument lästes) och sparades i ${indexDir}.`;
    } catch (e) {
      indexDir = null;
      how = `Samlingens index kunde inte sparas i ${options.cacheDir}: ${(e as Error).message}`;
    }
  }
  return createCollection(
    setting,
    state,
    indexDir,
    how,
    Promise.resolve('Samlingens filer kontrollerades vid start.'),
  );
}

function createCollection(
  setting: Setting,
  initial: State,
  indexDir: string | null,
  how: string,
  checked: Promise<string>,
  startCheck: (() => void) | null = null,
): Collection & { replace(next: State): void } {
  let state = initial;
  const open = new Map<string, ReaderDocument>();
  let texts: Promise<void> = Promise.resolve();
  const keep = setting.options.keepOpen ?? 8;
  const name = basename(setting.dir);

  async function load(id: string): Promise<Result<ReaderDocument>> {
    const found = state.byId.get(id);
    if (!found)
      return fail(
        'not-found',
        `Dokumentet "${id}" finns inte i biblioteket.`,
        `The document "${id}" is not in the library.`,
      );
    const cached = open.get(id);
    if (cached) {
      open.delete(id);
      open.set(id, cached);
      return ok(cached);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(setting.dir, found.entry.file));
    } catch (e) {
      const why = (e as Error).message;
      return fail(
        'io',
        `${found.entry.file} kunde inte läsas (${why}). Kontrollera att filen finns kvar i samlingens mapp.`,
        `${found.entry.file} could not be read (${why}). Check that the file is still in the collection's folder.`,
      );
    }
    const source = decodeSource(bytes);
    if (typeof source !== 'string') {
      const said = problemSentence(fileProblem(found.entry.file, id, source));
      return fail('io', said.sv, said.en);
    }
    const parsed = parseSource(source, (href) =>
      resolveCollectionLink(setting.addresses(), href, found.entry),
    );
    const { paragraphCount: _count, ...meta } = found.summary;
    const doc = readerDocument(meta, parsed, versionOf(bytes));
    open.set(id, doc);
    if (open.size > keep) open.delete(open.keys().next().value as string);
    return ok(doc);
  }

  return {
    dir: setting.dir,
    name,
    get problems() {
      return state.problems;
    },
    indexDir,
    how,
    get checked() {
      startCheck?.();
      return checked;
    },
    cacheDir: setting.options.cacheDir,
    list: () => state.summaries as DocumentSummary[],
    summary: (id) => state.byId.get(id)?.summary,
    get: load,
    async loadAll() {
      const out: ReaderDocument[] = [];
      for (const s of state.summaries) {
        const doc = await load(s.id);
        if (doc.ok) out.push(doc.value);
      }
      return out;
    },
    textsLoaded: () => texts,
    async searchRecords() {
      const now = state;
      const { stored, parsed } = await allRecords(setting, now);
      const summaries = now.summaries;
      const versions = summaries.map((s) => now.indexed.get(s.id)?.version ?? '');
      const set: RecordSet | null = stored ? { stored, summaries, versions } : null;
      // Search shows texts of hits from memory once this is in (meanwhile from the file).
      texts = stored?.loadTexts() ?? Promise.resolve();
      const out: ParagraphRecord[] = [];
      // Each document's blocks follow from its version (as textKey says): the search index's
      // content hash takes these lines instead of 192,000 records (index-file.ts).
      const stamp = new Stamp();
      summaries.forEach((s, slot) => {
        const label = documentLabel(s);
        const version = versions[slot] as string;
        stamp.add(`${s.id}\u0000${s.title}\u0000${s.designation ?? ''}\u0000${label}\u0000${version}\n`);
        const blocks = parsed.get(s.id);
        const doc = blocks || !set ? -1 : set.stored.doc(s.id);
        if (set && doc >= 0) {
          const from = set.stored.first(doc);
          const to = set.stored.first(doc + 1);
          // One record for the title and designation, so "sou 2026:9" finds the document.
          out.push(new StoredTitleRecord(set, slot, to > from ? set.stored.number(from) : 1));
          for (let k = from; k < to; k++) out.push(new StoredBlockRecord(set, slot, k));
          return;
        }
        const info = { documentId: s.id, title: s.title, designation: s.designation };
        out.push({ ...documentRecord({ ...info, firstParagraph: blocks?.[0]?.[0] ?? 1 }), title: label });
        const textKey = `${PARSER_VERSION}:${version}`;
        for (const [paragraph, heading, text] of blocks ?? [])
          out.push({ documentId: s.id, title: label, paragraph, heading, textKey, text });
      });
      stampRecords(out, `${PARSER_VERSION}:${stamp.digest()}`);
      return out;
    },
    info: () => ({ name, documentCount: state.summaries.length, problems: state.problems }),
    replace(next) {
      state = next;
      open.clear();
    },
  };
}
