// Owns the bridge between the sandboxed renderer and main: it exposes one function per
// contract capability and nothing else (never ipcRenderer itself).
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, CHANNELS, type CapabilityName } from '../shared/channels';

const api = Object.fromEntries(
  (Object.keys(CHANNELS) as CapabilityName[]).map((name) => [
    name,
    (input?: unknown) => ipcRenderer.invoke(CHANNELS[name], input),
  ]),
);

contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze(api));
