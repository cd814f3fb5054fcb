// `npm run bench:import-index`: what adding an imported document to the index of all of
// regeringen.se costs, as the app does it (the stored index loaded, searched once, then a
// 198-page bill parsed by the real PDF parser and added), next to the old way in the same run
// (everything made from all records dropped on add and made again by the next search).
// Prints add time and the first searches after it, wall and CPU. A script, never a test.
// Needs the scale collection and its prebuilt cache (see bench-collection.ts):
// LASAREN_SCALE_DIR (default /tmp/lasaren-scale) and LASAREN_BENCH_CACHE (a folder holding
// regeringen-35942/ with a current-format collection and search index).
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { openCollection } from '../src-main/services/documents/collection';
import { parseFile } from '../src-main/services/documents/import-parse';
import { importedDocument } from '../src-main/services/imports/service';
import { SearchEngine } from '../src-main/services/search/engine';
import { INDEX_FILE_NAME, contentHash, readIndexFile } from '../src-main/services/search/index-file';
import { setLexiconDir } from '../src-main/services/search/lexicon';
import { paragraphRecords } from '../src-main/services/search/service';
import type { ReaderDocument } from '../src-main/shared/documents/model';

const ROOT = resolve(import.meta.dirname, '..');
const SCALE_DIR = process.env['LASAREN_SCALE_DIR'] ?? '/tmp/lasaren-scale';
const CACHE = join(process.env['LASAREN_BENCH_CACHE'] ?? join(SCALE_DIR, 'bench-cache'), 'regeringen-35942');
const COLLECTION = join(SCALE_DIR, 'regeringen-se');

function sharedDir(): string {
  const candidates = [process.env['LASAREN_SHARED'], join(ROOT, '../shared'), join(ROOT, '../../shared')];
  for (const c of candidates) if (c && existsSync(join(c, 'testfiles'))) return resolve(c);
  throw new Error('../shared/testfiles saknas: sätt LASAREN_SHARED / missing: set LASAREN_SHARED');
}

interface Timed<T> {
  readonly value: T;
  readonly wall: number;
  readonly cpu: number;
}

function timed<T>(run: () => T): Timed<T> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const wall = performance.now() - t0;
  const d = process.cpuUsage(cpu0);
  return { value, wall, cpu: (d.user + d.system) / 1000 };
}

async function timedAsync<T>(run: () => Promise<T>): Promise<Timed<T>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const wall = performance.now() - t0;
  const d = process.cpuUsage(cpu0);
  return { value, wall, cpu: (d.user + d.system) / 1000 };
}

const ms = (t: number) => (t < 10 ? t.toFixed(1) : t.toFixed(0));
const figure = (t: Timed<unknown>) => `${ms(t.wall)} ms / ${ms(t.cpu)} ms`;

async function imported(file: string): Promise<ReaderDocument> {
  const outcome = await parseFile(new Uint8Array(readFileSync(join(sharedDir(), 'testfiles', file))), file);
  if (!outcome.ok) throw new Error(`${file}: ${outcome.error.sv}`);
  // As the app adds it (without its database).
  return importedDocument(outcome.document, file, `import-${file}`, outcome.format, 'bench');
}

/** A word of the imported bill, a common word, and a misspelling (the correction path). */
const QUERIES = [
  'vapendirektivet',
  'skjutvapen ammunition',
  'arbetsmarknad',
  'vapenlicens',
  'vapendirektivt',
];

async function main(): Promise<void> {
  if (!existsSync(join(CACHE, INDEX_FILE_NAME)))
    throw new Error(`Inget förbyggt index i ${CACHE} / no prebuilt index there: set LASAREN_BENCH_CACHE`);
  setLexiconDir(join(ROOT, 'resources/lexicon'));
  console.log(`# Import i ett stort index (${new Date().toISOString()}, load ${loadavg()[0]?.toFixed(1)})`);
  const collection = await openCollection(COLLECTION, { cacheDir: CACHE, origin: 'collection' });
  const records = await collection.searchRecords();
  const load = await timedAsync(async () => {
    const data = await readIndexFile(join(CACHE, INDEX_FILE_NAME), contentHash(records));
    if (!data) throw new Error(`Indexet i ${CACHE} passar inte samlingen / does not match the collection`);
    const engine = new SearchEngine();
    await engine.import(records, data);
    return engine;
  });
  const engine = load.value;
  console.log(`${records.length.toLocaleString('sv-SE')} poster; index inläst ${figure(load)} (vägg / CPU)`);
  const bill = await timedAsync(() => imported('01_prop-2022-23-102_vapendirektivet.pdf'));
  const billRecords = paragraphRecords([bill.value]);
  const word = await imported('15_prop-2012-13-144_sjofartsstodet.docx');
  const wordRecords = paragraphRecords([word]);
  console.log(
    `198-sidig proposition tolkad (pdf.js, i processen) ${figure(bill)}: ${billRecords.length} poster`,
  );

  console.log('\n| steg | nu: utökas (vägg / CPU) | förr: byggs om (vägg / CPU) |');
  console.log('| --- | ---: | ---: |');
  // At start: the stored index is loaded, then the user's imports are added before any search.
  const atStart = timed(() => engine.add(billRecords));
  const first = QUERIES.map((q) => timed(() => engine.search(q)));
  // During a session (everything made, the correction targets too): one more import.
  const later = timed(() => engine.add(wordRecords));
  const afterLater = QUERIES.map((q) => timed(() => engine.search(q)));
  const extended = QUERIES.map((q) => JSON.stringify(engine.search(q)));
  // The old way, on the same engine and records: what add dropped is made by the next search
  // (and by the first correction: the misspelt query last).
  const old = QUERIES.map((q, i) => {
    if (i === 0 || i === QUERIES.length - 1) engine.forgetMade();
    return timed(() => engine.search(q));
  });
  // The old add itself: the same Word bill once more (under other ids), everything dropped first.
  const again = wordRecords.map((r) => ({ ...r, documentId: `${r.documentId}-igen` }));
  const oldAdd = timed(() => {
    engine.forgetMade();
    engine.add(again);
  });
  const oldFirst = timed(() => engine.search(QUERIES[0] as string));
  const row = (label: string, now: Timed<unknown>, before?: Timed<unknown>) =>
    console.log(`| ${label} | ${figure(now)} | ${before ? figure(before) : ''} |`);
  row(
    `vid start: lägg till propositionen (${billRecords.length} poster; läser ordlistan ur indexfilen)`,
    atStart,
  );
  QUERIES.forEach((q, i) =>
    row(`${i === 0 ? 'första sökningen' : 'sedan'}: ${q}`, first[i] as Timed<unknown>),
  );
  row(`under arbetet: lägg till en Word-proposition (${wordRecords.length} poster)`, later, oldAdd);
  QUERIES.forEach((q, i) =>
    row(
      `${i === 0 ? 'första sökningen' : 'sedan'}: ${q}`,
      afterLater[i] as Timed<unknown>,
      i === 0 ? oldFirst : i === QUERIES.length - 1 ? old[i] : undefined,
    ),
  );
  const same = old.every((t, i) => JSON.stringify(t.value) === extended[i]);
  console.log(`\nSamma svar utökat som ombyggt (alla ${QUERIES.length} frågorna): ${same ? 'ja' : 'NEJ'}`);
  console.log(
    '"Förr": samma motor och poster, allt som byggs av alla poster glömt (så gjorde add förut); första sökningen bygger om det.',
  );
  console.log(
    'Felstavningen sist (rättning): förr glömt igen, så dess rad mäter också rättningsmålen byggda om; nu läggs bara nya ord till.',
  );
}

await main();
