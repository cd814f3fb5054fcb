// A damaged database at start: quick_check (or SQLite itself) finds it, the file is moved
// aside byte for byte (never deleted), the newest automatic backup is restored, and the
// message says what is missing. Also the backups themselves: at most one a day, seven kept.
import { existsSync } from 'node:fs';
import { mkdtemp, open, readFile, readdir, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadSummarySnapshot,
  openAnnotationStore,
  type NewAnnotation,
} from '../../../../src-main/services/annotations/store';
import {
  BACKUPS_KEPT,
  backupIfDue,
  listBackups,
  takeBackup,
} from '../../../../src-main/services/store/backup';
import { DATABASE_FILE, openUserDatabase } from '../../../../src-main/services/store/database';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lasaren-recovery-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const input = (note: string): NewAnnotation => ({
  documentId: '000_85e98cc4eb8dedfb',
  paragraph: 1,
  quote: { type: 'TextQuoteSelector', exact: 'National', prefix: '', suffix: ' Contact' },
  position: { type: 'TextPositionSelector', start: 0, end: 8 },
  colour: 'yellow',
  note,
  tags: [],
});

/** Two notes, a backup, then a third note the backup lacks; the file closed and checkpointed. */
async function savedWithBackup(): Promise<void> {
  const database = await openUserDatabase(dir);
  const store = await openAnnotationStore(dir, { database });
  await store.create(input('första'));
  await store.create(input('andra'));
  takeBackup(database.db, dir);
  await store.create(input('tredje'));
  database.close();
  expect(existsSync(join(dir, `${DATABASE_FILE}-wal`))).toBe(false);
}

async function overwrite(path: string, offset: number, length: number): Promise<void> {
  const handle = await open(path, 'r+');
  await handle.write(Buffer.alloc(length, 0xab), 0, length, offset);
  await handle.close();
}

/** The page an (empty) index lives on: damage there fails quick_check but leaves the notes readable. */
function indexPage(path: string): number {
  const db = new DatabaseSync(path, { readOnly: true });
  const { rootpage } = db
    .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'documents_by_sha256'")
    .get() as {
    rootpage: number;
  };
  db.close();
  return rootpage;
}

const damages: Array<[string, (path: string) => Promise<void>, RegExp]> = [
  ['a garbled header', (p) => overwrite(p, 0, 100), /kan saknas/],
  ['truncated to half', async (p) => truncate(p, Math.floor((await readFile(p)).length / 2)), /saknas/],
  ['an empty file', (p) => truncate(p, 0), /kan saknas/],
  [
    'a damaged page (the notes still readable)',
    (p) => overwrite(p, (indexPage(p) - 1) * 4096, 4096),
    /Jämfört med den skadade filen: 1 anteckning saknas\. De finns kvar i den flyttade filen\.$/,
  ],
];

describe('a damaged database', () => {
  it.each(damages)(
    '%s: moved aside, newest backup restored, the message says what is missing',
    async (_k, damage, missing) => {
      await savedWithBackup();
      const path = join(dir, DATABASE_FILE);
      await damage(path);
      const damaged = await readFile(path);

      const store = await openAnnotationStore(dir);
      expect(store.all().map((a) => a.note)).toEqual(['första', 'andra']);
      expect(store.problem?.sv).toMatch(
        /^Databasen med dina anteckningar var skadad \(.+\) och har flyttats till .*lasaren\.trasig-.*\.db; den tas aldrig bort\. Säkerhetskopian från .* har lästs in/,
      );
      expect(store.problem?.sv).toMatch(missing);
      // The same in English, for an interface set to English.
      expect(store.problem?.en).toMatch(
        /^The database with your notes was damaged \(.+\) and has been moved to .*lasaren\.trasig-.*\.db; it is never deleted\. The backup from .* has been read/,
      );
      const aside = (await readdir(dir)).filter((f) => /^lasaren\.trasig-.*\.db$/.test(f));
      expect(aside).toHaveLength(1);
      expect(await readFile(join(dir, aside[0]!))).toEqual(damaged);

      // Saving goes on in the restored database; the moved file is left alone.
      expect((await store.create(input('fjärde'))).ok).toBe(true);
      store.close();
      expect(await readFile(join(dir, aside[0]!))).toEqual(damaged);
      const reopened = await openAnnotationStore(dir);
      expect(reopened.problem).toBeNull();
      expect(reopened.all().map((a) => a.note)).toEqual(['första', 'andra', 'fjärde']);
      reopened.close();
    },
  );

  it('no backup: moved aside, starts empty, and says so', async () => {
    const store = await openAnnotationStore(dir);
    await store.create(input('första'));
    store.close();
    await overwrite(join(dir, DATABASE_FILE), 0, 100);
    const reopened = await openAnnotationStore(dir);
    expect(reopened.all()).toEqual([]);
    expect(reopened.problem?.sv).toMatch(
      /Det fanns ingen säkerhetskopia, så Läsaren startar utan anteckningar\. Den flyttade filen finns kvar\.$/,
    );
    reopened.close();
  });

  it('the backup damaged too: both kept, Läsaren starts empty and says so', async () => {
    await savedWithBackup();
    await overwrite(join(dir, DATABASE_FILE), 0, 100);
    const [backup] = listBackups(dir);
    await overwrite(backup!.path, 0, 100);
    const store = await openAnnotationStore(dir);
    expect(store.all()).toEqual([]);
    expect(store.problem?.sv).toMatch(
      /var skadad .* Även säkerhetskopian är skadad .*startar utan anteckningar/,
    );
    expect((await readdir(dir)).filter((f) => f.startsWith('lasaren.trasig'))).toHaveLength(2);
    expect(existsSync(backup!.path)).toBe(true);
    expect((await store.create(input('ny början'))).ok).toBe(true);
    store.close();
  });

  it('a file that is not a database at all (another program wrote it) is not taken for empty', async () => {
    await savedWithBackup();
    await writeFile(join(dir, DATABASE_FILE), 'inte en databas\n'.repeat(500));
    const store = await openAnnotationStore(dir);
    expect(store.all().map((a) => a.note)).toEqual(['första', 'andra']);
    expect(store.problem?.sv).toContain('var skadad');
    store.close();
  });
});

/**
 * ~10 MB (past the size from which the check runs in a worker beside the reads): 2,000 long
 * notes, a backup, then one more note the backup lacks; closed and checkpointed.
 */
async function largeWithBackup(): Promise<string> {
  const database = await openUserDatabase(dir);
  const store = await openAnnotationStore(dir, { database });
  const notes = Array.from({ length: 2_000 }, (_, i) => ({
    ...input(`${i} ${'långt stycke text '.repeat(280)}`),
    id: crypto.randomUUID(),
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    history: [],
  }));
  expect((await store.upsertMany(notes)).ok).toBe(true);
  takeBackup(database.db, dir);
  await store.create(input('efter säkerhetskopian'));
  database.close();
  const path = join(dir, DATABASE_FILE);
  expect((await readFile(path)).length).toBeGreaterThan(8 * 1024 * 1024);
  return path;
}

/** Damage the check finds while every note stays readable (an index's page). */
async function damageIndex(path: string): Promise<Buffer> {
  await overwrite(path, (indexPage(path) - 1) * 4096, 4096);
  return readFile(path);
}

describe('a large database (served while it is checked in a worker)', () => {
  it('healthy: served at once, the check passes, saves go on', async () => {
    await largeWithBackup();
    const healthy = await openAnnotationStore(dir);
    expect(healthy.problem).toBeNull();
    expect(healthy.summary().total).toBe(2_001);
    expect((await healthy.create(input('efter kontrollen'))).ok).toBe(true);
    expect(healthy.all()).toHaveLength(2_002);
    expect(healthy.problem).toBeNull();
    healthy.close();
  }, 60_000);

  it('damaged: read at once, then recovered from the backup; a save made during the check is kept', async () => {
    const path = await largeWithBackup();
    const damaged = await damageIndex(path);

    const database = await openUserDatabase(dir, { whileChecking: loadSummarySnapshot });
    const store = await openAnnotationStore(dir, { database });
    const changes: number[] = [];
    store.onChange(() => changes.push(store.revision()));
    // Served before the check answered: the damaged file's notes, no message yet.
    expect(store.problem).toBeNull();
    expect(store.summary().total).toBe(2_001);
    expect(store.forDocument(input('').documentId)).toHaveLength(2_001);
    const revisionBefore = store.revision();

    // A save issued now waits for the check and lands in the restored database.
    let acknowledged = false;
    const saving = store.create(input('sparad under kontrollen')).then((r) => {
      acknowledged = true;
      return r;
    });
    await Promise.resolve();
    expect(acknowledged).toBe(false);
    const saved = await saving;
    expect(saved.ok).toBe(true);

    // The recovery happened: message, change announced, restored notes plus the save.
    expect(store.problem?.sv).toMatch(
      /^Databasen med dina anteckningar var skadad \(.+\) och har flyttats till .*lasaren\.trasig-.*\.db; den tas aldrig bort\. Säkerhetskopian från .* har lästs in med 2000 anteckningar\. Jämfört med den skadade filen: 1 anteckning saknas\. De finns kvar i den flyttade filen\.$/,
    );
    expect(store.revision()).toBeGreaterThan(revisionBefore);
    expect(changes.length).toBeGreaterThanOrEqual(2);
    expect(store.summary().total).toBe(2_001);
    const notes = store.all().map((a) => a.note);
    expect(notes).toContain('sparad under kontrollen');
    expect(notes).not.toContain('efter säkerhetskopian');
    const aside = (await readdir(dir)).filter((f) => /^lasaren\.trasig-.*\.db$/.test(f));
    expect(aside).toHaveLength(1);
    // Byte for byte (Buffer.equals: a deep compare of 10 MB takes minutes).
    expect((await readFile(join(dir, aside[0]!))).equals(damaged)).toBe(true);
    store.close();
    database.close();

    // The next start: the restored file with the save, checked clean.
    const reopened = await openAnnotationStore(dir);
    await reopened.create(input('nästa start'));
    expect(reopened.problem).toBeNull();
    const again = reopened.all().map((a) => a.note);
    expect(again).toHaveLength(2_002);
    expect(again).toContain('sparad under kontrollen');
    reopened.close();
  }, 60_000);

  it('a synchronous write during the check (settings, imports) waits for it and goes to the restored file', async () => {
    const path = await largeWithBackup();
    await damageIndex(path);
    const database = await openUserDatabase(dir, { whileChecking: loadSummarySnapshot });
    expect(database.problems).toEqual([]);
    database.transaction(() =>
      database.db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run(),
    );
    expect(database.problems.map((p) => p.sv).join(' ')).toMatch(/var skadad .* 1 anteckning saknas/);
    const count = database.db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number };
    expect(count.n).toBe(2_000);
    database.close();
    const check = new DatabaseSync(path, { readOnly: true });
    expect(check.prepare("SELECT value FROM settings WHERE key = 'theme'").get()).toEqual({
      value: '"dark"',
    });
    expect(check.prepare('PRAGMA quick_check').get()).toEqual({ quick_check: 'ok' });
    check.close();
  }, 60_000);

  it('a small file is still checked before use: recovered before the first read', async () => {
    await savedWithBackup();
    const path = join(dir, DATABASE_FILE);
    await overwrite(path, (indexPage(path) - 1) * 4096, 4096);
    const store = await openAnnotationStore(dir);
    expect(store.problem?.sv).toMatch(/var skadad/);
    expect(store.all().map((a) => a.note)).toEqual(['första', 'andra']);
    store.close();
  });
});

describe('automatic backups', () => {
  it('at most one a day, complete files only, the newest seven kept', async () => {
    const database = await openUserDatabase(dir);
    const store = await openAnnotationStore(dir, { database });
    await store.create(input('första'));
    const day = 24 * 60 * 60 * 1000;
    const start = Date.UTC(2026, 0, 1, 9);
    expect(backupIfDue(database.db, dir, new Date(start))).not.toBeNull();
    expect(backupIfDue(database.db, dir, new Date(start + day - 1))).toBeNull();
    for (let i = 1; i <= 9; i++)
      expect(backupIfDue(database.db, dir, new Date(start + i * day))).not.toBeNull();
    const kept = listBackups(dir);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]!.taken.getTime()).toBe(start + 9 * day);
    expect(kept.at(-1)!.taken.getTime()).toBe(start + 3 * day);
    // Each is a whole database holding the note.
    const copy = new DatabaseSync(kept[0]!.path, { readOnly: true });
    expect(copy.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    expect(copy.prepare('SELECT note FROM annotations').all()).toEqual([{ note: 'första' }]);
    copy.close();
    // A half-written backup (a temp file) is never a candidate for restoring.
    await writeFile(`${kept[0]!.path}.999.tmp`, 'halv');
    await utimes(kept[0]!.path, new Date(), new Date());
    expect(listBackups(dir)).toHaveLength(BACKUPS_KEPT);
    database.close();
  });
});
