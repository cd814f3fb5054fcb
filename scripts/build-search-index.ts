// Build step: indexes the shipped documents once and stores the index next to them
// (resources/search-index.ndjson), so the app loads it at start instead of building it.
// `tsx scripts/build-search-index.ts [RESOURCES_DIR]`.
import { join, resolve } from 'node:path';
import { writeResourcesIndex } from '../src-main/services/search/service';

const resourcesDir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'resources'));
const started = performance.now();
const result = await writeResourcesIndex(resourcesDir);
for (const problem of result.problems) console.warn(problem);
console.log(
  `Sökindex: ${result.paragraphs} stycken ur ${result.documents} dokument → ${result.path} (${Math.round(performance.now() - started)} ms)`,
);
