// The installed app's menus: Läsaren's own application menu in the user's language (never
// Electron's default English menu), with developer items only in an unpackaged app, and a
// right-click menu with Copy and, for a selection, Highlight and Note sent to the renderer.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../src-main/shared/channels';
import { appMenuTemplate, contextMenuTemplate, type ContextParams } from '../../../src-main/windows/menu';

/** Every item of a template, submenus flattened. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}
const roles = (t: MenuItemConstructorOptions[]) => items(t).flatMap((i) => (i.role ? [String(i.role)] : []));
const labels = (t: MenuItemConstructorOptions[]) => items(t).flatMap((i) => (i.label ? [i.label] : []));

const DEV_ROLES = ['reload', 'forceReload', 'toggleDevTools'];

describe('application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('packaged on %s: no developer items at all', (platform) => {
    const template = appMenuTemplate({ language: 'sv', packaged: true, platform });
    expect(roles(template).filter((r) => DEV_ROLES.includes(r))).toEqual([]);
    expect(labels(template).join(' ')).not.toMatch(/utveckl|develop|reload/i);
  });

  it('unpackaged: reload and developer tools, marked as development', () => {
    const template = appMenuTemplate({ language: 'sv', packaged: false, platform: 'linux' });
    expect(roles(template)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(template)).not.toContain('forceReload');
  });

  it('Swedish: every item has a Swedish label (no role falls back to Electron’s English)', () => {
    const template = appMenuTemplate({ language: 'sv', packaged: true, platform: 'win32' });
    expect(template.map((m) => m.label)).toEqual(['&Arkiv', '&Redigera', '&Visa', '&Fönster', '&Hjälp']);
    for (const item of items(template))
      if (item.type !== 'separator') expect(item.label, item.role).toBeTruthy();
    expect(labels(template)).toEqual(
      expect.arrayContaining(['Avsluta Läsaren', 'Kopiera', 'Klistra in', 'Om Läsaren']),
    );
  });

  it('English when the settings say so', () => {
    const template = appMenuTemplate({ language: 'en', packaged: true, platform: 'linux' });
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(labels(template)).toEqual(
      expect.arrayContaining(['Quit Läsaren', 'Copy', 'Paste', 'About Läsaren']),
    );
    expect(labels(template).join(' ')).not.toMatch(/Kopiera|Avsluta/);
  });

  it('macOS: the app menu first, and the edit roles that make Cmd+C/V work in text fields', () => {
    const template = appMenuTemplate({ language: 'sv', packaged: true, platform: 'darwin' });
    expect(template[0]?.label).toBe('Läsaren');
    expect(roles(template)).toEqual(
      expect.arrayContaining(['about', 'hide', 'quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });
});

function params(overrides: Partial<ContextParams> = {}): ContextParams {
  return {
    selectionText: '',
    isEditable: false,
    editFlags: {
      canUndo: false,
      canRedo: false,
      canCut: false,
      canCopy: false,
      canPaste: false,
      canDelete: false,
      canSelectAll: true,
      canEditRichly: false,
    },
    ...overrides,
  };
}

describe('right-click menu', () => {
  it('without a selection: only Copy, disabled', () => {
    const template = contextMenuTemplate(params(), 'sv', () => undefined);
    expect(template).toHaveLength(1);
    expect(template[0]).toMatchObject({ role: 'copy', label: 'Kopiera', enabled: false });
  });

  it('with a selection: Copy, Highlight and Note, which send their command to the renderer', () => {
    const sent: MenuCommand[] = [];
    const template = contextMenuTemplate(params({ selectionText: 'integrationspolitiken' }), 'sv', (c) =>
      sent.push(c),
    );
    expect(template.map((i) => i.label ?? i.type)).toEqual([
      'Kopiera',
      'separator',
      'Färgmarkera',
      'Skriv en anteckning …',
    ]);
    expect(template[0]).toMatchObject({ role: 'copy', enabled: true });
    const click = (i: number) => (template[i]?.click as unknown as () => void)();
    click(2);
    click(3);
    expect(sent).toEqual(['highlight', 'note']);
    // The shortcuts are shown, not registered a second time (the renderer owns Alt+1 / Alt+N).
    expect(template[2]).toMatchObject({ accelerator: 'Alt+1', registerAccelerator: false });
    expect(template[3]).toMatchObject({ accelerator: 'Alt+N', registerAccelerator: false });
  });

  it('in English', () => {
    const template = contextMenuTemplate(params({ selectionText: 'x' }), 'en', () => undefined);
    expect(template.map((i) => i.label).filter(Boolean)).toEqual(['Copy', 'Highlight', 'Write a Note …']);
  });

  it('a selection of only whitespace offers no annotation', () => {
    expect(contextMenuTemplate(params({ selectionText: ' \n ' }), 'sv', () => undefined)).toHaveLength(1);
  });

  it('in a text field: cut, copy, paste and select all, as the field allows', () => {
    const template = contextMenuTemplate(
      params({
        isEditable: true,
        selectionText: 'abc',
        editFlags: { ...params().editFlags, canCopy: true, canCut: true },
      }),
      'sv',
      () => undefined,
    );
    expect(roles(template)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(template.find((i) => i.role === 'paste')?.enabled).toBe(false);
    expect(labels(template)).not.toContain('Färgmarkera');
  });
});
