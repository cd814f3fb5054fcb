// Owns the Electron app lifecycle: the data folder and single-instance lock, scheme
// registration, session guards, services, IPC, menus and the main window, and stopping with a
// dialog when start-up fails. Everything else lives in modules that do not import electron.
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { createDispatcher } from './ipc/dispatch';
import { registerIpc } from './ipc/register';
import { createHandlerTable } from './ipc/table';
import { openServices, startupProblems, type Services } from './services';
import type { Language } from './shared/preferences';
import { userDataFor } from './windows/app-paths';
import { registerAppScheme, serveRenderer } from './windows/app-protocol';
import { electronExportHost } from './windows/export-host';
import { createDeepLinks, registerProtocolClient } from './windows/deep-links';
import { guardContents, guardSession } from './windows/guards';
import { createMainWindow } from './windows/main-window';
import { attachContextMenu, installAppMenu } from './windows/menu-host';
import { startupFailureText, startupLanguage } from './windows/startup-failure';

const here = import.meta.dirname;
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');

registerAppScheme();

// Before the lock and before anything reads userData: an unpackaged app gets its own folder
// (and with it its own single-instance lock); the end-to-end tests' LASAREN_DATA_DIR applies
// to unpackaged runs only, so nothing in a user's environment can move their notes.
const userData = userDataFor({
  packaged: app.isPackaged,
  defaultUserData: app.getPath('userData'),
  override: process.env['LASAREN_DATA_DIR'],
});
if (userData) app.setPath('userData', userData);

/** Wraps settings so the menus follow the UI language the user picks. */
function followLanguage(services: Services, onChange: (language: Language) => void): Services {
  const { settings } = services;
  return {
    ...services,
    settings: {
      get problem() {
        return settings.problem;
      },
      get: () => settings.get(),
      update: async (patch) => {
        const before = settings.get().language;
        const next = await settings.update(patch);
        if (next.language !== before) onChange(next.language);
        return next;
      },
    },
  };
}

async function start(deepLinks: ReturnType<typeof createDeepLinks>): Promise<void> {
  guardSession(session.defaultSession);
  serveRenderer(session.defaultSession, rendererDir);
  const opened = await openServices({
    resourcesDir,
    dataDir: app.getPath('userData'),
    openExternal: (url) => shell.openExternal(url),
    exportHost: electronExportHost(app.getPath('documents')),
    log: (line) => console.warn(line),
  });
  for (const problem of startupProblems(opened)) console.warn(problem);
  const services = followLanguage(opened, (language) => installAppMenu(language, app.isPackaged));
  installAppMenu(services.settings.get().language, app.isPackaged);
  registerIpc(createDispatcher(createHandlerTable(services), (line) => console.error(line)));
  registerProtocolClient();
  const window = createMainWindow(preloadPath, deepLinks.takeInitialHash());
  attachContextMenu(window.webContents, () => services.settings.get().language);
  deepLinks.attach(window, () => services.settings.get().language);
}

/** Says what went wrong in the user's language and exits, so no hidden process keeps the lock. */
function failStartup(error: unknown): void {
  console.error('Läsaren kunde inte starta:', error);
  const dataDir = app.getPath('userData');
  const text = startupFailureText(
    startupLanguage(dataDir, app.getPreferredSystemLanguages()),
    error,
    dataDir,
  );
  try {
    dialog.showMessageBoxSync({
      type: 'error',
      title: text.title,
      message: text.message,
      detail: text.detail,
      buttons: ['OK'],
    });
  } catch {
    dialog.showErrorBox(text.title, `${text.message}\n\n${text.detail}`);
  }
  app.exit(1);
}

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

  app
    .whenReady()
    .then(() => start(deepLinks))
    .catch(failStartup);
}
