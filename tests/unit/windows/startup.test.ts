// Start-up decisions of the Electron app that run without Electron: the unpackaged app's own
// data folder (and so its own single-instance lock), the start-up failure dialog in the UI
// language, the request guard (only app:, data:, blob:), and where lasaren:// is registered.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { userDataFor } from '../../../src-main/windows/app-paths';
import { registersProtocolAtRuntime } from '../../../src-main/windows/deep-link-router';
import { isAllowedRequest } from '../../../src-main/windows/guards';
import { startupFailureText, startupLanguage } from '../../../src-main/windows/startup-failure';
import { languageFromSystem } from '../../../src-main/windows/ui-language';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('data folder', () => {
  const installed = '/home/anna/.config/Läsaren';

  it('an installed app keeps Electron’s folder (the notes the user has)', () => {
    expect(userDataFor({ packaged: true, defaultUserData: installed })).toBeNull();
    // The tests' override cannot move an installed app's notes.
    expect(userDataFor({ packaged: true, defaultUserData: installed, override: '/tmp/x' })).toBeNull();
  });

  it('an unpackaged app (npm start) uses a folder of its own, so also a lock of its own', () => {
    expect(userDataFor({ packaged: false, defaultUserData: installed })).toBe(
      '/home/anna/.config/Läsaren-dev',
    );
    expect(
      userDataFor({ packaged: false, defaultUserData: 'C:\\Users\\A\\AppData\\Roaming\\Läsaren\\' }),
    ).toBe('C:\\Users\\A\\AppData\\Roaming\\Läsaren-dev');
    expect(userDataFor({ packaged: false, defaultUserData: installed, override: '/tmp/e2e' })).toBe(
      '/tmp/e2e',
    );
    expect(userDataFor({ packaged: false, defaultUserData: installed, override: ' ' })).toBe(
      '/home/anna/.config/Läsaren-dev',
    );
  });
});

describe('start-up failure dialog', () => {
  it('speaks the language of the settings, says what failed and what to do', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-startup-'));
    temps.push(dataDir);
    expect(startupLanguage(dataDir, ['en-GB'])).toBe('en');
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ language: 'sv' }));
    expect(startupLanguage(dataDir, ['en-GB'])).toBe('sv');
    const error = new Error("EACCES: permission denied, open '/x/annotations.json'\n    at open (node:fs)");
    const sv = startupFailureText('sv', error, dataDir);
    expect(sv.title).toBe('Läsaren kunde inte starta');
    expect(sv.detail).toContain("Orsak: EACCES: permission denied, open '/x/annotations.json'");
    expect(sv.detail).toContain(`kontrollera att mappen ${dataDir} går att skriva i`);
    expect(sv.detail).not.toContain('at open');
    const en = startupFailureText('en', error, dataDir);
    expect(en.title).toBe('Läsaren could not start');
    expect(en.detail).toContain(`check that the folder ${dataDir} can be written to`);
  });

  it('falls back to the system languages when settings are unreadable', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-startup-'));
    temps.push(dataDir);
    await writeFile(join(dataDir, 'settings.json'), '{trasig');
    expect(startupLanguage(dataDir, ['en-US', 'sv-SE'])).toBe('en');
    expect(languageFromSystem(['de-DE', 'sv-SE', 'en-US'])).toBe('sv');
    expect(languageFromSystem(['de-DE'])).toBe('sv');
  });
});

describe('request guard', () => {
  it('allows only the app origin, data: and blob:', () => {
    for (const url of [
      'app://lasaren/index.html',
      'app://lasaren/assets/x.js',
      'data:text/html,x',
      'blob:app://lasaren/1',
    ]) {
      expect(isAllowedRequest(url), url).toBe(true);
    }
    for (const url of [
      'devtools://devtools/bundled/inspector.html',
      'https://example.org/',
      'http://127.0.0.1:5199/',
      'file:///etc/passwd',
      'app://other/index.html',
      'ws://localhost/',
      'chrome-extension://abc/x.js',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });
});

describe('lasaren:// registration at run time', () => {
  it('only in an installed Windows app (the MSI does not register it); packages do it elsewhere', () => {
    expect(registersProtocolAtRuntime('win32', true)).toBe(true);
    expect(registersProtocolAtRuntime('win32', false)).toBe(false);
    expect(registersProtocolAtRuntime('linux', true)).toBe(false);
    expect(registersProtocolAtRuntime('darwin', true)).toBe(false);
  });
});
