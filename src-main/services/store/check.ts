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

/** Room for the worker's answer (JSON) in the shared buffer; quick_check(5) stays far below. */
const ANSWER_BYTES = 16 * 1024;

// The worker writes its answer as JSON into a shared buffer and wakes whoever waits on the
// first word: a write on the main thread may need the verdict at once (waitSync), without
// waiting for the event loop to deliver a message.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const { path, shared } = workerData;
const head = new Int32Array(shared, 0, 2);
let answer;
let db;
try {
  db = new DatabaseSync(path, { readOnly: true, timeout: 5000 });
  const rows = db.prepare('PRAGMA quick_check(5)').all();
  answer = { found: rows.map((r) => r.quick_check) };
} catch (e) {
  answer = { error: String(e && e.message), code: e && typeof e.errcode === 'number' ? e.errcode & 0xff : null };
} finally {
  if (db && db.isOpen) db.close();
}
const bytes = new TextEncoder().encode(JSON.stringify(answer)).subarray(0, shared.byteLength - 8);
new Uint8Array(shared, 8).set(bytes);
head[1] = bytes.length;
Atomics.store(head, 0, 1);
Atomics.notify(head, 0);
`;

interface WorkerAnswer {
  readonly found?: string[];
  readonly error?: string;
  readonly code?: number | null;
}

/** SQLITE_CORRUPT and SQLITE_NOTADB: the file itself is damaged. */
const DAMAGE_CODES = new Set([11, 26]);

/** A check running in a worker: awaited, or waited for on the spot by a write. */
export interface CheckRun {
  /** 'ok', or what was found. Rejects only when the fallback check on the caller's connection throws. */
  readonly done: Promise<string>;
  /** Blocks this thread until the worker answered (a write that must not go to an unchecked file). */
  waitSync(): string;
  /** Stops the worker (the connection is closing); `done` then never settles. */
  stop(): void;
}

/**
 * Starts quick_check on `path` in a worker thread. A failure that is not damage (the worker
 * could not start, the file was busy) falls back to checking on `fallback`, the caller's own
 * connection.
 */
export function startQuickCheck(path: string, fallback: DatabaseSync): CheckRun {
  const shared = new SharedArrayBuffer(8 + ANSWER_BYTES);
  const head = new Int32Array(shared, 0, 2);
  let settled: { value: string } | { error: unknown } | null = null;
  let resolve: (value: string) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const done = new Promise<string>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  let worker: Worker | null = null;
  const finish = (answer: WorkerAnswer | null): string => {
    if (!settled) {
      try {
        if (answer?.found) settled = { value: verdict(answer.found) };
        else if (answer?.code != null && DAMAGE_CODES.has(answer.code))
          settled = { value: answer.error ?? 'skadad' };
        else settled = { value: quickCheck(fallback) };
      } catch (e) {
        settled = { error: e };
      }
      void worker?.terminate();
      if ('value' in settled) resolve(settled.value);
      else reject(settled.error);
    }
    if ('error' in settled) throw settled.error;
    return settled.value;
  };
  const read = (): WorkerAnswer => {
    const bytes = new Uint8Array(shared, 8, head[1]).slice();
    return JSON.parse(new TextDecoder().decode(bytes)) as WorkerAnswer;
  };
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, shared } });
    worker.once('exit', () => {
      if (!settled) finish(Atomics.load(head, 0) === 1 ? read() : null);
    });
    worker.once('error', () => {
      if (!settled) finish(null);
    });
  } catch {
    queueMicrotask(() => finish(null));
  }
  return {
    done,
    waitSync: () => {
      if (settled) return finish(null);
      try {
        if (worker) Atomics.wait(head, 0, 0, 60_000);
      } catch {
        // A thread that may not block (a browser's main thread): check here instead.
        return finish(null);
      }
      return finish(Atomics.load(head, 0) === 1 ? read() : null);
    },
    stop: () => {
      settled ??= { value: 'stopped' };
      void worker?.terminate();
    },
  };
}

/** Runs quick_check on `path` in a worker thread; see startQuickCheck. */
export function quickCheckInWorker(path: string, fallback: DatabaseSync): Promise<string> {
  return startQuickCheck(path, fallback).done;
}
