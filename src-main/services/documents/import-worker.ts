// Owns running a parser off the main thread under limits: a worker thread per file with a
// heap ceiling (resourceLimits), a wall-clock limit after which the worker is terminated, and
// a size check before any byte is handed over. Whatever happens inside, the caller gets a
// ParseOutcome value; the app's own thread never throws because of a file.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParseOutcome } from './import-parse';
import { MAX_FILE_BYTES, PARSE_TIMEOUT_MS, WORKER_HEAP_MB, problems } from './limits';
import type { WorkerMessage, WorkerRequest } from './worker';

export interface WorkerLimits {
  readonly timeoutMs?: number;
  readonly heapMb?: number;
  readonly maxBytes?: number;
}

function startWorker(heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 };
  // Installed builds unpack the worker beside the asar archive: Node cannot load a worker from inside it.
  const bundled = fileURLToPath(new URL('./import-worker.js', import.meta.url)).replace(
    /([\\/])app\.asar([\\/])/,
    '$1app.asar.unpacked$2',
  );
  if (existsSync(bundled)) return new Worker(bundled, { resourceLimits });
  // From source (tsx, vitest): load the TypeScript entry through tsx's loader.
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const entry = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const boot = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/** Parses one file in a worker thread; resolves to an outcome, never rejects. */
export function parseInWorker(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: (done: number, total: number) => void,
  limits: WorkerLimits = {},
): Promise<ParseOutcome> {
  const maxBytes = limits.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length > maxBytes)
    return Promise.resolve({ ok: false, error: problems.tooLarge(bytes.length, maxBytes) });
  const timeoutMs = limits.timeoutMs ?? PARSE_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    let worker: Worker;
    const finish = (outcome: ParseOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      void worker.terminate();
    };
    try {
      worker = startWorker(limits.heapMb ?? WORKER_HEAP_MB);
    } catch {
      resolve({ ok: false, error: problems.crashed() });
      return;
    }
    const timer = setTimeout(
      () => finish({ ok: false, error: problems.timeout(Math.round(timeoutMs / 1000)) }),
      timeoutMs,
    );
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else finish(message.outcome);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory/i.test(error.message);
      finish({ ok: false, error: memory ? problems.memory() : problems.crashed() });
    });
    worker.on('exit', () => finish({ ok: false, error: problems.crashed() }));
    const request: WorkerRequest = { bytes, fileName };
    worker.postMessage(request);
  });
}
