// Owns what the UI benchmarks (`bench:library`, `bench:search-ui`) share: the line about the
// machine, percentiles, starting the real browser host on a collection and waiting until it is
// quiet, and Debian's Chromium opened offline with a fresh context. Benchmark scripts only.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { OFFLINE_CHROMIUM_ARGS, chromiumPath } from '../src-main/services/export/pdf-chromium';

export const ROOT = resolve(import.meta.dirname, '..');

/** Percentile of samples (nearest rank, as every benchmark here prints it). */
export function percentile(samples: readonly number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

export const stats = (samples: readonly number[]): string =>
  `p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, max ${percentile(samples, 100).toFixed(1)} ms (n=${samples.length})`;

/** The load average, 1/5/15 minutes. */
export const loadLine = (): string =>
  `${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')} (1/5/15 min)`;

export const machineLine = (): string =>
  `Maskin: ${cpus().length} kärnor (${cpus()[0]?.model.trim() ?? '?'}), belastning ${loadLine()}, Node ${process.version}, ${new Date().toISOString()}`;

/** CPU ticks (user + system) of a process, from /proc (Linux); null elsewhere. */
function cpuTicks(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

export interface RunningBenchHost {
  readonly url: string;
  readonly child: ChildProcess;
}

/**
 * Starts the real browser host (`src-main/host/main.ts --collection DIR --data DIR`); resolves
 * with its address once it listens and has gone quiet (a large collection's files are checked
 * against the index in the background after start).
 */
export async function startBenchHost(collection: string, data: string): Promise<RunningBenchHost> {
  if (!existsSync(join(ROOT, 'out/renderer/index.html')))
    throw new Error('Renderaren är inte byggd: kör npm run build först.');
  if (!existsSync(join(collection, 'manifest.ndjson')))
    throw new Error(
      `Ingen samling i ${collection}: packa upp ../shared/collections/regeringen-se.tar.xz dit (tar -xJf … -C /tmp/lasaren-scale).`,
    );
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/host/main.ts', '--port', '0', '--data', data, '--collection', collection],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let problems = 0;
  child.stderr!.on('data', (b: Buffer) => (problems += String(b).split('\n').filter(Boolean).length));
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += String(b);
      const m = /Läsaren körs på (\S+)/.exec(out);
      if (m) done(m[1]!);
    });
    child.once('exit', (code) => fail(new Error(`Värden avslutades (kod ${code}):\n${out}`)));
  });
  console.log(
    `Värden lyssnar på ${url} efter ${((performance.now() - started) / 1000).toFixed(1)} s (${problems} rader om samlingens problem).`,
  );
  // Wait until the host has used under 5 % of a core for two seconds in a row (max 3 minutes).
  const tick = 100; // USER_HZ on Linux
  let quiet = 0;
  for (let i = 0, last = cpuTicks(child.pid!); i < 180 && last !== null && quiet < 2; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuTicks(child.pid!);
    quiet = now !== null && (now - last) / tick < 0.05 ? quiet + 1 : 0;
    last = now;
  }
  console.log(`Värden är i vila efter ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return { url, child };
}

/** Debian's Chromium, offline, with one fresh context at a laptop's window size, in Swedish. */
export async function openBenchBrowser(): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: OFFLINE_CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'sv-SE' });
  // tsx keeps function names with a `__name` helper that does not exist in the page.
  await context.addInitScript('globalThis.__name = (f) => f;');
  return { browser, context };
}
