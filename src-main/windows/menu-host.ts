// Owns putting menu.ts's templates on screen: the application menu (rebuilt when the UI
// language changes) and the right-click menu of the main window, whose Highlight and Note
// commands go to that window's renderer over MENU_COMMAND_CHANNEL.
import { BrowserWindow, Menu, type WebContents } from 'electron';
import { MENU_COMMAND_CHANNEL } from '../shared/channels';
import type { Language } from '../shared/preferences';
import { appMenuTemplate, contextMenuTemplate } from './menu';

export function installAppMenu(language: Language, packaged: boolean): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(appMenuTemplate({ language, packaged, platform: process.platform })),
  );
}

export function attachContextMenu(contents: WebContents, language: () => Language): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, language(), (command) => {
      if (!contents.isDestroyed()) contents.send(MENU_COMMAND_CHANNEL, command);
    });
    const window = BrowserWindow.fromWebContents(contents);
    Menu.buildFromTemplate(template).popup(window ? { window } : {});
  });
}
