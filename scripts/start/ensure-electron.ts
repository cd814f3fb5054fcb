// Owns making sure an Electron binary is there before `npm start` needs it. Electron 45's
// package has no install script: the binary is fetched by its `install-electron` bin (or the
// first require('electron'), which we never do), and electron-vite only reads path.txt. So
// start fetches it here, once, with a time limit; when that fails (no connection, a proxy)
// it returns a short message a person can act on, in Swedish and English, never a stack trace.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
  linux: 'electron',
};

/** The Electron executable already on disk, or null (checked without require('electron')). */
export function findElectronBinary(
  packageDir: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const candidate = join(override, EXECUTABLE[platform] ?? 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const candidate = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(candidate) ? candidate : null;
}

export type FetchOutcome = { ok: true; binary: string } | { ok: false; message: string };

/** The last line of the installer's error output that says what went wrong (no stack frames). */
export function failureReason(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^at\s/.test(l) && !/^\^+$/.test(l) && !l.startsWith('Node.js v'));
  const named = lines.filter((l) =>
    /error|fail|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|status|proxy|certificate/i.test(l),
  );
  return (named.at(0) ?? lines.at(-1) ?? 'okänt fel / unknown error').slice(0, 300);
}

/** What to tell the person at the terminal when the binary could not be fetched. */
export function fetchFailedMessage(reason: string): string {
  return [
    `Läsaren kunde inte starta: Electron-programmet kunde inte hämtas (${reason}).`,
    '  Första `npm start` laddar ner Electron (cirka 100 MB) och behöver nätverk en gång. Kontrollera',
    '  anslutningen eller proxyn (HTTPS_PROXY, ELECTRON_MIRROR) och kör `npm start` igen.',
    '  Samma app går att köra i en webbläsare utan Electron:  npm run host -- --port 5199 --data /tmp/lasaren-data',
    '',
    `Läsaren could not start: the Electron binary could not be downloaded (${reason}).`,
    '  The first `npm start` downloads Electron (about 100 MB) and needs a connection once. Check the',
    '  connection or proxy (HTTPS_PROXY, ELECTRON_MIRROR) and run `npm start` again.',
    '  The same app runs in a browser without Electron:  npm run host -- --port 5199 --data /tmp/lasaren-data',
  ].join('\n');
}

/** Runs the electron package's own installer (`install-electron`), bounded by `timeoutMs`. */
export function fetchElectron(
  packageDir: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FetchOutcome> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], {
      cwd: packageDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill();
      done({
        ok: false,
        message: fetchFailedMessage(
          `ingen nedladdning klar på ${Math.round(timeoutMs / 1000)} s / no download within ${Math.round(timeoutMs / 1000)} s`,
        ),
      });
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      done({ ok: false, message: fetchFailedMessage(e.message) });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      const binary = findElectronBinary(packageDir, env);
      if (code === 0 && binary) done({ ok: true, binary });
      else
        done({
          ok: false,
          message: fetchFailedMessage(failureReason(output) + (code ? `; install-electron: ${code}` : '')),
        });
    });
  });
}

/** Finds the binary or fetches it; the outcome says which binary or why there is none. */
export async function ensureElectron(
  packageDir: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FetchOutcome> {
  const present = findElectronBinary(packageDir, env);
  if (present) return { ok: true, binary: present };
  if (env['ELECTRON_OVERRIDE_DIST_PATH']) {
    return {
      ok: false,
      message: fetchFailedMessage(
        `ELECTRON_OVERRIDE_DIST_PATH=${env['ELECTRON_OVERRIDE_DIST_PATH']} innehåller ingen Electron / holds no Electron`,
      ),
    };
  }
  console.log('Hämtar Electron (en gång, cirka 100 MB) … / Downloading Electron (once, about 100 MB) …');
  return fetchElectron(packageDir, timeoutMs, env);
}
