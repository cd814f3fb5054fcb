// `npm run bench:transport`: what one call from a page to a loopback server costs in Debian's
// Chromium, as a POST per call (fetch, how the browser host called main until 2026-12-02)
// against a message on an open WebSocket (how it calls now, src-main/host/socket.ts), with
// the same answers from the same Node process: a few bytes, 27 kB (a search answer of 50 hits)
// and 19 MB (the library's whole list, which the host sends by HTTP instead: socket.ts's
// LARGE_ANSWER). Both transports take turns in the same page, 200 calls per turn (8 of the
// largest), three turns each. Prints p50/p95 per transport and size; never a test.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { loadLine, machineLine, openBenchBrowser, percentile } from './bench-ui-host';

const SIZES = { small: 100, search: 27_000, list: 19_000_000 } as const;
/** Calls per turn: fewer of the 19 MB answer (the library's whole list). */
const CALLS: Record<Size, number> = { small: 200, search: 200, list: 8 };
type Size = keyof typeof SIZES;
const answerOf = (size: Size) => JSON.stringify({ ok: true, value: 'x'.repeat(SIZES[size]) });

const server = createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Överföring</title>');
    return;
  }
  const size = (new URL(req.url ?? '/', 'http://placeholder').searchParams.get('size') ?? 'small') as Size;
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(answerOf(size));
  });
});
const sockets = new WebSocketServer({ server, perMessageDeflate: false });
sockets.on('connection', (ws) =>
  ws.on('message', (data) => {
    const { id, size } = JSON.parse(String(data)) as { id: number; size: Size };
    ws.send(`{"id":${id},"answer":${answerOf(size)}}`);
  }),
);
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

console.log(machineLine());
const { browser, context } = await openBenchBrowser();
try {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => {
    const ws = new WebSocket(location.href.replace(/^http/, 'ws'));
    const waiting = new Map<number, () => void>();
    ws.onmessage = (event: MessageEvent<string>) => {
      const { id } = JSON.parse(event.data) as { id: number };
      waiting.get(id)?.();
      waiting.delete(id);
    };
    let next = 0;
    const w = window as unknown as Record<string, unknown>;
    w['socketCall'] = (size: string) =>
      new Promise<void>((done) => {
        const id = ++next;
        waiting.set(id, done);
        ws.send(JSON.stringify({ id, size }));
      });
    return new Promise((done) => (ws.onopen = done));
  });
  const times: Record<string, number[]> = {};
  for (let turn = 0; turn < 3; turn++)
    for (const transport of ['POST', 'WebSocket'] as const)
      for (const size of Object.keys(SIZES) as Size[]) {
        const samples = await page.evaluate(
          async ({ transport, size, calls }) => {
            const call = (window as unknown as Record<string, (size: string) => Promise<void>>)[
              'socketCall'
            ]!;
            const out: number[] = [];
            for (let i = 0; i < calls; i++) {
              const t0 = performance.now();
              if (transport === 'POST') {
                const response = await fetch(`/?size=${size}`, { method: 'POST', body: '{"channel":"x"}' });
                await response.json();
              } else await call(size);
              out.push(performance.now() - t0);
            }
            return out;
          },
          { transport, size, calls: CALLS[size] },
        );
        (times[`${transport} ${size}`] ??= []).push(...samples);
      }
  console.log(`Chromium ${browser.version()}, belastning ${loadLine()}`);
  console.log('\n| anrop (tur och retur, samma Node-process svarar) | p50 | p95 |\n| --- | ---: | ---: |');
  for (const [label, samples] of Object.entries(times)) {
    const kb = label.endsWith('small') ? '0.1 kB' : label.endsWith('list') ? '19 MB' : '27 kB';
    console.log(
      `| ${label.replace(/ (small|search|list)$/, '')}, svar ${kb} | ${percentile(samples, 50).toFixed(2)} ms | ${percentile(samples, 95).toFixed(2)} ms |`,
    );
  }
} finally {
  await browser.close();
  sockets.close();
  server.close();
}
