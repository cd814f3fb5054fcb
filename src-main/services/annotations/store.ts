// Owns the annotation store the app, the browser host and the CLI use: the user's work
// product, kept in the database (services/store/). Every change is one SQLite transaction,
// fsynced before the promise resolves, so an acknowledged save is on disk. Changes touch only
// the rows they change, so another process on the same data folder (the CLI's import next to
// the running app) keeps its changes too; this process picks theirs up by polling SQLite's
// data_version (refresh()) and reading only rows with a newer change number.
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Annotation, AnnotationBody, AnnotationTarget } from '../../shared/annotation';
import { fail, ok, type Result } from '../../shared/result';
import { AnnotationRepository } from '../store/annotations';
import { openUserDatabase, type OpenOptions, type UserDatabase } from '../store/database';
import { writeFailure } from '../store/errors';

export { DATABASE_FILE } from '../store/database';

export type NewAnnotation = AnnotationTarget & AnnotationBody;

export interface AnnotationStore {
  list(): readonly Annotation[];
  get(id: string): Annotation | undefined;
  create(input: NewAnnotation): Promise<Result<Annotation>>;
  update(id: string, patch: Partial<AnnotationBody>): Promise<Result<Annotation>>;
  remove(id: string): Promise<Result<Annotation>>;
  /** Puts exactly these annotations in place (by id) in ONE transaction: undo, import. */
  upsertMany(annotations: readonly Annotation[]): Promise<Result<void>>;
  onChange(listener: (annotations: readonly Annotation[]) => void): () => void;
  /** Set when something happened at open the user should know (recovery, migration). */
  readonly problem: string | null;
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

/** Every annotation as of one moment, with the change number and data_version of that moment. */
export class AnnotationSnapshot {
  constructor(
    readonly annotations: Annotation[],
    readonly seq: number,
    readonly dataVersion: number,
  ) {}
}

/**
 * Reads every annotation in one read transaction. openUserDatabase runs it while a large file
 * is being checked (services/store/check.ts), so loading and checking overlap.
 */
export function loadAnnotationSnapshot(db: DatabaseSync): AnnotationSnapshot {
  const { data_version: dataVersion } = db.prepare('PRAGMA data_version').get() as { data_version: number };
  db.exec('BEGIN');
  try {
    const { annotations, seq } = new AnnotationRepository(db).loadAll();
    return new AnnotationSnapshot(annotations, seq, dataVersion);
  } finally {
    db.exec('COMMIT');
  }
}

function notFound(id: string): Result<never> {
  return fail(
    'not-found',
    `Anteckningen ${id} finns inte längre (den kan ha tagits bort i ett annat fönster).`,
  );
}

class SqliteAnnotationStore implements AnnotationStore {
  readonly problem: string | null;
  readonly #database: UserDatabase;
  readonly #repo: AnnotationRepository | null;
  readonly #byId = new Map<string, Annotation>();
  #list: readonly Annotation[] | null = null;
  readonly #listeners = new Set<(all: readonly Annotation[]) => void>();
  #seen = 0;
  #dataVersion = -1;
  #revision = 0;
  readonly #ownsDatabase: boolean;

  constructor(database: UserDatabase, ownsDatabase: boolean) {
    this.#database = database;
    this.#ownsDatabase = ownsDatabase;
    this.problem = database.problems.length ? database.problems.join(' ') : null;
    const legacyInCharge = database.legacy?.failed ?? false;
    this.#repo = database.ready && !legacyInCharge ? new AnnotationRepository(database.db) : null;
    if (legacyInCharge) for (const a of database.legacy?.annotations ?? []) this.#byId.set(a.id, a);
    else this.#loadAll();
  }

  #loadAll(): void {
    if (!this.#repo) return;
    const preloaded = this.#database.preloaded;
    const snapshot =
      preloaded instanceof AnnotationSnapshot ? preloaded : loadAnnotationSnapshot(this.#database.db);
    for (const a of snapshot.annotations) this.#byId.set(a.id, a);
    this.#seen = snapshot.seq;
    // A commit by another process after the snapshot changes data_version: the next pull reads it.
    this.#dataVersion = snapshot.dataVersion;
  }

  /** Applies changes other connections committed; true when anything changed. */
  #pull(): boolean {
    if (!this.#repo || !this.#database.db.isOpen) return false;
    const version = this.#database.dataVersion();
    if (version === this.#dataVersion) return false;
    this.#dataVersion = version;
    const changes = this.#repo.changesSince(this.#seen);
    this.#seen = changes.seq;
    if (changes.upserted.length === 0 && changes.removed.length === 0) return false;
    for (const id of changes.removed) this.#byId.delete(id);
    for (const a of changes.upserted) this.#byId.set(a.id, a);
    this.#revision++;
    this.#changed();
    return true;
  }

  #changed(): void {
    this.#list = null;
    if (this.#listeners.size === 0) return;
    const all = this.list();
    for (const listener of this.#listeners) listener(all);
  }

  /**
   * Runs one change in one IMMEDIATE transaction: other processes' changes are pulled in
   * first (under the write lock, so the change sees the current rows), then `change` writes
   * and says which annotations it put or removed. The cache changes only after the commit.
   */
  #write<T>(
    what: string,
    change: (
      repo: AnnotationRepository,
      seq: () => number,
    ) => Result<{ value: T; put: Annotation[]; removed: string[] }>,
  ): Result<T> {
    const repo = this.#repo;
    const refused = this.#database.readOnlyReason;
    if (!repo || refused)
      return fail('io', refused ?? `${what} kunde inte sparas: databasen är inte tillgänglig.`);
    let result: Result<{ value: T; put: Annotation[]; removed: string[] }>;
    let seq = 0;
    try {
      result = this.#database.transaction(() => {
        this.#pull();
        return change(repo, () => (seq ||= repo.nextSeq()));
      });
    } catch (e) {
      return fail('io', writeFailure(e, what, this.#database.dataDir));
    }
    if (!result.ok) return result;
    if (seq) this.#seen = seq;
    for (const id of result.value.removed) this.#byId.delete(id);
    for (const a of result.value.put) this.#byId.set(a.id, a);
    if (seq) this.#changed();
    return ok(result.value.value);
  }

  list(): readonly Annotation[] {
    this.#pull();
    this.#list ??= [...this.#byId.values()];
    return this.#list;
  }

  get(id: string): Annotation | undefined {
    this.#pull();
    return this.#byId.get(id);
  }

  async create(input: NewAnnotation): Promise<Result<Annotation>> {
    return this.#write('Anteckningen', (repo, seq) => {
      const now = new Date().toISOString();
      const created: Annotation = { ...input, id: randomUUID(), created: now, modified: now, history: [] };
      repo.put(created, seq());
      return ok({ value: created, put: [created], removed: [] });
    });
  }

  async update(id: string, patch: Partial<AnnotationBody>): Promise<Result<Annotation>> {
    return this.#write('Ändringen', (repo, seq) => {
      // The row as it is now (another process may have changed it), not the cached copy.
      const existing = repo.get(id);
      if (!existing) return notFound(id);
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated: Annotation = { ...existing, ...given, modified: new Date().toISOString() };
      repo.put(updated, seq());
      return ok({ value: updated, put: [updated], removed: [] });
    });
  }

  async remove(id: string): Promise<Result<Annotation>> {
    return this.#write('Borttagningen', (repo, seq) => {
      const existing = repo.get(id);
      if (!existing) return notFound(id);
      repo.remove(id, seq());
      return ok({ value: existing, put: [], removed: [id] });
    });
  }

  async upsertMany(incoming: readonly Annotation[]): Promise<Result<void>> {
    return this.#write('Ändringen', (repo, seq) => {
      const byId = new Map(incoming.map((a) => [a.id, a]));
      const put = [...byId.values()];
      if (put.length > 0) {
        const n = seq();
        for (const a of put) repo.put(a, n);
      }
      return ok({ value: undefined, put, removed: [] });
    });
  }

  onChange(listener: (annotations: readonly Annotation[]) => void): () => void {
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
    this.#listeners.clear();
    if (this.#ownsDatabase) this.#database.close();
  }
}

export async function openAnnotationStore(
  dataDir: string,
  options: StoreOptions = {},
): Promise<AnnotationStore> {
  const database =
    options.database ??
    (await openUserDatabase(dataDir, { ...options, whileChecking: loadAnnotationSnapshot }));
  return new SqliteAnnotationStore(database, !options.database);
}
