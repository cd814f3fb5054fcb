// Owns the CLI's shared conventions: argument errors as a sentence plus exit code 2, and
// the --data folder (default: the installed app's own, so the CLI works on real notes).
import { resolve } from 'node:path';
import { defaultDataDir } from '../services/data-dir';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Thrown for bad arguments; main prints the message and the command's usage, exit 2. */
export class UsageError extends Error {}

export function dataDirFrom(value: string | undefined): string {
  return resolve(value ?? defaultDataDir());
}

export function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${name} måste vara ett positivt heltal, inte "${value}".`);
  return n;
}
