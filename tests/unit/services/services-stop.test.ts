// Stopping the services (the browser host's fixture, tests): once `stop()` resolves, nothing
// of them writes into the data folder any more, so it can be removed at once. Before, the
// fixture closed only the HTTP server: the search index built at start was still being stored
// (and the backup timer still armed) while the folder was removed, and `rm` met ENOTEMPTY.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../../src-main/services';
import { INDEX_FILE_NAME } from '../../../src-main/services/search/index-file';
import { ROOT, integrationDir } from './documents/shared-path';

describe('stopping the services', () => {
  it('waits for the search index built at start to be stored, then leaves the folder alone', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-stop-'));
    // A collection seen for the first time: its search index is built and stored in the data
    // folder in the background, after openServices has returned.
    const services = await openServices({
      resourcesDir: join(ROOT, 'resources'),
      dataDir,
      collectionDir: integrationDir(),
      openExternal: async () => undefined,
    });
    const stored = async () =>
      (await readdir(dataDir, { recursive: true })).some((f) => f.endsWith(INDEX_FILE_NAME));
    expect(await stored()).toBe(false);
    await services.stop();
    expect(await stored()).toBe(true);
    // No retries needed: nothing is writing. And nothing writes afterwards.
    await rm(dataDir, { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(existsSync(dataDir)).toBe(false);
  });

  it('waits for an import being stored', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-stop-'));
    const services = await openServices({
      resourcesDir: join(ROOT, 'resources'),
      dataDir,
      openExternal: async () => undefined,
      watchIntervalMs: 0,
    });
    const adding = services.imports.add('a.md', new TextEncoder().encode('# Rubrik\n\nEtt stycke text.\n'));
    await services.stop();
    // The import was stored before the database closed, and is there at the next start.
    await expect(adding).resolves.toMatchObject({ ok: true, fileName: 'a.md' });
    const again = await openServices({
      resourcesDir: join(ROOT, 'resources'),
      dataDir,
      openExternal: async () => undefined,
      watchIntervalMs: 0,
    });
    expect(again.imports.list().map((d) => d.title)).toEqual(['Rubrik']);
    await again.stop();
    await rm(dataDir, { recursive: true });
    expect(existsSync(dataDir)).toBe(false);
  });
});
