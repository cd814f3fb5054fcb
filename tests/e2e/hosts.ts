// Finds the two hosts the end-to-end specs can run against, without triggering a download:
// an Electron binary (never via require('electron'), which tries to fetch one) and Chromium.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OFFLINE_CHROMIUM_ARGS, chromiumPath } from '../../src-main/services/export/pdf-chromium';

export const ROOT = resolve(import.meta.dirname, '../..');

const ELECTRON_EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
  linux: 'electron',
};

/** The Electron executable, or a sentence saying why there is none. */
export function findElectron(): { path: string } | { reason: string } {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const packageDir = join(ROOT, 'node_modules', 'electron');
  let candidate: string | null = null;
  if (override) candidate = join(override, ELECTRON_EXECUTABLE[process.platform] ?? 'electron');
  else if (existsSync(join(packageDir, 'path.txt'))) {
    candidate = join(packageDir, 'dist', readFileSync(join(packageDir, 'path.txt'), 'utf8').trim());
  }
  if (candidate && existsSync(candidate)) return { path: candidate };
  return {
    reason:
      'Ingen Electron-binär finns (node_modules/electron/dist saknas och ELECTRON_OVERRIDE_DIST_PATH är inte satt); Electron-körningen hoppas över.',
  };
}

/** Debian's Chromium, or PLAYWRIGHT_CHROMIUM when set. */
export function findChromium(): { path: string } | { reason: string } {
  const candidate = chromiumPath();
  if (existsSync(candidate)) return { path: candidate };
  return {
    reason: `Chromium saknas (${candidate}); installera Debians paket chromium eller sätt PLAYWRIGHT_CHROMIUM. Webbläsarvärden hoppas över.`,
  };
}

/** The same offline flags the app uses when it drives Chromium itself (PDF export). */
export const CHROMIUM_ARGS = OFFLINE_CHROMIUM_ARGS;
