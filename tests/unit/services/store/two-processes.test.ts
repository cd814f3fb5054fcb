// Two real processes on one data folder: this process runs the app's services and keeps
// saving notes while the CLI's `import` (a separate process, as a user would run it) and a
// second writer save into the same folder. Everybody's acknowledged saves survive, and the
// running app lists and finds the other processes' notes without a restart.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openServices, type Services } from '../../../../src-main/services';
import { annotate, ROOT, SAMPLES, sandboxWithSamples } from '../export/sample-notes';
import { runChild } from './run-child';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

function runCli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src-main/cli/main.ts'), ...args], {
      cwd: ROOT,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<number> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return performance.now() - start;
}

it('the app, the CLI import and another writer at once: nothing lost, the app shows it all live', async () => {
  // A W3C JSON file to import, exported from another folder; one note has a word to search for.
  const source = await sandboxWithSamples();
  const first = source.services.annotations.all()[0]!;
  await source.services.annotations.update(first.id, { note: 'Importerad med ordet tvåprocessprovet' });
  const outside = await mkdtemp(join(tmpdir(), 'lasaren-two-file-'));
  folders.push(outside);
  const file = join(outside, 'import.json');
  await writeFile(file, (await source.services.exports.render('json', { kind: 'all' })).bytes);
  const imported = source.services.annotations.all().map((a) => a.id);
  // A second file, imported once the app has stopped saving: one note more.
  await annotate(source.services, { ...SAMPLES[0]!, note: 'Kom sist: efterslänten' });
  const later = join(outside, 'later.json');
  await writeFile(later, (await source.services.exports.render('json', { kind: 'all' })).bytes);
  await source.cleanup();

  const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-two-'));
  folders.push(dataDir);
  const app: Services = await openServices({
    resourcesDir: join(ROOT, 'resources'),
    dataDir,
    openExternal: async () => undefined,
  });
  await app.search.ready;

  // The app keeps saving for as long as the other two processes run.
  const appAcked: string[] = [];
  let running = true;
  const appLoop = (async () => {
    for (let i = 0; running; i++) {
      const made = await annotate(app, { ...SAMPLES[i % SAMPLES.length]!, note: `appen ${i}` });
      appAcked.push(made.id);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const [cli, writer] = await Promise.all([
    runCli('import', file, '--data', dataDir),
    runChild('burst', dataDir, '150', 'skrivare'),
  ]);
  running = false;
  await appLoop;

  expect(cli.err).toBe('');
  expect(cli.code).toBe(0);
  expect(cli.out).toContain('Importen är klar. Nya: 4');
  const writerAcked = writer.split('\n').flatMap((l) => (l.startsWith('ack ') ? [l.slice(4)] : []));
  expect(writerAcked).toHaveLength(150);
  expect(appAcked.length).toBeGreaterThan(5);

  // The running app picks the others' notes up within its one-second poll, no restart.
  const all = [...appAcked, ...imported, ...writerAcked];
  const waited = await until(() => {
    const present = new Set(app.annotations.all().map((a) => a.id));
    return all.every((id) => present.has(id));
  }, 5_000);
  // ...and search finds the imported note (the notes index was fed the change, not rebuilt).
  await until(
    async () => (await app.search.search('tvåprocessprovet')).hits.some((h) => h.kind === 'note'),
    5_000,
  );

  // Now the app is idle (no own saves, no listing): only its one-second poll can notice.
  const idle = await runCli('import', later, '--data', dataDir);
  expect(idle.out).toContain('Importen är klar. Nya: 1');
  const noticed = await until(
    async () => (await app.search.search('efterslänten')).hits.some((h) => h.kind === 'note'),
    5_000,
  );
  console.log(
    `two processes: app ${appAcked.length}, CLI import 4, writer ${writerAcked.length} saves; the app listed them all ${waited.toFixed(0)} ms after the others finished; an import into the idle app was searchable after ${noticed.toFixed(0)} ms`,
  );
  app.close();

  // And on disk, read by a fresh process.
  const reopened = await runChild('open', dataDir);
  expect(reopened.trim()).toBe(`open ${all.length + 1} -`);
}, 120_000);
