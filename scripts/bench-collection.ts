// Benchmark: opening a collection as the app does (manifest + prebuilt collection index; a
// document parsed only when opened; the prebuilt search index loaded) against the naive
// alternative (parse every document's Markdown at start), at 400 and 35,942 documents.
// Prints load time, time to ready-to-search, list time, the time to open the largest document,
// and memory (heap + external, which counts array buffers, after gc) next to the collection's text size.
// Each variant runs in a fresh Node process so one's memory does not count against the other.
// `npm run bench:collection` (the scale corpus is unpacked to /tmp/lasaren-scale once).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { openCollection } from '../src-main/services/documents/collection';
import { readManifest } from '../src-main/services/documents/manifest';
import { parseMarkdown } from '../src-main/services/documents/markdown';
import { createSearchService } from '../src-main/services/search/service';

const ROOT = resolve(import.meta.dirname, '..');
const SCALE_DIR = process.env['LASAREN_SCALE_DIR'] ?? '/tmp/lasaren-scale';

function sharedDir(): string {
  for (const c of [process.env['LASAREN_SHARED'], join(ROOT, '../shared'), join(ROOT, '../../shared')])
    if (c && existsSync(c)) return resolve(c);
  throw new Error('../shared is missing: set LASAREN_SHARED');
}

function scaleCollection(): string {
  const dir = join(SCALE_DIR, 'regeringen-se');
  if (!existsSync(join(dir, 'manifest.ndjson'))) {
    mkdirSync(SCALE_DIR, { recursive: true });
    console.log(`Packar upp skalkorpusen till ${SCALE_DIR} …`);
    execFileSync('tar', ['-xJf', join(sharedDir(), 'collections/regeringen-se.tar.xz'), '-C', SCALE_DIR]);
  }
  return dir;
}

/** The lexicon the app ships (built by `npm run build`): the app loads it to analyse words. */
function lexicon(): { lexiconDir?: string } {
  const dir = join(ROOT, 'resources/lexicon');
  return existsSync(dir) ? { lexiconDir: dir } : {};
}

const gc = (globalThis as { gc?: () => void }).gc;
/** The JS heap and what lives outside it; `external` includes `arrayBuffers` (Node's docs). */
function memory(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

type Figures = Record<string, number | string>;

/** One variant in this process; prints its figures as one JSON line. */
async function variant(kind: string, dir: string, cache: string): Promise<Figures> {
  const base = memory();
  const started = performance.now();
  if (kind === 'prepare') {
    const c = await openCollection(dir, { cacheDir: cache, origin: 'collection' });
    const search = createSearchService(c, { resourcesDir: cache, dataDir: cache, ...lexicon() });
    const how = await search.ready;
    return { ms: performance.now() - started, how: `${c.how} ${how}` };
  }
  if (kind === 'lazy') {
    const cpu0 = process.cpuUsage();
    const c = await openCollection(dir, { cacheDir: cache, origin: 'collection' });
    const loaded = performance.now() - started;
    const cpuLoaded = process.cpuUsage(cpu0);
    // Time spent reading the collection's prebuilt block texts, within "ready to search".
    let recordsMs = 0;
    const read = c.searchRecords.bind(c);
    c.searchRecords = async () => {
      const t0 = performance.now();
      const r = await read();
      recordsMs = performance.now() - t0;
      return r;
    };
    let t = performance.now();
    const list = c.list();
    const listMs = performance.now() - t;
    const memList = memory() - base;
    const search = createSearchService(c, { resourcesDir: cache, dataDir: cache, ...lexicon() });
    const how = await search.ready;
    const ready = performance.now() - started;
    const cpuReady = process.cpuUsage(cpu0);
    const memReady = memory() - base;
    const biggest = [...list].sort((a, b) => b.paragraphCount - a.paragraphCount)[0];
    t = performance.now();
    const opened = biggest ? await c.get(biggest.id) : null;
    const openMs = performance.now() - t;
    const hits = (await search.search('integration')).hits.length;
    // What searching holds once in use: the lexicon, the near-miss table and what the warm-up
    // searches leave (the service prepares all right after ready), and the block texts read
    // into memory in the background.
    await c.textsLoaded();
    await search.prepared;
    const memSearching = memory() - base;
    const errors = c.problems.filter((p) => p.severity === 'error').length;
    return {
      loaded,
      ready,
      recordsMs,
      cpuLoaded: (cpuLoaded.user + cpuLoaded.system) / 1000,
      cpuReady: (cpuReady.user + cpuReady.system) / 1000,
      listMs,
      documents: list.length,
      memList,
      memReady,
      memSearching,
      openMs,
      openedBlocks: opened?.ok ? opened.value.blocks.length : 0,
      hits,
      errors,
      warnings: c.problems.length - errors,
      how,
    };
  }
  // naive: read and parse every document at start, as the app did with its two.
  const cpu0 = process.cpuUsage();
  const { entries } = readManifest(readFileSync(join(dir, 'manifest.ndjson'), 'utf8'));
  const parsed = [];
  for (const e of entries) {
    try {
      parsed.push(parseMarkdown(readFileSync(join(dir, e.file), 'utf8')));
    } catch {
      // The real loader reports broken files; the naive one skips them.
    }
  }
  const loaded = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const mem = memory() - base;
  return { loaded, cpuLoaded: (cpu.user + cpu.system) / 1000, mem, documents: parsed.length };
}

function child(kind: string, dir: string, cache: string): Figures {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      import.meta.filename,
      '--variant',
      kind,
      dir,
      cache,
    ],
    { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Figures;
}

async function textBytes(dir: string): Promise<number> {
  const { entries } = readManifest(readFileSync(join(dir, 'manifest.ndjson'), 'utf8'));
  let total = 0;
  for (const e of entries) total += (await stat(join(dir, e.file)).catch(() => ({ size: 0 }))).size;
  return total;
}

const mb = (bytes: number | string) => `${(Number(bytes) / 1048576).toFixed(1)} MB`;
const ms = (t: number | string) => `${Number(t).toFixed(0)} ms`;

async function compare(label: string, dir: string): Promise<void> {
  // LASAREN_BENCH_CACHE: a cache folder of one's own (the index format differs between branches).
  const cache = join(process.env['LASAREN_BENCH_CACHE'] ?? join(SCALE_DIR, 'bench-cache'), label);
  const text = await textBytes(dir);
  const times = (m: number | string) => `${(Number(m) / text).toFixed(2)}× texten`;
  console.log(`\n## ${label}: ${dir} (${mb(text)} Markdown-text)`);
  const prep = child('prepare', dir, cache);
  console.log(
    `förberedelse (första användningen: samlingsindex + sökindex): ${ms(prep['ms'] ?? 0)} — ${prep['how']}`,
  );
  const lazy = child('lazy', dir, cache);
  console.log(
    `appen (förbyggt index, lat tolkning): listan klar ${ms(lazy['loaded'] ?? 0)} (CPU ${ms(lazy['cpuLoaded'] ?? 0)}), ` +
      `sökklar ${ms(lazy['ready'] ?? 0)} (CPU ${ms(lazy['cpuReady'] ?? 0)}; därav samlingens stycketexter ${ms(lazy['recordsMs'] ?? 0)}); ` +
      `lista ${lazy['documents']} dokument ${Number(lazy['listMs']).toFixed(1)} ms; ` +
      `minne lista ${mb(lazy['memList'] ?? 0)} (${times(lazy['memList'] ?? 0)}), sökklar ${mb(lazy['memReady'] ?? 0)} (${times(lazy['memReady'] ?? 0)}), ` +
      `efter första sökningen (lexikon, närmissar, texterna i minnet) ${mb(lazy['memSearching'] ?? 0)} (${times(lazy['memSearching'] ?? 0)}); ` +
      `öppna största dokumentet (${lazy['openedBlocks']} block) ${ms(lazy['openMs'] ?? 0)}; ${lazy['errors']} fel, ${lazy['warnings']} varningar i samlingen`,
  );
  const naive = child('naive', dir, cache);
  console.log(
    `naivt (allt tolkas vid start):        listan klar ${ms(naive['loaded'] ?? 0)} (CPU ${ms(naive['cpuLoaded'] ?? 0)}; utan sökindex); minne ${mb(naive['mem'] ?? 0)} (${times(naive['mem'] ?? 0)})`,
  );
}

const at = process.argv.indexOf('--variant');
if (at >= 0) {
  const [kind = 'lazy', dir = '', cache = ''] = process.argv.slice(at + 1);
  console.log(JSON.stringify(await variant(kind, dir, cache)));
} else {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  console.log(
    `Node ${process.version}, ${cpus().length} kärnor, belastning (1/5/15 min) ${load}. Väggtid och CPU-tid ` +
      `(process.cpuUsage, utan väntan på kärnor); ${lexicon().lexiconDir ? 'med appens lexikon' : 'UTAN lexikon (kör npm run build först)'}; minne = heap + external (med arrayBuffers) efter gc, en process per variant`,
  );
  await compare('integration-400', join(sharedDir(), 'collections/integration'));
  await compare('regeringen-35942', scaleCollection());
}
