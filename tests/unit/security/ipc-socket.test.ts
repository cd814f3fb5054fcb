// The browser host's IPC socket, over real loopback sockets: it opens only for the host's own
// page (Origin, Host, path: main's sender check and DNS rebinding), answers each call by its
// id even out of order, and closes on what is not a call or is too large, answering nothing.
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { IPC_PATH } from '../../../src-main/host/bridge';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import {
  ANSWER_PATH,
  CLOSE_NOT_A_CALL,
  CLOSE_TOO_LARGE,
  LARGE_ANSWER,
  attachIpcSocket,
} from '../../../src-main/host/socket';
import { fail, ok } from '../../../src-main/shared/result';

let dir: string;
let host: RunningHost;
const origin = () => host.url.replace(/\/$/, '');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lasaren-socket-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Läsaren</title><script></script>');
  host = await startHost({
    host: '127.0.0.1',
    port: 0,
    rendererDir: dir,
    // Calls to "slow" answer after "fast" ones sent later; anything else is refused.
    dispatch: async (channel, payload) => {
      if (channel === 'slow') await new Promise((r) => setTimeout(r, 80));
      if (channel === 'slow' || channel === 'fast') return ok({ channel, payload });
      if (channel === 'big') return ok('x'.repeat(LARGE_ANSWER));
      return fail('unknown-channel', 'Okänd kanal.', 'Unknown channel.');
    },
  });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

/** Opens a socket with these headers; resolves with it open, or with the HTTP status refusing it. */
function connect(headers: Record<string, string>, path = IPC_PATH): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${origin().replace(/^http/, 'ws')}${path}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

describe('the IPC socket', () => {
  it('refuses a page of another origin, no origin, another Host header and another path', async () => {
    expect(await connect({ Origin: 'http://evil.example' })).toBe(403);
    expect(await connect({})).toBe(403);
    const port = new URL(host.url).port;
    expect(await connect({ Origin: origin(), Host: `rebound.example:${port}` })).toBe(403);
    expect(await connect({ Origin: origin() }, '/__lasaren/other')).toBe(403);
  });

  it('answers every call by its id, a quick one before a slow one sent first', async () => {
    const ws = (await connect({ Origin: origin() })) as WebSocket;
    const answers: Array<{ id: number; answer: unknown; handler: number }> = [];
    const all = new Promise<void>((done) =>
      ws.on('message', (data) => {
        answers.push(JSON.parse(String(data)) as { id: number; answer: unknown; handler: number });
        if (answers.length === 3) done();
      }),
    );
    ws.send(JSON.stringify({ id: 7, channel: 'slow', payload: { n: 1 } }));
    ws.send(JSON.stringify({ id: 8, channel: 'fast', payload: { n: 2 } }));
    ws.send(JSON.stringify({ id: 9, channel: 'nowhere' }));
    await all;
    expect(answers.map((a) => a.id)).toEqual([8, 9, 7]);
    expect(answers[0]?.answer).toEqual({ ok: true, value: { channel: 'fast', payload: { n: 2 } } });
    expect(answers[1]?.answer).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(answers[2]?.handler).toBeGreaterThanOrEqual(70);
    ws.close();
  });

  it.each([
    ['text that is not JSON', 'inte json', false],
    ['JSON without an id', JSON.stringify({ channel: 'fast' }), false],
    ['an id that is not a whole number', JSON.stringify({ id: '1', channel: 'fast' }), false],
    ['binary data', Buffer.from([1, 2, 3]), true],
  ])('closes on %s, answering nothing', async (_label, message, binary) => {
    const ws = (await connect({ Origin: origin() })) as WebSocket;
    let answered = false;
    ws.on('message', () => (answered = true));
    const code = closed(ws);
    ws.send(message, { binary });
    expect(await code).toBe(CLOSE_NOT_A_CALL);
    expect(answered).toBe(false);
  });

  it('sends a large answer as an address to fetch it from, once', async () => {
    const ws = (await connect({ Origin: origin() })) as WebSocket;
    const message = new Promise<{ id: number; at?: string; answer?: unknown }>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)) as { id: number; at?: string })),
    );
    ws.send(JSON.stringify({ id: 11, channel: 'big' }));
    const { id, at, answer } = await message;
    expect(id).toBe(11);
    expect(answer).toBeUndefined();
    expect(at).toMatch(new RegExp(`^${ANSWER_PATH}[0-9a-f-]{36}$`));
    const fetched = await fetch(`${origin()}${at}`);
    expect(fetched.status).toBe(200);
    expect(((await fetched.json()) as { value: string }).value).toHaveLength(LARGE_ANSWER);
    expect((await fetch(`${origin()}${at}`)).status).toBe(404);
    expect((await fetch(`${origin()}${ANSWER_PATH}00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    ws.close();
  });

  it('is the only way in: a POST to its path is refused', async () => {
    const response = await fetch(`${origin()}${IPC_PATH}`, {
      method: 'POST',
      headers: { Origin: origin(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'fast' }),
    });
    expect(response.status).toBe(405);
  });
});

describe('a socket that goes wrong', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end());
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    attachIpcSocket(server, {
      path: IPC_PATH,
      origin: () => base,
      hostAllowed: () => true,
      maxBytes: 1024,
      dispatch: async (channel) => {
        if (channel === 'boom') throw new Error('a fault in the host');
        return ok(channel);
      },
    });
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const open = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`${base.replace(/^http/, 'ws')}${IPC_PATH}`, { headers: { Origin: base } });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });
  const next = (ws: WebSocket) =>
    new Promise<{ id: number; answer: unknown }>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)) as { id: number; answer: unknown })),
    );

  it('closes on a call over the size limit, and the host goes on serving', async () => {
    const ws = await open();
    const code = closed(ws);
    ws.send(JSON.stringify({ id: 1, channel: 'fast', payload: 'x'.repeat(2000) }));
    expect(await code).toBe(CLOSE_TOO_LARGE);
    const again = await open();
    const answer = next(again);
    again.send(JSON.stringify({ id: 2, channel: 'fast' }));
    expect(await answer).toMatchObject({ id: 2, answer: { ok: true, value: 'fast' } });
    again.close();
  });

  it('answers a fault in the host as an internal error, in both languages', async () => {
    const ws = await open();
    const answer = next(ws);
    ws.send(JSON.stringify({ id: 3, channel: 'boom' }));
    expect(await answer).toMatchObject({
      id: 3,
      answer: {
        ok: false,
        error: {
          code: 'internal',
          message: expect.stringContaining('värd'),
          messageEn: expect.stringContaining('host'),
        },
      },
    });
    ws.close();
  });
});
