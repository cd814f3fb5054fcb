// What the app has saved in a data folder's database, read through a connection of the test's
// own (as another process would), for specs that check what reached the disk; and the two
// things the recovery spec does to the file while the app is stopped.
import { existsSync } from 'node:fs';
import { mkdirSync, openSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const DATABASE = 'lasaren.db';

function withDatabase<T>(dataDir: string, fallback: T, read: (db: DatabaseSync) => T): T {
  const path = join(dataDir, DATABASE);
  if (!existsSync(path)) return fallback;
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(path, { readOnly: true, timeout: 2000 });
    return read(db);
  } catch {
    // Not created yet, or busy for a moment: the caller polls.
    return fallback;
  } finally {
    db?.close();
  }
}

/** The stored preferences (only those the app has written), or {} before the first write. */
export function storedSettings(dataDir: string): Record<string, unknown> {
  return withDatabase(dataDir, {}, (db) =>
    Object.fromEntries(
      (db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>).map(
        (r) => [r.key, JSON.parse(r.value) as unknown],
      ),
    ),
  );
}

/** Every stored annotation row and history row, as text, to compare before and after. */
export function storedNotes(dataDir: string): string {
  return withDatabase(dataDir, '', (db) =>
    JSON.stringify([
      db.prepare('SELECT * FROM annotations ORDER BY rowid').all(),
      db.prepare('SELECT * FROM annotation_revisions ORDER BY annotation_id, n').all(),
    ]),
  );
}

/** Takes a backup the way the app does (VACUUM INTO, into backups/), then drops `dropNote` from it. */
export function backUpWithout(dataDir: string, dropNote: string): void {
  mkdirSync(join(dataDir, 'backups'), { recursive: true });
  const backup = join(
    dataDir,
    'backups',
    `lasaren-${new Date(Date.now() - 60_000).toISOString().replace(/[:.]/g, '-')}.db`,
  );
  const db = new DatabaseSync(join(dataDir, DATABASE));
  db.prepare('VACUUM INTO ?').run(backup);
  db.close();
  const copy = new DatabaseSync(backup);
  copy.prepare('DELETE FROM annotations WHERE note = ?').run(dropNote);
  copy.close();
}

/** Garbles one page of an (empty) index: quick_check fails, the notes themselves stay readable. */
export function damageIndexPage(dataDir: string): void {
  const path = join(dataDir, DATABASE);
  const db = new DatabaseSync(path);
  // Checkpoint first, so the page on disk is the one that counts.
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const { rootpage } = db
    .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'documents_by_sha256'")
    .get() as { rootpage: number };
  db.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, (rootpage - 1) * 4096);
  closeSync(fd);
}
