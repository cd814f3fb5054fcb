// Owns the Electron app lifecycle: scheme registration, session guards, services, IPC and
// the main window. Everything else lives in modules that do not import electron.
import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { createDispatcher } from './ipc/dispatch';
import { registerIpc } from './ipc/register';
import { createHandlerTable } from './ipc/table';
import { openServices, startupProblems } from './services';
import { DEEP_LINK_SCHEME } from './shared/export';
import { deepLinkFromArgv, deepLinkToHash } from './shared/deep-link';
import { electronExportHost } from './windows/export-host';
import { APP_ORIGIN } from './windows/policy';
import { registerAppScheme, serveRenderer } from './windows/app-protocol';
import { guardContents, guardSession } from './windows/guards';
import { createMainWindow } from './windows/main-window';

const here = import.meta.dirname;
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');

registerAppScheme();

// lasaren://document/<id>#stycke-<n> (the exports' deep links) opens the app at that passage.
if (process.defaultApp && process.argv[1]) {
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [process.argv[1]]);
} else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
let pendingHash = deepLinkFromArgv(process.argv) ?? '';

function openDeepLink(hash: string | null): void {
  if (!hash) return;
  const [window] = BrowserWindow.getAllWindows();
  if (!window) {
    pendingHash = hash;
    return;
  }
  if (window.isMinimized()) window.restore();
  window.focus();
  void window.loadURL(`${APP_ORIGIN}/index.html${hash}`);
}

// End-to-end tests point the app at a throw-away data folder; users never set this.
const dataDirOverride = process.env['LASAREN_DATA_DIR'];
if (dataDirOverride) app.setPath('userData', dataDirOverride);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    openDeepLink(deepLinkFromArgv(argv));
  });
  // macOS delivers deep links as open-url, also before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openDeepLink(deepLinkToHash(url));
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    guardSession(session.defaultSession);
    serveRenderer(session.defaultSession, rendererDir);
    const services = await openServices({
      resourcesDir,
      dataDir: app.getPath('userData'),
      openExternal: (url) => shell.openExternal(url),
      exportHost: electronExportHost(app.getPath('documents')),
    });
    for (const problem of startupProblems(services)) console.warn(problem);
    registerIpc(createDispatcher(createHandlerTable(services), (line) => console.error(line)));
    createMainWindow(preloadPath, pendingHash);
  });
}
