// Owns recovering from a damaged database: the file (with its -wal and -shm) is moved aside,
// never deleted or overwritten, and the newest automatic backup is copied into its place. The
// message says what, if anything, is missing: when the damaged file can still be read, the
// notes it holds that the backup lacks (or holds older) are counted; otherwise the backup's
// time says from when changes may be missing.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { listBackups, type BackupFile } from './backup';

export function newestBackup(dataDir: string): BackupFile | undefined {
  return listBackups(dataDir)[0];
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function localTime(date: Date): string {
  return date.toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
}

function count(n: number): string {
  return `${n} ${n === 1 ? 'anteckning' : 'anteckningar'}`;
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
export function recoverDamaged(dataDir: string, path: string, damage: string): { message: string } {
  const aside = join(dataDir, `lasaren.trasig-${stamp()}.db`);
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  let message = `Databasen med dina anteckningar var skadad (${damage}) och har flyttats till ${aside}; den tas aldrig bort.`;

  const backup = newestBackup(dataDir);
  if (!backup) {
    return {
      message: `${message} Det fanns ingen säkerhetskopia, så Läsaren startar utan anteckningar. Den flyttade filen finns kvar.`,
    };
  }
  const temp = `${path}.${process.pid}.restore.tmp`;
  copyFileSync(backup.path, temp);
  renameSync(temp, path);
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });

  const restored = readNotes(path);
  message += ` Säkerhetskopian från ${localTime(backup.taken)} (${basename(backup.path)}) har lästs in${
    restored ? ` med ${count(restored.size)}` : ''
  }.`;
  const damaged = readNotes(aside);
  if (!damaged || !restored) {
    return {
      message: `${message} Den skadade filen gick inte att läsa, så det går inte att säga exakt vad som saknas: ändringar gjorda efter ${localTime(backup.taken)} kan saknas.`,
    };
  }
  let missing = 0;
  let older = 0;
  for (const [id, modified] of damaged) {
    const kept = restored.get(id);
    if (kept === undefined) missing++;
    else if (kept < modified) older++;
  }
  if (missing === 0 && older === 0)
    return { message: `${message} Inga anteckningar saknas jämfört med den skadade filen.` };
  const parts = [
    missing > 0 ? `${count(missing)} saknas` : '',
    older > 0 ? `${count(older)} finns bara i en äldre version` : '',
  ].filter(Boolean);
  return {
    message: `${message} Jämfört med den skadade filen: ${parts.join(' och ')}. De finns kvar i den flyttade filen.`,
  };
}
