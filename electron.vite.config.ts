// Build of the three bundles. Main keeps node_modules external (flexsearch's worker path
// breaks when bundled); the preload is CommonJS because sandboxed preloads cannot be ESM.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      lib: {
        entry: {
          index: resolve('src-main/index.ts'),
          // The search index builder runs in a worker thread; it needs its own entry file.
          'search-worker': resolve('src-main/services/search/worker.ts'),
          // Untrusted files are parsed in a worker thread with time and memory limits.
          'import-worker': resolve('src-main/services/documents/worker.ts'),
        },
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
