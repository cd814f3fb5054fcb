// The installed app's layout, proved with electron-builder itself: it packs the built app
// (`npm run build` output) for Linux `dir` against a stand-in Electron (no binary can be
// downloaded here; scripts/installer/stand-in-electron.ts) and the test then checks what a
// user's machine would get: the documents and a matching search index in resources/, a search
// worker in app.asar.unpacked that loads and builds an index under plain Node with no
// node_modules in reach, only runtime dependencies in app.asar, and a refusal to pack when a
// resource is missing.
import { listPackage, extractFile } from '@electron/asar';
import { spawn } from 'node:child_process';
import { isBuiltin } from 'node:module';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../src-main/services';
import { openDocs } from '../unit/services/search/helpers';
import { SearchEngine, type IndexData } from '../../src-main/services/search/engine';
import { INDEX_FILE_NAME } from '../../src-main/services/search/index-file';
import { createStandInElectron, STAND_IN_ENV } from '../../scripts/installer/stand-in-electron';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILDER_CLI = join(ROOT, 'node_modules/electron-builder/cli.js');
const linux = process.platform === 'linux';

interface Run {
  readonly code: number | null;
  readonly output: string;
}

function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, output }));
  });
}

async function electronVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

let work: string;
let standIn: string;
let resourcesDir: string;
let packing: Run;

beforeAll(async () => {
  if (!linux) return;
  for (const needed of ['out/main/index.js', 'out/main/search-worker.js', `resources/${INDEX_FILE_NAME}`]) {
    if (!existsSync(join(ROOT, needed))) throw new Error(`${needed} saknas: kör \`npm run build\` först.`);
  }
  work = await mkdtemp(join(tmpdir(), 'lasaren-package-'));
  standIn = await createStandInElectron(join(work, 'stand-in-electron'), await electronVersion());
  packing = await run(
    process.execPath,
    [
      BUILDER_CLI,
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.directories.output=${join(work, 'dist')}`,
    ],
    { cwd: ROOT, env: { [STAND_IN_ENV]: standIn } },
  );
  resourcesDir = join(work, 'dist/linux-unpacked/resources');
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(!linux)('the packaged app (electron-builder, Linux dir, stand-in Electron)', () => {
  it('packs without errors, and skips only the fuses (the stand-in has none)', () => {
    expect(packing.code, packing.output).toBe(0);
    expect(packing.output).toContain(`Fuses skipped: ${STAND_IN_ENV}`);
    expect(existsSync(join(resourcesDir, 'app.asar'))).toBe(true);
  });

  it('ships every document byte for byte and the search index in resources/, and the app loads that index', async () => {
    const shipped = (await readdir(join(ROOT, 'resources/documents'))).filter((f) =>
      /\.(txt|md|ndjson)$/.test(f),
    );
    expect(shipped.length).toBeGreaterThan(0);
    expect((await readdir(join(resourcesDir, 'documents'))).sort()).toEqual(shipped.sort());
    for (const file of shipped) {
      expect(await readFile(join(resourcesDir, 'documents', file))).toEqual(
        await readFile(join(ROOT, 'resources/documents', file)),
      );
    }
    expect(await readFile(join(resourcesDir, INDEX_FILE_NAME))).toEqual(
      await readFile(join(ROOT, 'resources', INDEX_FILE_NAME)),
    );
    // As main opens it when packaged (resourcesDir = process.resourcesPath).
    const dataDir = join(work, 'data');
    const services = await openServices({ resourcesDir, dataDir, openExternal: async () => {} });
    expect(services.library.problems).toEqual([]);
    expect(await services.search.ready).toBe(
      `Sökindexet lästes in från ${join(resourcesDir, INDEX_FILE_NAME)}.`,
    );
  });

  it('everything in app.asar.unpacked loads under plain Node from there, and the worker builds an index', async () => {
    const unpacked = join(resourcesDir, 'app.asar.unpacked');
    const files = await filesUnder(unpacked);
    expect(files.map((f) => relative(unpacked, f))).toContain('out/main/search-worker.js');
    // Nothing above the packed app may lend it a node_modules folder.
    for (let dir = unpacked; dir !== resolve(dir, '..'); dir = resolve(dir, '..')) {
      expect(existsSync(join(resolve(dir, '..'), 'node_modules')), dir).toBe(false);
    }
    const records = await (await openDocs()).searchRecords();
    const recordsFile = join(work, 'records.json');
    const exportFile = join(work, 'export.json');
    await writeFile(recordsFile, JSON.stringify(records));
    // A loader outside the repository, using only node: built-ins, as Electron's main would.
    const loader = join(work, 'load-unpacked.mjs');
    await writeFile(
      loader,
      [
        "import { readFileSync, writeFileSync } from 'node:fs';",
        "import { Worker } from 'node:worker_threads';",
        "import { pathToFileURL } from 'node:url';",
        'const [files, worker, recordsFile, exportFile] = [JSON.parse(process.argv[2]), ...process.argv.slice(3)];',
        'for (const file of files) {',
        "  if (file.endsWith('.node')) process.dlopen({ exports: {} }, file);",
        '  else if (/\\.(c|m)?js$/.test(file)) await import(pathToFileURL(file).href);',
        "  console.log('loaded ' + file);",
        '}',
        'const thread = new Worker(worker);',
        "thread.once('error', (e) => { console.error(String(e.stack ?? e)); process.exit(1); });",
        "thread.once('message', (data) => { writeFileSync(exportFile, JSON.stringify(data)); void thread.terminate(); });",
        "thread.postMessage(JSON.parse(readFileSync(recordsFile, 'utf8')));",
      ].join('\n'),
    );
    const loaded = await run(
      process.execPath,
      [loader, JSON.stringify(files), join(unpacked, 'out/main/search-worker.js'), recordsFile, exportFile],
      { cwd: work },
    );
    expect(loaded.code, loaded.output).toBe(0);
    for (const file of files.filter((f) => /\.(node|c?js|mjs)$/.test(f)))
      expect(loaded.output).toContain(`loaded ${file}`);
    // The index the unpacked worker built answers a query on the real documents.
    const engine = new SearchEngine();
    await engine.import(records, JSON.parse(await readFile(exportFile, 'utf8')) as IndexData);
    const response = engine.search('regeringen', { limit: 5 });
    expect(response.hits.length).toBeGreaterThan(0);
    expect(response.hits[0]?.text.toLowerCase()).toContain('regeringen');
  });

  it('app.asar holds the built app and only runtime dependencies (no playwright-core, no dev tools)', async () => {
    const asar = join(resourcesDir, 'app.asar');
    const entries = listPackage(asar, { isPack: false }).map((p) => p.replace(/\\/g, '/'));
    const packages = new Set(
      entries
        .filter((p) => p.startsWith('/node_modules/'))
        .map((p) => p.split('/').slice(2))
        .filter((parts) => parts.length >= (parts[0]?.startsWith('@') ? 2 : 1))
        .map((parts) => (parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!))
        .filter((name) => !/^@[^/]+$/.test(name)),
    );
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // The runtime closure: dependencies and what they depend on, resolved in node_modules as
    // Node does (nested folders first), whatever layout npm chose.
    const closure = new Set<string>();
    const seen = new Set<string>();
    const queue: Array<[string, string]> = Object.keys(pkg.dependencies).map((name) => [name, ROOT]);
    while (queue.length > 0) {
      const [name, from] = queue.pop()!;
      let dir: string | null = null;
      for (let at = from; ; at = resolve(at, '..')) {
        const candidate = join(at, 'node_modules', name);
        if (existsSync(join(candidate, 'package.json'))) {
          dir = candidate;
          break;
        }
        if (at === ROOT || at === resolve(at, '..')) break;
      }
      if (!dir || seen.has(dir)) continue;
      seen.add(dir);
      closure.add(name);
      const m = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<
        string,
        Record<string, string> | undefined
      >;
      for (const dep of Object.keys({ ...m['dependencies'], ...m['optionalDependencies'] }))
        queue.push([dep, dir]);
    }
    for (const name of Object.keys(pkg.dependencies)) expect(packages).toContain(name);
    expect([...packages].filter((name) => !closure.has(name))).toEqual([]);
    for (const dev of ['playwright-core', 'electron', 'electron-builder', 'vitest', 'svelte', 'typescript']) {
      expect(packages).not.toContain(dev);
    }
    expect([...packages].filter((name) => name.startsWith('@types/'))).toEqual([]);
    // Every package the main bundle imports statically is packed (electron is the runtime
    // itself); the only bare dynamic import left out is playwright-core, in the PDF chunk that
    // only the browser host and the CLI load (Electron prints with printToPDF).
    const mainFiles = entries.filter((p) => /^\/out\/main\/[^/]+\.js$/.test(p));
    const unpackedImports: string[] = [];
    for (const file of mainFiles) {
      const code = extractFile(asar, file.slice(1)).toString();
      const specifiers = [
        ...code.matchAll(/(?:^|[\s;])(?:import|export)\b[^'"]*?from\s*"([^"]+)"|import\(\s*"([^"]+)"/gm),
      ]
        .map((m) => (m[1] ?? m[2])!)
        .filter((spec) => !spec.startsWith('.') && !isBuiltin(spec) && spec !== 'electron');
      for (const spec of specifiers) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!packages.has(name)) unpackedImports.push(`${file}: ${spec}`);
      }
    }
    expect(unpackedImports).toEqual([
      expect.stringMatching(/^\/out\/main\/pdf-chromium-[\w-]+\.js: playwright-core$/),
    ]);
    // The built app itself, and a manifest Electron reads for the window class (desktopName).
    for (const file of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
      expect(entries).toContain(file);
    }
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString()) as Record<string, unknown>;
    expect(manifest['desktopName']).toBe('lasaren.desktop');
    expect(manifest['main']).toBe('./out/main/index.js');
  });

  it('refuses to pack when the search index is missing', async () => {
    // A project laid out like this one but without the index: electron-builder must stop.
    const project = join(work, 'no-index');
    await mkdir(join(project, 'resources'), { recursive: true });
    for (const entry of ['node_modules', 'out', 'scripts', 'src-main', 'resources/documents']) {
      await symlink(join(ROOT, entry), join(project, entry));
    }
    for (const file of [
      'package.json',
      'electron-builder.ts',
      'tsconfig.json',
      'tsconfig.base.json',
      'tsconfig.node.json',
    ]) {
      await cp(join(ROOT, file), join(project, file));
    }
    const refused = await run(
      process.execPath,
      [
        BUILDER_CLI,
        '--linux',
        'dir',
        '--x64',
        '--publish',
        'never',
        `-c.directories.output=${join(work, 'dist-no-index')}`,
      ],
      { cwd: project, env: { [STAND_IN_ENV]: standIn } },
    );
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('Paketeringen avbröts / Packaging stopped');
    expect(refused.output).toContain(`Saknas: resources/${INDEX_FILE_NAME}`);
    expect(existsSync(join(work, 'dist-no-index/linux-unpacked/resources/app.asar'))).toBe(false);
  });
});
