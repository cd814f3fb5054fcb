// Owns the bridge between the sandboxed renderer and main: it exposes one function per
// contract capability and nothing else (never ipcRenderer itself), plus `onMenuCommand`, the
// one way main reaches the renderer unasked: a right-click menu command, forwarded only when
// it is one of MENU_COMMANDS, to one listener at a time, with a function to unsubscribe.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  API_GLOBAL,
  CHANNELS,
  MENU_COMMAND_CHANNEL,
  isMenuCommand,
  type CapabilityName,
  type MenuCommand,
} from '../shared/channels';

const capabilities = Object.fromEntries(
  (Object.keys(CHANNELS) as CapabilityName[]).map((name) => [
    name,
    (input?: unknown) => ipcRenderer.invoke(CHANNELS[name], input),
  ]),
);

let menuListener: ((command: MenuCommand) => void) | null = null;
ipcRenderer.on(MENU_COMMAND_CHANNEL, (_event: IpcRendererEvent, command: unknown) => {
  if (isMenuCommand(command)) menuListener?.(command);
});

function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
  menuListener = listener;
  return () => {
    if (menuListener === listener) menuListener = null;
  };
}

contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze({ ...capabilities, onMenuCommand }));
