// Owns the browser host: serves the built renderer over loopback HTTP and the very same
// handler table over a WebSocket (socket.ts), for tests and demos where no Electron binary
// can run. Refuses any non-loopback address, any Host header but its own (DNS rebinding) and
// any IPC socket whose Origin is not its own page (the equivalent of main's sender check).
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Dispatcher } from '../ipc/dispatch';
import { MAX_IMPORT_FILE_BYTES } from '../shared/documents/imports';
import { contentTypeFor, resolveInside, securityHeaders } from '../windows/policy';
import { BRIDGE_PATH, IPC_PATH, bridgeScript } from './bridge';
import { ANSWER_PATH, attachIpcSocket, type IpcSocket } from './socket';

// Room for a 100 MB document (MAX_IMPORT_FILE_BYTES) sent as base64 (4/3 larger) inside a
// call, and for a 20 MB notes file (MAX_IMPORT_BYTES) once JSON-escaped.
const MAX_CALL_BYTES = Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 1024 * 1024;

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export interface HostOptions {
  readonly host: string;
  readonly port: number;
  readonly rendererDir: string;
  readonly dispatch: Dispatcher;
}

export interface RunningHost {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  res.writeHead(status, headers);
  res.end(body);
}

async function handleStatic(res: ServerResponse, rendererDir: string, pathname: string): Promise<void> {
  if (pathname === BRIDGE_PATH) {
    send(res, 200, bridgeScript(), securityHeaders(contentTypeFor('.js')));
    return;
  }
  const file = resolveInside(rendererDir, pathname);
  if (!file) return send(res, 404, 'Not found', securityHeaders('text/plain; charset=utf-8'));
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return send(res, 404, 'Not found', securityHeaders('text/plain; charset=utf-8'));
  }
  if (file.endsWith('index.html')) {
    // The bridge must define window.lasaren before the app's module script runs.
    const html = body
      .toString('utf8')
      .replace('<script', `<script src="${BRIDGE_PATH}"></script>\n    <script`);
    body = Buffer.from(html, 'utf8');
  }
  send(res, 200, body, securityHeaders(contentTypeFor(file)));
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  if (!isLoopbackHost(options.host)) {
    throw new Error(
      `Värden lyssnar bara på loopback (127.0.0.1, ::1 eller localhost), inte på ${options.host}.`,
    );
  }
  let origin = '';
  let hostHeaders = new Set<string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (!hostHeaders.has(req.headers.host ?? '')) {
      send(res, 421, 'Misdirected request', securityHeaders('text/plain; charset=utf-8'));
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith(ANSWER_PATH)) {
      const body = ipc.takeAnswer(url.pathname.slice(ANSWER_PATH.length));
      if (body === undefined) send(res, 404, 'Not found', securityHeaders('text/plain; charset=utf-8'));
      else send(res, 200, body, securityHeaders('application/json; charset=utf-8'));
      return;
    }
    const route =
      req.method === 'GET' || req.method === 'HEAD'
        ? handleStatic(res, options.rendererDir, url.pathname)
        : Promise.resolve(send(res, 405, 'Method not allowed', securityHeaders('text/plain; charset=utf-8')));
    route.catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, 'Internal error', securityHeaders('text/plain; charset=utf-8'));
      console.error(e);
    });
  });
  const ipc: IpcSocket = attachIpcSocket(server, {
    path: IPC_PATH,
    origin: () => origin,
    hostAllowed: (host) => hostHeaders.has(host),
    dispatch: options.dispatch,
    maxBytes: MAX_CALL_BYTES,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostName = options.host === '::1' ? '[::1]' : options.host;
  origin = `http://${hostName}:${port}`;
  hostHeaders = new Set([`${hostName}:${port}`]);
  return {
    url: `${origin}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        ipc.close();
        server.close(() => resolve());
        // Keep-alive connections would otherwise hold the port open for seconds.
        server.closeAllConnections();
      }),
  };
}
