// The zero-hit part of `npm run bench:search -- --real DIR --cache DIR --zero-hit`: a query
// that finds nothing goes through every fallback (correction, widening to near spellings,
// split words, suggestions), each a scan of the collection's words. Loads the real
// collection and its stored search index as the app does at start, then times a handful
// of such queries (misspelt long words, nonsense) cold (first time) and warm, CPU time.
import { join } from 'node:path';
import { SearchEngine } from '../src-main/services/search/engine';
import {
  INDEX_FILE_NAME,
  contentHash,
  readIndexFile,
  writeIndexFile,
} from '../src-main/services/search/index-file';

/** Queries that find nothing as typed on regeringen.se (checked: the bench prints their hits). */
export const ZERO_HIT_QUERIES = [
  'förvaltningsmyndigheternasxyz',
  'kvantkromodynamiskt',
  'blorfnitzerkvist',
  'xqzvbrtklmn',
  'arbetsmiljöinspektionsrapporteringsrutin',
  'sjukförsäkringsadministrationsprocedurerna',
  'gnorbeltrasp miljö',
  'översvämningsskyddsbarriärernaqq',
  'förslagsnämbarhet',
  'stödberättigansde kommunalrådsxyz',
  'kvantkromodynamiskt blorfnitzerkvist gnorbeltrasp',
  'samverkansprocessering myndighetsförankringslistor regelförenklingsmätarna',
];

export async function runZeroHit(
  folder: string,
  cache: string,
  print: (line?: string) => void,
): Promise<void> {
  const { openCollection } = await import('../src-main/services/documents/collection');
  const collection = await openCollection(folder, { cacheDir: cache, origin: 'collection' });
  const records = await collection.searchRecords();
  await collection.checked;
  const file = join(cache, INDEX_FILE_NAME);
  const hash = contentHash(records);
  let data = await readIndexFile(file, hash);
  if (!data) {
    // Stale or missing (another analyser version): built and stored as the app would, in
    // the cache folder given (pass a copy of a shared one).
    print(`Bygger sökindexet i ${cache} (det som fanns var inaktuellt) …`);
    const built = new SearchEngine();
    built.add(records);
    await writeIndexFile(file, hash, records.length, built.export());
    data = await readIndexFile(file, hash);
    if (!data) throw new Error(`could not store a search index in ${cache}`);
  }
  const engine = new SearchEngine();
  await engine.import(records, data);
  const cpu = (run: () => unknown): number => {
    const t = process.cpuUsage();
    run();
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1000;
  };
  // The first search reads the vocabulary for corrections: timed apart, as a start's cost.
  const spellingLoad = cpu(() => engine.search('förvaltningsmyndigheterns'));
  print();
  print(`## Frågor utan träff (${records.length.toLocaleString('sv-SE')} poster)`);
  print();
  print(`Första sökningen med rättning (läser ordlistan för rättning): ${spellingLoad.toFixed(0)} ms CPU.`);
  print();
  print(`| fråga | träffar | rättning / förslag | första gången (CPU) | sedan, median av 5 (CPU) |`);
  print(`| --- | ---: | --- | ---: | ---: |`);
  const firsts: number[] = [];
  const warms: number[] = [];
  for (const q of ZERO_HIT_QUERIES) {
    let response = engine.search('');
    const first = cpu(() => (response = engine.search(q)));
    const again = Array.from({ length: 5 }, () => cpu(() => engine.search(q))).sort((a, b) => a - b)[2] ?? 0;
    firsts.push(first);
    warms.push(again);
    const said = response.correction?.query ?? response.suggestions.join(', ');
    print(
      `| \`${q}\` | ${response.hits.length} | ${said || '–'} | ${first.toFixed(1)} ms | ${again.toFixed(1)} ms |`,
    );
  }
  const max = (xs: number[]) => Math.max(...xs).toFixed(1);
  print();
  print(`Högst: ${max(firsts)} ms första gången, ${max(warms)} ms sedan.`);
}
