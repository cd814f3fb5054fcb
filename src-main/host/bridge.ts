// Owns the browser host's bridge script: it defines the same `window.lasaren` capabilities
// the Electron preload exposes, each one a message on the host's IPC socket (socket.ts),
// answered by id (a large answer fetched from the address the host sends instead). The socket
// opens at the first call and again at the next call after it closed; calls waiting when it
// closes resolve as failures a person can act on.
import { API_GLOBAL, CHANNELS } from '../shared/channels';
import { CLOSE_TOO_LARGE } from './socket';

export const BRIDGE_PATH = '/__lasaren/bridge.js';
export const IPC_PATH = '/__lasaren/ipc';

export function bridgeScript(): string {
  return `"use strict";
(() => {
  const channels = ${JSON.stringify(CHANNELS)};
  const broken = (message, messageEn) => ({ ok: false, error: { code: "io", message, messageEn } });
  const lost = () => broken(
    "Förbindelsen med Läsarens värd bröts. Starta värden igen och ladda om sidan.",
    "The connection to Läsaren’s host was lost. Start the host again and reload the page.",
  );
  const tooLarge = () => broken(
    "Anropet var för stort för värden och avbröts. Försök med en mindre fil.",
    "The call was too large for the host and was stopped. Try a smaller file.",
  );
  const waiting = new Map();
  let socket = null;
  let opened = null;
  let nextId = 1;
  const open = () => {
    if (opened) return opened;
    const ws = new WebSocket(new URL(${JSON.stringify(IPC_PATH)}, location.href).href.replace(/^http/, "ws"));
    socket = ws;
    opened = new Promise((resolve) => {
      ws.onopen = () => resolve(true);
      ws.onclose = (event) => {
        if (socket === ws) {
          socket = null;
          opened = null;
        }
        resolve(false);
        const answer = event.code === ${CLOSE_TOO_LARGE} ? tooLarge : lost;
        for (const done of waiting.values()) done(answer());
        waiting.clear();
      };
    });
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      const done = waiting.get(message.id);
      if (!done) return;
      waiting.delete(message.id);
      if (message.at === undefined) return done(message.answer);
      // A large answer: fetched once from the address the host gave.
      fetch(message.at)
        .then((response) => (response.ok ? response.json() : lost()))
        .catch(lost)
        .then(done);
    };
    return opened;
  };
  const invoke = async (channel, payload) => {
    if (!(await open())) return lost();
    const ws = socket;
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      try {
        ws.send(JSON.stringify({ id, channel, payload }));
      } catch (e) {
        waiting.delete(id);
        resolve(lost());
      }
    });
  };
  const api = {};
  for (const [name, channel] of Object.entries(channels)) {
    api[name] = (payload) => invoke(channel, payload);
  }
  Object.defineProperty(window, ${JSON.stringify(API_GLOBAL)}, { value: Object.freeze(api), enumerable: true });
})();
`;
}
