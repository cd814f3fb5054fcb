// Renders the app icon (resources/icons/lasaren.svg) into every file the installers use:
// PNGs per size (Linux icon set, macOS/Windows sources), icon.ico and icon.icns. Uses Debian's
// Chromium through Playwright, so no image tool needs installing. Run: npm run icons
import { chromium } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeIcns, writeIco } from './containers';

const ROOT = resolve(import.meta.dirname, '../..');
const ICONS = join(ROOT, 'resources/icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

async function main(): Promise<void> {
  const executablePath = process.env['PLAYWRIGHT_CHROMIUM'] ?? '/usr/bin/chromium';
  const svg = await readFile(join(ICONS, 'lasaren.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const renders = new Map<number, Uint8Array>();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of PNG_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      renders.set(size, new Uint8Array(png));
    }
  } finally {
    await browser.close();
  }
  await mkdir(join(ICONS, 'png'), { recursive: true });
  for (const [size, png] of renders) await writeFile(join(ICONS, 'png', `${size}x${size}.png`), png);
  await writeFile(join(ICONS, 'icon.png'), renders.get(1024) ?? new Uint8Array());
  await writeFile(
    join(ICONS, 'icon.ico'),
    writeIco(ICO_SIZES.map((s) => renders.get(s) ?? new Uint8Array())),
  );
  await writeFile(join(ICONS, 'icon.icns'), writeIcns(renders));
  console.log(`Skrev ${renders.size} PNG-filer, icon.ico och icon.icns i ${ICONS}`);
}

await main();
