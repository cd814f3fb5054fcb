// Fault test of the real store: a child process saves annotations in a burst and is killed
// with SIGKILL at a random moment, 50 times over the same folder. Every annotation whose
// save was acknowledged before the kill must be there afterwards, and the database must pass
// SQLite's integrity check.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { DATABASE_FILE, openAnnotationStore } from '../../../../src-main/services/annotations/store';

const WRITER = join(import.meta.dirname, 'burst-writer.ts');
const RUNS = 50;
let dataDir = '';

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Runs one writer and kills it at a random moment; resolves with the acknowledged ids. */
function burstAndKill(run: number): Promise<{ acked: string[]; problems: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(run)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    const problems: string[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('ack ')) acked.push(line.slice(4));
      else if (line.startsWith('problem ')) problems.push(line.slice(8));
      else if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), 5 + Math.random() * 250);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (${code}): ${stderr}`));
      // Lines already written to the pipe before the kill are still delivered; wait for them.
      else setImmediate(() => resolve({ acked, problems }));
    });
  });
}

it(`keeps every acknowledged annotation through ${RUNS} SIGKILLs during a burst of saves`, async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lasaren-fault-'));
  const acknowledged = new Set<string>();
  const started = performance.now();
  let killedWithWal = 0;
  for (let run = 0; run < RUNS; run++) {
    const { acked, problems } = await burstAndKill(run);
    expect(problems).toEqual([]);
    for (const id of acked) acknowledged.add(id);
    const files = await readdir(dataDir);
    if (files.includes(`${DATABASE_FILE}-wal`)) killedWithWal++;
    // The file as the killed process left it passes the full integrity check.
    const check = new DatabaseSync(join(dataDir, DATABASE_FILE));
    expect(check.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    check.close();
    const store = await openAnnotationStore(dataDir);
    expect(store.problem).toBeNull();
    const present = new Set(store.all().map((a) => a.id));
    const lost = [...acknowledged].filter((id) => !present.has(id));
    expect(lost).toEqual([]);
    store.close();
  }
  console.log(
    `fault test: ${RUNS} kills, ${acknowledged.size} acknowledged saves all present, ` +
      `${killedWithWal} kills left a write-ahead log to replay, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  expect(acknowledged.size).toBeGreaterThan(RUNS);
}, 300_000);
