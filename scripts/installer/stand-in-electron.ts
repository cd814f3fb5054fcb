// Owns the stand-in Electron used to prove packaging where no Electron binary can be
// downloaded: a folder electron-builder accepts as `electronDist` (an executable named
// `electron`, a `version` file and Chromium locale files), so it writes the real packaged
// layout (app.asar, app.asar.unpacked, extraResources) that tests then inspect. The stand-in
// has no fuse wire, so the fuse step is skipped, and says so, when this is in use.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Set to the stand-in folder; electron-builder.ts then packs against it and skips fuses. */
export const STAND_IN_ENV = 'LASAREN_STAND_IN_ELECTRON';

export function standInElectronDist(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env[STAND_IN_ENV];
  return dir && dir.trim() !== '' ? dir : null;
}

/** Writes a stand-in for Electron `version` (e.g. 45.4.1) into `dir`. */
export async function createStandInElectron(dir: string, version: string): Promise<string> {
  await mkdir(join(dir, 'locales'), { recursive: true });
  const executable = join(dir, 'electron');
  await writeFile(executable, '#!/bin/sh\necho "stand-in Electron: packaging check only" >&2\nexit 1\n');
  await chmod(executable, 0o755);
  await writeFile(join(dir, 'version'), `v${version}`);
  for (const locale of ['sv', 'en-US', 'en-GB', 'de', 'fi']) {
    await writeFile(join(dir, 'locales', `${locale}.pak`), `stand-in ${locale}`);
  }
  await writeFile(join(dir, 'LICENSE'), 'stand-in');
  return dir;
}
