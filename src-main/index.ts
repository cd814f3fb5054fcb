// Owns the Electron app lifecycle: scheme registration, session guards, services, IPC and
// the main window. Everything else lives in modules that do not import electron.
import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { createDispatcher } from './ipc/dispatch';
import { registerIpc } from './ipc/register';
import { createHandlerTable } from './ipc/table';
import { openServices, startupProblems } from './services';
import { registerAppScheme, serveRenderer } from './windows/app-protocol';
import { electronExportHost } from './windows/export-host';
import { createDeepLinks, registerProtocolClient } from './windows/deep-links';
import { guardContents, guardSession } from './windows/guards';
import { createMainWindow } from './windows/main-window';

const here = import.meta.dirname;
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');

registerAppScheme();

// End-to-end tests point the unpackaged app at a throw-away data folder; an installed app
// ignores the variable, so nothing in a user's environment can move their notes.
const dataDirOverride = process.env['LASAREN_DATA_DIR'];
if (dataDirOverride && !app.isPackaged) app.setPath('userData', dataDirOverride);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A lasaren:// link the app was started with (Windows, Linux) or is sent (macOS).
  const deepLinks = createDeepLinks(process.argv);
  app.on('second-instance', (_event, argv) => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    deepLinks.receiveArgv(argv);
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
      log: (line) => console.warn(line),
    });
    for (const problem of startupProblems(services)) console.warn(problem);
    registerIpc(createDispatcher(createHandlerTable(services), (line) => console.error(line)));
    registerProtocolClient();
    deepLinks.attach(createMainWindow(preloadPath, deepLinks.takeInitialHash()));
  });
}
