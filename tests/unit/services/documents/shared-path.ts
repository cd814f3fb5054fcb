// Finds ../shared (the real collections) for tests: LASAREN_SHARED, else beside the repository
// (a clone) or two levels up (a worktree under wt/).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../../..');

export function sharedDir(): string {
  const candidates = [process.env['LASAREN_SHARED'], join(ROOT, '../shared'), join(ROOT, '../../shared')];
  for (const c of candidates) if (c && existsSync(c)) return resolve(c);
  throw new Error('../shared is missing: set LASAREN_SHARED to the folder holding collections/');
}

export const integrationDir = (): string => join(sharedDir(), 'collections/integration');
