// The preload's surface, loaded with a recording stand-in for Electron's contextBridge and
// ipcRenderer (no Electron binary runs here): one function per contract capability plus
// onMenuCommand, and only the two known menu commands ever reach the renderer's listener.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_GLOBAL, CHANNELS, MENU_COMMAND_CHANNEL } from '../../../src-main/shared/channels';

const exposed = new Map<string, Record<string, unknown>>();
const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
const invoked: Array<[string, unknown]> = [];

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return { ok: true, value: null };
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      listeners.set(channel, listener),
  },
}));

type Api = Record<string, unknown> & { onMenuCommand: (listener: (command: string) => void) => () => void };
let api: Api;
beforeAll(async () => {
  await import('../../../src-main/preload/index');
  api = exposed.get(API_GLOBAL) as Api;
});

describe('preload bridge', () => {
  it('exposes one frozen object: the capabilities and onMenuCommand, never ipcRenderer', async () => {
    expect([...exposed.keys()]).toEqual([API_GLOBAL]);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(CHANNELS), 'onMenuCommand'].sort());
    await (api['search'] as (input: unknown) => Promise<unknown>)({ query: 'x' });
    expect(invoked).toEqual([[CHANNELS.search, { query: 'x' }]]);
    // It listens on exactly one channel: the menu's.
    expect([...listeners.keys()]).toEqual([MENU_COMMAND_CHANNEL]);
  });

  it('forwards only known menu commands, to the current listener, until unsubscribed', () => {
    const received: string[] = [];
    const stop = api.onMenuCommand((command) => received.push(command));
    const fromMain = listeners.get(MENU_COMMAND_CHANNEL)!;
    fromMain({}, 'highlight');
    fromMain({}, 'note');
    for (const hostile of ['delete', '__proto__', { command: 'note' }, null, 42, 'note '])
      fromMain({}, hostile);
    expect(received).toEqual(['highlight', 'note']);
    stop();
    fromMain({}, 'note');
    expect(received).toEqual(['highlight', 'note']);
    expect(() => api.onMenuCommand('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });
});
