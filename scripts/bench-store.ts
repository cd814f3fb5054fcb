// Prints save p50/p95 and load times of the notes store at 1,000, 10,000 and 100,000 notes,
// for the SQLite store the app uses and, in the same run, for the JSON store of the previous
// release (scripts/legacy/json-store.ts); then what one saved change costs the notes' search
// index (incremental update) next to rebuilding it. `npm run bench:store [-- --sizes 1000,10000]`
// Notes are realistic: passages of the shipped documents, Swedish note text, tags.
import { randomUUID } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openJsonAnnotationStore } from './legacy/json-store';
import { openAnnotationStore, type NewAnnotation } from '../src-main/services/annotations/store';
import { NotesIndex } from '../src-main/services/search/notes';
import { parseQuery } from '../src-main/services/search/query';
import { HIGHLIGHT_COLOURS, type Annotation } from '../src-main/shared/annotation';

const WORDS = (
  'regeringen integration arbetsmarknad utbildning kommunerna etablering språk boende hälsa ' +
  'uppföljning handlingsplan EU-fonder samordning nyanlända länsstyrelsen remiss yttrande'
).split(' ');

function note(i: number): NewAnnotation {
  const words = Array.from({ length: 8 + (i % 20) }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]);
  return {
    documentId: '000_85e98cc4eb8dedfb',
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

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0)).padStart(8);

interface Figures {
  readonly load: number;
  readonly p50: number;
  readonly p95: number;
  readonly saves: number;
}

interface Store {
  list(): readonly Annotation[];
  create(input: NewAnnotation): Promise<{ ok: boolean }>;
  close?(): void;
}

async function measure(
  seed: (dir: string, all: Annotation[]) => Promise<void>,
  open: (dir: string) => Promise<Store>,
  all: Annotation[],
  saves: number,
): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'lasaren-bench-store-'));
  try {
    await seed(dir, all);
    // Loading: open the store and have the list in hand (median of 3, after one warm-up).
    const loads: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      const store = await open(dir);
      if (store.list().length !== all.length) throw new Error('wrong count after load');
      if (i > 0) loads.push(performance.now() - t0);
      store.close?.();
    }
    loads.sort((a, b) => a - b);
    // Saving: one new note at a time, acknowledged (durable) before the next.
    const store = await open(dir);
    const times: number[] = [];
    for (let i = 0; i < saves; i++) {
      const t0 = performance.now();
      const result = await store.create(note(all.length + i));
      times.push(performance.now() - t0);
      if (!result.ok) throw new Error('save failed');
    }
    store.close?.();
    times.sort((a, b) => a - b);
    return { load: loads[1] ?? NaN, p50: percentile(times, 50), p95: percentile(times, 95), saves };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function seedSqlite(dir: string, all: Annotation[]): Promise<void> {
  const store = await openAnnotationStore(dir);
  const result = await store.upsertMany(all);
  if (!result.ok) throw new Error(result.error.message);
  store.close();
}

async function seedJson(dir: string, all: Annotation[]): Promise<void> {
  await writeFile(join(dir, 'annotations.json'), JSON.stringify({ schemaVersion: 1, annotations: all }));
}

function line(label: string, n: number, f: Figures): string {
  return `${label.padEnd(8)}${String(n).padStart(9)}${ms(f.load)}${ms(f.p50)}${ms(f.p95)}${String(f.saves).padStart(7)}`;
}

/** What one saved change costs search: the incremental update next to a rebuild. */
function notesIndex(all: Annotation[]): string {
  const query = parseQuery('uppföljning');
  const index = new NotesIndex(() => 'Titel');
  let t0 = performance.now();
  index.setNotes(all);
  index.rank(query, 20);
  const rebuild = performance.now() - t0;
  const times: number[] = [];
  let current = all;
  for (let i = 0; i < 20; i++) {
    const changed = { ...current[i]!, note: `${current[i]!.note} ändrad ${i}` };
    current = current.map((a, k) => (k === i ? changed : a));
    t0 = performance.now();
    index.setNotes(current);
    index.rank(query, 20);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return `notes index at ${all.length}: built from scratch ${rebuild.toFixed(0)} ms; after one changed note the next search costs p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (incremental)`;
}

/**
 * What this machine gives any store, measured in the same run: one 4 KB write + fsync (the
 * floor under every durable save) and JSON.parse of 10 MB. On a shared, loaded machine these
 * are many times slower than on an idle laptop; read the store figures against them.
 */
async function calibration(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lasaren-bench-fsync-'));
  const times: number[] = [];
  try {
    const handle = await open(join(dir, 'f'), 'w');
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      await handle.write(Buffer.alloc(4096, i), 0, 4096, 0);
      await handle.sync();
      times.push(performance.now() - t0);
    }
    await handle.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
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
    `${'store'.padEnd(8)}${'notes'.padStart(9)}${'load'.padStart(8)}${'save50'.padStart(8)}${'save95'.padStart(8)}${'saves'.padStart(7)}`,
  );
  const indexLines: string[] = [];
  for (const n of sizes) {
    const all = Array.from({ length: n }, (_, i) => annotation(i));
    console.log(line('sqlite', n, await measure(seedSqlite, (d) => openAnnotationStore(d), all, 300)));
    // The JSON store rewrites the whole file per save: fewer saves at the larger sizes.
    const jsonSaves = n >= 100_000 ? 10 : n >= 10_000 ? 40 : 100;
    console.log(line('json', n, await measure(seedJson, openJsonAnnotationStore, all, jsonSaves)));
    indexLines.push(notesIndex(all));
  }
  for (const l of indexLines) console.log(l);
  console.log(await calibration());
}

await main();
