// `npm run bench:library`: the library UI at the scale of the whole regeringen.se collection,
// measured in Debian's Chromium against the real browser host (`src-main/host/main.ts
// --collection DIR`, its index built on first use and kept in the data folder). Prints:
// - first paint: navigation → rows painted (requestAnimationFrame after they appear), and the
//   app's own part of it (document list arrived → painted);
// - keystroke → painted list, p50/p95, for typed sequences ("migration", "sou 2026", …);
// - facet choices, sort changes and grouping → painted list;
// and, in the same run and browser, the same list rendered the plain way (every matching row in
// the DOM, each field lowercased on every keystroke), plus the filter alone in Node (the app's
// catalogue against a naive filter). A script that prints figures, never a test.
// Options: --collection DIR (default /tmp/lasaren-scale/regeringen-se) --data DIR (default
// /tmp/lasaren-scale/ui-data) --runs N (first-paint repetitions, default 5) --no-plain.
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import type { DocumentSummary } from '../src-main/shared/documents/model';
import { plainListPage } from './bench-library-plain';
import { compareFilters } from './library-filter-compare';
import { machineLine, openBenchBrowser, startBenchHost, stats } from './bench-ui-host';
import { RECORD_IPC_CALLS } from './ipc-calls';

const { values } = parseArgs({
  options: {
    collection: { type: 'string', default: '/tmp/lasaren-scale/regeringen-se' },
    data: { type: 'string', default: '/tmp/lasaren-scale/ui-data' },
    runs: { type: 'string', default: '5' },
    'no-plain': { type: 'boolean' },
  },
});
const RUNS = Math.max(1, Number(values.runs));
const TYPED = ['migration', 'sou 2026', 'prop 2012/13', 'nyanlända kvinnor', 'fpm54', 'dir. 2011:88'];

declare global {
  interface Window {
    __painted?: number;
    __latency?: number;
  }
}

/** Navigation → first row painted: the time of the frame after `.library a.doc` appeared. */
const WATCH_FIRST_PAINT = () => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.library a.doc')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.__painted = performance.now()), 0));
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true }),
  );
};

/**
 * Arms a measurement: from the next key, input or change event (the user's action) until the
 * frame after `selector`'s `attribute` equals (or, with `differs`, no longer equals) `value`
 * has been painted.
 */
async function arm(
  page: Page,
  selector: string,
  attribute: string,
  value: string,
  mode: 'equals' | 'differs',
): Promise<void> {
  await page.evaluate(
    ({ selector, attribute, value, mode }) => {
      window.__latency = undefined;
      let t0 = 0;
      const start = () => (t0 ||= performance.now());
      for (const type of ['keydown', 'input', 'change'])
        document.addEventListener(type, start, { once: true, capture: true });
      const target = document.querySelector(selector)!;
      const done = () => (target.getAttribute(attribute) === value) === (mode === 'equals');
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.__latency = performance.now() - t0), 0));
      });
      observer.observe(target, { attributes: true, attributeFilter: [attribute] });
    },
    { selector, attribute, value, mode },
  );
}

async function measured(page: Page, act: () => Promise<void>): Promise<number> {
  await act();
  await page.waitForFunction(() => window.__latency !== undefined, null, { timeout: 120_000 });
  return page.evaluate(() => window.__latency!);
}

interface Figures {
  firstPaint: number[];
  appPaint: number[];
  listCall: number[];
  firstAnswer: number[];
  firstCall: number[];
  wholeList: number[];
  keys: number[];
  facets: number[];
  sorts: number[];
  groups: number[];
  heapMb: number;
  count: number;
}

/** The app: first paint over `RUNS` fresh loads, then typing, facets, sorting and grouping. */
async function measureApp(page: Page, url: string): Promise<Figures> {
  const f: Figures = {
    firstPaint: [],
    appPaint: [],
    listCall: [],
    firstAnswer: [],
    firstCall: [],
    wholeList: [],
    keys: [],
    facets: [],
    sorts: [],
    groups: [],
    heapMb: 0,
    count: 0,
  };
  await page.addInitScript(WATCH_FIRST_PAINT);
  await page.addInitScript(RECORD_IPC_CALLS);
  for (let run = 0; run < RUNS + 1; run++) {
    await page.goto('about:blank');
    await page.goto(`${url}#/`);
    await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 120_000 });
    // The whole list follows the first screen in the background: wait for it too.
    await page.waitForFunction(
      () => document.querySelector('.library')?.getAttribute('data-complete') === 'true',
      null,
      { timeout: 120_000 },
    );
    if (run === 0) continue; // the first load warms the host's and the browser's caches
    const m = await page.evaluate(() => ({
      firstAnswer: performance.getEntriesByName('lasaren:library-first-screen')[0]?.startTime ?? -1,
      firstCall:
        (performance.getEntriesByName('lasaren:library-first-screen')[0]?.startTime ?? 0) -
        (performance.getEntriesByName('lasaren:library-first-screen-asked')[0]?.startTime ?? 0),
      wholeList: performance.getEntriesByName('lasaren:library-loaded')[0]?.startTime ?? -1,
      painted: window.__painted!,
      app: performance.getEntriesByName('lasaren:library-first-paint').at(-1)?.duration ?? -1,
      list:
        window
          .__ipc!.filter((c) => c.channel === 'library:list' && c.arrived !== undefined)
          .map((c) => {
            // Sent → the answer in: the fetch of its address when it came as one.
            const fetched = c.at
              ? performance.getEntriesByType('resource').find((r) => r.name.endsWith(c.at!))
              : undefined;
            return ((fetched as PerformanceResourceTiming | undefined)?.responseEnd ?? c.arrived!) - c.sent;
          })
          .sort((a, b) => b - a)[0] ?? -1,
    }));
    f.firstPaint.push(m.painted);
    f.appPaint.push(m.app);
    f.listCall.push(m.list);
    f.firstAnswer.push(m.firstAnswer);
    f.firstCall.push(m.firstCall);
    f.wholeList.push(m.wholeList);
  }
  f.count = await page.locator('.library').evaluate((el) => Number(el.getAttribute('data-count')));
  const query = () => page.locator('.library').evaluate((el) => el.getAttribute('data-query') ?? '');
  const field = page.getByRole('searchbox', { name: 'Filtrera', exact: true });
  // Let the catalogue prepare its searchable text (done once, after the first paint).
  await page.waitForTimeout(1500);
  for (const text of TYPED) {
    await field.fill('');
    await page.waitForFunction(() => document.querySelector('.library')?.getAttribute('data-filter') === '');
    await field.focus();
    for (const key of text) {
      const expected = (await field.inputValue()) + key;
      await arm(page, '.library', 'data-filter', expected, 'equals');
      f.keys.push(await measured(page, () => page.keyboard.type(key)));
    }
  }
  await field.fill('');
  await page.waitForFunction(() => document.querySelector('.library')?.getAttribute('data-filter') === '');
  const change = async (label: string, value: string, into: number[]) => {
    const select = page.getByRole('combobox', { name: label, exact: true });
    await arm(page, '.library', 'data-query', await query(), 'differs');
    into.push(await measured(page, () => select.selectOption(value).then(() => undefined)));
  };
  /** The nth real choice of a menu (wrapping when it has fewer). */
  const nthValue = async (label: string, nth: number) => {
    const options = page.getByRole('combobox', { name: label, exact: true }).locator('option');
    const n = (await options.count()) - 1;
    return (await options.nth(1 + (nth % Math.max(1, n))).getAttribute('value')) ?? '';
  };
  for (let round = 0; round < 3; round++) {
    for (const label of ['Typ', 'År', 'Utgivare']) {
      await change(label, await nthValue(label, round), f.facets);
      await change(label, '', f.facets);
    }
    for (const sort of ['designation', 'title', 'date']) await change('Sortera', sort, f.sorts);
    for (const on of [true, false]) {
      const box = page.getByRole('checkbox', { name: 'Gruppera efter typ' });
      await arm(page, '.library', 'data-query', await query(), 'differs');
      f.groups.push(await measured(page, () => (on ? box.check() : box.uncheck())));
    }
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  f.heapMb = usedSize / 1048576;
  return f;
}

/** The same documents rendered the plain way in the same browser: every row in the DOM. */
async function measurePlain(page: Page, docs: readonly DocumentSummary[]) {
  const firstPaint: number[] = [];
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    await page.setContent(plainListPage());
    firstPaint.push(
      await page.evaluate(async (list) => {
        const t0 = performance.now();
        (window as unknown as { plainRender(d: unknown): void }).plainRender(list);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      }, docs),
    );
  }
  // Each prefix of the typed sequences, rendered as the input event would, to the painted frame.
  const keys = await page.evaluate(
    async (typed) => {
      const out: number[] = [];
      const render = (window as unknown as { plainFilter(text: string): void }).plainFilter;
      for (const text of typed)
        for (let n = 1; n <= text.length; n++) {
          const t0 = performance.now();
          render(text.slice(0, n));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          out.push(performance.now() - t0);
        }
      return out;
    },
    TYPED.slice(0, 2),
  );
  return { firstPaint, keys };
}

/** The filter alone in Node: the app's catalogue against lowercasing every field per keystroke. */
function measureFilterInNode(docs: readonly DocumentSummary[]) {
  return compareFilters(docs, TYPED, true);
}

async function main(): Promise<void> {
  console.log(machineLine());
  const { url, child } = await startBenchHost(values.collection!, values.data!);
  const { browser, context } = await openBenchBrowser();
  try {
    const page = await context.newPage();
    const app = await measureApp(page, url);
    const docs = await page.evaluate(async () => {
      const r = await window.lasaren.listDocuments();
      return r.ok ? r.value : [];
    });
    const bytes = Buffer.byteLength(JSON.stringify(docs));
    console.log(
      `\nBiblioteket med ${app.count.toLocaleString('sv-SE')} dokument (listan ${(bytes / 1048576).toFixed(1)} MB JSON), Chromium ${browser.version()}, fönster 1366×768`,
    );
    const lines = [
      `| första målning: navigering → rader målade | ${stats(app.firstPaint)} | |`,
      `| … varav navigering → första skärmen från main framme (getLibraryFirstScreen) | ${stats(app.firstAnswer)} | |`,
      `| … varav anropet getLibraryFirstScreen (värdens IPC-uttag, 40 rader + facetter) | ${stats(app.firstCall)} | |`,
      `| … varav appen: första skärmen kom → rader målade | ${stats(app.appPaint)} | ≤ 100 ms |`,
      `| navigering → hela listan framme i bakgrunden | ${stats(app.wholeList)} | |`,
      `| … varav anropet listDocuments (värdens IPC-uttag, svaret hämtat med HTTP: över 1 MB) | ${stats(app.listCall)} | |`,
      `| tangent i filtret → målad lista (${TYPED.map((q) => `"${q}"`).join(', ')}) | ${stats(app.keys)} | ≤ 50 ms |`,
      `| val i menyerna Typ, År, Utgivare → målad lista | ${stats(app.facets)} | ≤ 50 ms |`,
      `| ändrad sortering → målad lista | ${stats(app.sorts)} | |`,
      `| gruppera efter typ av/på → målad lista | ${stats(app.groups)} | |`,
      `| JS-heap i sidan efter mätningarna | ${app.heapMb.toFixed(0)} MB | |`,
    ];
    console.log('| mått (Läsaren) | tid | mål |\n| --- | --- | --- |');
    for (const l of lines) console.log(l);
    if (!values['no-plain']) {
      const plain = await measurePlain(await context.newPage(), docs);
      console.log(
        '\nSamma lista i samma webbläsare utan virtualisering (varje träff en rad i DOM, naivt filter):',
      );
      console.log('| mått (enkel lista) | tid |\n| --- | --- |');
      console.log(
        `| första målning av ${docs.length.toLocaleString('sv-SE')} rader | ${stats(plain.firstPaint)} |`,
      );
      console.log(`| tangent → målad lista (${TYPED.slice(0, 2).join(', ')}) | ${stats(plain.keys)} |`);
    }
    const node = measureFilterInNode(docs);
    console.log('\nFiltret ensamt i Node (ingen målning), samma tangentsekvenser:');
    console.log(`| Läsarens katalog | ${stats(node.prepared)} |`);
    console.log(`| naivt filter (gemener för varje fält och tangent) | ${stats(node.naive)} |`);
  } finally {
    await browser.close();
    child.kill('SIGINT');
  }
}

await main();
