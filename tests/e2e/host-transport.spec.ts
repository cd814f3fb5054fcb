// The browser host's bridge in Chromium, against a host whose handler answers by channel: a
// small answer comes on the socket, a large one (over LARGE_ANSWER) is fetched once from the
// address the socket gives, calls run side by side, and a call waiting when the host goes
// away resolves as a failure the user can act on instead of hanging.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../../src-main/host/server';
import { ANSWER_PATH, LARGE_ANSWER } from '../../src-main/host/socket';
import { ok } from '../../src-main/shared/result';
import { expect, test } from './fixtures';

test('small answers come on the socket, large ones by one fetch; a lost host fails the waiting call', async ({
  browser,
  hostKind,
}) => {
  test.skip(hostKind !== 'browser', 'The bridge belongs to the browser host.');
  const dir = await mkdtemp(join(tmpdir(), 'lasaren-transport-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Läsaren</title><script></script>');
  const big = Array.from({ length: 40_000 }, (_, i) => ({ id: `dok-${i}`, title: `Dokument nummer ${i}` }));
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  let searching = false;
  const host = await startHost({
    host: '127.0.0.1',
    port: 0,
    rendererDir: dir,
    dispatch: async (channel) => {
      if (channel === 'library:list') return ok(big);
      if (channel === 'search:query') {
        searching = true;
        await held; // released only after the host has gone away
      }
      return ok({ channel });
    },
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('request', (r) => void fetched.push(new URL(r.url()).pathname));
  try {
    await page.goto(host.url);
    expect(JSON.stringify(big).length).toBeGreaterThan(LARGE_ANSWER);
    const answers = await page.evaluate(async () => {
      const [list, settings] = await Promise.all([
        window.lasaren.listDocuments(),
        window.lasaren.getSettings(),
      ]);
      return { list, settings };
    });
    expect(answers.settings).toEqual({ ok: true, value: { channel: 'settings:get' } });
    expect(answers.list).toEqual({ ok: true, value: big });
    expect(fetched.filter((path) => path.startsWith(ANSWER_PATH))).toHaveLength(1);

    const waiting = page.evaluate(() => window.lasaren.search({ query: 'integration', limit: 5 }));
    await expect.poll(() => searching).toBe(true);
    await host.close();
    expect(await waiting).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining('Förbindelsen med Läsarens värd bröts') },
    });
  } finally {
    release();
    await context.close();
    await host.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
});
