// The app protocol's path containment, attacked: app://lasaren/<path> (and the browser host,
// which uses the same rule) must never serve a file outside the renderer build, whatever
// encoding, separator or drive letter the path uses. The rule is lexical: it never touches the
// file system, so it cannot be fooled by what exists (or is linked) outside the root.
import fc from 'fast-check';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { fail } from '../../../src-main/shared/result';
import { CONTENT_SECURITY_POLICY, resolveInside } from '../../../src-main/windows/policy';

const ROOT = resolve('/srv/lasaren/renderer');

const inside = (file: string | null) => {
  if (file === null) return true;
  const rel = relative(ROOT, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && file.startsWith(ROOT + sep);
};

describe('resolveInside refuses every way out', () => {
  it.each([
    ['plain traversal', '/../etc/passwd'],
    ['deep traversal', '/assets/../../../../etc/passwd'],
    ['encoded dots', '/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case encoded dots', '/%2E%2E/secret'],
    ['half-encoded dots', '/.%2e/secret'],
    ['encoded slash', '/..%2f..%2fetc%2fpasswd'],
    ['encoded slash, upper case', '/assets%2F..%2F..%2Fsecret'],
    ['backslashes', '/..\\..\\windows\\win.ini'],
    ['encoded backslashes', '/%5c..%5c..%5cwindows%5cwin.ini'],
    ['a NUL byte', '/index.html%00.png'],
    ['a raw NUL byte', '/index.html\u0000'],
    ['a drive letter', '/C:/Windows/win.ini'],
    ['a lower-case drive letter', '/c:'],
    ['an encoded drive letter', '/%43%3a/Windows'],
    ['a single dot segment', '/./index.html'],
    ['a lone dot', '/.'],
    ['malformed percent-encoding', '/%'],
    ['overlong UTF-8 dots', '/%c0%ae%c0%ae/secret'],
    ['a lone surrogate', '/%ed%a0%80'],
    ['the root itself via dots', '/assets/..'],
  ])('%s', (_why, path) => {
    expect(resolveInside(ROOT, path)).toBeNull();
  });
});

describe('resolveInside serves what is inside', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', join('assets', 'index-abc.js')],
    ['//assets///index.css', join('assets', 'index.css')],
    ['/assets/%C3%A5%C3%A4%C3%B6.svg', join('assets', 'åäö.svg')],
    // Decoded once only: a double-encoded dot pair is a literal (harmless) file name inside.
    ['/%252e%252e/secret', join('%2e%2e', 'secret')],
  ])('%s', (path, expected) => {
    expect(resolveInside(ROOT, path)).toBe(join(ROOT, expected));
  });

  it('never resolves outside the root, whatever the path', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2E.',
        '%2f',
        '%5c',
        '\\',
        'C:',
        '%00',
        '',
        'assets',
        '..%2f',
        '%c0%ae',
      ),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const file = resolveInside(ROOT, `/${segments.join('/')}`);
        expect(inside(file)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (path) => {
        expect(inside(resolveInside(ROOT, path))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the browser host applies the same containment on the wire', () => {
  let dir: string;
  let host: RunningHost;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lasaren-contain-'));
    await mkdir(join(dir, 'renderer/assets'), { recursive: true });
    await writeFile(
      join(dir, 'renderer/index.html'),
      '<!doctype html><title>Läsaren</title><script></script>',
    );
    await writeFile(join(dir, 'renderer/assets/app.js'), 'console.log("app");');
    await writeFile(join(dir, 'secret.txt'), 'HEMLIGT');
    host = await startHost({
      host: '127.0.0.1',
      port: 0,
      rendererDir: join(dir, 'renderer'),
      dispatch: async () => fail('forbidden', 'Inte i det här testet.', 'Not in this test.'),
    });
  });
  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A GET with the path sent exactly as written (no client-side normalisation). */
  function get(path: string): Promise<{ status: number; body: string; csp: string | undefined }> {
    const { hostname, port } = new URL(host.url);
    return new Promise((done, failed) => {
      const req = request(
        { hostname, port, path, method: 'GET', headers: { host: `${hostname}:${port}` } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () =>
            done({
              status: res.statusCode ?? 0,
              body,
              csp: res.headers['content-security-policy'] as string | undefined,
            }),
          );
        },
      );
      req.on('error', failed);
      req.end();
    });
  }

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5csecret.txt',
    '/secret.txt%00.js',
  ])('%s is not found', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('HEMLIGT');
  });

  it('serves the files inside with the CSP header', async () => {
    const res = await get('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.body).toContain('console.log');
    expect(res.csp).toBe(CONTENT_SECURITY_POLICY);
  });
});
