// Owns durable file replacement: temp file in the same folder, fsync, rename over the
// target, fsync the folder. A reader never sees a half-written file, and after a crash
// the target holds either the old or the new content. On Windows, antivirus scanners and the
// search indexer briefly hold new files open, so a rename that fails with EPERM, EBUSY or
// EACCES is retried with a short backoff (as graceful-fs does) before the write fails.
import { open, rename, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; rename is durable enough there (NTFS journal).
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Errors a transient lock on Windows produces; anything else fails at once. */
const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** Waits between attempts: 1.55 s in all, long enough for a scanner to let go. */
export const RENAME_BACKOFF_MS: readonly number[] = [10, 20, 40, 80, 150, 250, 400, 600];

export type RenameFn = (from: string, to: string) => Promise<void>;

/**
 * `rename`, retried while it fails with a transient lock error. The last error is thrown
 * unchanged when the lock outlasts the backoff, so the caller's message stays the same.
 */
export async function renameWithRetry(
  from: string,
  to: string,
  renameFn: RenameFn = rename,
  backoffMs: readonly number[] = RENAME_BACKOFF_MS,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await renameFn(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      const wait = backoffMs[attempt];
      if (!TRANSIENT_RENAME_ERRORS.has(code) || wait === undefined) throw e;
      await sleep(wait);
    }
  }
}

export interface AtomicWriteOptions {
  /** Keep the file being replaced under this name (the previous good version). */
  readonly backupPath?: string;
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    if (options.backupPath) {
      // A crash between these renames leaves no target but a backup holding the last
      // acknowledged version; the store loads it.
      await renameWithRetry(path, options.backupPath).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    }
    await renameWithRetry(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
}

/** Runs tasks one after another, in call order, so writes never interleave. */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
