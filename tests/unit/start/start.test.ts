// `npm start` on a machine that cannot download Electron (ours: no network; a user's: a
// proxy) stops within seconds with a message saying what failed and that `npm run host` runs
// the same app in a browser — no stack trace, non-zero exit. With a binary present (a
// stand-in here), it builds everything the app reads, search index included, and starts that
// binary on the build. Electron is detected without require('electron') (which would try to
// download it).
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { failureReason, findElectronBinary } from '../../../scripts/start/ensure-electron';

const ROOT = resolve(import.meta.dirname, '../../..');
const ELECTRON_PACKAGE = join(ROOT, 'node_modules/electron');

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lasaren-start-'));
  temps.push(dir);
  return dir;
}

describe('findElectronBinary', () => {
  it('needs both path.txt and the file it names under dist/', async () => {
    const pkg = await tempDir();
    expect(findElectronBinary(pkg, {}, 'linux')).toBeNull();
    await writeFile(join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(pkg, {}, 'linux')).toBeNull();
    await mkdir(join(pkg, 'dist'));
    await writeFile(join(pkg, 'dist/electron'), '');
    expect(findElectronBinary(pkg, {}, 'linux')).toBe(join(pkg, 'dist/electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, and only when the executable is there', async () => {
    const pkg = await tempDir();
    const override = await tempDir();
    expect(findElectronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux')).toBeNull();
    await writeFile(join(override, 'electron.exe'), '');
    expect(findElectronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'win32')).toBe(
      join(override, 'electron.exe'),
    );
  });
});

describe('failureReason', () => {
  it('names the error and drops the stack', () => {
    const output = [
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:15845:13',
      '    at async downloadArtifact (/x/node_modules/@electron/get/dist/index.js:1:1)',
      '',
      'Node.js v24.21.0',
    ].join('\n');
    expect(failureReason(output)).toBe('TypeError: fetch failed');
    expect(failureReason('HTTPError: Response code 407 (Proxy Authentication Required)\n    at x')).toMatch(
      /407/,
    );
  });
});

interface Run {
  code: number | null;
  output: string;
  ms: number;
}

function npmStart(env: NodeJS.ProcessEnv): Promise<Run> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start'], { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, output, ms: Date.now() - started }));
  });
}

const installed = findElectronBinary(ELECTRON_PACKAGE);

describe('npm start without a way to download Electron', () => {
  it.skipIf(installed !== null)(
    'stops within seconds, non-zero, saying what failed and that `npm run host` runs the app in a browser',
    async () => {
      // A closed local port as the download mirror and an empty download cache: the download
      // fails here and on a connected machine alike, and no cached zip can make it succeed.
      const cache = await tempDir();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: cache,
        // The node running this test first on PATH, so npm and tsx run on it.
        PATH: `${resolve(process.execPath, '..')}${delimiter}${process.env['PATH'] ?? ''}`,
      };
      delete env['ELECTRON_OVERRIDE_DIST_PATH'];
      delete env['ELECTRON_EXEC_PATH'];
      const result = await npmStart(env);
      expect(result.code, result.output).not.toBe(0);
      expect(result.ms).toBeLessThan(30_000);
      expect(result.output).toContain('Läsaren kunde inte starta: Electron-programmet kunde inte hämtas (');
      expect(result.output).toContain(
        'Läsaren could not start: the Electron binary could not be downloaded (',
      );
      expect(result.output).toContain('npm run host -- --port 5199 --data /tmp/lasaren-data');
      expect(result.output).toMatch(/fetch failed|ECONNREFUSED/);
      // No stack trace, and nothing was built or launched.
      expect(result.output).not.toMatch(/^\s+at\s/m);
      expect(result.output).not.toContain('electron-vite build');
      expect(result.output).not.toContain('Electron uninstall');
      console.log(`npm start without a download: exit ${result.code} after ${result.ms} ms`);
    },
    60_000,
  );

  it.skipIf(process.platform === 'win32')(
    'with a binary present, builds the app and the search index, then starts that binary on the build',
    async () => {
      // A stand-in Electron (ELECTRON_OVERRIDE_DIST_PATH) that records how it was started.
      const dist = await tempDir();
      const record = join(dist, 'started.txt');
      await writeFile(join(dist, 'electron'), `#!/bin/sh\nprintf '%s\\n%s\\n' "$*" "$(pwd)" > '${record}'\n`);
      await chmod(join(dist, 'electron'), 0o755);
      const started = Date.now();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ELECTRON_OVERRIDE_DIST_PATH: dist,
        PATH: `${resolve(process.execPath, '..')}${delimiter}${process.env['PATH'] ?? ''}`,
      };
      delete env['ELECTRON_EXEC_PATH'];
      const result = await npmStart(env);
      expect(result.code, result.output).toBe(0);
      expect(result.output).not.toContain('Hämtar Electron');
      const [args, cwd] = (await readFile(record, 'utf8')).split('\n');
      expect(args).toBe('.');
      expect(cwd).toBe(ROOT);
      for (const built of [
        'out/main/index.js',
        'out/main/search-worker.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'resources/search-index.ndjson',
      ]) {
        expect((await stat(join(ROOT, built))).mtimeMs, built).toBeGreaterThanOrEqual(started - 1000);
      }
    },
    240_000,
  );

  it('does not download when the binary is already there', async () => {
    // A fake package whose binary is present: ensure-electron must not try to download.
    const pkg = await tempDir();
    await mkdir(join(pkg, 'dist'));
    await writeFile(join(pkg, 'path.txt'), 'electron');
    await writeFile(join(pkg, 'dist/electron'), '#!/bin/sh\n');
    await chmod(join(pkg, 'dist/electron'), 0o755);
    const { ensureElectron } = await import('../../../scripts/start/ensure-electron');
    await expect(ensureElectron(pkg, 1000, {})).resolves.toEqual({
      ok: true,
      binary: join(pkg, 'dist/electron'),
    });
  });
});
