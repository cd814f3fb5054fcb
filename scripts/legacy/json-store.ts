// The JSON annotation store of release 0.1 (src-main/services/annotations/store.ts before the
// database), kept as it was (its file reader is the migration's, the same rules) for two uses only, never by the app: scripts/bench-store.ts measures
// it next to the SQLite store, and the migration tests write a store exactly as that release
// did. The settings writer at the end is that release's settings.json format.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  STORE_SCHEMA_VERSION,
  type Annotation,
  type AnnotationBody,
  type AnnotationStoreFile,
  type AnnotationTarget,
} from '../../src-main/shared/annotation';
import { fail, ok, type Result } from '../../src-main/shared/result';
import { createSerialQueue, writeFileAtomic } from '../../src-main/services/storage/atomic-file';
import {
  LEGACY_FILES,
  readLegacyStoreFile,
  type LegacyRead,
} from '../../src-main/services/store/legacy-json';

export const STORE_FILE = LEGACY_FILES.annotations;
export const BACKUP_FILE = LEGACY_FILES.backup;

export type NewAnnotation = AnnotationTarget & AnnotationBody;

export interface JsonAnnotationStore {
  list(): readonly Annotation[];
  get(id: string): Annotation | undefined;
  create(input: NewAnnotation): Promise<Result<Annotation>>;
  update(id: string, patch: Partial<AnnotationBody>): Promise<Result<Annotation>>;
  remove(id: string): Promise<Result<Annotation>>;
  /** Puts exactly these annotations in place (by id) in ONE durable write: undo, import. */
  upsertMany(annotations: readonly Annotation[]): Promise<Result<void>>;
  onChange(listener: (annotations: readonly Annotation[]) => void): () => void;
  /** Set when the store file was unusable at open; a Swedish sentence for the user. */
  readonly problem: string | null;
}

/** Reads the file by the release's rules (shared with the one-time migration that reads it). */
async function readStoreFile(path: string): Promise<LegacyRead> {
  return readLegacyStoreFile(path);
}

function count(n: number): string {
  return `${n} ${n === 1 ? 'anteckning' : 'anteckningar'}`;
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Loads the store, recovering from the backup when the main file is unusable. */
async function load(dataDir: string): Promise<{ annotations: Annotation[]; problem: string | null }> {
  const path = join(dataDir, STORE_FILE);
  const backupPath = join(dataDir, BACKUP_FILE);
  const main = await readStoreFile(path);
  if ('annotations' in main) return { annotations: main.annotations, problem: null };

  let problem: string | null = null;
  if ('error' in main) {
    const aside = join(dataDir, `annotations.trasig-${timestamp()}.json`);
    await rename(path, aside);
    problem = `Anteckningsfilen ${main.error.sv} och har flyttats till ${aside}.`;
  }
  const backup = await readStoreFile(backupPath);
  if ('annotations' in backup) {
    // Missing main file but a good backup: a save was interrupted between its two renames.
    if (problem)
      problem += ` Den senaste säkerhetskopian (${count(backup.annotations.length)}) har lästs in.`;
    return { annotations: backup.annotations, problem };
  }
  if ('error' in backup) {
    const aside = join(dataDir, `annotations.backup.trasig-${timestamp()}.json`);
    await rename(backupPath, aside);
    problem =
      `${problem ?? ''} Säkerhetskopian ${backup.error.sv} och har flyttats till ${aside}. Läsaren startar utan anteckningar; de flyttade filerna finns kvar.`.trim();
  } else if (problem) {
    problem +=
      ' Det fanns ingen säkerhetskopia; Läsaren startar utan anteckningar, den flyttade filen finns kvar.';
  }
  return { annotations: [], problem };
}

const TEMP_FILE = /^\.annotations\.json\.(\d+)\.[0-9a-f]+\.tmp$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files left by a save that was killed before its rename. Such a save was never
 * acknowledged, so nothing the user was told is saved lives only there. A temp file of a
 * process that is still running (another Läsaren on the same folder) is left alone.
 */
async function removeStaleTempFiles(dataDir: string): Promise<void> {
  for (const name of await readdir(dataDir)) {
    const match = TEMP_FILE.exec(name);
    if (match && !isRunning(Number(match[1]))) await rm(join(dataDir, name), { force: true });
  }
}

export async function openJsonAnnotationStore(dataDir: string): Promise<JsonAnnotationStore> {
  await mkdir(dataDir, { recursive: true });
  await removeStaleTempFiles(dataDir);
  const path = join(dataDir, STORE_FILE);
  const backupPath = join(dataDir, BACKUP_FILE);
  const loaded = await load(dataDir);
  let annotations: readonly Annotation[] = loaded.annotations;
  const listeners = new Set<(all: readonly Annotation[]) => void>();
  const enqueue = createSerialQueue();

  /** Writes `next` durably, then makes it current. Serialized: no two writes interleave. */
  const commit = <T>(change: (current: readonly Annotation[]) => Result<{ next: Annotation[]; value: T }>) =>
    enqueue(async (): Promise<Result<T>> => {
      const result = change(annotations);
      if (!result.ok) return result;
      const file: AnnotationStoreFile = {
        schemaVersion: STORE_SCHEMA_VERSION,
        annotations: result.value.next,
      };
      try {
        await writeFileAtomic(path, JSON.stringify(file), { backupPath });
      } catch (e) {
        return fail(
          'io',
          `Anteckningen kunde inte sparas (${(e as Error).message}). Inget har ändrats; försök igen.`,
          `The note could not be saved (${(e as Error).message}). Nothing was changed; try again.`,
        );
      }
      annotations = result.value.next;
      for (const listener of listeners) listener(annotations);
      return ok(result.value.value);
    });

  const notFound = (id: string) =>
    fail<never>(
      'not-found',
      `Anteckningen ${id} finns inte längre (den kan ha tagits bort i ett annat fönster).`,
      `The note ${id} no longer exists (it may have been deleted in another window).`,
    );

  return {
    problem: loaded.problem,
    list: () => annotations,
    get: (id) => annotations.find((a) => a.id === id),
    create: (input) =>
      commit((current) => {
        const now = new Date().toISOString();
        const created: Annotation = { ...input, id: randomUUID(), created: now, modified: now, history: [] };
        return ok({ next: [...current, created], value: created });
      }),
    update: (id, patch) =>
      commit((current) => {
        const existing = current.find((a) => a.id === id);
        if (!existing) return notFound(id);
        const updated: Annotation = { ...existing, ...patch, modified: new Date().toISOString() };
        return ok({ next: current.map((a) => (a.id === id ? updated : a)), value: updated });
      }),
    remove: (id) =>
      commit((current) => {
        const existing = current.find((a) => a.id === id);
        if (!existing) return notFound(id);
        return ok({ next: current.filter((a) => a.id !== id), value: existing });
      }),
    upsertMany: (incoming) =>
      commit((current) => {
        const byId = new Map(incoming.map((a) => [a.id, a]));
        const next = current.map((a) => byId.get(a.id) ?? a);
        const present = new Set(current.map((a) => a.id));
        for (const a of byId.values()) if (!present.has(a.id)) next.push(a);
        return ok({ next, value: undefined });
      }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Writes settings.json as release 0.1 did (pretty-printed, newline at the end). */
export async function writeLegacySettings(dataDir: string, settings: object): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFileAtomic(join(dataDir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}
