// Fault test of the real store: a child process saves annotations in a burst and is killed
// with SIGKILL at a random moment, 50 times over the same folder. Every annotation whose
// save was acknowledged before the kill must be there afterwards, and the store must parse.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import { StoreFileSchema } from '../../../../src-main/shared/annotation-schema';
import {
  BACKUP_FILE,
  STORE_FILE,
  openAnnotationStore,
} from '../../../../src-main/services/annotations/store';

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
  let killedMidWrite = 0;
  for (let run = 0; run < RUNS; run++) {
    const { acked, problems } = await burstAndKill(run);
    expect(problems).toEqual([]);
    for (const id of acked) acknowledged.add(id);
    const files = await readdir(dataDir);
    if (files.some((f) => f.endsWith('.tmp'))) killedMidWrite++;
    // The file on disk (or, after a kill between the two renames, the backup) parses.
    const name = files.includes(STORE_FILE) ? STORE_FILE : BACKUP_FILE;
    const parsed = StoreFileSchema.safeParse(JSON.parse(await readFile(join(dataDir, name), 'utf8')));
    expect(parsed.success).toBe(true);
    const store = await openAnnotationStore(dataDir);
    expect(store.problem).toBeNull();
    const present = new Set(store.list().map((a) => a.id));
    const lost = [...acknowledged].filter((id) => !present.has(id));
    expect(lost).toEqual([]);
  }
  console.log(
    `fault test: ${RUNS} kills, ${acknowledged.size} acknowledged saves all present, ` +
      `${killedMidWrite} kills left a half-written temp file, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  expect(acknowledged.size).toBeGreaterThan(RUNS);
}, 120_000);
