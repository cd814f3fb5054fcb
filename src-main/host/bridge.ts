// Owns the browser host's bridge script: it defines the same `window.lasaren` capabilities
// the Electron preload exposes, each one a POST to the host's IPC endpoint.
import { API_GLOBAL, CHANNELS } from '../shared/channels';

export const BRIDGE_PATH = '/__lasaren/bridge.js';
export const IPC_PATH = '/__lasaren/ipc';

export function bridgeScript(): string {
  return `"use strict";
(() => {
  const channels = ${JSON.stringify(CHANNELS)};
  const broken = (message) => ({ ok: false, error: { code: "io", message } });
  const invoke = async (channel, payload) => {
    try {
      const response = await fetch(${JSON.stringify(IPC_PATH)}, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ channel, payload }),
      });
      return await response.json();
    } catch (e) {
      return broken("Förbindelsen med Läsarens värd bröts. Starta värden igen och ladda om sidan.");
    }
  };
  const api = {};
  for (const [name, channel] of Object.entries(channels)) {
    api[name] = (payload) => invoke(channel, payload);
  }
  Object.defineProperty(window, ${JSON.stringify(API_GLOBAL)}, { value: Object.freeze(api), enumerable: true });
})();
`;
}
