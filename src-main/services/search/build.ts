// Owns building an index without blocking the caller's event loop: in a worker thread for
// large corpora (bundled as search-worker.js next to the main bundle, or the TypeScript
// source under tsx), in-process for small ones.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SearchEngine, type IndexData, type ParagraphRecord } from './engine';

/** Below this, building in-process is quicker than starting a worker. */
export const WORKER_THRESHOLD = 2_000;

function workerEntry(): { url: URL; execArgv: string[] } {
  const bundled = new URL('./search-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return { url: bundled, execArgv: [] };
  return { url: new URL('./worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
}

export function buildInWorker(records: readonly ParagraphRecord[]): Promise<IndexData> {
  const { url, execArgv } = workerEntry();
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { execArgv });
    worker.once('message', (data: IndexData) => {
      resolve(data);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`Sökindexeringen avbröts (kod ${code}).`));
    });
    worker.postMessage(records);
  });
}

/** A ready engine over the records: built in a worker (then imported in slices) when large. */
export async function buildEngine(
  records: readonly ParagraphRecord[],
  options: { worker?: boolean } = {},
): Promise<{ engine: SearchEngine; data: IndexData | null }> {
  const engine = new SearchEngine();
  if (options.worker ?? records.length >= WORKER_THRESHOLD) {
    const data = await buildInWorker(records);
    await engine.import(records, data);
    return { engine, data };
  }
  engine.add(records);
  return { engine, data: null };
}
