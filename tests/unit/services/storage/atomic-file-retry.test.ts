// The rename under every durable write survives the brief locks Windows antivirus scanners
// and the search indexer hold on new files: EPERM, EBUSY and EACCES are retried with a short
// backoff on real files, while a lasting lock or any other error still fails the write.
import { mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RENAME_BACKOFF_MS,
  renameWithRetry,
  type RenameFn,
} from '../../../../src-main/services/storage/atomic-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lasaren-rename-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function lockError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: operation not permitted, rename`), { code, syscall: 'rename' });
}

/** The real rename, failing with `code` for the first `times` calls (a lock that lets go). */
function lockedFor(times: number, code: string): { fn: RenameFn; calls: () => number } {
  let calls = 0;
  return {
    fn: async (from, to) => {
      calls++;
      if (calls <= times) throw lockError(code);
      await rename(from, to);
    },
    calls: () => calls,
  };
}

describe('renameWithRetry', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])('waits out a brief %s lock and replaces the file', async (code) => {
    const from = join(dir, 'new.tmp');
    const to = join(dir, 'annotations.json');
    await writeFile(from, 'ny');
    await writeFile(to, 'gammal');
    const locked = lockedFor(3, code);
    await renameWithRetry(from, to, locked.fn);
    expect(locked.calls()).toBe(4);
    expect(await readFile(to, 'utf8')).toBe('ny');
    expect(await readdir(dir)).toEqual(['annotations.json']);
  });

  it('gives up after the backoff (about 1.5 s) with the original error, leaving the old file', async () => {
    const from = join(dir, 'new.tmp');
    const to = join(dir, 'annotations.json');
    await writeFile(from, 'ny');
    await writeFile(to, 'gammal');
    const locked = lockedFor(Number.POSITIVE_INFINITY, 'EPERM');
    const started = Date.now();
    await expect(renameWithRetry(from, to, locked.fn)).rejects.toMatchObject({ code: 'EPERM' });
    const waited = Date.now() - started;
    expect(locked.calls()).toBe(RENAME_BACKOFF_MS.length + 1);
    const total = RENAME_BACKOFF_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(total).toBeLessThanOrEqual(2000);
    expect(waited).toBeGreaterThanOrEqual(total - 50);
    expect(await readFile(to, 'utf8')).toBe('gammal');
  });

  it('does not retry errors that are not locks (a missing file fails at once)', async () => {
    const locked = lockedFor(0, 'ENOENT');
    const started = Date.now();
    await expect(renameWithRetry(join(dir, 'saknas'), join(dir, 'mål'), locked.fn)).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(locked.calls()).toBe(1);
    expect(Date.now() - started).toBeLessThan(200);
  });
});
