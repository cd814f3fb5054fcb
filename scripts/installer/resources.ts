// Owns the packaging checks on the files the installed app needs outside its asar: before
// packing, every extraResources source must exist and the search index must match the
// documents (so `npm run dist` cannot ship without it or with a stale one); after packing,
// the copies must be where main reads them and the search worker unpacked beside the asar.
// electron-builder on its own only logs a missing extraResources file and carries on.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One extraResources entry as electron-builder.ts declares it. */
export interface ResourceEntry {
  readonly from: string;
  readonly to: string;
  readonly filter?: readonly string[];
}

/** The app's own files outside app.asar, relative to the resources folder. */
export const UNPACKED_FILES = ['app.asar.unpacked/out/main/search-worker.js'] as const;

const RUN_BUILD =
  'Kör `npm run build` (eller `npm run dist`, som bygger allt) först. / Run `npm run build` first.';

/** What is missing or stale in the project before packing; empty when all is well. */
export async function resourceProblems(
  projectDir: string,
  entries: readonly ResourceEntry[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const entry of entries) {
    const from = join(projectDir, entry.from);
    if (!existsSync(from)) problems.push(`Saknas: ${entry.from} / Missing: ${entry.from}`);
  }
  const documents = entries.find((e) => e.to === 'documents');
  if (documents && existsSync(join(projectDir, documents.from))) {
    const files = await readdir(join(projectDir, documents.from));
    if (!files.includes('manifest.ndjson')) {
      problems.push(`Ingen manifest.ndjson i ${documents.from} / No manifest.ndjson in ${documents.from}`);
    }
  }
  if (!existsSync(join(projectDir, 'out/main/index.js'))) {
    problems.push('Saknas: out/main/index.js / Missing: out/main/index.js');
  }
  if (!existsSync(join(projectDir, 'out/main/search-worker.js'))) {
    problems.push('Saknas: out/main/search-worker.js / Missing: out/main/search-worker.js');
  }
  const index = entries.find((e) => e.from.endsWith('search-index.ndjson'));
  if (documents && index && existsSync(join(projectDir, index.from))) {
    const stale = await staleIndex(projectDir, join(projectDir, index.from));
    if (stale) problems.push(stale);
  }
  return problems;
}

/** A sentence when the stored index was not built from these documents, else null. */
async function staleIndex(projectDir: string, indexPath: string): Promise<string | null> {
  // Imported here so loading electron-builder.ts stays cheap for everything but packing.
  const { openLibrary } = await import('../../src-main/services/library/library');
  const { contentHash, readIndexFile } = await import('../../src-main/services/search/index-file');
  // The shipped collection as the installed app opens it; a scratch data folder so a cache
  // never stands in for the prebuilt index.
  const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-pack-check-'));
  try {
    const library = await openLibrary({ resourcesDir: join(projectDir, 'resources'), dataDir });
    const hash = contentHash(await library.searchRecords());
    return (await readIndexFile(indexPath, hash))
      ? null
      : `Sökindexet ${indexPath} hör inte till dokumenten (gammalt eller skadat) / The search index does not match the documents`;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Throws (failing the build) when anything the installed app needs is missing before packing. */
export async function verifyResourcesBeforePack(
  projectDir: string,
  entries: readonly ResourceEntry[],
): Promise<void> {
  const problems = await resourceProblems(projectDir, entries);
  if (problems.length > 0) {
    throw new Error(`Paketeringen avbröts / Packaging stopped:\n- ${problems.join('\n- ')}\n${RUN_BUILD}`);
  }
}

/** The part of electron-builder's AfterPackContext this check reads. */
export interface PackedLayout {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly packager: { readonly appInfo: { readonly productFilename: string } };
}

/** Where a packed app keeps process.resourcesPath. */
export function packedResourcesDir(context: PackedLayout): string {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`, 'Contents', 'Resources');
  }
  return join(appOutDir, 'resources');
}

/** Throws when the packed app lacks a resource or the unpacked worker. */
export function verifyPackedApp(context: PackedLayout, entries: readonly ResourceEntry[]): void {
  const resources = packedResourcesDir(context);
  const expected = ['app.asar', ...entries.map((e) => e.to), ...UNPACKED_FILES];
  const missing = expected.filter((relative) => !existsSync(join(resources, relative)));
  if (missing.length > 0) {
    throw new Error(
      `Det packade programmet saknar / The packed app lacks (in ${resources}):\n- ${missing.join('\n- ')}`,
    );
  }
}
