// `npm run bench:search`: prints build time, index size on disk, load time, heap after load
// and full-pipeline query latency (search + match ranges for the top 20) at 1,000, 10,000
// and 100,000 paragraphs, and the same corpus and queries through minisearch as ratios; with
// --real DIR (a collection folder: manifest.ndjson + Markdown, e.g. all of regeringen.se
// unpacked), the same figures on that real corpus with minisearch and Xapian in the same run
// (see bench-real.ts). A script that prints figures, never a test.
// Options: --sizes 1000,10000 (or '' for none) --queries N --real DIR --no-peers --cache DIR
// (read the real collection as the app does, from its prebuilt collection index in DIR);
// --zero-hit with --real and --cache: only the queries that find nothing, on the stored index.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { analyzeWord, tokenize } from '../src-main/services/search/analyzer';
import { SearchEngine, type ParagraphRecord } from '../src-main/services/search/engine';
import { contentHash, readIndexFile, writeIndexFile } from '../src-main/services/search/index-file';
import { allUnitsMatched, matchText } from '../src-main/services/search/match';
import { parseQuery } from '../src-main/services/search/query';
import { generateCorpus, querySets, swedishWords, type QuerySets } from './bench-corpus';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    queries: { type: 'string', default: '300' },
    real: { type: 'string' },
    'no-peers': { type: 'boolean' },
    cache: { type: 'string' },
    'zero-hit': { type: 'boolean' },
  },
});
const SIZES = (values.sizes ?? '').split(',').filter(Boolean).map(Number);
const QUERIES = Number(values.queries);
const TOP = 20;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Kör med --expose-gc (npm run bench:search gör det).');
/** JS heap plus ArrayBuffer memory (the paragraphs' term ids live in typed arrays, outside heapUsed). */
function heap(): number {
  gc?.();
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (t: number) => (t < 10 ? t.toFixed(3) : t.toFixed(0));

function percentiles(samples: number[]): [number, number, number] {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
  return [at(50), at(95), at(99)];
}

function time(run: () => unknown): number {
  const t = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** CPU time of the process (user + system), in ms: unlike wall time, not inflated while other processes hold the cores. */
function cpuTime(run: () => unknown): number {
  const t = process.cpuUsage();
  run();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

type Percentiles = [number, number, number];
interface Latency {
  readonly wall: Percentiles;
  readonly cpu: Percentiles;
}

function measure(sets: QuerySets, run: (q: string) => unknown): Record<keyof QuerySets, Latency> {
  const out = {} as Record<keyof QuerySets, Latency>;
  for (const [kind, queries] of Object.entries(sets) as Array<[keyof QuerySets, string[]]>) {
    for (const q of queries.slice(0, 30)) run(q); // warm up
    const wall = percentiles(queries.map((q) => time(() => run(q))));
    const cpu = percentiles(queries.map((q) => cpuTime(() => run(q))));
    out[kind] = { wall, cpu };
  }
  return out;
}

/** minisearch with the same analysis and the same match ranges for its top 20. */
function miniPipeline(mini: MiniSearch, records: readonly ParagraphRecord[], kind: keyof QuerySets) {
  return (raw: string) => {
    const query = parseQuery(raw);
    const results = mini.search(query.terms.map((t) => t.lower).join(' '), {
      combineWith: 'AND',
      prefix: kind === 'prefix',
    });
    const hits = [];
    for (const r of results) {
      const record = records[r.id as number];
      if (!record) continue;
      const m = matchText(record.text, query);
      if (allUnitsMatched(m)) hits.push(m.ranges);
      if (hits.length >= TOP) break;
    }
    return hits;
  };
}

const words = swedishWords();
const lines: string[] = [];
const print = (line = '') => {
  console.log(line);
  lines.push(line);
};
const cpu = cpus();
print(`# Sökbenchmark (npm run bench:search)`);
print();
print(
  `Maskin: ${cpu[0]?.model ?? 'okänd'}, ${cpu.length} kärnor, ${mb(totalmem())} RAM (${mb(freemem())} ledigt vid start), Node ${process.version}, ${process.platform}.`,
);
print(
  `Belastning vid start (1/5/15 min): ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}.`,
);
print(
  `Korpus: ${words.length} svenska ord ur dictionary-sv, Zipf (s = 1), 45–75 ord per stycke, rubrik var 12:e stycke; ${QUERIES} frågor per sort.`,
);
print(`Fullständig kedja: sökning + egna träffintervall (match ranges) för de ${TOP} bästa.`);
print(
  'Väggtid mäts med hrtime; CPU-tid med process.cpuUsage (1 µs upplösning), som inte räknar tid då andra processer har kärnorna.',
);

/**
 * Reads the stored index and imports it, the app's path at start. The file's text is
 * garbage once this returns, as in the app (holding it would add the file to the heap).
 */
async function loadIndex(
  file: string,
  hash: string,
  records: readonly ParagraphRecord[],
): Promise<{ engine: SearchEngine; loadMs: number }> {
  const loadStart = process.hrtime.bigint();
  const data = await readIndexFile(file, hash);
  if (!data) throw new Error('index file unreadable');
  const engine = new SearchEngine();
  await engine.import(records, data);
  return { engine, loadMs: Number(process.hrtime.bigint() - loadStart) / 1e6 };
}

const dir = await mkdtemp(join(tmpdir(), 'lasaren-bench-'));

/** Läsaren's figures alone (--no-peers: minisearch's build at 100,000 paragraphs takes minutes). */
function printOwn(
  size: number,
  f: {
    buildMs: number;
    diskBytes: number;
    loadMs: number;
    afterLoad: number;
    beforeLoad: number;
    empty: number;
    textBytes: number;
  },
  flex: Record<keyof QuerySets, Latency>,
): void {
  print();
  print(`| mått (${size} stycken, utan jämförelse) | flexsearch (Läsaren) |`);
  print(`| --- | ---: |`);
  print(`| byggtid | ${ms(f.buildMs)} ms |`);
  print(`| index på disk | ${mb(f.diskBytes)} |`);
  print(`| inläsning (läs fil + import) | ${ms(f.loadMs)} ms |`);
  print(`| heap + ArrayBuffer efter inläsning (hela processen) | ${mb(f.afterLoad)} |`);
  print(`| varav index (heap efter − före inläsning) | ${mb(f.afterLoad - f.beforeLoad)} |`);
  print(
    `| (index + korpus i heap) / korpustext | ${((f.afterLoad - f.empty) / f.textBytes).toFixed(2)}× (${mb(f.afterLoad - f.empty)}) |`,
  );
  for (const clock of ['wall', 'cpu'] as const) {
    for (const kind of Object.keys(flex) as Array<keyof QuerySets>) {
      const [a, b, c] = flex[kind][clock];
      print(
        `| ${kind}, ${clock === 'wall' ? 'väggtid' : 'CPU-tid'}: p50 / p95 / p99 | ${ms(a)} / ${ms(b)} / ${ms(c)} ms |`,
      );
    }
  }
}

/**
 * One corpus size. A function of its own so that everything it made is garbage when it
 * returns: the next size's baseline heap then holds nothing of this one.
 */
async function runSize(size: number): Promise<void> {
  const empty = heap();
  const records = generateCorpus(size, words);
  const textBytes = records.reduce(
    (n, r) => n + Buffer.byteLength(r.text) + Buffer.byteLength(r.heading ?? ''),
    0,
  );
  const sets = querySets(records, QUERIES);
  print();
  print(`## ${size.toLocaleString('sv-SE')} stycken (korpustext ${mb(textBytes)})`);

  let built: SearchEngine | null = new SearchEngine();
  const buildMs = time(() => built?.add(records));
  const file = join(dir, `index-${size}.ndjson`);
  const hash = contentHash(records);
  await writeIndexFile(file, hash, records.length, built.export());
  built = null;
  const diskBytes = (await stat(file)).size;

  const beforeLoad = heap();
  const { engine, loadMs } = await loadIndex(file, hash, records);
  const afterLoad = heap();
  const flex = measure(sets, (q) => engine.search(q, { limit: TOP }));

  if (values['no-peers']) {
    printOwn(size, { buildMs, diskBytes, loadMs, afterLoad, beforeLoad, empty, textBytes }, flex);
    await rm(file, { force: true });
    return;
  }
  // minisearch, same corpus and analysis
  const miniBase = heap();
  const mini = new MiniSearch({
    fields: ['text', 'heading'],
    tokenize: (text) => tokenize(text).map((t) => t.lower),
    processTerm: (term) => analyzeWord(term).encoded[0] ?? null,
  });
  const miniBuildMs = time(() =>
    mini.addAll(records.map((r, id) => ({ id, text: r.text, heading: r.heading ?? '' }))),
  );
  const miniJson = JSON.stringify(mini);
  const miniFile = join(dir, `mini-${size}.json`);
  await writeFile(miniFile, miniJson);
  const miniHeap = heap() - miniBase;
  const miniLoadMs = time(() =>
    MiniSearch.loadJSON(miniJson, {
      fields: ['text', 'heading'],
      tokenize: (text) => tokenize(text).map((t) => t.lower),
      processTerm: (term) => analyzeWord(term).encoded[0] ?? null,
    }),
  );
  const miniTimes = {} as Record<keyof QuerySets, Latency>;
  for (const kind of Object.keys(sets) as Array<keyof QuerySets>) {
    miniTimes[kind] = measure(
      { [kind]: sets[kind] } as unknown as QuerySets,
      miniPipeline(mini, records, kind),
    )[kind];
  }

  print();
  print(`| mått | flexsearch (Läsaren) | minisearch | minisearch / flexsearch |`);
  print(`| --- | ---: | ---: | ---: |`);
  print(`| byggtid | ${ms(buildMs)} ms | ${ms(miniBuildMs)} ms | ${(miniBuildMs / buildMs).toFixed(2)} |`);
  print(
    `| index på disk | ${mb(diskBytes)} | ${mb(Buffer.byteLength(miniJson))} | ${(Buffer.byteLength(miniJson) / diskBytes).toFixed(2)} |`,
  );
  print(
    `| inläsning (läs fil + import) | ${ms(loadMs)} ms | ${ms(miniLoadMs)} ms | ${(miniLoadMs / loadMs).toFixed(2)} |`,
  );
  print(`| heap + ArrayBuffer efter inläsning (hela processen) | ${mb(afterLoad)} | | |`);
  print(
    `| varav index (heap efter − före inläsning) | ${mb(afterLoad - beforeLoad)} | ${mb(miniHeap)} | ${(miniHeap / (afterLoad - beforeLoad)).toFixed(2)} |`,
  );
  print(
    `| (index + korpus i heap) / korpustext | ${((afterLoad - empty) / textBytes).toFixed(2)}× (${mb(afterLoad - empty)}) | | |`,
  );
  for (const clock of ['wall', 'cpu'] as const) {
    for (const kind of Object.keys(flex) as Array<keyof QuerySets>) {
      const [f50, f95, f99] = flex[kind][clock];
      const [m50, m95, m99] = miniTimes[kind][clock];
      const label = clock === 'wall' ? 'väggtid' : 'CPU-tid';
      print(
        `| ${kind}, ${label}: p50 / p95 / p99 | ${ms(f50)} / ${ms(f95)} / ${ms(f99)} ms | ${ms(m50)} / ${ms(m95)} / ${ms(m99)} ms | p95: ${(m95 / f95).toFixed(1)}× |`,
      );
    }
  }
  await rm(file, { force: true });
  await rm(miniFile, { force: true });
}

try {
  for (const size of SIZES) await runSize(size);
  if (values['zero-hit']) {
    if (!values.real || !values.cache) throw new Error('--zero-hit needs --real DIR and --cache DIR');
    const { runZeroHit } = await import('./bench-zero-hit');
    await runZeroHit(values.real, values.cache, print);
  } else if (values.real) {
    const { runReal } = await import('./bench-real');
    await runReal(values.real, {
      dir,
      queries: QUERIES,
      top: TOP,
      peers: !values['no-peers'],
      print,
      heap,
      ...(values.cache ? { cache: values.cache } : {}),
    });
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
