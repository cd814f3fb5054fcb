// Owns checking the database file at start with `PRAGMA quick_check`. A small file is checked
// on the spot; a large one (tens of thousands of notes, where the check reads every page for a
// few hundred milliseconds) is checked in a worker thread on a read-only connection of its own,
// while the main thread reads the notes' counts. The worker is a few lines of inline code:
// nothing to bundle or unpack beside the app.
import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

/** 'ok', or what the check found (first lines, on one line each). */
export function quickCheck(db: DatabaseSync): string {
  const rows = db.prepare('PRAGMA quick_check(5)').all() as Array<{ quick_check: string }>;
  return verdict(rows.map((r) => r.quick_check));
}

function verdict(found: string[]): string {
  const lines = found.map((line) => line.replace(/\s+/g, ' ').trim());
  return lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('; ');
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
let db;
try {
  db = new DatabaseSync(workerData, { readOnly: true, timeout: 5000 });
  const rows = db.prepare('PRAGMA quick_check(5)').all();
  parentPort.postMessage({ found: rows.map((r) => r.quick_check) });
} catch (e) {
  parentPort.postMessage({ error: String(e && e.message), code: e && typeof e.errcode === 'number' ? e.errcode & 0xff : null });
} finally {
  if (db && db.isOpen) db.close();
}
`;

interface WorkerAnswer {
  readonly found?: string[];
  readonly error?: string;
  readonly code?: number | null;
}

/** SQLITE_CORRUPT and SQLITE_NOTADB: the file itself is damaged. */
const DAMAGE_CODES = new Set([11, 26]);

/**
 * Runs quick_check on `path` in a worker thread. Resolves with 'ok' or what was found; a
 * failure that is not damage (the worker could not start, the file was busy) falls back to
 * checking on `fallback`, the caller's own connection.
 */
export function quickCheckInWorker(path: string, fallback: DatabaseSync): Promise<string> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: path });
    } catch {
      resolve(quickCheck(fallback));
      return;
    }
    const inline = () => {
      try {
        resolve(quickCheck(fallback));
      } catch (e) {
        reject(e as Error);
      }
    };
    worker.once('message', (answer: WorkerAnswer) => {
      void worker.terminate();
      if (answer.found) resolve(verdict(answer.found));
      else if (answer.code != null && DAMAGE_CODES.has(answer.code)) resolve(answer.error ?? 'skadad');
      else inline();
    });
    worker.once('error', inline);
  });
}
