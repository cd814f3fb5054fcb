// Owns recovering from a damaged database: the file (with its -wal and -shm) is moved aside,
// never deleted or overwritten, and the newest automatic backup is copied into its place. The
// message says what, if anything, is missing: when the damaged file can still be read, the
// notes it holds that the backup lacks (or holds older) are counted; otherwise the backup's
// time says from when changes may be missing.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Bilingual } from '../../shared/result';
import { listBackups, type BackupFile } from './backup';

export function newestBackup(dataDir: string): BackupFile | undefined {
  return listBackups(dataDir)[0];
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function localTime(date: Date, locale: 'sv-SE' | 'en-GB' = 'sv-SE'): string {
  return date.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
}

function count(n: number): Bilingual {
  return {
    sv: `${n} ${n === 1 ? 'anteckning' : 'anteckningar'}`,
    en: `${n} ${n === 1 ? 'note' : 'notes'}`,
  };
}

/** id → modified of every note in a database file, or null when it cannot be read. */
function readNotes(path: string): Map<string, string> | null {
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(path, { readOnly: true });
    const rows = db.prepare('SELECT id, modified FROM annotations').all() as Array<{
      id: string;
      modified: string;
    }>;
    return new Map(rows.map((r) => [r.id, r.modified]));
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** Moves the damaged file aside and restores the newest backup; returns the user's message. */
export function recoverDamaged(dataDir: string, path: string, damage: string): { message: Bilingual } {
  const aside = join(dataDir, `lasaren.trasig-${stamp()}.db`);
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  const moved: Bilingual = {
    sv: `Databasen med dina anteckningar var skadad (${damage}) och har flyttats till ${aside}; den tas aldrig bort.`,
    en: `The database with your notes was damaged (${damage}) and has been moved to ${aside}; it is never deleted.`,
  };
  const say = (sv: string, en: string) => ({ message: { sv: `${moved.sv} ${sv}`, en: `${moved.en} ${en}` } });

  const backup = newestBackup(dataDir);
  if (!backup) {
    return say(
      'Det fanns ingen säkerhetskopia, så Läsaren startar utan anteckningar. Den flyttade filen finns kvar.',
      'There was no backup, so Läsaren starts without notes. The moved file is kept.',
    );
  }
  const temp = `${path}.${process.pid}.restore.tmp`;
  copyFileSync(backup.path, temp);
  renameSync(temp, path);
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });

  const restored = readNotes(path);
  const name = basename(backup.path);
  const held = restored ? count(restored.size) : null;
  const read = {
    sv: `Säkerhetskopian från ${localTime(backup.taken)} (${name}) har lästs in${held ? ` med ${held.sv}` : ''}.`,
    en: `The backup from ${localTime(backup.taken, 'en-GB')} (${name}) has been read${held ? ` with ${held.en}` : ''}.`,
  };
  const damaged = readNotes(aside);
  if (!damaged || !restored) {
    return say(
      `${read.sv} Den skadade filen gick inte att läsa, så det går inte att säga exakt vad som saknas: ändringar gjorda efter ${localTime(backup.taken)} kan saknas.`,
      `${read.en} The damaged file could not be read, so what is missing cannot be said exactly: changes made after ${localTime(backup.taken, 'en-GB')} may be missing.`,
    );
  }
  let missing = 0;
  let older = 0;
  for (const [id, modified] of damaged) {
    const kept = restored.get(id);
    if (kept === undefined) missing++;
    else if (kept < modified) older++;
  }
  if (missing === 0 && older === 0)
    return say(
      `${read.sv} Inga anteckningar saknas jämfört med den skadade filen.`,
      `${read.en} No notes are missing compared with the damaged file.`,
    );
  const sv = [
    missing > 0 ? `${count(missing).sv} saknas` : '',
    older > 0 ? `${count(older).sv} finns bara i en äldre version` : '',
  ].filter(Boolean);
  const en = [
    missing > 0 ? `${count(missing).en} ${missing === 1 ? 'is' : 'are'} missing` : '',
    older > 0 ? `${count(older).en} ${older === 1 ? 'exists' : 'exist'} only in an older version` : '',
  ].filter(Boolean);
  return say(
    `${read.sv} Jämfört med den skadade filen: ${sv.join(' och ')}. De finns kvar i den flyttade filen.`,
    `${read.en} Compared with the damaged file: ${en.join(' and ')}. They are still in the moved file.`,
  );
}
