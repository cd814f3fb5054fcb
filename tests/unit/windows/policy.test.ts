// The app protocol's path containment and the app-origin check, as both hosts use them.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl, resolveInside } from '../../../src-main/windows/policy';
import { isTrustedSender } from '../../../src-main/ipc/sender';

const ROOT = resolve('/srv/renderer');

describe('resolveInside', () => {
  it.each([
    ['/', join(ROOT, 'index.html')],
    ['/index.html', join(ROOT, 'index.html')],
    ['/assets/index-abc.js', join(ROOT, 'assets', 'index-abc.js')],
    ['/assets/%C3%A5.css', join(ROOT, 'assets', 'å.css')],
  ])('serves %s', (path, expected) => {
    expect(resolveInside(ROOT, path)).toBe(expected);
  });

  it.each([
    '/../package.json',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fsecret',
    '/assets/..\\..\\secret',
    '/assets%5c..%5c..%5csecret',
    '/index.html%00.png',
    '/C:/Windows/win.ini',
    '/%E0%A4%A',
    '/./index.html',
  ])('refuses %s', (path) => {
    expect(resolveInside(ROOT, path)).toBeNull();
  });
});

describe('isAppUrl and the sender check', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://lasaren/index.html#/dokument/x')).toBe(true);
    for (const url of [
      'app://other/index.html',
      'http://127.0.0.1/',
      'file:///index.html',
      'about:blank',
      'nonsense',
    ]) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('trusts only the main frame of the app', () => {
    expect(isTrustedSender('app://lasaren/index.html', true)).toBe(true);
    expect(isTrustedSender('app://lasaren/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows only the app itself and no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
