// Owns which collection the app reads: the shipped one (resources/documents, with the index
// `npm run build` prebuilt beside it) or a folder chosen with --collection (its index built on
// first use and cached in the data folder, one slot per folder). Imports nothing from electron.
import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openCollection, type Collection } from '../documents/collection';

export type Library = Collection;

export interface LibraryOptions {
  /** The folder that holds `documents/` (the repository's or the installed app's resources). */
  readonly resourcesDir: string;
  readonly dataDir: string;
  /** Another collection folder (manifest.ndjson + Markdown) instead of the shipped one. */
  readonly collectionDir?: string | null;
}

/** The data-folder slot where a collection folder's index and search index are cached. */
export async function collectionCacheDir(dataDir: string, collectionDir: string): Promise<string> {
  const real = await realpath(collectionDir).catch(() => resolve(collectionDir));
  const key = createHash('sha256').update(real).digest('hex').slice(0, 16);
  return join(dataDir, 'collections', key);
}

export async function openLibrary(options: LibraryOptions): Promise<Library> {
  if (options.collectionDir) {
    const dir = resolve(options.collectionDir);
    return openCollection(dir, {
      cacheDir: await collectionCacheDir(options.dataDir, dir),
      origin: 'collection',
    });
  }
  // The shipped collection: its prebuilt index lives in resources/ (read-only when installed);
  // a rebuilt one goes to the data folder.
  return openCollection(join(options.resourcesDir, 'documents'), {
    prebuiltDirs: [options.resourcesDir],
    cacheDir: join(options.dataDir, 'collections', 'shipped'),
    origin: 'shipped',
  });
}
