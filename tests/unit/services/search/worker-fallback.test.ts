// A search worker that cannot load (the installed app's failure before the worker was
// bundled: it imported flexsearch by name from app.asar.unpacked, where no node_modules
// exists) must not leave search dead: the service logs a warning, builds in-process and
// answers queries.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { buildEngine } from '../../../../src-main/services/search/build';
import { createSearchService } from '../../../../src-main/services/search/service';
import { openDocs } from './helpers';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Starts a real worker whose module imports flexsearch by bare name from a folder without node_modules. */
async function unpackedWorkerWithoutDependencies(): Promise<typeof buildEngine> {
  const dir = await mkdtemp(join(tmpdir(), 'lasaren-unpacked-'));
  temps.push(dir);
  const file = join(dir, 'search-worker.js');
  await writeFile(
    file,
    "import 'flexsearch';\nimport { parentPort } from 'node:worker_threads';\nparentPort.once('message', () => parentPort.postMessage(null));\n",
  );
  return (records) =>
    new Promise((_resolve, reject) => {
      const worker = new Worker(file);
      worker.once('error', reject);
      worker.postMessage(records);
    });
}

describe('search worker fallback', () => {
  it('builds in-process with a logged warning when the worker cannot load, and search works', async () => {
    const library = await openDocs();
    const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-data-'));
    const resourcesDir = await mkdtemp(join(tmpdir(), 'lasaren-resources-'));
    temps.push(dataDir, resourcesDir);
    const log: string[] = [];
    const search = createSearchService(library, {
      resourcesDir,
      dataDir,
      log: (line) => log.push(line),
      build: await unpackedWorkerWithoutDependencies(),
    });
    expect(await search.ready).toMatch(/^Sökindexet byggdes om \(\d+ stycken\)\.$/);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(
      /^Varning: sökindexets arbetstråd misslyckades \(.*flexsearch.*\); indexet byggs i huvudprocessen i stället\.$/,
    );
    const response = await search.search('regeringen');
    expect(response.hits.length).toBeGreaterThan(0);
    expect(response.hits[0]?.text.toLowerCase()).toContain('regeringen');
  });
});
