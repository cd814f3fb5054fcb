// Host-agnostic fixture: every spec gets `app`, a page of Läsaren running either in the real
// Electron app (when a binary exists) or in Chromium against the browser host, which serves
// the same renderer and the same main-side handler table. Every request the page makes is
// recorded so specs can prove the app stays on loopback.
import {
  test as base,
  expect,
  _electron,
  chromium,
  type Browser,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { createHandlerTable } from '../../src-main/ipc/table';
import { openServices } from '../../src-main/services';
import { startHost, type RunningHost } from '../../src-main/host/server';
import { CHROMIUM_ARGS, ROOT, findChromium, findElectron } from './hosts';

export type HostKind = 'browser' | 'electron';

export interface App {
  readonly page: Page;
  readonly kind: HostKind;
  readonly dataDir: string;
  /** Every URL the page requested, in order. */
  readonly requests: string[];
  /** Links main was asked to hand to the system browser or mail program. */
  readonly openedExternally: string[];
  /**
   * Starts the app again on the same data folder (a relaunch, not just a reload); `whileStopped`
   * runs after the app has quit and before it starts (to change its files as another program would).
   */
  restart(whileStopped?: () => Promise<void> | void): Promise<Page>;
  /** Path to the first document route, for specs that open one directly. */
  url(hash?: string): string;
  /** The Electron application (its main process), or null in the browser host. */
  readonly electron: ElectronApplication | null;
}

interface WorkerFixtures {
  hostKind: HostKind;
  browser: Browser;
}

interface TestOptions {
  /** The resources folder the browser host serves (default: the shipped documents). */
  resourcesDir: string;
  /** A collection folder (Markdown + manifest.ndjson) served instead of the shipped documents
   *  (the host's --collection); browser host only. See `sharedCollection`. */
  collectionDir: string | null;
}

const announced = new Set<string>();
/** Prints a skip reason once per worker, so the log says why without repeating it per test. */
function announceOnce(reason: string): void {
  if (announced.has(reason)) return;
  announced.add(reason);
  console.log(reason);
}

const isLoopback = (url: string) =>
  /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//.test(url);
export const leavesApp = (url: string) =>
  !(
    isLoopback(url) ||
    url.startsWith('app://lasaren/') ||
    url.startsWith('data:') ||
    url.startsWith('blob:')
  );

export const DEFAULT_RESOURCES = join(ROOT, 'resources');

/**
 * A collection under the shared folder beside the repository: LASAREN_SHARED when set, else
 * `<repo>/../shared` (a clone) or `<repo>/../../shared` (a worktree under wt/). null when absent,
 * so specs can skip with the reason.
 */
export function sharedCollection(name: string): string | null {
  const env = process.env['LASAREN_SHARED'];
  const roots = env ? [env] : [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared')];
  for (const root of roots) {
    const dir = join(root, 'collections', name);
    if (existsSync(join(dir, 'manifest.ndjson'))) return dir;
  }
  return null;
}

/** A browser host and the services behind it; `stop` ends both. */
interface BrowserHost {
  readonly url: string;
  /** Closes the HTTP server, then waits for the services' writes into the data folder (the
   *  search index stored at start, an import being saved) and closes them, timers and all. */
  stop(): Promise<void>;
}

async function startBrowserHost(
  dataDir: string,
  opened: string[],
  resourcesDir: string,
  collectionDir: string | null,
): Promise<BrowserHost> {
  const services = await openServices({
    resourcesDir,
    dataDir,
    collectionDir,
    openExternal: async (url) => void opened.push(url),
  });
  let host: RunningHost;
  try {
    host = await startHost({
      host: '127.0.0.1',
      port: 0,
      rendererDir: join(ROOT, 'out/renderer'),
      dispatch: createDispatcher(createHandlerTable(services)),
    });
  } catch (e) {
    await services.stop();
    throw e;
  }
  return {
    url: host.url,
    stop: async () => {
      await host.close();
      await services.stop();
    },
  };
}

/**
 * Removes a test's data folder once nothing writes into it. The retries cover what the
 * operating system still finishes after a process exits (Electron's last flush, a virus
 * scanner on Windows): ENOTEMPTY, EBUSY and EPERM are retried with a growing delay.
 */
export async function removeDataDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 8, retryDelay: 100 });
}

export const test = base.extend<{ app: App } & TestOptions, WorkerFixtures>({
  hostKind: ['browser', { option: true, scope: 'worker' }],
  /** The folder holding documents/; a spec may point it at an edited copy (browser host only). */
  resourcesDir: [DEFAULT_RESOURCES, { option: true }],
  collectionDir: [null, { option: true }],

  browser: [
    async ({ hostKind }, use) => {
      const found = findChromium();
      if (hostKind !== 'browser' || 'reason' in found) {
        await use(undefined as unknown as Browser);
        return;
      }
      const browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  app: async ({ hostKind, browser, resourcesDir, collectionDir }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-e2e-'));
    const requests: string[] = [];
    const openedExternally: string[] = [];
    let cleanup: () => Promise<void>;
    let page: Page;
    let restart: (whileStopped?: () => Promise<void> | void) => Promise<Page>;
    let url: (hash?: string) => string;
    let electron: ElectronApplication | null = null;

    if (hostKind === 'electron') {
      const found = findElectron();
      if (resourcesDir !== DEFAULT_RESOURCES || collectionDir !== null) {
        testInfo.skip(
          true,
          'Electron reads the resources it was built with; edited copies run in the browser host.',
        );
        return;
      }
      if ('reason' in found) {
        announceOnce(found.reason);
        testInfo.skip(true, found.reason);
        return;
      }
      let electronApp = await launchElectron(found.path, dataDir, requests);
      electron = electronApp;
      page = await electronApp.firstWindow();
      url = (hash = '') => `app://lasaren/index.html${hash}`;
      restart = async (whileStopped) => {
        await electronApp.close();
        await whileStopped?.();
        electronApp = await launchElectron(found.path, dataDir, requests);
        electron = electronApp;
        page = await electronApp.firstWindow();
        return page;
      };
      cleanup = () => electronApp.close();
    } else {
      const found = findChromium();
      if ('reason' in found) {
        announceOnce(found.reason);
        testInfo.skip(true, found.reason);
        return;
      }
      let host = await startBrowserHost(dataDir, openedExternally, resourcesDir, collectionDir);
      // A relaunch is a new browser context on a new host over the same data folder: nothing
      // carries over but what the app stored, as when the desktop app is restarted.
      const openContext = async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'sv-SE' });
        context.on('request', (r) => void requests.push(r.url()));
        // The IPC socket too (ws://, loopback): a socket anywhere else would leave the app.
        context.on('page', (p) => p.on('websocket', (socket) => void requests.push(socket.url())));
        return context;
      };
      let context = await openContext();
      page = await context.newPage();
      url = (hash = '') => `${host.url}${hash}`;
      await page.goto(url());
      restart = async (whileStopped) => {
        await context.close();
        await host.stop();
        await whileStopped?.();
        host = await startBrowserHost(dataDir, openedExternally, resourcesDir, collectionDir);
        context = await openContext();
        page = await context.newPage();
        await page.goto(url());
        return page;
      };
      cleanup = async () => {
        await context.close();
        await host.stop();
      };
    }

    const app: App = {
      get page() {
        return page;
      },
      kind: hostKind,
      dataDir,
      requests,
      openedExternally,
      restart,
      url: (hash) => url(hash),
      get electron() {
        return electron;
      },
    };
    try {
      await use(app);
    } finally {
      // The host (or Electron) has exited and its services are closed before the folder goes.
      await cleanup();
      await removeDataDir(dataDir);
    }
  },
});

async function launchElectron(executablePath: string, dataDir: string, requests: string[]) {
  const electronApp = await _electron.launch({
    executablePath,
    args: [ROOT],
    env: { ...process.env, LASAREN_DATA_DIR: dataDir } as Record<string, string>,
  });
  electronApp.context().on('request', (r) => void requests.push(r.url()));
  return electronApp;
}

export { expect };
