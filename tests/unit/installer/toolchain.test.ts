// The Node the project asks for and the Node CI runs on: package.json declares >= 22.13, the
// first 22.x with node:sqlite (the notes store) unflagged, above the 22.12 Electron 45 needs to
// install; and .ci/run installs Node 24 LTS (the Node Electron 45 embeds)
// from the npm registry and runs the README's test command with it first on PATH.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const json = async (path: string) =>
  JSON.parse(await readFile(join(ROOT, path), 'utf8')) as Record<string, unknown>;

/** [major, minor] of the lowest version a `>=x.y.z` range admits. */
function floor(range: string): [number, number] {
  const match = /^>=\s*(\d+)\.(\d+)/.exec(range.trim());
  if (!match) throw new Error(`not a >= range: ${range}`);
  return [Number(match[1]), Number(match[2])];
}

describe('Node version', () => {
  it('package.json requires node:sqlite without a flag, and at least what Electron 45 requires to install', async () => {
    const engines = (await json('package.json'))['engines'] as { node: string };
    const electron = ((await json('node_modules/electron/package.json'))['engines'] as { node: string }).node;
    expect(floor(engines.node)).toEqual([22, 13]);
    const [ourMajor, ourMinor] = floor(engines.node);
    const [theirMajor, theirMinor] = floor(electron.replace(/\s+/g, ''));
    expect(ourMajor * 1000 + ourMinor).toBeGreaterThanOrEqual(theirMajor * 1000 + theirMinor);
  });

  it('the Node running these tests satisfies it', () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(major * 1000 + minor, process.versions.node).toBeGreaterThanOrEqual(22_013);
  });

  it('.ci/run installs Node 24 from the npm registry, puts it first on PATH, then runs the tests', async () => {
    const script = await readFile(join(ROOT, '.ci/run'), 'utf8');
    const install = script.indexOf('npm install --prefix "$NODE_PREFIX"');
    const path = script.indexOf('export PATH="$NODE_PREFIX/node_modules/.bin:$PATH"');
    const tests = script.indexOf('npm install && npm test');
    expect(script).toMatch(/npm install --prefix "\$NODE_PREFIX" [^\n]*node@24/);
    expect(install).toBeGreaterThan(0);
    expect(path).toBeGreaterThan(install);
    expect(tests).toBeGreaterThan(path);
    expect(script).toMatch(/apt-get install [^\n]*chromium[^\n]*python3-xapian/);
  });
});
