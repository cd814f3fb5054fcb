// Build step: indexes the shipped documents once and stores the index next to them
// (resources/search-index.ndjson), so the app loads it at start instead of building it.
import { join, resolve } from 'node:path';
import { openLibrary } from '../src-main/services/library/library';
import { buildEngine } from '../src-main/services/search/build';
import { INDEX_FILE_NAME, contentHash, writeIndexFile } from '../src-main/services/search/index-file';
import { paragraphRecords } from '../src-main/services/search/service';

const resourcesDir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'resources'));
const started = performance.now();
const library = await openLibrary(join(resourcesDir, 'documents'));
for (const problem of library.problems) console.warn(problem);
const records = paragraphRecords(library.documents);
const { engine, data } = await buildEngine(records);
const target = join(resourcesDir, INDEX_FILE_NAME);
await writeIndexFile(target, contentHash(records), records.length, data ?? engine.export());
console.log(
  `Sökindex: ${records.length} stycken ur ${library.documents.length} dokument → ${target} (${Math.round(performance.now() - started)} ms)`,
);
