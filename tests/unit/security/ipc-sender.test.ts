// Main's IPC sender check (applied to every invoke by ipc/register.ts): only the app's own
// top-level page may call main; an iframe, another origin, a look-alike host or a page that
// has navigated away is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src-main/ipc/sender';

describe('isTrustedSender', () => {
  it.each([
    ['app://lasaren/index.html', true],
    ['app://lasaren/index.html#/dokument/abc/stycke/3', true],
    ['app://lasaren/', true],
  ])('trusts the main frame at %s', (url, expected) => {
    expect(isTrustedSender(url, true)).toBe(expected);
  });

  it.each([
    ['an iframe of the app', 'app://lasaren/index.html', false],
    ['no frame at all', undefined, true],
    ['an empty URL', '', true],
    ['a web page', 'https://lasaren/index.html', true],
    ['the browser host origin', 'http://127.0.0.1:5199/', true],
    ['a look-alike host', 'app://lasaren.evil/index.html', true],
    ['a host with the app as user', 'app://lasaren@evil/index.html', true],
    ['a port on the app host', 'app://lasaren:1/index.html', true],
    ['another host on the scheme', 'app://other/index.html', true],
    ['a file page', 'file:///C:/lasaren/index.html', true],
    ['a data page', 'data:text/html,<script>lasaren.getSettings()</script>', true],
    ['about:blank', 'about:blank', true],
    ['devtools', 'devtools://devtools/bundled/inspector.html', true],
    ['its own deep-link scheme', 'lasaren://document/abc', true],
    ['garbage', 'app:lasaren', true],
    // Electron reports a standard scheme's URL in canonical (lower-case) form.
    ['a non-canonical spelling', 'APP://LASAREN/index.html', true],
  ])('refuses %s', (_why, url, mainFrame) => {
    expect(isTrustedSender(url, mainFrame)).toBe(false);
  });

  it('trusts no random URL that is not on app://lasaren', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string()), fc.boolean(), (url, mainFrame) => {
        const trusted = isTrustedSender(url, mainFrame);
        if (trusted) {
          expect(mainFrame).toBe(true);
          expect(new URL(url).protocol).toBe('app:');
          expect(new URL(url).host).toBe('lasaren');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
