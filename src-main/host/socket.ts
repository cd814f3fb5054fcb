// Owns the browser host's IPC channel: one WebSocket per page, as Electron gives each window
// one IPC channel. A call is a JSON message {id, channel, payload}; its answer is
// {id, handler, json, answer}, sent when the handler is done, so calls run side by side and
// may be answered out of order, as ipcMain.handle's are. An answer over a megabyte comes as
// {id, handler, json, at}: the page fetches it once from that address. The page's origin is
// checked when the socket opens (main's sender check); nothing but loopback reaches it.
//
// Why not a POST per call: in Debian's Chromium here a loopback fetch costs 5–7 ms at p50 and
// 8–13 ms at p95 for a few bytes as for a search's 27 kB, a message on an open socket
// 0.7–1.6 ms and 2–5 ms (npm run bench:transport, three runs on 2026-12-02). Electron's IPC
// has neither cost; the socket is the nearer stand-in.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatcher } from '../ipc/dispatch';
import { fail } from '../shared/result';

export interface IpcSocketOptions {
  /** The path the page opens the socket on. */
  readonly path: string;
  /** The page's own origin, known once the server listens: a socket from any other is refused. */
  readonly origin: () => string;
  /** Whether a Host header names this server (DNS rebinding). */
  readonly hostAllowed: (host: string) => boolean;
  readonly dispatch: Dispatcher;
  /** The largest call, in bytes (an imported document travels inside one). */
  readonly maxBytes: number;
}

/**
 * Close codes the bridge tells the user about (RFC 6455 §7.4.1): a message too large, and
 * one that is not a call (not JSON, or binary) — which only a page other than the app's sends.
 */
export const CLOSE_TOO_LARGE = 1009;
export const CLOSE_NOT_A_CALL = 1007;

/**
 * An answer larger than this (in UTF-16 units) is fetched over HTTP instead: Chromium takes a
 * large WebSocket message in slowly (the library's 19 MB list: 430–790 ms at p50 against
 * 305–390 ms for the same answer to a fetch, npm run bench:transport, three runs).
 */
export const LARGE_ANSWER = 1 << 20;
/** Where the page fetches a large answer, by a one-time token. */
export const ANSWER_PATH = '/__lasaren/answer/';
/** A large answer not fetched within this time is dropped (the page went away). */
const ANSWER_KEPT_MS = 60_000;

export interface IpcSocket {
  /** A large answer's JSON for its token, once; undefined for an unknown or used token. */
  takeAnswer(token: string): string | undefined;
  close(): void;
}

/** Serves IPC calls over WebSockets on `server`'s upgrade requests to `options.path`. */
export function attachIpcSocket(server: Server, options: IpcSocketOptions): IpcSocket {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxBytes,
    perMessageDeflate: false,
  });
  const large = new Map<string, string>();
  const keep = (body: string): string => {
    const token = randomUUID();
    large.set(token, body);
    setTimeout(() => large.delete(token), ANSWER_KEPT_MS).unref();
    return token;
  };
  server.on('upgrade', (req, socket, head) => {
    const { pathname } = new URL(req.url ?? '/', 'http://placeholder');
    if (
      pathname !== options.path ||
      !options.hostAllowed(req.headers.host ?? '') ||
      req.headers.origin !== options.origin()
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (data, isBinary) => {
        void answer(ws, options.dispatch, isBinary ? null : String(data), keep);
      });
      // A frame over the limit or against the protocol: ws closes the socket (1009, 1002) and
      // reports it here; unheard, the error would end the host.
      ws.on('error', () => {});
    });
  });
  return {
    takeAnswer(token) {
      const body = large.get(token);
      large.delete(token);
      return body;
    },
    close() {
      for (const socket of sockets.clients) socket.terminate();
      sockets.close();
      large.clear();
    },
  };
}

/** A call's id, channel and payload; null when the message is not a call. */
function parseCall(text: string | null): { id: number; channel: unknown; payload: unknown } | null {
  if (text === null) return null;
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null) return null;
  const { id, channel, payload } = message as { id?: unknown; channel?: unknown; payload?: unknown };
  return typeof id === 'number' && Number.isSafeInteger(id) ? { id, channel, payload } : null;
}

/**
 * Runs one call and sends its answer, with the handler's time and the time spent turning the
 * answer into JSON (as the envelope's first fields, so `npm run bench:search-ui` can tell
 * main's part of a call from the transfer without parsing the answer twice); a large answer
 * as the address to fetch it from, once (`keep` gives its token).
 */
async function answer(
  ws: WebSocket,
  dispatch: Dispatcher,
  text: string | null,
  keep: (body: string) => string,
): Promise<void> {
  const call = parseCall(text);
  if (!call) {
    // No id to answer to: the page that sent it is not the app's bridge.
    ws.close(CLOSE_NOT_A_CALL, 'not a call');
    return;
  }
  const started = performance.now();
  let handled = 0;
  let body: string;
  try {
    const result = await dispatch(call.channel, call.payload);
    handled = performance.now() - started;
    body = JSON.stringify(result);
  } catch (e) {
    // The dispatcher turns a handler's failure into a Result; this is a fault in the host.
    console.error(e);
    body = JSON.stringify(
      fail(
        'internal',
        'Ett internt fel uppstod i Läsarens värd. Försök igen, och starta om värden om felet kommer tillbaka.',
        'An internal error occurred in Läsaren’s host. Try again, and restart the host if it happens again.',
      ),
    );
  }
  const json = performance.now() - started - handled;
  if (ws.readyState !== ws.OPEN) return;
  ws.send(
    answerMessage(
      call.id,
      { handler: handled, json },
      body.length > LARGE_ANSWER ? { at: ANSWER_PATH + keep(body) } : { answer: body },
    ),
  );
}

/**
 * The message answering call `id`: main's times (ms) first, so benchmarks read them without
 * parsing the rest (scripts/ipc-calls.ts), then the answer's JSON or where to fetch it.
 */
export function answerMessage(
  id: number,
  times: { readonly handler: number; readonly json: number },
  reply: { readonly answer: string } | { readonly at: string },
): string {
  const head = `{"id":${id},"handler":${times.handler.toFixed(2)},"json":${times.json.toFixed(2)}`;
  return 'at' in reply ? `${head},"at":${JSON.stringify(reply.at)}}` : `${head},"answer":${reply.answer}}`;
}
