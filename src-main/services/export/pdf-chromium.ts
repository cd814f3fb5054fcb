// Owns printing the HTML export to PDF outside Electron (browser host, CLI, tests): Debian's
// Chromium driven by playwright-core, launched with the flags that keep it offline, every
// request from the page refused (the HTML is self-contained), A4 with page numbers.
// playwright-core is a devDependency, loaded only here and only when a PDF is asked for: the
// installed app prints with Electron's printToPDF and does not ship it.
import { existsSync } from 'node:fs';
import type { BrowserType } from 'playwright-core';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, PDF_MARGINS, type PdfRenderer } from './pdf';

/** Flags that keep Chromium from reaching Google's hosts on its own (the e2e tests use them too). */
export const OFFLINE_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['PLAYWRIGHT_CHROMIUM'] ?? '/usr/bin/chromium';
}

export class ChromiumMissingError extends Error {}

const inches = (n: number) => `${n}in`;

export const renderPdfWithChromium: PdfRenderer = async (html) => {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ChromiumMissingError(
      `PDF kräver Chromium, som inte finns på ${executablePath}. Installera Debians paket chromium (apt-get install chromium) eller ange sökvägen i PLAYWRIGHT_CHROMIUM. Övriga format fungerar utan.`,
    );
  }
  let chromium: BrowserType;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    throw new ChromiumMissingError(
      `PDF utanför appen kräver paketet playwright-core, som saknas (${(e as Error).message.split('\n')[0]}). Kör npm install i projektmappen. Övriga format fungerar utan.`,
    );
  }
  const browser = await chromium.launch({ executablePath, args: OFFLINE_CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER_TEMPLATE,
      footerTemplate: PDF_FOOTER_TEMPLATE,
      margin: {
        top: inches(PDF_MARGINS.top),
        bottom: inches(PDF_MARGINS.bottom),
        left: inches(PDF_MARGINS.left),
        right: inches(PDF_MARGINS.right),
      },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
};
