// Every CLI command on another collection folder (--collection DIR): search builds and caches
// the collection's indexes on first use and reads them the next time; hits name documents by
// designation; a folder that is no collection is refused with a Swedish sentence, exit 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { integrationDir } from '../services/documents/shared-path';

const ROOT = join(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'lasaren-cli-collection-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('--collection DIR', () => {
  it('searches the integration collection, caching its indexes in the data folder', () => {
    const args = [
      'search',
      'samhällsorientering',
      '--json',
      '--data',
      dataDir,
      '--collection',
      integrationDir(),
    ];
    const first = cli(...args);
    expect(first.code, first.err).toBe(0);
    const { hits } = JSON.parse(first.out) as { hits: Array<{ documentId: string; title: string }> };
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => /^(SOU|Dir\.|Prop\.|Ds) /.test(h.title) || / – /.test(h.title))).toBe(true);
    const slots = readdirSync(join(dataDir, 'collections'));
    expect(slots).toHaveLength(1);
    for (const f of ['collection-index.json', 'collection-records.ndjson', 'search-index.ndjson'])
      expect(existsSync(join(dataDir, 'collections', slots[0]!, f)), f).toBe(true);
    const again = cli(...args);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.out) as { hits: unknown }).hits).toEqual(hits);
  }, 300_000);

  it('exports and lists notes on the collection, and refuses a folder without a manifest', () => {
    const out = join(dataDir, 'export.md');
    const exported = cli(
      'export',
      '--format',
      'md',
      '--out',
      out,
      '--data',
      dataDir,
      '--collection',
      integrationDir(),
    );
    expect(exported.code, exported.err).toBe(0);
    expect(cli('notes', 'list', '--data', dataDir, '--collection', integrationDir()).code).toBe(0);
    const refused = cli('search', 'x', '--data', dataDir, '--collection', tmpdir());
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/ingen samling: mappen saknar manifest\.ndjson/);
  }, 300_000);
});
