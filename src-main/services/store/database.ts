// Owns opening the user's database, `<data>/lasaren.db` (node:sqlite, built into Node 24 and
// Electron 45: no native module): the pragmas (WAL, foreign keys, a busy timeout, full
// fsync), the check at start (`PRAGMA quick_check`), recovery of a damaged file from the newest
// backup (recovery.ts), the schema (migrations.ts) and the one-time import of the JSON files
// the previous release wrote (legacy-json.ts). One connection per process; the app, the
// browser host and the CLI may hold the same file at once.
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { isCorruption, isFsCode, sqliteCode, SQLITE } from './errors';
import { hasLegacyFiles, importLegacyJson, legacyInCharge, type LegacyOutcome } from './legacy-json';
import { migrate, schemaVersion, SCHEMA_VERSION } from './migrations';
import { quickCheck, quickCheckInWorker, startQuickCheck, type CheckRun } from './check';
import { newestBackup, recoverDamaged } from './recovery';
import { reopened, Statements } from './statements';
import type { Bilingual } from '../../shared/result';

export const DATABASE_FILE = 'lasaren.db';

/** How long a write waits for another process's transaction before giving up. */
const BUSY_TIMEOUT_MS = 5_000;

export interface OpenOptions {
  /** Open without writing (tests of a read-only folder; a database from a newer release). */
  readonly readOnly?: boolean;
  /** Caps the file at this many pages: tests simulate a full disk with it. */
  readonly maxPageCount?: number;
  /**
   * Read the file as it is, without the WAL's shared memory: the last way to show notes in a
   * folder where not even SQLite's -shm file can be created. Implies readOnly.
   */
  readonly immutable?: boolean;
  /**
   * Check a large file before serving it, as small ones are (the start before the check ran
   * beside the first reads): bench:store measures both in one run.
   */
  readonly checkFirst?: boolean;
}

export interface OpenWork<T> extends OpenOptions {
  /** Work on the connection while a large file is being checked (loading the notes). */
  readonly whileChecking?: (db: DatabaseSync) => T;
}

export interface UserDatabase<T = unknown> {
  /** What whileChecking returned, when it ran on this (checked, final) connection. */
  readonly preloaded: T | undefined;
  readonly db: DatabaseSync;
  readonly dataDir: string;
  readonly path: string;
  /**
   * Sentences for the user about what happened at open (recovery, migration); shown once. A
   * recovery after start (see whenChecked) adds its sentence here too.
   */
  readonly problems: readonly Bilingual[];
  /**
   * Resolves once the file has passed its check, or was found damaged after start and the
   * backup restored (the connection is then the same object, reopened on the restored file).
   * Resolved at once for a file checked before use. Writes wait for it: transaction() blocks
   * until then, the annotation store awaits it.
   */
  whenChecked(): Promise<void>;
  /** True while the check of a large file served at start has not answered yet. */
  checking(): boolean;
  /** Called after a damaged file was replaced by its backup after start; returns an unsubscribe. */
  onRecovered(listener: () => void): () => void;
  /**
   * Set when writes must not even be tried this session (no file could be created, a newer
   * release's schema, a failed import of the old files), with the reason. A file
   * that is merely read-only is not refused here: SQLite's own error is reported per write.
   */
  readonly readOnlyReason: Bilingual | null;
  /** True when the schema is the one this release knows (the repositories can be used). */
  readonly ready: boolean;
  /** What the one-time import of the old JSON files did, when it ran or failed this start. */
  readonly legacy: LegacyOutcome | null;
  /** Runs `fn` in one IMMEDIATE transaction (the write lock is taken first); rolls back on throw. */
  transaction<T>(fn: () => T): T;
  /** Changes whenever another connection commits (PRAGMA data_version); cheap to poll. */
  dataVersion(): number;
  close(): void;
}

function applyPragmas(db: DatabaseSync, options: OpenOptions): void {
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec('PRAGMA foreign_keys = ON');
  if (options.readOnly || options.immutable) return;
  db.exec('PRAGMA journal_mode = WAL');
  // FULL: a commit returns only once the WAL is fsynced, so an acknowledged save survives a
  // power cut, not only a killed process. A save costs about one fsync: bench:store prints the
  // disk's bare fsync p95 beside the save p95.
  db.exec('PRAGMA synchronous = FULL');
  if (options.maxPageCount) db.exec(`PRAGMA max_page_count = ${options.maxPageCount}`);
}

function openFile(path: string, options: OpenOptions): DatabaseSync {
  let location: string | URL = path;
  if (options.immutable) {
    location = pathToFileURL(path);
    location.searchParams.set('immutable', '1');
  }
  const db = new DatabaseSync(location, {
    readOnly: (options.readOnly ?? false) || (options.immutable ?? false),
    enableForeignKeyConstraints: true,
    timeout: BUSY_TIMEOUT_MS,
  });
  try {
    applyPragmas(db, options);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** From this size on the check runs in a worker while the notes load (about 20,000 notes). */
const WORKER_CHECK_BYTES = 8 * 1024 * 1024;

type Checked<T> = { db: DatabaseSync; preloaded: T | undefined; pending?: CheckRun } | { damage: string };

/**
 * Opens and checks the file. A file that fails to open as a database or fails quick_check is
 * damaged: the caller recovers. An empty file where backups exist counts as damaged too (SQLite
 * would happily treat it as a new, empty database). `whileChecking` runs on the connection
 * during the check of a large file; its result is kept only when the file passed.
 */
async function openChecked<T>(
  path: string,
  dataDir: string,
  options: OpenOptions,
  whileChecking?: (db: DatabaseSync) => T,
  defer = false,
): Promise<Checked<T>> {
  const size = existsSync(path) ? statSync(path).size : 0;
  if (existsSync(path) && size === 0 && newestBackup(dataDir)) return { damage: 'filen är tom' };
  let db: DatabaseSync;
  try {
    db = openFile(path, options);
  } catch (e) {
    if (isCorruption(e)) return { damage: (e as Error).message };
    throw e;
  }
  let check: string;
  let preloaded: T | undefined;
  try {
    const large = whileChecking && size >= WORKER_CHECK_BYTES && schemaVersion(db) === SCHEMA_VERSION;
    if (large && defer) {
      // Served at once; the caller holds writes until the check answers (see openUserDatabase).
      const pending = startQuickCheck(path, db);
      try {
        preloaded = whileChecking(db);
      } catch (e) {
        if (!isCorruption(e)) throw e;
      }
      return { db, preloaded, pending };
    }
    if (large) {
      const pending = quickCheckInWorker(path, db);
      try {
        preloaded = whileChecking(db);
      } catch (e) {
        // A damaged page met while loading is reported by the check; anything else is a bug.
        if (!isCorruption(e)) throw e;
      }
      check = await pending;
    } else {
      check = quickCheck(db);
    }
  } catch (e) {
    db.close();
    if (isCorruption(e)) return { damage: (e as Error).message };
    throw e;
  }
  if (check !== 'ok') {
    db.close();
    return { damage: check };
  }
  return { db, preloaded };
}

/** Runs `fn` in one IMMEDIATE transaction on `db`: committed whole or rolled back whole. */
export function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const value = fn();
    db.exec('COMMIT');
    return value;
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

function unwritable(e: unknown): boolean {
  const code = sqliteCode(e);
  return code === SQLITE.READONLY || code === SQLITE.CANTOPEN || isFsCode(e, 'EACCES', 'EPERM', 'EROFS');
}

function readOnlyMessage(dataDir: string, e: unknown): Bilingual {
  const why = (e as Error).message;
  return {
    sv: `Mappen ${dataDir} går inte att skriva i (${why}). Läsaren visar det som redan är sparat men kan inte spara ändringar förrän mappen är skrivbar. Inget som redan sparats har gått förlorat.`,
    en: `The folder ${dataDir} cannot be written to (${why}). Läsaren shows what is already saved but cannot save changes until the folder is writable. Nothing already saved has been lost.`,
  };
}

function backupDamagedToo(damage: string): Bilingual {
  return {
    sv: `Även säkerhetskopian är skadad (${damage}); Läsaren startar utan anteckningar. Alla filerna finns kvar.`,
    en: `The backup is damaged too (${damage}); Läsaren starts without notes. All the files are kept.`,
  };
}

interface LateCheck {
  /** Resolves when the check passed or the backup was restored. */
  readonly checked: Promise<void>;
  /** Waits on the spot for the check (and recovers on the spot): a synchronous write. */
  settleNow(): void;
  pending(): boolean;
  onRecovered(listener: () => void): () => void;
  stop(): void;
}

/**
 * The check of a large file that is already being read. Its verdict is taken once, by
 * whichever comes first: the worker's answer (awaited) or a write that cannot wait
 * (settleNow). Damage found then is recovered exactly as at start: the connection is closed,
 * the file moved aside and the newest backup restored (recoverDamaged), the same DatabaseSync
 * opened again on it (statements.ts re-prepares), checked, and brought to the current schema.
 */
function lateCheck(
  run: CheckRun,
  db: DatabaseSync,
  dataDir: string,
  path: string,
  options: OpenOptions,
  problems: Bilingual[],
): LateCheck {
  const listeners = new Set<() => void>();
  let decided = false;
  let stopped = false;
  const reopen = () => {
    db.open();
    applyPragmas(db, options);
    reopened(db);
  };
  const decide = (verdict: string) => {
    if (decided || stopped) return;
    decided = true;
    if (verdict === 'ok') return;
    if (db.isOpen) db.close();
    problems.push(recoverDamaged(dataDir, path, verdict).message);
    reopen();
    let again: string;
    try {
      again = quickCheck(db);
    } catch (e) {
      if (!isCorruption(e)) throw e;
      again = (e as Error).message;
    }
    if (again !== 'ok') {
      db.close();
      renameSync(path, join(dataDir, `lasaren.trasig-kopia-${Date.now()}.db`));
      problems.push(backupDamagedToo(again));
      reopen();
    }
    if (schemaVersion(db) < SCHEMA_VERSION) migrate(db);
    for (const listener of listeners) listener();
  };
  let release: () => void = () => undefined;
  const closed = new Promise<void>((yes) => (release = yes));
  const answered = run.done.then(decide).catch((e: unknown) => {
    // The check could not run, or the recovery failed (a file that cannot be moved): say so.
    // Writes then fail with SQLite's own error and are reported as not saved.
    if (stopped) return;
    decided = true;
    const why = (e as Error).message;
    problems.push({
      sv: `Databasen kunde inte kontrolleras eller återställas (${why}).`,
      en: `The database could not be checked or restored (${why}).`,
    });
  });
  // A write still waiting when the connection closes is answered (it then fails as closed).
  const checked = Promise.race([answered, closed]);
  return {
    checked,
    settleNow: () => {
      if (!decided && !stopped) decide(run.waitSync());
    },
    pending: () => !decided && !stopped,
    onRecovered: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => {
      stopped = true;
      run.stop();
      release();
    },
  };
}

export async function openUserDatabase<T = unknown>(
  dataDir: string,
  options: OpenWork<T> = {},
): Promise<UserDatabase<T>> {
  const path = join(dataDir, DATABASE_FILE);
  const problems: Bilingual[] = [];
  let readOnlyReason: Bilingual | null = null;
  let opened: Checked<T>;
  try {
    mkdirSync(dataDir, { recursive: true });
    // A large, current file is served while it is checked; old JSON files to import (writes at
    // open) and read-only opens keep the check first.
    const defer = !options.readOnly && !options.immutable && !options.checkFirst && !hasLegacyFiles(dataDir);
    opened = await openChecked(path, dataDir, options, options.whileChecking, defer);
  } catch (e) {
    if (!unwritable(e) || options.readOnly) throw e;
    // A read-only folder: show what is there (if anything). Writes to the file fail in SQLite
    // with SQLITE_READONLY and are reported; with no file at all there is nothing to write to.
    problems.push(readOnlyMessage(dataDir, e));
    if (existsSync(path)) {
      try {
        opened = await openChecked(path, dataDir, { ...options, readOnly: true });
      } catch (again) {
        if (!unwritable(again)) throw again;
        // Not even the -shm file can be made: read the file as it stands.
        opened = await openChecked(path, dataDir, { ...options, immutable: true });
      }
    } else {
      opened = { db: openFile(':memory:', {}), preloaded: undefined };
      readOnlyReason = readOnlyMessage(dataDir, e);
    }
  }
  if ('damage' in opened) {
    const recovered = recoverDamaged(dataDir, path, opened.damage);
    problems.push(recovered.message);
    let again = await openChecked<T>(path, dataDir, options);
    if ('damage' in again) {
      // The backup is damaged too: set the copy aside as well and start empty; all files stay.
      renameSync(path, join(dataDir, `lasaren.trasig-kopia-${Date.now()}.db`));
      problems.push(backupDamagedToo(again.damage));
      again = await openChecked<T>(path, dataDir, options);
      if ('damage' in again) throw new Error(again.damage);
    }
    opened = again;
  }
  const db = opened.db;
  let preloaded = opened.preloaded;
  const late = opened.pending ? lateCheck(opened.pending, db, dataDir, path, options, problems) : null;

  const version = schemaVersion(db);
  if (version > SCHEMA_VERSION) {
    readOnlyReason = {
      sv: `Databasen ${path} kommer från en nyare version av Läsaren (schema ${version}; den här versionen känner till ${SCHEMA_VERSION}). Uppdatera Läsaren; tills dess sparas inga ändringar.`,
      en: `The database ${path} comes from a newer version of Läsaren (schema ${version}; this version knows ${SCHEMA_VERSION}). Update Läsaren; until then no changes are saved.`,
    };
  } else if (version < SCHEMA_VERSION) {
    try {
      migrate(db);
    } catch (e) {
      if (!unwritable(e) && sqliteCode(e) !== SQLITE.FULL) throw e;
      readOnlyReason = readOnlyMessage(dataDir, e);
    }
  }

  const transaction = <T>(fn: () => T): T => {
    late?.settleNow();
    return inTransaction(db, fn);
  };
  const statements = new Statements(db);
  const base = {
    db,
    dataDir,
    path,
    transaction,
    dataVersion: () => (statements.get('PRAGMA data_version').get() as { data_version: number }).data_version,
    whenChecked: () => late?.checked ?? Promise.resolve(),
    checking: () => late?.pending() ?? false,
    onRecovered: (listener: () => void) => late?.onRecovered(listener) ?? (() => undefined),
    close: () => {
      late?.stop();
      if (db.isOpen) db.close();
    },
  };
  const ready = schemaVersion(db) === SCHEMA_VERSION;
  const legacy =
    readOnlyReason === null && ready && !options.readOnly
      ? importLegacyJson({ ...base, problems, readOnlyReason, ready, legacy: null, preloaded: undefined })
      : legacyInCharge(
          dataDir,
          readOnlyReason ?? { sv: 'databasen kan inte skrivas', en: 'the database cannot be written' },
        );
  if (legacy && !legacy.failed && legacy.imported > 0) preloaded = undefined;
  if (legacy?.message) problems.push(legacy.message);
  if (legacy?.failed) readOnlyReason = legacy.message;
  if (readOnlyReason && !problems.includes(readOnlyReason)) problems.push(readOnlyReason);
  return { ...base, problems, readOnlyReason, ready, legacy, preloaded };
}
