// Parsing in a worker thread under limits: a real file comes back with progress, a parser
// that runs too long is stopped, one that needs too much memory is stopped, and the test
// process (standing in for the app) carries on every time.
import { describe, expect, it } from 'vitest';
import { parseInWorker } from '../../../../src-main/services/documents/import-worker';
import { testfile } from './import-fixtures';

describe('parseInWorker', () => {
  it('parses a real PDF off the main thread and reports page progress', async () => {
    const progress: number[] = [];
    const outcome = await parseInWorker(
      testfile('03_dir-2016-15-dataskyddsforordningen.pdf'),
      'dir.pdf',
      (done) => progress.push(done),
    );
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.document.pageCount).toBe(28);
    expect(progress.at(-1)).toBe(28);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 120_000);

  it('stops a parse that runs over its time limit and says so', async () => {
    const outcome = await parseInWorker(
      testfile('01_prop-2022-23-102_vapendirektivet.pdf'),
      'prop.pdf',
      undefined,
      {
        timeoutMs: 1500,
      },
    );
    expect(outcome).toMatchObject({ ok: false, error: { problem: 'timeout' } });
    if (!outcome.ok) expect(outcome.error.sv).toMatch(/tog för lång tid/);
  }, 60_000);

  it('stops a parse that needs more memory than allowed', async () => {
    const outcome = await parseInWorker(
      testfile('01_prop-2022-23-102_vapendirektivet.pdf'),
      'prop.pdf',
      undefined,
      {
        heapMb: 24,
        timeoutMs: 90_000,
      },
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(['memory', 'crashed']).toContain(outcome.error.problem);
  }, 120_000);

  it('reads Markdown with the collection parser', async () => {
    const outcome = await parseInWorker(
      testfile('26_g0vse_viktigare-lagar-arsskiftet-2023-2024.md'),
      'lagar.md',
    );
    expect(outcome.ok && outcome.format).toBe('markdown');
    if (!outcome.ok) return;
    expect(outcome.document.meta.title).toBe('Viktigare lagar och förordningar inför årsskiftet 2023/2024');
    expect(outcome.document.blocks.filter((b) => b.kind === 'heading').length).toBeGreaterThan(10);
  }, 120_000);

  it('refuses an oversize file without starting a worker', async () => {
    const outcome = await parseInWorker(new Uint8Array(2048), 'a.txt', undefined, { maxBytes: 1024 });
    expect(outcome).toMatchObject({ ok: false, error: { problem: 'too-large' } });
  });
});
