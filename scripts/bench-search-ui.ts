// `npm run bench:search-ui`: the header search at the scale of the whole regeringen.se
// collection, in Debian's Chromium against the real browser host (`src-main/host/main.ts
// --collection DIR`, its indexes built on first use and kept in the data folder). Types real
// sequences drawn from the collection (search-ui-queries.ts) letter by letter into the search
// field (focused with Ctrl+K) and prints, per keystroke, keystroke → the frame after the result
// panel shows that query's hits (and → the frame with every hit drawn): p50/p95/max, per kind
// of query, and where the time goes — before the call, the search in main (timed by the host,
// in the answer), JSON in main, the transfer, parsing in the page, the app's update of the
// DOM, and layout + paint to the next frame; then whether an answer's size costs transfer
// time. In the same run and browser it types the same keystrokes into the plain page of
// search-ui-plain.ts (same calls, every answer drawn whole); last, both pages typed fast
// without waiting (search-ui-fast-typing.ts). Prints figures, never a test.
// Options: --collection DIR (default /tmp/lasaren-scale/regeringen-se) --data DIR (default
// /tmp/lasaren-scale/search-ui-data) --rounds N (times each sequence is typed, default 1)
// --screenshots DIR (the panel for "integration" and the misspelling, as PNG) --no-alt.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadLine, machineLine, openBenchBrowser, percentile, startBenchHost, stats } from './bench-ui-host';
import { typedSequences, type TypedSequence } from './search-ui-queries';
import { plainSearchPage } from './search-ui-plain';
import { typeFast, type FastTyping } from './search-ui-fast-typing';
import { RECORD_IPC_CALLS } from './ipc-calls';
import { BRIDGE_PATH } from '../src-main/host/bridge';

const { values } = parseArgs({
  options: {
    collection: { type: 'string', default: '/tmp/lasaren-scale/regeringen-se' },
    data: { type: 'string', default: '/tmp/lasaren-scale/search-ui-data' },
    rounds: { type: 'string', default: '1' },
    screenshots: { type: 'string' },
    'no-alt': { type: 'boolean' },
  },
});
const ROUNDS = Math.max(1, Number(values.rounds));
/** A fast typist: about 16 keys a second. */
const FAST_DELAY_MS = 60;

function printFast(label: string, fast: FastTyping): void {
  console.log(`| ${label} | ${stats(fast.lastKey)} | ${fast.painted} av ${fast.keys} | ${fast.stale} |`);
}

declare global {
  interface Window {
    __key?: { t0: number; dom: number; painted: number; all: number };
  }
}

/** Arms one keystroke: keydown → the frame after the panel shows `query`'s answer. */
async function arm(page: Page, query: string): Promise<void> {
  await page.evaluate((query) => {
    window.__key = undefined;
    let t0 = 0;
    // The event's own time stamp: when the browser took the key, before any handler ran.
    // Letters outside a US keyboard (å, ä, ö) arrive as text input without a keydown.
    for (const type of ['keydown', 'beforeinput', 'input'])
      document.addEventListener(type, (e) => (t0 ||= e.timeStamp), { once: true, capture: true });
    const shown = () =>
      [...document.querySelectorAll('.search [data-query]')].some(
        (el) => el.getAttribute('data-query') === query,
      );
    // The app draws the hits of its first screen with the answer and the rest a frame later
    // (data-complete on the list); both frames are timed. No such attribute: one frame.
    const complete = () => document.getElementById('sokresultat')?.getAttribute('data-complete') !== 'false';
    let dom = 0;
    let painted = 0;
    let partial = false; // the first frame showed part of the answer
    const frame = (then: (at: number) => void) =>
      requestAnimationFrame(() => setTimeout(() => then(performance.now()), 0));
    const finish = (paintedNow: boolean) => {
      if (!complete()) return;
      observer.disconnect();
      if (paintedNow && !partial) window.__key = { t0, dom, painted, all: painted };
      else frame((all) => (window.__key = { t0, dom, painted, all }));
    };
    const observer = new MutationObserver(() => {
      if (!t0) return;
      if (dom === 0) {
        if (!shown()) return;
        dom = performance.now();
        partial = !complete();
        frame((at) => {
          painted = at;
          finish(true);
        });
      } else if (painted > 0) finish(false);
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  }, query);
}

/** One measured keystroke, broken into its parts (ms). */
interface Sample {
  kind: string;
  query: string;
  total: number;
  beforeCall: number;
  handler: number;
  json: number;
  transfer: number;
  parse: number;
  render: number;
  paint: number;
  /** Keystroke → the frame after every hit of the answer is drawn. */
  all: number;
  bytes: number;
  hits: number;
}

async function typeSequence(page: Page, seq: TypedSequence, out: Sample[], app: boolean): Promise<void> {
  const field = page.locator('#sokfalt');
  await field.fill('');
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 700); // away from the field, so Ctrl+K has something to do
  await page.keyboard.press('Control+k');
  // The plain page has no shortcut; in the app, Ctrl+K not focusing the field is a fault.
  if (!(await field.evaluate((el) => el === document.activeElement))) {
    if (app) throw new Error('Ctrl+K gav inte sökfältet fokus.');
    await field.focus();
  }
  for (let n = 1; n <= seq.text.length; n++) {
    const query = seq.text.slice(0, n);
    await arm(page, query);
    await page.keyboard.type(seq.text[n - 1]!);
    await page.waitForFunction(() => window.__key !== undefined, null, { timeout: 60_000 });
    const { key, call } = await page.evaluate((query) => {
      const key = window.__key!;
      const call = window
        .__ipc!.filter((c) => c.channel === 'search:query' && c.query === query && c.sent >= key.t0)
        .at(-1);
      return { key, call };
    }, query);
    if (!call?.parsed) throw new Error(`Inget sökanrop syntes för "${query}".`);
    const handler = call.handler ?? 0;
    const json = call.json ?? 0;
    out.push({
      kind: seq.kind,
      query,
      total: key.painted - key.t0,
      beforeCall: call.sent - key.t0,
      handler,
      json,
      transfer: call.arrived! - call.sent - handler - json,
      parse: call.parsed - call.arrived!,
      render: key.dom - call.parsed,
      paint: key.painted - key.dom,
      all: key.all - key.t0,
      bytes: call.bytes ?? 0,
      hits: call.hits ?? 0,
    });
  }
}

/** What the panel says after a sequence: the count line and any correction. */
async function panelState(page: Page): Promise<string> {
  return page.evaluate(() => {
    const summary = document.querySelector('.search .summary')?.textContent?.trim() ?? '';
    const corrected = document.querySelector('.search .correction')?.getAttribute('data-corrected');
    const none = document.querySelector('.search .state')?.textContent?.trim() ?? '';
    return [corrected ? `rättat till "${corrected}"` : '', summary || none].filter(Boolean).join(', ');
  });
}

const PARTS: ReadonlyArray<[keyof Sample, string]> = [
  ['beforeCall', 'tangent → anropet skickat (input, appens kö)'],
  ['handler', 'sökningen i main (värdens handler)'],
  ['json', 'svaret till JSON i main'],
  ['transfer', 'överföring (värdens IPC-uttag på loopback, köer)'],
  ['parse', 'JSON.parse i sidan'],
  ['render', 'svaret framme → DOM uppdaterad (Svelte)'],
  ['paint', 'DOM uppdaterad → nästa målade bild (stil, layout, målning)'],
];

function printSamples(title: string, samples: readonly Sample[]): void {
  console.log(`\n${title}`);
  console.log('| mått | tid |\n| --- | --- |');
  console.log(`| **tangent → målade träffar** | **${stats(samples.map((s) => s.total))}** |`);
  console.log(`| tangent → alla svarets träffar målade | ${stats(samples.map((s) => s.all))} |`);
  for (const [key, label] of PARTS)
    console.log(`| … ${label} | ${stats(samples.map((s) => s[key] as number))} |`);
  const kb = samples.map((s) => s.bytes / 1024);
  console.log(
    `| svarets storlek | p50 ${percentile(kb, 50).toFixed(1)} kB, p95 ${percentile(kb, 95).toFixed(1)} kB, max ${percentile(kb, 100).toFixed(1)} kB |`,
  );
  const kinds = [...new Set(samples.map((s) => s.kind))];
  for (const kind of kinds)
    console.log(
      `| per slag: ${kind} | ${stats(samples.filter((s) => s.kind === kind).map((s) => s.total))} |`,
    );
  const slowest = [...samples].sort((a, b) => b.total - a.total).slice(0, 5);
  console.log(
    `Långsammast: ${slowest.map((s) => `"${s.query}" ${s.total.toFixed(0)} ms (main ${s.handler.toFixed(0)}, DOM ${s.render.toFixed(0)}, målning ${s.paint.toFixed(0)}, ${s.hits} träffar)`).join('; ')}`,
  );
}

/**
 * Types every sequence `ROUNDS` times; in the app (not the plain page), says what the panel
 * showed after each and takes the screenshots asked for.
 */
async function typeAll(
  page: Page,
  sequences: readonly TypedSequence[],
  app: boolean,
  shots?: string,
): Promise<Sample[]> {
  const field = page.locator('#sokfalt');
  // The first search waits until the index is loaded; a few more warm the page's code paths.
  for (const warm of ['start', 'regeringen', 'sou 2025:1']) {
    await field.fill(warm);
    await page.locator(`.search [data-query="${warm}"]`).first().waitFor({ timeout: 120_000 });
  }
  const samples: Sample[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const seq of sequences) {
      await typeSequence(page, seq, samples, app);
      if (!app || round > 0) continue;
      console.log(`  ${seq.kind}: "${seq.text}" → ${await panelState(page)}`);
      if (shots && (seq.text === 'integration' || seq.kind === 'felstavat')) {
        mkdirSync(shots, { recursive: true });
        const file = join(shots, `sok-${seq.kind === 'felstavat' ? 'felstavat' : seq.text}.png`);
        await page.screenshot({ path: file });
        console.log(`  skärmbild: ${file}`);
      }
    }
  return samples;
}

/**
 * Every prefix the sequences type, searched once straight from a page of the host before any
 * measurement: the engine's first-time costs land here (printed), not on whichever of the two
 * pages happens to type first.
 */
async function warmEngine(context: BrowserContext, url: string, sequences: readonly TypedSequence[]) {
  const page = await context.newPage();
  await page.addInitScript(RECORD_IPC_CALLS);
  await page.goto(`${url}__lasaren/uppvarmning`); // a 404 of the host: its origin, no app
  await page.addScriptTag({ url: BRIDGE_PATH });
  const prefixes = sequences.flatMap((seq) => [...seq.text].map((_, n) => seq.text.slice(0, n + 1)));
  const handled = await page.evaluate(async (queries) => {
    for (const query of queries) await window.lasaren.search({ query, limit: 50 });
    return window.__ipc!.map((c): [string, number] => [c.query ?? '', c.handler ?? 0]);
  }, prefixes);
  await page.close();
  return handled;
}

/** The app: the renderer as built, in the host's page. */
async function measureApp(context: BrowserContext, url: string, sequences: readonly TypedSequence[]) {
  const page = await context.newPage();
  await page.addInitScript(RECORD_IPC_CALLS);
  await page.goto(`${url}#/`);
  const samples = await typeAll(page, sequences, true, values.screenshots);
  const transfer = await measureTransfer(page);
  const fast = await typeFast(page, sequences, FAST_DELAY_MS);
  await page.close();
  return { samples, transfer, fast };
}

/**
 * Does the size of an answer cost transfer time? The same page calls the host 30 times each
 * with a search answering 50 hits (whole paragraphs), one answering 5, and getSettings (a few
 * bytes): the round trip less the handler's time, p50/p95, and the answer's size.
 */
async function measureTransfer(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['search "integration", 50 träffar', () => window.lasaren.search({ query: 'integration', limit: 50 })],
      ['search "integration", 5 träffar', () => window.lasaren.search({ query: 'integration', limit: 5 })],
      ['getSettings', () => window.lasaren.getSettings()],
    ];
    const lines: string[] = [];
    for (const [label, call] of calls) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        await call();
        const timed = window.__ipc!.at(-1)!;
        times.push(performance.now() - t0 - (timed.handler ?? 0));
        bytes = timed.bytes ?? 0;
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
      lines.push(`| ${label} (${(bytes / 1024).toFixed(1)} kB) | p50 ${at(0.5)} ms, p95 ${at(0.95)} ms |`);
    }
    return lines;
  });
}

/** The plain page (search-ui-plain.ts) on the host's origin, so it may call the same IPC. */
async function measurePlain(browser: Browser, url: string, sequences: readonly TypedSequence[]) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'sv-SE',
    bypassCSP: true, // its script is inline; the app's own pages never need this
  });
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = await context.newPage();
  await page.goto(`${url}__lasaren/enkel-sokning`); // a 404 of the host: its origin, no app
  await page.setContent(plainSearchPage());
  // Before the page's first call: the bridge opens its socket then.
  await page.evaluate(RECORD_IPC_CALLS);
  const samples = await typeAll(page, sequences, false);
  const fast = await typeFast(page, sequences, FAST_DELAY_MS);
  await context.close();
  return { samples, fast };
}

async function main(): Promise<void> {
  console.log(machineLine());
  const sequences = typedSequences(values.collection!);
  const keys = sequences.reduce((n, s) => n + s.text.length, 0) * ROUNDS;
  console.log(`Inskrivet (${keys} tangenter): ${sequences.map((s) => `${s.kind} "${s.text}"`).join(', ')}`);
  const { url, child } = await startBenchHost(values.collection!, values.data!);
  const { browser, context } = await openBenchBrowser();
  try {
    console.log(`Chromium ${browser.version()}, fönster 1366×768, belastning före mätningen ${loadLine()}`);
    const cold = await warmEngine(context, url, sequences);
    const slowest = [...cold].sort((a, b) => b[1] - a[1]).slice(0, 3);
    console.log(
      `Sökmotorn först uppvärmd med samma ${cold.length} frågor (utan sida), sökningen i main första gången: ${stats(cold.map(([, ms]) => ms))}; långsammast ${slowest.map(([q, ms]) => `"${q}" ${ms.toFixed(0)} ms`).join(', ')}`,
    );
    const { samples: app, transfer, fast } = await measureApp(context, url, sequences);
    printSamples('Läsarens sökfält (Ctrl+K), varje tangent tills dess träffar är målade:', app);
    console.log('\nÖverföringen ensam (tur och retur utan handlerns tid, 30 anrop vardera från sidan):');
    console.log('| anrop | tid |\n| --- | --- |');
    for (const line of transfer) console.log(line);
    let plainFast: FastTyping | null = null;
    if (!values['no-alt']) {
      const measuredPlain = await measurePlain(browser, url, sequences);
      const plain = measuredPlain.samples;
      plainFast = measuredPlain.fast;
      printSamples(
        'Jämförelse i samma körning och webbläsare: samma anrop till samma värd, målat det enkla sättet (search-ui-plain.ts: hela listan byggs om för varje svar, varje träff med hela sitt stycke):',
        plain,
      );
    }
    console.log(
      `\nSnabb skrivning: varje sekvens skriven med ${FAST_DELAY_MS} ms mellan tangenterna utan att vänta på svaren:`,
    );
    console.log(
      '| sida | sista tangenten → hela frågans svar målat | svar målade under skrivningen | inaktuella svar målade |\n| --- | --- | --- | --- |',
    );
    printFast('Läsaren', fast);
    if (plainFast) printFast('enkla sidan', plainFast);
    console.log(`\nBelastning efter mätningen: ${loadLine()}`);
  } finally {
    await browser.close();
    child.kill('SIGINT');
  }
}

await main();
