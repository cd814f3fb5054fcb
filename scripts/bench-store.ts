// Prints, at 1,000, 10,000 and 100,000 notes, what the app's start and the notes panel cost
// with the SQLite store: "load" (open the store, the counts per document and colour with the
// tags, and the first document's notes, each copied as IPC copies them), the notes panel's
// first page (sorted by document order in SQL), the first notes search after start (terms
// stored in the database) and save p50/p95; beside them, in the same run, the JSON store of the
// previous release (scripts/legacy/json-store.ts), which loads every note. Then, at the largest
// size, where the load goes step by step and what the one-time analysis of every note costs.
// `npm run bench:store [-- --sizes 1000,10000]`. Notes are realistic: Swedish note text, tags,
// spread over 400 documents.
import { randomUUID } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { DatabaseSync } from 'node:sqlite';
import { openJsonAnnotationStore } from './legacy/json-store';
import {
  DATABASE_FILE,
  loadSummarySnapshot,
  openAnnotationStore,
  type AnnotationStore,
  type NewAnnotation,
} from '../src-main/services/annotations/store';
import { AnnotationQueries } from '../src-main/services/store/annotation-queries';
import { openUserDatabase } from '../src-main/services/store/database';
import { quickCheck } from '../src-main/services/store/check';
import { NotesIndex } from '../src-main/services/search/notes';
import { parseQuery } from '../src-main/services/search/query';
import { HIGHLIGHT_COLOURS, type Annotation } from '../src-main/shared/annotation';

const WORDS = (
  'regeringen integration arbetsmarknad utbildning kommunerna etablering språk boende hälsa ' +
  'uppföljning handlingsplan EU-fonder samordning nyanlända länsstyrelsen remiss yttrande'
).split(' ');

/** The notes are spread over this many documents (the integration collection's size). */
const DOCUMENTS = 400;
const documentId = (i: number) => `dok_${String(i % DOCUMENTS).padStart(3, '0')}`;
const FIRST_DOCUMENT = documentId(0);
const ORDER = new Map(Array.from({ length: DOCUMENTS }, (_, i) => [documentId(i), DOCUMENTS - i]));
const PANEL_PAGE = 50;

function note(i: number): NewAnnotation {
  const words = Array.from({ length: 8 + (i % 20) }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]);
  return {
    documentId: documentId(i),
    paragraph: 1 + (i % 40),
    quote: {
      type: 'TextQuoteSelector',
      exact: 'integrationspolitik primärt är ett nationellt ansvar',
      prefix: 'Det är viktigt att understryka att ',
      suffix: ' och att medlemsstaterna själva ',
    },
    position: { type: 'TextPositionSelector', start: 1000 + i, end: 1052 + i },
    colour: i % 6 === 5 ? null : HIGHLIGHT_COLOURS[i % 5]!,
    note: `Anteckning ${i}: ${words.join(' ')}.`,
    tags: i % 3 === 0 ? [] : [WORDS[i % WORDS.length]!, 'uppföljning'],
  };
}

function annotation(i: number): Annotation {
  const time = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  return { ...note(i), id: randomUUID(), created: time, modified: time, history: [] };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
/** CPU time of this thread (the load runs on it) and of the process (all threads). */
const threadCpu = () => cpuMs(process.threadCpuUsage());
const processCpu = () => cpuMs(process.cpuUsage());

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0)).padStart(8);

interface Figures {
  /** Open + counts + first document's notes (+ IPC copies); wall, CPU of this thread, of the process. */
  readonly load: number;
  readonly loadCpu: number;
  readonly loadCpuAll: number;
  /** From opening until the check's verdict: when the first write can commit (wall). */
  readonly checked: number;
  /** The notes panel's first page (wall), and the first notes search after start (wall). */
  readonly page: number;
  readonly search: number;
  readonly p50: number;
  readonly p95: number;
  readonly saves: number;
}

/** Electron's IPC copies every answer (structured clone): v8 serialize + deserialize. */
const ipc = <T>(value: T): T => deserialize(serialize(value)) as T;

interface Bench {
  /** Opens the store and has what the app shows at start in hand (after IPC). */
  open(dir: string): Promise<{ check(): void; checked: Promise<void>; close(): void }>;
  page(dir: string): Promise<number>;
  search(dir: string): Promise<number>;
  create(dir: string, saves: number, from: number): Promise<number[]>;
}

function median(values: number[]): number {
  return [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? NaN;
}

async function measure(
  seed: (dir: string, all: Annotation[]) => Promise<void>,
  bench: Bench,
  all: Annotation[],
  saves: number,
): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'lasaren-bench-store-'));
  try {
    await seed(dir, all);
    // Loading: median of 3, after one warm-up.
    const loads: Array<[number, number, number, number]> = [];
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      const [c0, p0] = [threadCpu(), processCpu()];
      const opened = await bench.open(dir);
      const loaded = [performance.now() - t0, threadCpu() - c0] as const;
      await opened.checked;
      if (i > 0) loads.push([...loaded, processCpu() - p0, performance.now() - t0]);
      opened.check();
      opened.close();
    }
    loads.sort((a, b) => a[0] - b[0]);
    const pages: number[] = [];
    const searches: number[] = [];
    for (let i = 0; i < 3; i++) {
      pages.push(await bench.page(dir));
      searches.push(await bench.search(dir));
    }
    const times = (await bench.create(dir, saves, all.length)).sort((a, b) => a - b);
    const [load, loadCpu, loadCpuAll, checked] = loads[1] ?? [NaN, NaN, NaN, NaN];
    return {
      load,
      loadCpu,
      loadCpuAll,
      checked,
      page: median(pages),
      search: median(searches),
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      saves,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function saveTimes(
  store: { create(input: NewAnnotation): Promise<{ ok: boolean }> },
  saves: number,
  from: number,
) {
  const times: number[] = [];
  for (let i = 0; i < saves; i++) {
    const t0 = performance.now();
    const result = await store.create(note(from + i));
    times.push(performance.now() - t0);
    if (!result.ok) throw new Error('save failed');
  }
  return times;
}

function searchIn(store: AnnotationStore): NotesIndex {
  const index = new NotesIndex(() => 'Titel');
  index.setNotes(store.notes);
  return index;
}

/** What the app does at start (services/index.ts): one connection, the counts read beside the check. */
async function openAsApp(dir: string, checkFirst: boolean) {
  const database = await openUserDatabase(dir, { whileChecking: loadSummarySnapshot, checkFirst });
  const store = await openAnnotationStore(dir, { database });
  const summary = ipc(store.summary());
  const first = ipc(store.forDocument(FIRST_DOCUMENT));
  return {
    check() {
      if (summary.total === 0 || first.length === 0) throw new Error('nothing loaded');
    },
    checked: database.whenChecked(),
    close: () => {
      store.close();
      database.close();
    },
  };
}

const sqlite: Bench = {
  open: (dir) => openAsApp(dir, false),
  async page(dir) {
    const store = await openAnnotationStore(dir);
    store.setDocumentOrder(() => ORDER);
    const t0 = performance.now();
    const page = ipc(store.page({ filter: {}, sort: 'document', offset: 0, limit: PANEL_PAGE }));
    const wall = performance.now() - t0;
    if (page.annotations.length === 0) throw new Error('empty page');
    store.close();
    return wall;
  },
  async search(dir) {
    const store = await openAnnotationStore(dir);
    const index = searchIn(store);
    const t0 = performance.now();
    const hits = index.rank(parseQuery('länsstyrelsen'), 20);
    const wall = performance.now() - t0;
    if (hits.length === 0) throw new Error('no hits');
    store.close();
    return wall;
  },
  async create(dir, saves, from) {
    const store = await openAnnotationStore(dir);
    const times = await saveTimes(store, saves, from);
    store.close();
    return times;
  },
};

/** The previous release: every note loaded at start and sent whole; no pages, no stored index. */
const json: Bench = {
  async open(dir) {
    const store = await openJsonAnnotationStore(dir);
    const list = ipc(store.list());
    return {
      check() {
        if (list.length === 0) throw new Error('nothing loaded');
      },
      // The JSON store had no check: nothing to wait for before a write.
      checked: Promise.resolve(),
      close: () => undefined,
    };
  },
  page: async () => NaN,
  search: async () => NaN,
  async create(dir, saves, from) {
    const store = await openJsonAnnotationStore(dir);
    const times = await saveTimes(store, saves, from);

    return times;
  },
};

/** Seeds the database and analyses every note once (what the app does once after an update). */
async function seedSqlite(dir: string, all: Annotation[]): Promise<void> {
  const store = await openAnnotationStore(dir);
  const result = await store.upsertMany(all);
  if (!result.ok) throw new Error(result.error.message);
  await searchIn(store).catchUp();
  store.close();
}

async function seedJson(dir: string, all: Annotation[]): Promise<void> {
  await writeFile(join(dir, 'annotations.json'), JSON.stringify({ schemaVersion: 1, annotations: all }));
}

function line(label: string, n: number, f: Figures, fsync: number): string {
  return `${label.padEnd(8)}${String(n).padStart(9)}${ms(f.load)}${ms(f.loadCpu)}${ms(f.loadCpuAll)}${ms(f.checked)}${ms(f.page)}${ms(f.search)}${ms(f.p50)}${ms(f.p95)}${ms(fsync)}${String(f.saves).padStart(7)}`;
}

/** What one saved change costs the next search (its terms are analysed then), p50/p95. */
async function searchAfterSave(all: Annotation[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lasaren-bench-index-'));
  try {
    await seedSqlite(dir, all);
    const store = await openAnnotationStore(dir);
    const index = searchIn(store);
    const query = parseQuery('uppföljning');
    index.rank(query, 20);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const changed = await store.update(all[i]!.id, { note: `${all[i]!.note} ändrad ${i}` });
      if (!changed.ok) throw new Error(changed.error.message);
      const t0 = performance.now();
      index.rank(query, 20);
      times.push(performance.now() - t0);
    }
    store.close();
    times.sort((a, b) => a - b);
    return `notes search at ${all.length}: after one saved change the next search (its terms analysed then) costs p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `samples` times one 4 KB write + fsync of a scratch file, sorted. */
async function fsyncTimes(samples: number): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lasaren-bench-fsync-'));
  const times: number[] = [];
  try {
    const handle = await open(join(dir, 'f'), 'w');
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await handle.write(Buffer.alloc(4096, i), 0, 4096, 0);
      await handle.sync();
      times.push(performance.now() - t0);
    }
    await handle.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return times.sort((a, b) => a - b);
}

/** Wall and CPU time (this thread) of one step. */
function timed<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const [t0, c0] = [performance.now(), threadCpu()];
  const value = run();
  return { value, wall: performance.now() - t0, cpu: threadCpu() - c0 };
}

/**
 * Where the start goes, step by step, at one size: the check (in a worker from 8 MB on, beside
 * the counts), the counts and tags, the first document's notes, the panel's first page, the
 * IPC copies; then the first search, and what analysing every note once costs (after an
 * update from a release without stored terms, done in slices after start).
 */
async function loadSteps(all: Annotation[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lasaren-bench-steps-'));
  try {
    const fresh = await openAnnotationStore(dir);
    const seeded = await fresh.upsertMany(all);
    if (!seeded.ok) throw new Error(seeded.error.message);
    const catchUp = performance.now();
    const catchUpCpu = threadCpu();
    await searchIn(fresh).catchUp();
    const analysed = { wall: performance.now() - catchUp, cpu: threadCpu() - catchUpCpu };
    fresh.close();
    // The start as the app does it, served while the check runs, against the check first (the
    // start before this change), alternating, median of 3 after a warm-up each.
    const starts = { served: [] as number[][], first: [] as number[][] };
    for (let i = 0; i < 4; i++) {
      for (const [key, checkFirst] of [
        ['served', false],
        ['first', true],
      ] as const) {
        const t0 = performance.now();
        const c0 = threadCpu();
        const opened = await openAsApp(dir, checkFirst);
        const ready = [performance.now() - t0, threadCpu() - c0];
        await opened.checked;
        if (i > 0) starts[key].push([...ready, performance.now() - t0]);
        opened.close();
      }
    }
    const mid = (rows: number[][]) => [...rows].sort((a, b) => a[0]! - b[0]!)[1] ?? [NaN, NaN, NaN];
    const [served, before] = [mid(starts.served), mid(starts.first)];
    const startLines = [
      `start at ${all.length} notes (open + counts + first document, IPC copy; wall, CPU of this thread; then wall until the check's verdict):`,
      `  served while the check runs in its worker (this design)     ${ms(served[0]!)}${ms(served[1]!)}   verdict at ${ms(served[2]!)}`,
      `  the check awaited first (before)                            ${ms(before[0]!)}${ms(before[1]!)}   verdict at ${ms(before[2]!)}`,
    ];
    const db = new DatabaseSync(join(dir, DATABASE_FILE));
    const row = (label: string, f: { wall: number; cpu: number }) =>
      `  ${label.padEnd(58)}${ms(f.wall)}${ms(f.cpu)}`;
    const lines = [
      ...startLines,
      `where the start goes at ${all.length} notes (ms; wall, CPU of this thread):`,
    ];
    lines.push(
      row(
        'PRAGMA quick_check (in a worker from 8 MB on)',
        timed(() => quickCheck(db)),
      ),
    );
    const summary = timed(() => loadSummarySnapshot(db));
    lines.push(row('counts per document and colour + tags (beside the check)', summary));
    const queries = new AnnotationQueries(db);
    const first = timed(() => queries.forDocument(FIRST_DOCUMENT));
    lines.push(row(`first document's notes (${first.value.length})`, first));
    lines.push(
      row(
        'IPC copy of counts + first document',
        timed(() => ipc([summary.value, first.value])),
      ),
    );
    queries.setDocumentOrder((id) => ORDER.get(id) ?? Number.MAX_SAFE_INTEGER);
    const ids = timed(() => queries.ids({}, 'document'));
    lines.push(row("notes panel: every note's place in document order (rowids)", ids));
    lines.push(
      row(
        `notes panel: rows of the first page (${PANEL_PAGE})`,
        timed(() => queries.byRowids(ids.value.slice(0, PANEL_PAGE))),
      ),
    );
    lines.push(
      row(
        'notes panel: text filter "länsstyrelsen" (every note tested)',
        timed(() => queries.ids({ text: 'länsstyrelsen' }, 'newest')),
      ),
    );
    db.close();
    const store = await openAnnotationStore(dir);
    lines.push(
      row(
        'first notes search "länsstyrelsen" (stored terms)',
        timed(() => searchIn(store).rank(parseQuery('länsstyrelsen'), 20)),
      ),
    );
    store.close();
    lines.push(row('once: analyse every note into stored terms (in slices)', analysed));
    return lines.join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What this machine gives any store, measured in the same run: one 4 KB write + fsync (the
 * floor under every durable save) and JSON.parse of 10 MB. On a shared, loaded machine these
 * are many times slower than on an idle laptop; read the store figures against them.
 */
async function calibration(): Promise<string> {
  const times = await fsyncTimes(100);
  const text = JSON.stringify(Array.from({ length: 25_000 }, (_, i) => annotation(i))).slice(0, 10_000_000);
  const json = text.slice(0, text.lastIndexOf('},{') + 1) + ']';
  const t0 = performance.now();
  JSON.parse(json);
  const parse = performance.now() - t0;
  const [one, five] = loadavg();
  return `machine: ${cpus().length} cores, load average ${one?.toFixed(1)} (5 min ${five?.toFixed(1)}); 4 KB write+fsync p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms; JSON.parse of ${(json.length / 1e6).toFixed(1)} MB ${parse.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' } } });
  const sizes = values.sizes.split(',').map(Number);
  console.log(`Node ${process.version}, SQLite ${process.versions.sqlite ?? '?'}; times in ms`);
  console.log(await calibration());
  console.log(
    `${'store'.padEnd(8)}${'notes'.padStart(9)}${'load'.padStart(8)}${'cpu'.padStart(8)}${'cpu+'.padStart(8)}${'checked'.padStart(8)}${'page'.padStart(8)}${'search'.padStart(8)}${'save50'.padStart(8)}${'save95'.padStart(8)}${'fsync95'.padStart(8)}${'saves'.padStart(7)}`,
  );
  console.log(
    "load: open + counts + first document's notes (sqlite) or every note (json), IPC copy included; wall. cpu: CPU of the loading thread; cpu+: of the process until the check's verdict (the worker included). checked: wall from opening until the check's verdict (writes wait for it; reads do not).",
  );
  console.log(
    "page: the notes panel's first 50 in document order; search: the first notes search after start (wall, median of 3). fsync95: bare 4 KB write+fsync p95 just before",
  );
  const indexLines: string[] = [];
  for (const n of sizes) {
    const all = Array.from({ length: n }, (_, i) => annotation(i));
    const fsync = async () => percentile(await fsyncTimes(40), 95);
    let f95 = await fsync();
    console.log(line('sqlite', n, await measure(seedSqlite, sqlite, all, 300), f95));
    // The JSON store rewrites the whole file per save: fewer saves at the larger sizes.
    const jsonSaves = n >= 100_000 ? 10 : n >= 10_000 ? 40 : 100;
    f95 = await fsync();
    console.log(line('json', n, await measure(seedJson, json, all, jsonSaves), f95));
    indexLines.push(await searchAfterSave(all));
  }
  for (const l of indexLines) console.log(l);
  const largest = Math.max(...sizes);
  console.log(await loadSteps(Array.from({ length: largest }, (_, i) => annotation(i))));
  console.log(await calibration());
}

await main();
