// Owns building an index without blocking the caller's event loop: in a worker thread for
// large corpora (bundled as search-worker.js next to the main bundle, or the TypeScript
// source under tsx), in-process for small ones.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SearchEngine, type IndexData, type ParagraphRecord } from './engine';

/** Below this, building in-process is quicker than starting a worker. */
export const WORKER_THRESHOLD = 2_000;

function startWorker(): Worker {
  // Installed builds unpack the worker beside the asar archive (electron-builder asarUnpack):
  // Node's worker loader cannot read inside app.asar.
  const bundled = fileURLToPath(new URL('./search-worker.js', import.meta.url)).replace(
    /([\\/])app\.asar([\\/])/,
    '$1app.asar.unpacked$2',
  );
  if (existsSync(bundled)) return new Worker(bundled);
  // Running from source (tsx, vitest): load the TypeScript entry through tsx's loader.
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const entry = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const boot = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true });
}

export function buildInWorker(records: readonly ParagraphRecord[]): Promise<IndexData> {
  return new Promise((resolve, reject) => {
    const worker = startWorker();
    worker.once('message', (data: IndexData) => {
      resolve(data);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`Sökindexeringen avbröts (kod ${code}).`));
    });
    // Plain objects: a record may read its text from disk (a getter the copy would lose).
    worker.postMessage(
      records.map(({ documentId, title, paragraph, heading, text, kind }) =>
        kind
          ? { documentId, title, paragraph, heading, text, kind }
          : { documentId, title, paragraph, heading, text },
      ),
    );
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
