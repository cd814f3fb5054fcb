// The icon files the installers use, read back by their own formats: every PNG is the size
// its name says, the .ico carries 16–256 px entries, the .icns every PNG-based entry type.
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, pngSize, readIcns, readIco } from '../../../scripts/icons/containers';

const ICONS = resolve(import.meta.dirname, '../../../resources/icons');

describe('app icon', () => {
  it('the Linux icon set has every size, each PNG as large as its name says', async () => {
    const names = (await readdir(join(ICONS, 'png'))).sort((a, b) => parseInt(a) - parseInt(b));
    expect(names).toEqual([
      '16x16.png',
      '24x24.png',
      '32x32.png',
      '48x48.png',
      '64x64.png',
      '128x128.png',
      '256x256.png',
      '512x512.png',
      '1024x1024.png',
    ]);
    for (const name of names) {
      const n = parseInt(name);
      expect(pngSize(await readFile(join(ICONS, 'png', name))), name).toEqual({ width: n, height: n });
    }
    expect(pngSize(await readFile(join(ICONS, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('icon.ico holds PNG entries from 16 to 256 px, each declared at its real size', async () => {
    const entries = readIco(await readFile(join(ICONS, 'icon.ico')));
    expect(entries.map((e) => e.declared)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const e of entries) expect([e.width, e.height]).toEqual([e.declared, e.declared]);
  });

  it('icon.icns holds every PNG-based entry type at its size', async () => {
    const entries = readIcns(await readFile(join(ICONS, 'icon.icns')));
    expect(entries.map((e) => [e.type, e.width])).toEqual(ICNS_TYPES.map(([type, px]) => [type, px]));
  });

  it('the source is an SVG with a title', async () => {
    const svg = await readFile(join(ICONS, 'lasaren.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<title>Läsaren</title>');
  });

  it('the readers reject what is not an icon', () => {
    expect(() => pngSize(new Uint8Array(30))).toThrow();
    expect(() => readIco(new Uint8Array(6))).toThrow();
    expect(() => readIcns(new Uint8Array(8))).toThrow();
  });
});
