// End-to-end specs run once per host: the browser host in Debian's Chromium, and the real
// Electron app when a binary exists (otherwise its run is skipped with the reason printed).
import { defineConfig } from '@playwright/test';
import type { HostKind } from './tests/e2e/fixtures';

export default defineConfig<{ hostKind: HostKind }>({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: { trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    { name: 'browser-host', use: { hostKind: 'browser' } },
    { name: 'electron', use: { hostKind: 'electron' } },
  ],
});
