// The afterPack hook on a fuse wire laid out exactly as in an Electron binary (sentinel,
// version, length, one byte per fuse): release builds close run-as-node, NODE_OPTIONS and the
// inspect switches and turn on ASAR integrity, ASAR-only loading and cookie encryption; a test
// build keeps only the inspect switches. A binary without a fuse wire fails the build.
import { FuseV1Options } from '@electron/fuses';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyFuses,
  electronBinaryPath,
  fuseSettings,
  type PackedApp,
} from '../../../scripts/installer/fuses';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults for the eight fuses, plus one the library does not name yet. */
const ELECTRON_DEFAULTS = '101100011';

let appOutDir: string;
beforeEach(async () => {
  appOutDir = await mkdtemp(join(tmpdir(), 'lasaren-fuses-'));
});
afterEach(async () => {
  await rm(appOutDir, { recursive: true, force: true });
});

function fakeBinary(copies = 1): Buffer {
  const wire = Buffer.concat([
    Buffer.from(SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULTS.length]),
    Buffer.from(ELECTRON_DEFAULTS),
  ]);
  const filler = Buffer.alloc(4096, 0xcc);
  return Buffer.concat([filler, ...Array.from({ length: copies }, () => Buffer.concat([wire, filler]))]);
}

/** The fuse bytes after each sentinel, as a string of '0'/'1'. */
async function wires(file: string): Promise<string[]> {
  const bytes = await readFile(file);
  const found: string[] = [];
  for (let at = bytes.indexOf(SENTINEL); at >= 0; at = bytes.indexOf(SENTINEL, at + 1)) {
    const start = at + SENTINEL.length + 2;
    found.push(bytes.subarray(start, start + (bytes[at + SENTINEL.length + 1] ?? 0)).toString('latin1'));
  }
  return found;
}

function context(electronPlatformName: string, arch = 1): PackedApp {
  return {
    appOutDir,
    electronPlatformName,
    arch,
    packager: {
      appInfo: { productFilename: 'Läsaren' },
      ...(electronPlatformName === 'linux' ? { executableName: 'lasaren' } : {}),
    },
  };
}

async function place(ctx: PackedApp, copies = 1): Promise<string> {
  let file = electronBinaryPath(ctx);
  if (ctx.electronPlatformName === 'darwin') {
    file = join(file, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, fakeBinary(copies));
  return file;
}

//                         RunAsNode, Cookie, NODE_OPTIONS, inspect, integrity, asar-only, v8, file, (unknown)
const RELEASE_WIRE = '010011001';
const TEST_WIRE = '010111001';

describe('applyFuses', () => {
  it.each([
    ['linux', 'lasaren'],
    ['win32', 'Läsaren.exe'],
    ['darwin', 'Läsaren.app'],
  ])('release build on %s flips the fuses in %s', async (platform, name) => {
    const ctx = context(platform);
    expect(electronBinaryPath(ctx)).toBe(join(appOutDir, name));
    const file = await place(ctx);
    await applyFuses(ctx, {});
    expect(await wires(file)).toEqual([RELEASE_WIRE]);
  });

  it('a test build keeps the inspect switches Playwright needs, and nothing else', async () => {
    const ctx = context('linux');
    const file = await place(ctx);
    await applyFuses(ctx, { LASAREN_TEST_BUILD: '1' });
    expect(await wires(file)).toEqual([TEST_WIRE]);
    // Anything but exactly "1" is a release build.
    await writeFile(file, fakeBinary());
    await applyFuses(ctx, { LASAREN_TEST_BUILD: 'true' });
    expect(await wires(file)).toEqual([RELEASE_WIRE]);
  });

  it('flips every copy of the wire (a universal macOS binary carries two)', async () => {
    const ctx = context('darwin');
    const file = await place(ctx, 2);
    await applyFuses(ctx, {});
    expect(await wires(file)).toEqual([RELEASE_WIRE, RELEASE_WIRE]);
  });

  it('fails the build when the binary has no fuse wire', async () => {
    const ctx = context('linux');
    await mkdir(appOutDir, { recursive: true });
    await writeFile(electronBinaryPath(ctx), Buffer.alloc(1024, 0));
    await expect(applyFuses(ctx, {})).rejects.toThrow(/sentinel/);
  });

  it('names every fuse the library knows', () => {
    const named = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    expect(Object.keys(fuseSettings(false)).map(Number).sort()).toEqual([...named].sort());
    expect(fuseSettings(false)[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuseSettings(true)[FuseV1Options.EnableNodeCliInspectArguments]).toBe(true);
  });
});
