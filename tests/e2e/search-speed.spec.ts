// Keystroke to painted results with a 100,000-paragraph corpus loaded (the issue's ≤ 50 ms
// target). Prints the figure; never fails on timing, only when results do not appear.
// The corpus is the benchmark's (deterministic Swedish words, Zipf), written once as a
// resources folder with its index built, and served by the browser host (`--resources`).
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, querySets, swedishWords, writeCorpusFolder } from '../../scripts/bench-corpus';
import { openCollection } from '../../src-main/services/documents/collection';
import { INDEX_FILE_NAME, contentHash, readIndexFile } from '../../src-main/services/search/index-file';
import { writeResourcesIndex } from '../../src-main/services/search/service';
import { expect, leavesApp, test } from './fixtures';

const PARAGRAPHS = 100_000;
// The name says the layout (a manifest.ndjson collection), so a folder left by an older layout
// is never mistaken for this one.
const CORPUS = join(tmpdir(), `lasaren-e2e-korpus-${PARAGRAPHS}-manifest`);

declare global {
  interface Window {
    __searchLatency?: number;
  }
}

test.describe('with a 100,000-paragraph corpus', () => {
  test.use({ resourcesDir: CORPUS });

  test.beforeAll(async ({ hostKind }) => {
    if (hostKind !== 'browser') return;
    test.setTimeout(900_000);
    if (!existsSync(join(CORPUS, 'documents', 'manifest.ndjson')))
      await writeCorpusFolder(CORPUS, PARAGRAPHS);
    const library = await openCollection(join(CORPUS, 'documents'), { cacheDir: CORPUS, origin: 'shipped' });
    const hash = contentHash(await library.searchRecords());
    if (!(await readIndexFile(join(CORPUS, INDEX_FILE_NAME), hash))) await writeResourcesIndex(CORPUS);
  });

  test('keystroke to painted results (prints the figure)', async ({ app }, testInfo) => {
    test.skip(app.kind !== 'browser', 'The corpus is served by the browser host only.');
    test.setTimeout(300_000);
    const { page } = app;
    await page.goto(app.url('#/'));
    const field = page.getByRole('combobox', { name: 'Sök i dokument och anteckningar' });
    // The first search waits until the index is loaded.
    await field.fill('start');
    await expect(page.locator('[data-query="start"]')).toBeVisible({ timeout: 120_000 });

    const queries = querySets(generateCorpus(PARAGRAPHS, swedishWords()), 20, 7)['ett ord'];
    const samples: number[] = [];
    for (const query of queries) {
      await field.fill(query.slice(0, -1));
      await expect(page.locator(`[data-query="${query.slice(0, -1)}"]`)).toBeVisible();
      await page.evaluate((full) => {
        window.__searchLatency = undefined;
        const input = document.getElementById('sokfalt') as HTMLInputElement;
        let t0 = 0;
        input.addEventListener('keydown', () => (t0 = performance.now()), { once: true, capture: true });
        const observer = new MutationObserver(() => {
          if (!document.querySelector(`[data-query="${CSS.escape(full)}"]`)) return;
          observer.disconnect();
          // After the next frame is painted.
          requestAnimationFrame(() => setTimeout(() => (window.__searchLatency = performance.now() - t0), 0));
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }, query);
      await page.keyboard.press(query.slice(-1));
      await page.waitForFunction(() => window.__searchLatency !== undefined);
      samples.push(await page.evaluate(() => window.__searchLatency as number));
      await expect(page.getByRole('option').first()).toBeVisible();
    }
    samples.sort((a, b) => a - b);
    const at = (p: number) =>
      samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))] ?? 0;
    const figure = `Tangent → målade sökträffar med ${PARAGRAPHS.toLocaleString('sv-SE')} stycken: p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, max ${at(100).toFixed(1)} ms (${samples.length} frågor; mål ≤ 50 ms)`;
    console.log(figure);
    testInfo.annotations.push({ type: 'mätning', description: figure });
    // The panel draws its first screen with the answer and the rest a frame later: every hit
    // the count line promises must end up in the list.
    const promised = Number(/(\d+)/.exec((await page.locator('.search .summary').textContent()) ?? '')?.[1]);
    expect(promised).toBeGreaterThan(16);
    await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(promised);
    await expect(page.getByRole('listbox')).toHaveAttribute('data-complete', 'true');
    expect(app.requests.filter(leavesApp)).toEqual([]);
  });
});
