// Build of the three bundles. Main keeps node_modules external (flexsearch's worker path
// breaks when bundled, and electron-builder packs the runtime dependencies into app.asar);
// the preload is CommonJS because sandboxed preloads cannot be ESM. The search worker is a
// fourth, self-contained bundle: an installed app starts it from app.asar.unpacked, where no
// node_modules exists, so it must import nothing by bare name (see workerBundle); so is the import worker, but for pdf.js, which is unpacked.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

/** The worker file name main looks for next to its own bundle (services/search/build.ts). */
export const SEARCH_WORKER_FILE = 'search-worker.js';
/** The import worker's file name (services/documents/import-worker.ts). */
export const IMPORT_WORKER_FILE = 'import-worker.js';
/**
 * pdf.js stays a package of its own: it loads its worker module and its font and CMap data
 * relative to itself, so electron-builder unpacks it beside the asar (electron-builder.ts).
 */
export const IMPORT_WORKER_EXTERNAL = ['pdfjs-dist/legacy/build/pdf.mjs'];

/**
 * Writes a worker thread's entry as one ES module, with its dependencies inlined (but
 * `external`), importing only node: built-ins: an installed app starts workers from
 * app.asar.unpacked, where no node_modules holds them. For search, flexsearch's own worker
 * option is never used (that is what breaks when it is bundled, flexsearch issue #378): the
 * worker builds a plain in-thread index. Also used by `bench:import`, which must time the
 * bundle the app runs.
 */
export async function buildWorkerBundle(
  outDir: string,
  file: string,
  entry: string,
  external: string[] = [],
  root = resolve('.'),
): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rollupOptions: {
        input: { [file.replace(/\.js$/, '')]: resolve(root, entry) },
        external,
        output: { format: 'es', entryFileNames: file, codeSplitting: false },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  });
}

/** Builds a worker bundle once main is built. */
function workerBundle(outDir: string, file: string, entry: string, external: string[] = []): Plugin {
  return {
    name: `lasaren:worker-bundle:${file}`,
    apply: 'build',
    closeBundle: () => buildWorkerBundle(outDir, file, entry, external),
  };
}

export default defineConfig({
  main: {
    plugins: [
      workerBundle(resolve('out/main'), SEARCH_WORKER_FILE, 'src-main/services/search/worker.ts'),
      workerBundle(
        resolve('out/main'),
        IMPORT_WORKER_FILE,
        'src-main/services/documents/worker.ts',
        IMPORT_WORKER_EXTERNAL,
      ),
    ],
    build: {
      // playwright-core is a devDependency (PDF export outside Electron: browser host, CLI,
      // tests); the Electron app prints with printToPDF and never loads it, so it stays
      // external instead of being bundled.
      externalizeDeps: { include: ['playwright-core'] },
      lib: {
        entry: { index: resolve('src-main/index.ts') },
        formats: ['es'],
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      lib: { entry: resolve('src-main/preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [svelte({ configFile: resolve('svelte.config.js') })],
    build: {
      rollupOptions: { input: resolve('src-renderer/index.html') },
      // Inline assets would become data: URLs; keep every asset a file served by app://.
      assetsInlineLimit: 0,
    },
  },
});
