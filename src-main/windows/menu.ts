// Owns the application menu and the right-click menu as plain templates: Läsaren's own
// menu in the UI language (never Electron's default English one), developer items (reload,
// developer tools) only in an unpackaged app, and a context menu offering Copy, and for a
// selection in the document also Highlight and Note, which are sent to the renderer as menu
// commands (preload: onMenuCommand) and run the same actions as Alt+1 and Alt+N. Pure apart
// from types: menu-host.ts builds Electron menus from these, tests read them directly.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/channels';
import type { Language } from '../shared/preferences';
import { mainStrings } from './menu-strings';

export interface MenuEnvironment {
  readonly language: Language;
  readonly packaged: boolean;
  readonly platform: NodeJS.Platform;
}

export function appMenuTemplate(env: MenuEnvironment): MenuItemConstructorOptions[] {
  const s = mainStrings(env.language);
  const mac = env.platform === 'darwin';
  const development: MenuItemConstructorOptions[] = env.packaged
    ? []
    : [
        { type: 'separator' },
        { role: 'reload', label: s.reload },
        { role: 'toggleDevTools', label: s.devTools },
      ];
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Läsaren',
      submenu: [
        { role: 'about', label: s.about },
        { type: 'separator' },
        { role: 'hide', label: s.hide },
        { role: 'hideOthers', label: s.hideOthers },
        { role: 'unhide', label: s.unhide },
        { type: 'separator' },
        { role: 'quit', label: s.quit },
      ],
    });
  }
  template.push(
    {
      label: s.file,
      submenu: mac ? [{ role: 'close', label: s.close }] : [{ role: 'quit', label: s.quit }],
    },
    {
      label: s.edit,
      submenu: [
        { role: 'undo', label: s.undo },
        { role: 'redo', label: s.redo },
        { type: 'separator' },
        { role: 'cut', label: s.cut },
        { role: 'copy', label: s.copy },
        { role: 'paste', label: s.paste },
        { role: 'selectAll', label: s.selectAll },
      ],
    },
    {
      label: s.view,
      submenu: [
        { role: 'resetZoom', label: s.resetZoom },
        { role: 'zoomIn', label: s.zoomIn },
        { role: 'zoomOut', label: s.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: s.fullScreen },
        ...development,
      ],
    },
    {
      label: s.window,
      submenu: [
        { role: 'minimize', label: s.minimize },
        { role: 'close', label: s.close },
      ],
    },
  );
  if (!mac) template.push({ label: s.help, submenu: [{ role: 'about', label: s.about }] });
  return template;
}

/** The part of Electron's context-menu parameters the menu depends on. */
export type ContextParams = Pick<ContextMenuParams, 'selectionText' | 'isEditable' | 'editFlags'>;

/**
 * The right-click menu. `inDocument` is true when the click was in the reader's text (the
 * renderer decides whether the selection can be annotated and says so if not).
 */
export function contextMenuTemplate(
  params: ContextParams,
  language: Language,
  send: (command: MenuCommand) => void,
): MenuItemConstructorOptions[] {
  const s = mainStrings(language);
  const selected = params.selectionText.trim() !== '';
  if (params.isEditable) {
    return [
      { role: 'cut', label: s.cut, enabled: params.editFlags.canCut },
      { role: 'copy', label: s.copy, enabled: params.editFlags.canCopy },
      { role: 'paste', label: s.paste, enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: s.selectAll, enabled: params.editFlags.canSelectAll },
    ];
  }
  const template: MenuItemConstructorOptions[] = [{ role: 'copy', label: s.copy, enabled: selected }];
  if (selected) {
    template.push(
      { type: 'separator' },
      {
        label: s.highlight,
        accelerator: 'Alt+1',
        registerAccelerator: false,
        click: () => send('highlight'),
      },
      { label: s.note, accelerator: 'Alt+N', registerAccelerator: false, click: () => send('note') },
    );
  }
  return template;
}
