// The installer configuration, checked offline: electron-builder's own loader must find
// electron-builder.ts (its default name), app-builder-lib's own validator (its shipped JSON schema) must
// accept it without coercing anything, and the promises the installers make to a government
// IT department must hold: per-user NSIS without elevation, per-machine MSI, dmg for both
// Mac architectures, deb and rpm (sandbox kept), the lasaren:// protocol, documents outside
// the asar, a desktop entry that matches the window, and packing that stops without resources.
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'electron-builder';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../../src-main/services';
import { INDEX_FILE_NAME } from '../../../src-main/services/search/index-file';
import { writeResourcesIndex } from '../../../src-main/services/search/service';
import {
  resourceProblems,
  verifyResourcesBeforePack,
  type ResourceEntry,
} from '../../../scripts/installer/resources';

const ROOT = resolve(import.meta.dirname, '../../..');

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(ROOT, null, null);
});

/** Targets per platform section as `name:arch` strings. */
function targets(section: Configuration['win'] | Configuration['mac'] | Configuration['linux']): string[] {
  const list = Array.isArray(section?.target) ? section.target : [];
  return list.flatMap((t) => {
    if (typeof t === 'string') return [`${t}:default`];
    const archs = Array.isArray(t.arch) ? t.arch : t.arch ? [t.arch] : ['default'];
    return archs.map((a) => `${t.target}:${a}`);
  });
}

describe('electron-builder finds and accepts the configuration', () => {
  it('loads electron-builder.ts by default, the one place the configuration lives', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg['build']).toBeUndefined();
    expect(config.appId).toBe('se.regeringen.lasaren');
    expect(config.productName).toBe('Läsaren');
  });

  it("passes app-builder-lib's schema validation with nothing coerced", async () => {
    const before = JSON.stringify(config);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator coerces types in place; an unchanged config proves every value was typed right.
    expect(JSON.stringify(config)).toBe(before);
  });

  it('the validator is live: it rejects a misspelt option and a wrong type', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, perUser: true } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /configuration\.nsis/,
    );
    const wrongType = { ...config, asar: 'kanske' } as unknown as Configuration;
    await expect(validateConfiguration(wrongType, new DebugLogger(false))).rejects.toThrow(
      /configuration\.asar/,
    );
  });
});

describe('the installers keep their promises', () => {
  it('Windows: NSIS per user without administrator rights, MSI per machine', () => {
    expect(targets(config.win)).toEqual(expect.arrayContaining(['nsis:x64', 'msi:x64']));
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
    expect(config.nsis?.selectPerMachineByDefault).not.toBe(true);
    expect(config.msi).toMatchObject({ perMachine: true });
  });

  it('installer languages: Swedish first, and English', () => {
    expect(config.nsis?.installerLanguages).toEqual(['sv_SE', 'en_US']);
    expect(config.nsis?.multiLanguageInstaller).toBe(true);
    expect(config.nsis?.language).toBe('1053'); // LCID of sv-SE
    expect(config.mac?.extendInfo).toMatchObject({ CFBundleLocalizations: ['sv', 'en'] });
  });

  it('macOS: dmg for Intel and Apple silicon; Linux: deb and rpm, never an AppImage (it runs with --no-sandbox)', () => {
    expect(targets(config.mac)).toEqual(expect.arrayContaining(['dmg:x64', 'dmg:arm64']));
    expect(targets(config.linux)).toEqual(expect.arrayContaining(['deb:x64', 'rpm:x64']));
    expect(targets(config.linux).filter((t) => /appimage|snap|flatpak/i.test(t))).toEqual([]);
  });

  it('Linux: the .desktop file, its StartupWMClass and the window class are all "lasaren"', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    // Electron takes the window's app_id / WM_CLASS from package.json's desktopName;
    // syncDesktopName makes electron-builder name the .desktop file and StartupWMClass after it.
    expect(pkg['desktopName']).toBe(`${config.linux?.executableName}.desktop`);
    expect(config.linux?.syncDesktopName).toBe(true);
    expect(config.deb?.packageName).toBe('lasaren');
  });

  it('registers lasaren:// on every platform', async () => {
    const protocols = Array.isArray(config.protocols) ? config.protocols : [config.protocols];
    expect(protocols.flatMap((p) => p?.schemes ?? [])).toContain('lasaren');
    // electron-builder writes the protocol into Info.plist and the .desktop file only; the
    // NSIS include registers it on Windows, for the installing user.
    const include = config.nsis?.include;
    expect(typeof include).toBe('string');
    const nsh = await readFile(join(ROOT, include as string), 'utf8');
    expect(nsh).toContain('!macro customInstall');
    expect(nsh).toMatch(/WriteRegStr SHELL_CONTEXT "Software\\Classes\\lasaren" "URL Protocol" ""/);
    expect(nsh).toContain(`'"$appExe" "%1"'`);
    expect(nsh).toMatch(/!macro customUnInstall\s+DeleteRegKey SHELL_CONTEXT "Software\\Classes\\lasaren"/);
  });

  it('packs the app into an asar, checks resources before and after packing, and flips the fuses', async () => {
    expect(config.asar).toBe(true);
    expect(typeof config.beforePack).toBe('function');
    expect((config.beforePack as () => unknown).name).toBe('verifyResources');
    expect(typeof config.afterPack).toBe('function');
    expect((config.afterPack as () => unknown).name).toBe('afterPackChecks');
    const source = await readFile(join(ROOT, 'electron-builder.ts'), 'utf8');
    expect(source).toMatch(/await applyFuses\(context\)/);
    // Only a stand-in Electron (the packaging test) packs without fuses.
    expect(config.electronDist).toBeUndefined();
    // getConfig normalises `files` to [{ filter: [...] }].
    const files = JSON.stringify(config.files);
    expect(files).toContain('"out/**/*"');
    expect(files).not.toContain('resources');
  });

  it('every icon file it names exists', () => {
    for (const icon of [config.win?.icon, config.mac?.icon, config.linux?.icon, config.nsis?.installerIcon]) {
      expect(typeof icon).toBe('string');
      expect(existsSync(join(ROOT, icon as string)), String(icon)).toBe(true);
    }
  });
});

describe('documents are packed outside the asar where main looks for them', () => {
  let packaged: string;
  beforeAll(async () => {
    packaged = await mkdtemp(join(tmpdir(), 'lasaren-resources-'));
  });
  afterAll(async () => {
    await rm(packaged, { recursive: true, force: true });
  });

  it('extraResources copies resources/documents to <resourcesPath>/documents, which the library reads', async () => {
    const extra = Array.isArray(config.extraResources) ? config.extraResources : [];
    const documents = extra.find((e) => typeof e === 'object' && e.from === 'resources/documents');
    expect(documents).toMatchObject({ to: 'documents' });
    // Lay the files out as the installer does, then open the library as the packaged main does
    // (src-main/index.ts: resourcesDir = process.resourcesPath when app.isPackaged).
    const to = join(packaged, (documents as { to: string }).to);
    await cp(join(ROOT, 'resources/documents'), to, { recursive: true });
    const shipped = (await readdir(to)).filter((f) => f.endsWith('.txt'));
    const services = await openServices({
      resourcesDir: packaged,
      dataDir: join(packaged, 'data'),
      openExternal: async () => {},
    });
    expect(services.library.problems).toEqual([]);
    expect(services.library.list().map((d) => `${d.id}.txt`)).toEqual(shipped.sort());
    expect(shipped.length).toBeGreaterThan(0);
  });

  it('extraResources ships the prebuilt search index, which the packaged app loads instead of rebuilding', async () => {
    const extra = Array.isArray(config.extraResources) ? config.extraResources : [];
    expect(extra).toContainEqual(
      expect.objectContaining({ from: `resources/${INDEX_FILE_NAME}`, to: INDEX_FILE_NAME }),
    );
    // Lay out the documents and write the index as `npm run build` does, then open as installed.
    await cp(join(ROOT, 'resources/documents'), join(packaged, 'documents'), {
      recursive: true,
      force: true,
    });
    await writeResourcesIndex(packaged);
    const services = await openServices({
      resourcesDir: packaged,
      dataDir: join(packaged, 'data'),
      openExternal: async () => {},
    });
    expect(await services.search.ready).toBe(`Sökindexet lästes in från ${join(packaged, INDEX_FILE_NAME)}.`);
  });

  it('unpacks the self-contained search and import workers, and pdf.js the import worker loads, from the asar', () => {
    expect(config.asarUnpack).toEqual([
      'out/main/search-worker.js',
      'out/main/import-worker.js',
      'node_modules/pdfjs-dist/package.json',
      'node_modules/pdfjs-dist/legacy/build/pdf.mjs',
      'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs',
      'node_modules/pdfjs-dist/cmaps/**',
      'node_modules/pdfjs-dist/standard_fonts/**',
    ]);
  });

  it('refuses to pack a project without the search index, naming what is missing', async () => {
    const project = await mkdtemp(join(tmpdir(), 'lasaren-project-'));
    try {
      await cp(join(ROOT, 'resources/documents'), join(project, 'resources/documents'), { recursive: true });
      const extra = (Array.isArray(config.extraResources) ? config.extraResources : []) as ResourceEntry[];
      await expect(verifyResourcesBeforePack(project, extra)).rejects.toThrow(
        /Saknas: resources\/search-index\.ndjson[\s\S]*Saknas: out\/main\/index\.js[\s\S]*npm run build/,
      );
      // With the built files and an index of other documents: refused as stale.
      await writeFile(join(project, 'resources', INDEX_FILE_NAME), '{"format":3,"hash":"annat"}\n');
      expect((await resourceProblems(project, extra)).join('\n')).toMatch(/hör inte till dokumenten/);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});
