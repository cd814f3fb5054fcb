// The allow-list for links that leave the app, attacked: only http, https and mailto may be
// handed to the system, parsed with URL, never with credentials, control characters, local
// files or script; and main's service refuses them again whatever the renderer sends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExternalUrl } from '../../../src-main/shared/external-url';
import { createExternalLinks } from '../../../src-main/services/shell/external';

describe('parseExternalUrl refuses hostile links', () => {
  it.each([
    ['javascript', 'javascript:alert(1)'],
    ['javascript, mixed case', 'JaVaScRiPt:alert(document.cookie)'],
    ['javascript after leading spaces', '  javascript:alert(1)'],
    ['javascript after a tab', '\tjavascript:alert(1)'],
    ['javascript with an encoded newline', 'java%0ascript:alert(1)'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['data HTML', 'data:text/html,<script>alert(1)</script>'],
    ['data base64', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['a local file', 'file:///etc/passwd'],
    ['a Windows file', 'file:///C:/Windows/System32/calc.exe'],
    ['a UNC share as file', 'file://server/share/payload.exe'],
    ['a bare UNC path', '\\\\server\\share\\payload.exe'],
    ['a Windows drive path', 'C:\\Windows\\System32\\calc.exe'],
    ['smb', 'smb://server/share'],
    ['ms-settings', 'ms-settings:windowsupdate'],
    ['search-ms', 'search-ms:query=secret&crumb=location:\\\\attacker\\share'],
    ['ftp', 'ftp://example.com/file'],
    ['chrome internals', 'chrome://settings'],
    ['about', 'about:blank'],
    ['blob', 'blob:https://example.com/uuid'],
    ['the app itself', 'app://lasaren/index.html'],
    ['its own deep links', 'lasaren://document/abc'],
    ['credentials as phishing disguise', 'https://regeringen.se@evil.example/'],
    ['user and password', 'https://user:secret@example.com/'],
    ['an empty password', 'https://user:@example.com/'],
    ['a NUL byte', 'https://example.com/\u0000'],
    ['a newline', 'https://example.com/\nSet-Cookie: x'],
    ['a carriage return', 'https://example.com/\r'],
    ['DEL', 'https://example.com/\u007f'],
    ['an escape character', '\u001b[31mhttps://example.com'],
    ['a relative path', '/etc/passwd'],
    ['protocol-relative', '//evil.example/'],
    ['no scheme', 'www.regeringen.se'],
    ['an empty string', ''],
    ['a bad port', 'https://example.com:99999/'],
    ['mailto without an address', 'mailto:'],
    ['mailto without @', 'mailto:someone'],
    ['mailto attaching a local file', 'mailto:a@example.se?attach=/etc/passwd'],
    ['mailto attachment, mixed case', 'mailto:a@example.se?subject=x&Attachment=C:\\secret.txt'],
    ['mailto with an unknown header', 'mailto:a@example.se?x-evil=1'],
    ['mailto with only a to field', 'mailto:?to=a@example.se'],
    ['very long', `https://example.com/${'a'.repeat(5000)}`],
  ])('%s', (_why, raw) => {
    expect(parseExternalUrl(raw)).toBeNull();
  });
});

describe('parseExternalUrl lets ordinary links through, normalised', () => {
  it.each([
    ['http://ec.europa.eu/justice_home/doc.htm', 'http://ec.europa.eu/justice_home/doc.htm'],
    ['https://www.regeringen.se/', 'https://www.regeringen.se/'],
    ['HTTPS://WWW.Regeringen.SE', 'https://www.regeringen.se/'],
    [
      'https://sv.wikipedia.org/wiki/Integration_(sociologi)',
      'https://sv.wikipedia.org/wiki/Integration_(sociologi)',
    ],
    ['https://exempel.se/sök?q=åäö', 'https://exempel.se/s%C3%B6k?q=%C3%A5%C3%A4%C3%B6'],
    ['https://räksmörgås.se/', 'https://xn--rksmrgs-5wao1o.se/'],
    ['mailto:goran.lindqvist@justice.ministry.se', 'mailto:goran.lindqvist@justice.ministry.se'],
    [
      'mailto:a@example.se?subject=Hej&body=Se%20stycke%203',
      'mailto:a@example.se?subject=Hej&body=Se%20stycke%203',
    ],
  ])('%s', (raw, href) => {
    expect(parseExternalUrl(raw)?.href).toBe(href);
  });

  it('accepts exactly 4096 characters and no more', () => {
    const base = 'https://example.com/';
    expect(parseExternalUrl(base + 'a'.repeat(4096 - base.length))).not.toBeNull();
    expect(parseExternalUrl(base + 'a'.repeat(4097 - base.length))).toBeNull();
  });
});

describe('parseExternalUrl under random input', () => {
  it('never throws, and whatever it accepts is http(s) with a host or mailto, without credentials', () => {
    const anything = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(
          fc.constantFrom('javascript:', 'data:', 'file:', 'mailto:', 'https://', 'http://u:p@'),
          fc.string(),
        )
        .map(([scheme, rest]) => scheme + rest),
    );
    fc.assert(
      fc.property(anything, (raw) => {
        const url = parseExternalUrl(raw);
        if (!url) return;
        expect(['http:', 'https:', 'mailto:']).toContain(url.protocol);
        expect(url.username + url.password).toBe('');
        expect([...url.href].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)).toBe(false);
        if (url.protocol !== 'mailto:') expect(url.hostname).not.toBe('');
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every generated web address', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true }), (raw) => {
        expect(parseExternalUrl(raw)).not.toBeNull();
      }),
    );
  });
});

describe('main opens only what the allow-list passes', () => {
  it('hands allowed links to the system and refuses the rest with a Swedish sentence', async () => {
    const opened: string[] = [];
    const links = createExternalLinks(async (url) => void opened.push(url));
    expect(await links.open('https://www.regeringen.se')).toEqual({ ok: true, value: { opened: true } });
    for (const hostile of ['javascript:alert(1)', 'file:///etc/passwd', 'https://a@evil.example/']) {
      const result = await links.open(hostile);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('forbidden');
        expect(result.error.message).toMatch(/^Länken öppnades inte: bara webbadresser/);
      }
    }
    expect(opened).toEqual(['https://www.regeringen.se/']);
  });

  it('reports a failing system opener as a Result, not an exception', async () => {
    const links = createExternalLinks(async () => {
      throw new Error('ingen webbläsare');
    });
    const result = await links.open('https://example.com');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'io',
        message: 'Systemet kunde inte öppna länken: ingen webbläsare',
        messageEn: 'The system could not open the link: ingen webbläsare',
      },
    });
  });
});
