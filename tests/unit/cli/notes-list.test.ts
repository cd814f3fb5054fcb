// `npm run cli -- notes list`: the stored annotations, readable and as JSON, from --data.
import { execFile } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openAnnotationStore } from '../../../src-main/services/annotations/store';

const run = promisify(execFile);
const MAIN = join(import.meta.dirname, '../../../src-main/cli/main.ts');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lasaren-cli-'));
  const store = await openAnnotationStore(dir);
  await store.create({
    documentId: '000_85e98cc4eb8dedfb',
    paragraph: 2,
    quote: { type: 'TextQuoteSelector', exact: 'Nätverket', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 41, end: 50 },
    colour: 'green',
    note: 'Första raden\nandra raden <b>inte fet</b>',
    tags: ['nätverk', 'EU'],
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', MAIN, ...args]);

it('lists document, paragraph, quote, note and tags', async () => {
  const { stdout } = await cli('notes', 'list', '--data', dir);
  expect(stdout).toContain('000_85e98cc4eb8dedfb  stycke 2  (grön)');
  expect(stdout).toContain('Citat:      ”Nätverket”');
  expect(stdout).toContain('Anteckning: Första raden\n              andra raden <b>inte fet</b>');
  expect(stdout).toContain('Taggar:     nätverk, EU');
  expect(stdout).toContain('1 anteckningar i');
});

it('prints JSON with --json', async () => {
  const { stdout } = await cli('notes', 'list', '--json', '--data', dir);
  const parsed = JSON.parse(stdout) as { annotations: { note: string; tags: string[] }[]; problem: null };
  expect(parsed.problem).toBeNull();
  expect(parsed.annotations[0]?.tags).toEqual(['nätverk', 'EU']);
});

it('rejects an unknown option with usage and exit code 2', async () => {
  await expect(cli('notes', 'list', '--jsn')).rejects.toMatchObject({ code: 2 });
});

it('does not create a missing data folder', async () => {
  const missing = join(dir, 'finns-inte');
  await expect(cli('notes', 'list', '--data', missing)).rejects.toMatchObject({ code: 1 });
  await expect(access(missing)).rejects.toThrow();
});
