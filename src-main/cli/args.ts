// Owns the CLI's shared conventions: argument errors as a sentence plus exit code 2, and
// the --data folder (default: the installed app's own, so the CLI works on real notes).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../services/data-dir';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Thrown for bad arguments; main prints the message and the command's usage, exit 2. */
export class UsageError extends Error {}

export function dataDirFrom(value: string | undefined): string {
  return resolve(value ?? defaultDataDir());
}

/** --collection DIR: another collection folder (manifest.ndjson + Markdown), or null. */
export function collectionDirFrom(value: string | undefined): string | null {
  if (value === undefined) return null;
  const dir = resolve(value);
  if (!existsSync(join(dir, 'manifest.ndjson')))
    throw new UsageError(
      `${dir} är ingen samling: mappen saknar manifest.ndjson. Ange en mapp med manifest.ndjson och Markdown-filer.`,
    );
  return dir;
}

export function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${name} måste vara ett positivt heltal, inte "${value}".`);
  return n;
}
