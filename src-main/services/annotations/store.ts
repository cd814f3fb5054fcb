// Owns the annotation store the app, the browser host and the CLI use: the user's work
// product, kept in the database (services/store/). Every change is one SQLite transaction,
// fsynced before the promise resolves, so an acknowledged save is on disk. Changes touch only
// the rows they change, so another process on the same data folder (the CLI's import next to
// the running app) keeps its changes too; this process notices theirs by polling SQLite's
// data_version (refresh()) and the change counter. Nothing here holds every annotation: reads
// are per document, per page of the notes panel, or counts (store/annotation-queries.ts), and
// the notes' search terms live in the database (store/note-terms.ts).
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import type { Annotation, AnnotationBody, AnnotationTarget } from '../../shared/annotation';
import type { NotesFilter } from '../../shared/notes-filter';
import type { NotesPage, NotesPageRequest, NotesSummary } from '../../shared/notes-query';
import { fail, failWith, ok, type Bilingual, type Result } from '../../shared/result';
import { AnnotationQueries, type AnnotationCounts } from '../store/annotation-queries';
import { AnnotationRepository, fromColumn } from '../store/annotations';
import { inTransaction, openUserDatabase, type OpenOptions, type UserDatabase } from '../store/database';
import { writeFailure } from '../store/errors';
import { migrate } from '../store/migrations';
import { NoteTermsRepository, type Analyse } from '../store/note-terms';

export { DATABASE_FILE } from '../store/database';

export type NewAnnotation = AnnotationTarget & AnnotationBody;

/** What the notes' search (services/search/notes.ts) needs from the store. */
export interface NotesSource {
  /** True when annotations changed since the search terms were brought up to date. */
  stale(version: string): boolean;
  /** Analyses up to `max` changed annotations into the stored terms; returns how many. */
  catchUp(version: string, analyse: Analyse, max: number): number;
  /** Annotations whose terms hold every word (analysed keys), newest first, at most `limit`. */
  candidates(words: readonly string[], limit: number): Annotation[];
}

/** The library's order of documents (id → position), asked for when a page is sorted by it. */
export type DocumentOrderProvider = () => ReadonlyMap<string, number>;

export interface AnnotationStore {
  /** Every annotation, read now: export, the CLI and tests; never at the app's start. */
  all(): Annotation[];
  get(id: string): Annotation | undefined;
  /** One document's annotations, in text order (the reader). */
  forDocument(documentId: string): Annotation[];
  /** Counts per document and colour and the tags in use (cached until the next change). */
  summary(): NotesSummary;
  /** One page of the notes panel: filtered and sorted in SQL. */
  page(request: NotesPageRequest): NotesPage;
  /** How many annotations pass the filter (the export dialog's scope). */
  count(filter: NotesFilter): number;
  setDocumentOrder(order: DocumentOrderProvider): void;
  /** The notes' search terms, kept in the database. */
  readonly notes: NotesSource;
  create(input: NewAnnotation): Promise<Result<Annotation>>;
  update(id: string, patch: Partial<AnnotationBody>): Promise<Result<Annotation>>;
  remove(id: string): Promise<Result<Annotation>>;
  /** Puts exactly these annotations in place (by id) in ONE transaction: undo, import. */
  upsertMany(annotations: readonly Annotation[]): Promise<Result<void>>;
  /** Called after this process saved, or picked up another process's changes. */
  onChange(listener: () => void): () => void;
  /**
   * Set when something happened the user should know (recovery, migration): at open, or when
   * the check of a large file finished after start and the backup had to be restored.
   */
  readonly problem: Bilingual | null;
  /** Picks up what other processes saved since the last look; cheap when nothing changed. */
  refresh(): void;
  /** Counts the times changes from another process were picked up (the renderer polls it). */
  revision(): number;
  close(): void;
}

export interface StoreOptions extends OpenOptions {
  /** A database already opened for this data folder (the services share one connection). */
  readonly database?: UserDatabase;
}

/** The counts as of one change number: computed while a large file is checked at start. */
export class SummarySnapshot {
  constructor(
    readonly counts: AnnotationCounts,
    readonly tags: readonly string[],
    readonly seq: number,
  ) {}
}

/**
 * Reads the counts and tags in one read transaction. openUserDatabase runs it while a large
 * file is being checked (services/store/check.ts), so the check and the first summary overlap.
 */
export function loadSummarySnapshot(db: DatabaseSync): SummarySnapshot {
  db.exec('BEGIN');
  try {
    const queries = new AnnotationQueries(db);
    return new SummarySnapshot(queries.counts(), queries.tags(), new AnnotationRepository(db).seq());
  } finally {
    db.exec('COMMIT');
  }
}

/** What a failed write was, as its message names it. */
const WHAT = {
  note: { sv: 'Anteckningen', en: 'The note' },
  change: { sv: 'Ändringen', en: 'The change' },
  removal: { sv: 'Borttagningen', en: 'The removal' },
} as const;

function notFound(id: string): Result<never> {
  return fail(
    'not-found',
    `Anteckningen ${id} finns inte längre (den kan ha tagits bort i ett annat fönster).`,
    `The note ${id} no longer exists (it may have been deleted in another window).`,
  );
}

/** Runs `fn` in one IMMEDIATE transaction on `db`. */
function transactionOn(db: DatabaseSync): <T>(fn: () => T) => T {
  return (fn) => inTransaction(db, fn);
}

/**
 * The notes the previous release's files hold, when importing them failed: shown (and found)
 * from a database in memory, the same code path; nothing is written there (readOnlyReason).
 */
function legacyMemory(annotations: readonly Annotation[]): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  migrate(db);
  const repo = new AnnotationRepository(db);
  transactionOn(db)(() => {
    const seq = repo.nextSeq();
    for (const a of annotations) repo.put(a, seq);
  });
  return db;
}

/** Candidates when this SQLite has no FTS5: every note with text or tags, checked by the caller. */
const FALLBACK_CANDIDATES = 5_000;

class SqliteAnnotationStore implements AnnotationStore {
  readonly #database: UserDatabase;
  readonly #db: DatabaseSync | null;
  #repo: AnnotationRepository | null;
  #queries: AnnotationQueries | null;
  #terms: NoteTermsRepository | null;
  readonly #unsubscribe: () => void;
  readonly #transaction: <T>(fn: () => T) => T;
  readonly #listeners = new Set<() => void>();
  #seen = 0;
  #dataVersion = -1;
  #revision = 0;
  #summary: { seq: number; value: Omit<NotesSummary, 'problem'> } | null = null;
  #pages: { key: string; ids: number[] } | null = null;
  #order: DocumentOrderProvider = () => new Map();
  readonly #ownsDatabase: boolean;
  readonly notes: NotesSource;

  constructor(database: UserDatabase, ownsDatabase: boolean) {
    this.#database = database;
    this.#ownsDatabase = ownsDatabase;
    const legacyInCharge = database.legacy?.failed ?? false;
    this.#db = legacyInCharge
      ? legacyMemory(database.legacy?.annotations ?? [])
      : database.ready
        ? database.db
        : null;
    this.#transaction = legacyInCharge && this.#db ? transactionOn(this.#db) : database.transaction;
    this.#repo = this.#db ? new AnnotationRepository(this.#db) : null;
    this.#queries = this.#db ? new AnnotationQueries(this.#db) : null;
    this.#terms = this.#db ? new NoteTermsRepository(this.#db) : null;
    if (this.#repo) {
      this.#dataVersion = database.dataVersion();
      this.#seen = this.#repo.seq();
      const preloaded = database.preloaded;
      if (preloaded instanceof SummarySnapshot && preloaded.seq === this.#seen) {
        const { counts, tags } = preloaded;
        this.#summary = { seq: this.#seen, value: { ...counts, tags } };
      }
    }
    this.notes = this.#notesSource();
    this.#unsubscribe = database.onRecovered(() => this.#recovered());
  }

  get problem(): Bilingual | null {
    const { problems } = this.#database;
    if (!problems.length) return null;
    return { sv: problems.map((p) => p.sv).join(' '), en: problems.map((p) => p.en).join(' ') };
  }

  /**
   * The file was found damaged after the notes were first read and the backup is now in its
   * place (same connection, reopened): statements, counts and pages are read anew, and the
   * change is announced like another process's (the renderer refetches counts and the open
   * document's notes, and shows the new problem).
   */
  #recovered(): void {
    const db = this.#db;
    if (!db || db !== this.#database.db || !db.isOpen) return;
    this.#repo = new AnnotationRepository(db);
    this.#queries = new AnnotationQueries(db);
    this.#terms = new NoteTermsRepository(db);
    this.#summary = null;
    this.#pages = null;
    this.#dataVersion = this.#database.dataVersion();
    this.#seen = this.#repo.seq();
    this.#revision++;
    this.#changed();
  }

  #notesSource(): NotesSource {
    return {
      stale: (version) => (this.#terms?.available ? this.#terms.stale(version) : false),
      catchUp: (version, analyse, max) => {
        const terms = this.#terms;
        if (!terms?.available || this.#database.readOnlyReason) return 0;
        // Not into a file still being checked (the write would wait for the check, blocking
        // this thread): the notes changed since are analysed at the first search after it.
        if (this.#database.checking()) return 0;
        // The terms are derived data, written with their watermark in one transaction: a power
        // cut may lose the latest (they are made again), never make them disagree. So their
        // commit skips the fsync a save needs (the next save's fsync covers it in the WAL).
        const db = this.#db;
        db?.exec('PRAGMA synchronous = NORMAL');
        try {
          return terms.catchUp(version, analyse, max, this.#transaction, fromColumn);
        } catch {
          // A read-only file cannot hold new terms; search then reads what is there.
          return 0;
        } finally {
          if (db?.isOpen) db.exec('PRAGMA synchronous = FULL');
        }
      },
      candidates: (words, limit) => {
        const queries = this.#queries;
        if (!queries || !this.#terms) return [];
        if (this.#terms.available) return queries.byRowids(this.#terms.match(words, limit));
        const ids = queries.ids({}, 'oldest').slice(0, FALLBACK_CANDIDATES);
        return queries.byRowids(ids).filter((a) => a.note.trim() !== '' || a.tags.length > 0);
      },
    };
  }

  /** Notices changes other connections committed; true when anything changed. */
  #pull(): boolean {
    if (!this.#repo || !this.#database.db.isOpen || this.#db !== this.#database.db) return false;
    const version = this.#database.dataVersion();
    if (version === this.#dataVersion) return false;
    this.#dataVersion = version;
    const seq = this.#repo.seq();
    if (seq === this.#seen) return false;
    this.#seen = seq;
    this.#revision++;
    this.#changed();
    return true;
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  /**
   * Runs one change in one IMMEDIATE transaction: other processes' changes are noticed first
   * (under the write lock, so an update reads the current row), then `change` writes and says
   * what it returns. Listeners hear of it only after the commit.
   */
  #write<T>(
    what: Bilingual,
    change: (repo: AnnotationRepository, seq: () => number) => Result<T>,
  ): Result<T> {
    const repo = this.#repo;
    const refused = this.#database.readOnlyReason;
    if (!repo || refused)
      return refused
        ? failWith('io', refused)
        : fail(
            'io',
            `${what.sv} kunde inte sparas: databasen är inte tillgänglig.`,
            `${what.en} could not be saved: the database is not available.`,
          );
    let result: Result<T>;
    let seq = 0;
    try {
      result = this.#transaction(() => {
        this.#pull();
        return change(repo, () => (seq ||= repo.nextSeq()));
      });
    } catch (e) {
      return failWith('io', writeFailure(e, what, this.#database.dataDir));
    }
    if (!result.ok) return result;
    if (seq) {
      this.#seen = seq;
      // Our own commit changed data_version for nobody but us: no need to look again.
      this.#dataVersion = this.#database.dataVersion();
      this.#changed();
    }
    return result;
  }

  all(): Annotation[] {
    this.#pull();
    return this.#repo?.loadAll().annotations ?? [];
  }

  get(id: string): Annotation | undefined {
    this.#pull();
    return this.#repo?.get(id);
  }

  forDocument(documentId: string): Annotation[] {
    this.#pull();
    return this.#queries?.forDocument(documentId) ?? [];
  }

  summary(): NotesSummary {
    this.#pull();
    const queries = this.#queries;
    if (!queries) {
      const none = { yellow: 0, green: 0, blue: 0, pink: 0, purple: 0, none: 0 };
      return { total: 0, byDocument: {}, byColour: none, tags: [], problem: this.problem };
    }
    if (this.#summary?.seq !== this.#seen)
      this.#summary = { seq: this.#seen, value: { ...queries.counts(), tags: queries.tags() } };
    return { ...this.#summary.value, problem: this.problem };
  }

  #ids(filter: NotesFilter, sort: NotesPageRequest['sort']): number[] {
    const queries = this.#queries;
    if (!queries) return [];
    const order = sort === 'document' ? this.#order() : null;
    const key = JSON.stringify([this.#seen, order?.size ?? 0, sort, filter]);
    if (this.#pages?.key !== key) {
      if (order) queries.setDocumentOrder((id) => order.get(id) ?? Number.MAX_SAFE_INTEGER);
      this.#pages = { key, ids: queries.ids(filter, sort) };
    }
    return this.#pages.ids;
  }

  page({ filter, sort, offset, limit }: NotesPageRequest): NotesPage {
    this.#pull();
    const ids = this.#ids(filter, sort);
    const annotations = this.#queries?.byRowids(ids.slice(offset, offset + limit)) ?? [];
    return { total: ids.length, offset, annotations };
  }

  count(filter: NotesFilter): number {
    this.#pull();
    return this.#ids(filter, 'oldest').length;
  }

  setDocumentOrder(order: DocumentOrderProvider): void {
    this.#order = order;
    this.#pages = null;
  }

  async create(input: NewAnnotation): Promise<Result<Annotation>> {
    await this.#database.whenChecked();
    return this.#write(WHAT.note, (repo, seq) => {
      const now = new Date().toISOString();
      const created: Annotation = { ...input, id: randomUUID(), created: now, modified: now, history: [] };
      repo.put(created, seq());
      return ok(created);
    });
  }

  async update(id: string, patch: Partial<AnnotationBody>): Promise<Result<Annotation>> {
    await this.#database.whenChecked();
    return this.#write(WHAT.change, (repo, seq) => {
      // The row as it is now (another process may have changed it).
      const existing = repo.get(id);
      if (!existing) return notFound(id);
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated: Annotation = { ...existing, ...given, modified: new Date().toISOString() };
      repo.put(updated, seq());
      return ok(updated);
    });
  }

  async remove(id: string): Promise<Result<Annotation>> {
    await this.#database.whenChecked();
    return this.#write(WHAT.removal, (repo, seq) => {
      const existing = repo.get(id);
      if (!existing) return notFound(id);
      repo.remove(id, seq());
      return ok(existing);
    });
  }

  async upsertMany(incoming: readonly Annotation[]): Promise<Result<void>> {
    await this.#database.whenChecked();
    return this.#write(WHAT.change, (repo, seq) => {
      const byId = new Map(incoming.map((a) => [a.id, a]));
      if (byId.size > 0) {
        const n = seq();
        for (const a of byId.values()) repo.put(a, n);
      }
      return ok(undefined);
    });
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  refresh(): void {
    this.#pull();
  }

  revision(): number {
    this.#pull();
    return this.#revision;
  }

  close(): void {
    this.#unsubscribe();
    this.#listeners.clear();
    if (this.#db && this.#db !== this.#database.db && this.#db.isOpen) this.#db.close();
    if (this.#ownsDatabase) this.#database.close();
  }
}

export async function openAnnotationStore(
  dataDir: string,
  options: StoreOptions = {},
): Promise<AnnotationStore> {
  const database =
    options.database ?? (await openUserDatabase(dataDir, { ...options, whileChecking: loadSummarySnapshot }));
  return new SqliteAnnotationStore(database, !options.database);
}
