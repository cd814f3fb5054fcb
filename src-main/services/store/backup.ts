// Owns the automatic backups of the database: a consistent copy taken with `VACUUM INTO` at
// most once a day into `<data>/backups/`, written under a temporary name and renamed, so a
// backup file that exists is complete. The newest seven are kept; recovery.ts restores from
// the newest one when the database is damaged.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';

export const BACKUP_DIR = 'backups';
export const BACKUPS_KEPT = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const BACKUP_NAME = /^lasaren-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.db$/;

export interface BackupFile {
  readonly path: string;
  /** When it was taken (from its name). */
  readonly taken: Date;
}

function nameFor(time: Date): string {
  return `lasaren-${time.toISOString().replace(/[:.]/g, '-')}.db`;
}

function parseTime(stamp: string): Date {
  return new Date(stamp.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z'));
}

/** The complete backups, newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(join(dataDir, BACKUP_DIR));
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const match = BACKUP_NAME.exec(name);
      return match?.[1] ? [{ path: join(dataDir, BACKUP_DIR, name), taken: parseTime(match[1]) }] : [];
    })
    .filter((b) => !Number.isNaN(b.taken.getTime()) && statSync(b.path).size > 0)
    .sort((a, b) => b.taken.getTime() - a.taken.getTime());
}

/**
 * Takes a backup when the newest is a day old or older (or there is none), then removes all
 * but the newest BACKUPS_KEPT. Returns the new backup's path, or null when none was due.
 */
export function backupIfDue(db: DatabaseSync, dataDir: string, now = new Date()): string | null {
  const newest = listBackups(dataDir)[0];
  if (newest && now.getTime() - newest.taken.getTime() < DAY_MS) return null;
  return takeBackup(db, dataDir, now);
}

export function takeBackup(db: DatabaseSync, dataDir: string, now = new Date()): string {
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, nameFor(now));
  const temp = `${path}.${process.pid}.tmp`;
  rmSync(temp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  for (const old of listBackups(dataDir).slice(BACKUPS_KEPT)) rmSync(old.path, { force: true });
  return path;
}
