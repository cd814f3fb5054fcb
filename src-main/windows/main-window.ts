// Owns the BrowserWindow factory: the hardened webPreferences live here and only here.
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './policy';

export function createMainWindow(preloadPath: string, initialHash = ''): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 860,
    minWidth: 560,
    minHeight: 420,
    show: false,
    title: 'Läsaren',
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html${initialHash}`);
  return window;
}
