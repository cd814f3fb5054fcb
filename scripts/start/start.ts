// `npm start`: make sure the Electron binary is there (fetched once, see ensure-electron.ts),
// build everything the app reads (main, preload, renderer and the search index: `npm run
// build`), then start Electron on that build with electron-vite preview. Any step that fails
// stops start with a non-zero exit and a message, not a stack trace.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ensureElectron } from './ensure-electron';

const ROOT = resolve(import.meta.dirname, '../..');
const PACKAGE_DIR = join(ROOT, 'node_modules', 'electron');
/** A real download takes a minute or two on a slow line; a dead proxy must not hang forever. */
const FETCH_TIMEOUT_MS = Number(process.env['LASAREN_ELECTRON_FETCH_TIMEOUT_S'] ?? 600) * 1000;
const MIN_NODE = [22, 13] as const;

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.once('error', () => done(1));
    child.once('close', (code) => done(code ?? 1));
  });
}

async function main(): Promise<number> {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    console.error(
      `Läsaren behöver Node ${MIN_NODE.join('.')} eller senare (Node 24 LTS rekommenderas); detta är ${process.versions.node}.\n` +
        `Läsaren needs Node ${MIN_NODE.join('.')} or later (Node 24 LTS recommended); this is ${process.versions.node}.`,
    );
    return 1;
  }
  const electron = await ensureElectron(PACKAGE_DIR, FETCH_TIMEOUT_MS);
  if (!electron.ok) {
    console.error(electron.message);
    return 1;
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = await run(npm, ['run', 'build'], process.env);
  if (built !== 0) {
    console.error(
      'Bygget misslyckades (se ovan); Läsaren startas inte. / The build failed (see above); Läsaren was not started.',
    );
    return built;
  }
  // electron-vite reads ELECTRON_EXEC_PATH before path.txt, so an ELECTRON_OVERRIDE_DIST_PATH works too.
  const viteCli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  return run(process.execPath, [viteCli, 'preview', '--skipBuild'], {
    ...process.env,
    ELECTRON_EXEC_PATH: electron.binary,
  });
}

process.exitCode = await main();
