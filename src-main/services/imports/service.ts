// Owns the user's own documents: adding a file (parsed off the main thread, the original kept
// in <data>/imported/, the parsed document and its metadata in the database's documents
// table — all or nothing), listing, reading, editing metadata and removing them, and telling
// the search index about each change. Imports nothing from electron.
import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type {
  DocumentMeta,
  DocumentSummary,
  ParsedDocument,
  ReaderDocument,
  SourceFormat,
} from '../../shared/documents/model';
import type { ImportFileOutcome, ImportProgress } from '../../shared/documents/imports';
import { fail, ok, type Result } from '../../shared/result';
import type { FileFormat } from '../documents/detect';
import type { ParseOutcome } from '../documents/import-parse';
import { parseInWorker } from '../documents/import-worker';
import { splitDesignation } from './designation';
import { MAX_FILE_BYTES, problems } from '../documents/limits';
import { readerDocument } from '../documents/reader-document';
import { writeFileAtomic } from '../storage/atomic-file';
import { DocumentRepository } from '../store/documents';
import type { UserDatabase } from '../store/database';

export type Parser = (
  bytes: Uint8Array,
  fileName: string,
  onProgress: (done: number, total: number) => void,
) => Promise<ParseOutcome>;

export interface ImportListener {
  /** Awaited before the import resolves: the document is searchable when the user hears it was added. */
  added(doc: ReaderDocument): Promise<void> | void;
  removed(id: string): void;
}

/** The fields of a document's metadata the user may change. */
export type MetaPatch = Partial<
  Pick<DocumentMeta, 'title' | 'designation' | 'type' | 'published' | 'publisher' | 'author' | 'language'>
>;

/** The metadata column's JSON: the document's metadata and a few facts about the file. */
interface StoredMeta extends Omit<DocumentMeta, 'format' | 'added'> {
  readonly paragraphCount: number;
  readonly pageCount: number | null;
  /** The format's code ("pdf"); rows stored before 0.2 hold its name ("PDF", "Word", "Text"). */
  readonly format?: string;
}

/** A stored row as the service keeps it: its metadata, and what the row's own columns add. */
interface Entry {
  readonly meta: StoredMeta;
  /** When it was added (the row's `added` column, ISO time). */
  readonly added: string;
  readonly fileName: string;
}

const FORMATS: ReadonlyMap<string, SourceFormat> = new Map([
  ['pdf', 'pdf'],
  ['docx', 'docx'],
  ['word', 'docx'],
  ['html', 'html'],
  ['htm', 'html'],
  ['markdown', 'markdown'],
  ['md', 'markdown'],
  ['text', 'text'],
  ['txt', 'text'],
]);

/**
 * The format of a stored document: its code, or the name earlier releases stored, or else the
 * original file's extension; derived when read, so rows stored before need no migration.
 */
export function formatOf(stored: string | undefined, fileName: string): SourceFormat | undefined {
  return FORMATS.get((stored ?? '').toLowerCase()) ?? FORMATS.get(extname(fileName).slice(1).toLowerCase());
}

const NOT_MINE = [
  'Dokumentet finns inte bland dina dokument.',
  'The document is not among your documents.',
] as const;

function summaryOf({ meta, added, fileName }: Entry): DocumentSummary {
  const { paragraphCount, pageCount: _pages, format: stored, ...rest } = meta;
  const format = formatOf(stored, fileName);
  return { ...rest, paragraphCount, ...(format ? { format } : {}), ...(added ? { added } : {}) };
}

/** A stored row as an entry; null for a damaged row (left in place, not shown; its file stays). */
function entryOf(row: { metadata: string; added: string; fileName: string }): Entry | null {
  try {
    const meta = JSON.parse(row.metadata) as StoredMeta;
    return { meta, added: row.added, fileName: row.fileName };
  } catch {
    return null;
  }
}

/** What a parsed file of the user's is stored and shown as: its title (a designation it starts with split off), the file's own date, author and language, and facts about the file. */
export function importedMeta(
  parsed: ParsedDocument,
  fileName: string,
  id: string,
  format: FileFormat,
): StoredMeta {
  const title = parsed.meta.title?.slice(0, 300) || titleFromFileName(fileName);
  // "Dir. 2016:15 Dataskyddsförordningen": shown and cited like the collection's designations.
  const split = splitDesignation(title);
  return {
    id,
    title: split?.title ?? title,
    designation: split?.designation ?? null,
    type: null,
    published: parsed.meta.published ?? null,
    publisher: null,
    author: parsed.meta.author ?? null,
    url: null,
    summary: null,
    related: [],
    relatedLinks: [],
    language: parsed.meta.language ?? 'sv',
    origin: 'imported',
    paragraphCount: parsed.blocks.reduce((n, b) => (b.number !== null ? Math.max(n, b.number) : n), 0),
    pageCount: parsed.pageCount,
    format,
  };
}

/** A parsed file as the reader and search get it once added (for benchmarks and tests that add files without a database). */
export function importedDocument(
  parsed: ParsedDocument,
  fileName: string,
  id: string,
  format: FileFormat,
  version: string,
): ReaderDocument {
  return readerDocument(
    summaryOf({ meta: importedMeta(parsed, fileName, id, format), added: '', fileName }),
    parsed,
    version,
  );
}

function titleFromFileName(fileName: string): string {
  const stem = fileName
    .replace(/\.[A-Za-z0-9]{1,8}$/, '')
    .replace(/[_]+/g, ' ')
    .trim();
  return stem === '' ? 'Namnlöst dokument' : stem;
}

export class ImportService {
  readonly #repo: DocumentRepository;
  readonly #database: UserDatabase;
  readonly #folder: string;
  readonly #parse: Parser;
  readonly #summaries = new Map<string, Entry>();
  readonly #cache = new Map<string, ReaderDocument>();
  readonly #progress = new Map<number, ImportProgress>();
  readonly #listeners: ImportListener[] = [];
  /** Imports being parsed or stored (awaited before the data folder may go away). */
  readonly #running = new Set<Promise<ImportFileOutcome>>();
  #nextJob = 1;
  /** Bumped whenever the list of the user's documents changes, here or in another process. */
  #revision = 0;
  /** PRAGMA data_version when the rows were last read (another process's commit changes it). */
  #dataVersion = -1;

  constructor(database: UserDatabase, dataDir: string, parse: Parser = parseInWorker) {
    this.#database = database;
    this.#repo = new DocumentRepository(database.db);
    this.#folder = join(dataDir, 'imported');
    this.#parse = parse;
    if (database.ready) {
      this.#dataVersion = database.dataVersion();
      for (const row of this.#repo.list()) {
        const entry = entryOf(row);
        if (entry) this.#summaries.set(row.id, entry);
      }
    }
  }

  /** Changes whenever the user's documents change; the renderer polls it to reload the list. */
  revision(): number {
    return this.#revision;
  }

  /**
   * Picks up documents another process (the CLI's `documents add` or `remove` beside the
   * running app) added, removed or edited: cheap when no other connection committed, else
   * one read of the rows' metadata. Added documents join the search index like our own.
   */
  refresh(): void {
    const database = this.#database;
    if (!database.ready || !database.db.isOpen) return;
    const version = database.dataVersion();
    if (version === this.#dataVersion) return;
    this.#dataVersion = version;
    const rows = this.#repo.list();
    const present = new Set<string>();
    let changed = false;
    for (const row of rows) {
      present.add(row.id);
      const before = this.#summaries.get(row.id);
      if (before && JSON.stringify(before.meta) === row.metadata) continue;
      const entry = entryOf(row);
      if (!entry) continue;
      this.#summaries.set(row.id, entry);
      this.#cache.delete(row.id);
      changed = true;
      const doc = before ? null : this.get(row.id);
      if (doc) for (const l of this.#listeners) void l.added(doc);
    }
    for (const id of [...this.#summaries.keys()]) {
      if (present.has(id)) continue;
      this.#summaries.delete(id);
      this.#cache.delete(id);
      changed = true;
      for (const l of this.#listeners) l.removed(id);
    }
    if (changed) this.#revision++;
  }

  onChange(listener: ImportListener): void {
    this.#listeners.push(listener);
  }

  list(): DocumentSummary[] {
    return [...this.#summaries.values()].map(summaryOf);
  }

  summary(id: string): DocumentSummary | undefined {
    const meta = this.#summaries.get(id);
    return meta ? summaryOf(meta) : undefined;
  }

  has(id: string): boolean {
    return this.#summaries.has(id);
  }

  /** Imports in progress: file name and pages done of total (the renderer polls this). */
  progress(): ImportProgress[] {
    return [...this.#progress.values()];
  }

  get(id: string): ReaderDocument | null {
    const cached = this.#cache.get(id);
    if (cached) return cached;
    const row = this.#repo.get(id);
    const entry = this.#summaries.get(id);
    if (!row || !entry) return null;
    const parsed = JSON.parse(row.document) as ParsedDocument;
    const doc = readerDocument(summaryOf(entry), parsed, row.sha256.slice(0, 32));
    // A few recently read documents stay parsed; the rest are read from the database again.
    if (this.#cache.size >= 8) this.#cache.delete(this.#cache.keys().next().value!);
    this.#cache.set(id, doc);
    return doc;
  }

  all(): ReaderDocument[] {
    return [...this.#summaries.keys()].flatMap((id) => this.get(id) ?? []);
  }

  /** Adds one file; nothing is stored unless everything is. */
  add(fileName: string, bytes: Uint8Array): Promise<ImportFileOutcome> {
    const running = this.#add(fileName, bytes);
    this.#running.add(running);
    void running.finally(() => this.#running.delete(running)).catch(() => undefined);
    return running;
  }

  /** Resolves when no import is being parsed or stored. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  async #add(fileName: string, bytes: Uint8Array): Promise<ImportFileOutcome> {
    const refuse = (problem: string, message: string, messageEn: string): ImportFileOutcome => ({
      ok: false,
      fileName,
      problem,
      message,
      messageEn,
    });
    if (this.#database.readOnlyReason) {
      return refuse('io', this.#database.readOnlyReason.sv, this.#database.readOnlyReason.en);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      const p = problems.tooLarge(bytes.length);
      return refuse(p.problem, p.sv, p.en);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = this.#repo.findBySha256(sha256);
    if (existing && this.#summaries.has(existing.id)) {
      return { ok: true, fileName, document: this.summary(existing.id)!, duplicate: true };
    }
    const job = this.#nextJob++;
    this.#progress.set(job, { fileName, done: 0, total: 0 });
    let outcome: ParseOutcome;
    try {
      outcome = await this.#parse(bytes, fileName, (done, total) =>
        this.#progress.set(job, { fileName, done, total }),
      );
    } finally {
      this.#progress.delete(job);
    }
    if (!outcome.ok) return refuse(outcome.error.problem, outcome.error.sv, outcome.error.en);
    const parsed = outcome.document;
    const id = `imp-${sha256.slice(0, 16)}`;
    const meta = importedMeta(parsed, fileName, id, outcome.format);
    const ext =
      (extname(fileName)
        .toLowerCase()
        .match(/^\.[a-z0-9]{1,8}$/)?.[0] ??
        '') ||
      `.${outcome.format}`;
    const original = join(this.#folder, `${id}${ext}`);
    const entry: Entry = { meta, added: new Date().toISOString(), fileName: fileName.slice(0, 255) };
    try {
      await mkdir(this.#folder, { recursive: true });
      await writeFileAtomic(original, bytes);
      this.#database.transaction(() =>
        this.#repo.put({
          id,
          metadata: JSON.stringify(meta),
          document: JSON.stringify(parsed),
          fileName: entry.fileName,
          sha256,
          added: entry.added,
        }),
      );
    } catch (error) {
      // All or nothing: a file without its row (or the reverse) is never left behind.
      await rm(original, { force: true }).catch(() => undefined);
      const reason = (error as Error).message;
      return refuse(
        'io',
        `Dokumentet kunde inte sparas (${reason}). Inget lades till.`,
        `The document could not be saved (${reason}). Nothing was added.`,
      );
    }
    this.#summaries.set(id, entry);
    this.#revision++;
    const doc = this.get(id)!;
    await Promise.all(this.#listeners.map((l) => l.added(doc)));
    return { ok: true, fileName, document: summaryOf(entry), duplicate: false };
  }

  updateMeta(id: string, patch: MetaPatch): Result<DocumentSummary> {
    const entry = this.#summaries.get(id);
    const row = this.#repo.get(id);
    if (!entry || !row) return fail('not-found', ...NOT_MINE);
    const next: Entry = { ...entry, meta: { ...entry.meta, ...patch } };
    try {
      this.#database.transaction(() => this.#repo.put({ ...row, metadata: JSON.stringify(next.meta) }));
    } catch (error) {
      const why = (error as Error).message;
      return fail(
        'io',
        `Uppgifterna kunde inte sparas (${why}).`,
        `The details could not be saved (${why}).`,
      );
    }
    this.#summaries.set(id, next);
    this.#cache.delete(id);
    this.#revision++;
    return ok(summaryOf(next));
  }

  async remove(id: string): Promise<Result<DocumentSummary>> {
    const entry = this.#summaries.get(id);
    const row = this.#repo.get(id);
    if (!entry || !row) return fail('not-found', ...NOT_MINE);
    try {
      this.#database.transaction(() => this.#repo.remove(id));
    } catch (error) {
      const why = (error as Error).message;
      return fail(
        'io',
        `Dokumentet kunde inte tas bort (${why}).`,
        `The document could not be removed (${why}).`,
      );
    }
    this.#summaries.delete(id);
    this.#cache.delete(id);
    this.#revision++;
    const ext =
      extname(row.fileName)
        .toLowerCase()
        .match(/^\.[a-z0-9]{1,8}$/)?.[0] ?? '';
    await rm(join(this.#folder, `${id}${ext}`), { force: true }).catch(() => undefined);
    for (const l of this.#listeners) l.removed(id);
    return ok(summaryOf(entry));
  }
}
