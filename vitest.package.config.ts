// The packaging check (`npm run test:package`, run once by `npm test` after the build):
// electron-builder packs the built app against a stand-in Electron and the test inspects and
// runs what it wrote. Slow (a real packing run), so it is kept out of `npm run test:unit`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
