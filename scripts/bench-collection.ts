// Benchmark: opening a collection as the app does (manifest + prebuilt collection index; a
// document parsed only when opened) against the naive alternative (parse every document's
// Markdown at start), at 400 and at 35,942 documents. Prints load time, list time, the time
// to open one document, and memory (heap + external + array buffers) next to the collection's
// text size. `npm run bench:collection` (the scale corpus is unpacked to /tmp/lasaren-scale
// once; the first run builds its index there, which is reported separately).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openCollection } from '../src-main/services/documents/collection';
import { readManifest } from '../src-main/services/documents/manifest';
import { parseMarkdown } from '../src-main/services/documents/markdown';

const ROOT = resolve(import.meta.dirname, '..');
function sharedDir(): string {
  for (const c of [process.env['LASAREN_SHARED'], join(ROOT, '../shared'), join(ROOT, '../../shared')])
    if (c && existsSync(c)) return resolve(c);
  throw new Error('../shared is missing: set LASAREN_SHARED');
}
const SCALE_DIR = process.env['LASAREN_SCALE_DIR'] ?? '/tmp/lasaren-scale';

function scaleCollection(): string {
  const dir = join(SCALE_DIR, 'regeringen-se');
  if (!existsSync(join(dir, 'manifest.ndjson'))) {
    mkdirSync(SCALE_DIR, { recursive: true });
    console.log(`Packar upp skalkorpusen till ${SCALE_DIR} …`);
    execFileSync('tar', ['-xJf', join(sharedDir(), 'collections/regeringen-se.tar.xz'), '-C', SCALE_DIR]);
  }
  return dir;
}

const gc = (globalThis as { gc?: () => void }).gc;
function memory(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
}
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;

async function textBytes(dir: string): Promise<number> {
  const { entries } = readManifest(readFileSync(join(dir, 'manifest.ndjson'), 'utf8'));
  let total = 0;
  for (const e of entries) total += (await stat(join(dir, e.file)).catch(() => ({ size: 0 }))).size;
  return total;
}

/** As the app starts: manifest + prebuilt index, no Markdown parsed. In its own scope so its
 * memory is released before the naive run is measured. */
async function lazyRun(dir: string, cache: string, text: number): Promise<void> {
  const base = memory();
  let t = performance.now();
  const lazy = await openCollection(dir, { cacheDir: cache, origin: 'collection' });
  const loadLazy = performance.now() - t;
  t = performance.now();
  const list = lazy.list();
  const listTime = performance.now() - t;
  const memLazy = memory() - base;
  t = performance.now();
  const records = await lazy.searchRecords();
  const recordsTime = performance.now() - t;
  const memRecords = memory() - base;
  const biggest = [...list].sort((a, b) => b.paragraphCount - a.paragraphCount)[0];
  t = performance.now();
  const opened = biggest ? await lazy.get(biggest.id) : null;
  const openTime = performance.now() - t;
  t = performance.now();
  const checked = await lazy.checked;
  const checkTime = performance.now() - t;
  console.log(
    `lat (appen):  start ${ms(loadLazy)}, lista ${list.length} dokument ${listTime.toFixed(1)} ms, minne ${mb(memLazy)} (${(memLazy / text).toFixed(2)}× texten); ${lazy.how}`,
  );
  console.log(
    `              + sökposter ${records.length} stycken ${ms(recordsTime)}, minne ${mb(memRecords)} (${(memRecords / text).toFixed(2)}× texten)`,
  );
  console.log(
    `              öppna största dokumentet (${biggest?.paragraphCount ?? 0} stycken) ${ms(openTime)}${opened?.ok ? '' : ' (misslyckades)'}; filkontroll efter start ${ms(checkTime)}: ${checked}`,
  );
  const errors = lazy.problems.filter((p) => p.severity === 'error').length;
  console.log(
    `              problem: ${errors} fel, ${lazy.problems.length - errors} varningar (t.ex. ${lazy.problems[0]?.message ?? '–'})`,
  );
}

async function run(label: string, dir: string): Promise<void> {
  const cache = join(SCALE_DIR, 'bench-cache', label);
  const text = await textBytes(dir);
  console.log(`\n## ${label}: ${dir} (${mb(text)} Markdown)`);

  const t = performance.now();
  const built = await openCollection(dir, { cacheDir: cache, origin: 'collection' });
  console.log(`förberedelse (första gången, bygger indexet): ${ms(performance.now() - t)} — ${built.how}`);

  await lazyRun(dir, cache, text);

  // The naive alternative: read and parse every document at start.
  const base2 = memory();
  const t2 = performance.now();
  const { entries } = readManifest(readFileSync(join(dir, 'manifest.ndjson'), 'utf8'));
  const parsed = [];
  for (const e of entries) {
    try {
      parsed.push(parseMarkdown(readFileSync(join(dir, e.file), 'utf8')));
    } catch {
      // Broken files are reported by the real loader; the naive one skips them.
    }
  }
  const loadNaive = performance.now() - t2;
  const memNaive = memory() - base2;
  console.log(
    `naivt (allt tolkas vid start): start ${ms(loadNaive)}, minne ${mb(memNaive)} (${(memNaive / text).toFixed(2)}× texten), ${parsed.length} dokument`,
  );
  parsed.length = 0;
}

console.log(
  `Node ${process.version}; minne = heap + external + arrayBuffers efter gc${gc ? '' : ' (utan --expose-gc: ungefärligt)'}`,
);
await run('integration-400', join(sharedDir(), 'collections/integration'));
await run('regeringen-35942', scaleCollection());
if (process.argv.includes('--clean'))
  await rm(join(SCALE_DIR, 'bench-cache'), { recursive: true, force: true });
