// Export and import as a user meets them in the browser host: notes on real passages, the
// export dialog (scope, format, progress, done notice) writing each format into the data
// folder's exports/, each file opened by an independent reader, and a JSON import with
// preview and an explicit "Slå ihop". Nothing leaves loopback.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { expect, leavesApp, test } from './fixtures';
import { storedNotes } from './stored';
import type { Page } from '@playwright/test';
import type { LasarenApi } from '../../src-main/shared/contract';

declare global {
  interface Window {
    lasaren: LasarenApi;
  }
}

const DOC_A = '000_85e98cc4eb8dedfb';
const DOC_B = '003_e730e55ba1c2e8b7';
const TITLE_A = 'Nationella kontaktpunkter för integration';
const TITLE_B = 'Handlingsplan för integration och inkludering 2021–2027';
const HOSTILE = '<script>alert(1)</script> "citat", komma\n=HYPERLINK("http://evil.example")\n# ingen rubrik';

interface Spec {
  documentId: string;
  exact: string;
  paragraph: number;
  note: string;
  tags: string[];
  colour: 'yellow' | 'green' | 'pink' | null;
}
const NOTES: Spec[] = [
  {
    documentId: DOC_A,
    exact: 'integrationspolitik primärt är ett nationellt ansvar',
    paragraph: 2,
    note: HOSTILE,
    tags: ['ansvar'],
    colour: 'pink',
  },
  {
    documentId: DOC_A,
    exact: 'Svensk representant i gruppen är Göran Lindqvist',
    paragraph: 7,
    note: 'Ring Göran före mötet.',
    tags: [],
    colour: 'green',
  },
  {
    documentId: DOC_B,
    exact: 'fyra huvudområden; utbildning, arbetsmarknad, hälsa och boende',
    paragraph: 4,
    note: 'Jämför med regeringens prioriteringar.\nÅterkom i höst.',
    tags: ['hälsa', 'uppföljning'],
    colour: 'yellow',
  },
];

async function createNotes(page: Page): Promise<string[]> {
  const ids: string[] = [];
  for (const n of NOTES) {
    // Offsets into the document's text as the reader has it (the model's text, not the file).
    const source = await page.evaluate(async (id) => {
      const got = await window.lasaren.getDocument({ id });
      return got.ok ? got.value.text : '';
    }, n.documentId);
    const start = source.indexOf(n.exact);
    const end = start + n.exact.length;
    const input = {
      documentId: n.documentId,
      paragraph: n.paragraph,
      quote: {
        type: 'TextQuoteSelector' as const,
        exact: n.exact,
        prefix: source.slice(Math.max(0, start - 32), start),
        suffix: source.slice(end, end + 32),
      },
      position: { type: 'TextPositionSelector' as const, start, end },
      colour: n.colour,
      note: n.note,
      tags: n.tags,
    };
    const result = await page.evaluate((i) => window.lasaren.createAnnotation(i), input);
    if (!result.ok) throw new Error(result.error.message);
    ids.push(result.value.id);
  }
  return ids;
}

const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

async function exportVia(page: Page, scope: RegExp, format: RegExp): Promise<string> {
  await page.getByRole('button', { name: 'Exportera', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Exportera anteckningar' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: scope }).check();
  await dialog.getByRole('radio', { name: format }).check();
  await dialog.getByRole('button', { name: 'Exportera …' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Exporterade' }).last();
  await expect(notice).toContainText(/Filen ligger i (\S.*)$/, { timeout: 20_000 });
  await expect(dialog).toBeHidden();
  const text = (await notice.textContent()) ?? '';
  const path = /Filen ligger i (.*?)\s*×?$/.exec(text)?.[1]?.trim() ?? '';
  await page.getByRole('button', { name: 'Stäng meddelandet' }).last().click();
  return path;
}

test('each format exports from the dialog and opens in an independent reader', async ({ app }) => {
  test.skip(
    app.kind !== 'browser',
    'The browser host writes exports into the data folder; Electron shows a save dialog.',
  );
  test.setTimeout(90_000);
  const { page } = app;
  await page.goto(app.url(`#/dokument/${DOC_A}`));
  await expect(page.locator('article.document')).toBeVisible();
  await createNotes(page);

  // This document only, as Word: read back by mammoth.
  const docx = await exportVia(page, /Detta dokument/, /Word/);
  expect(docx).toBe(join(app.dataDir, 'exports', `Anteckningar ${today()}.docx`));
  const docxText = (await mammoth.extractRawText({ path: docx })).value;
  expect(docxText).toContain(`${TITLE_A}, stycke 2`);
  expect(docxText).toContain('<script>alert(1)</script> "citat", komma');
  expect(docxText).toContain('Ring Göran före mötet.');
  expect(docxText).not.toContain(TITLE_B);

  // All notes as PDF: pdftotext finds quotes, notes, citations and page numbers.
  const pdf = await exportVia(page, /Alla anteckningar/, /^PDF/);
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const flat = pdfText.replace(/\s+/g, ' ');
  expect(flat).toContain('Sida 1 av');
  // Cited by its designation (a faktapromemoria), the document named by designation and title.
  expect(flat).toContain('2020/21:FPM54, stycke 4');
  expect(flat).toContain(`2020/21:FPM54 – ${TITLE_B}`);
  expect(flat).toContain('Jämför med regeringens prioriteringar.');
  expect(flat).toContain('=HYPERLINK("http://evil.example")');

  const md = readFileSync(await exportVia(page, /Alla anteckningar/, /Markdown/), 'utf8');
  expect(md).toContain('> fyra huvudområden; utbildning, arbetsmarknad, hälsa och boende');
  expect(md).toContain('\\# ingen rubrik');
  expect(md).toContain(`<lasaren://document/${DOC_B}#stycke-4>`);

  const html = readFileSync(await exportVia(page, /Alla anteckningar/, /Webbsida/), 'utf8');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).not.toMatch(/<script/);

  const csv = readFileSync(await exportVia(page, /Alla anteckningar/, /CSV/));
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain('"Ring Göran före mötet."');

  const json = JSON.parse(readFileSync(await exportVia(page, /Alla anteckningar/, /W3C-JSON/), 'utf8'));
  expect(json.type).toBe('AnnotationCollection');
  expect(json['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(json.first.items).toHaveLength(3);

  expect(readdirSync(join(app.dataDir, 'exports')).sort()).toEqual(
    ['csv', 'docx', 'html', 'json', 'md', 'pdf'].map((ext) => `Anteckningar ${today()}.${ext}`).sort(),
  );
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

test('a JSON file imports with a preview and an explicit merge', async ({ app }) => {
  test.skip(
    app.kind !== 'browser',
    'The browser host reads the file from the page; Electron uses its open dialog.',
  );
  const { page } = app;
  await page.goto(app.url('#/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Bibliotek' })).toBeVisible();
  const ids = await createNotes(page);
  const file = await exportVia(page, /Alla anteckningar/, /W3C-JSON/);

  // Since the export: one note deleted, one edited here (newer than the file's version).
  await page.evaluate((id) => window.lasaren.deleteAnnotation({ id }), ids[0]!);
  await page.evaluate((id) => window.lasaren.updateAnnotation({ id, patch: { note: 'Nyare här' } }), ids[1]!);

  await page.getByRole('button', { name: 'Importera' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importera anteckningar' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Slå ihop' })).toBeDisabled();
  await dialog.getByLabel('Fil att importera').setInputFiles(file);
  await expect(dialog.getByText('Nya', { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    '1',
  );
  await expect(dialog.getByText('Finns redan').locator('xpath=following-sibling::dd[1]')).toHaveText('1');
  await expect(dialog.getByText('I konflikt').locator('xpath=following-sibling::dd[1]')).toHaveText('1');
  await expect(dialog).toContainText('0 från filen, 1 av dina egna');
  const merge = dialog.getByRole('button', { name: 'Slå ihop' });
  await expect(merge).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.notices')).toContainText(
    'Importen är klar. Nya: 1, sammanslagna: 1, fanns redan: 1.',
  );
  await expect(dialog).toBeHidden();

  const list = await page.evaluate(() =>
    window.lasaren.listNotesPage({ filter: {}, sort: 'oldest', offset: 0, limit: 500 }),
  );
  if (!list.ok) throw new Error(list.error.message);
  const notes = list.value.annotations;
  expect(notes.map((n) => n.id).sort()).toEqual([...ids].sort());
  const edited = notes.find((n) => n.id === ids[1])!;
  expect(edited.note).toBe('Nyare här');
  expect(edited.history.map((h) => h.note)).toContain('Ring Göran före mötet.');
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

test('a broken file is refused with a Swedish message and changes nothing', async ({ app }) => {
  test.skip(app.kind !== 'browser', 'The browser host reads the file from the page.');
  const { page } = app;
  await page.goto(app.url('#/'));
  await createNotes(page);
  const before = storedNotes(app.dataDir);
  expect(before).not.toBe('');
  await page.getByRole('button', { name: 'Importera' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importera anteckningar' });
  await dialog.getByLabel('Fil att importera').setInputFiles({
    name: 'avkortad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"type":"AnnotationCollection","first":{"items":[{"id":'),
  });
  await expect(dialog.getByRole('alert')).toContainText('Filen är avkortad');
  await expect(dialog.getByRole('button', { name: 'Slå ihop' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(storedNotes(app.dataDir)).toEqual(before);
  expect(existsSync(join(app.dataDir, 'exports'))).toBe(false);
});

test('with the interface in English, main’s refusal is said in English', async ({ app }) => {
  test.skip(app.kind !== 'browser', 'The browser host reads the file from the page.');
  const { page } = app;
  await page.goto(app.url('#/'));
  await page.getByRole('button', { name: 'Inställningar' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import notes' });
  await dialog.getByLabel('File to import').setInputFiles({
    name: 'avkortad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"type":"AnnotationCollection","first":{"items":[{"id":'),
  });
  // Composed in main, which says it in both languages; the English one is shown.
  await expect(dialog.getByRole('alert')).toHaveText(
    'The file is cut short: the JSON text ends in the middle. Export the file again or check that it was copied whole.',
  );
});

test('the export dialog works by keyboard and starts on this document', async ({ app }) => {
  const { page } = app;
  await page.goto(app.url(`#/dokument/${DOC_B}`));
  await expect(page.locator('article.document')).toBeVisible();
  await createNotes(page);
  const button = page.getByRole('button', { name: 'Exportera', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Exportera anteckningar' });
  await expect(dialog).toBeVisible();
  const thisDocument = dialog.getByRole('radio', { name: /Detta dokument/ });
  await expect(thisDocument).toBeChecked();
  await expect(thisDocument).toBeFocused();
  await expect(dialog.getByText('1 st.')).toBeVisible();
  await expect(dialog.getByText('3 st.')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Nuvarande filter/ })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

test('both dialogs pass an automated accessibility check (axe)', async ({ app }) => {
  const { page } = app;
  await page.goto(app.url(`#/dokument/${DOC_A}`));
  await expect(page.locator('article.document')).toBeVisible();
  await createNotes(page);
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const check = async (selector: string) =>
    (await new AxeBuilder({ page }).include(selector).analyze()).violations.map((v) => `${v.id}: ${v.help}`);

  await page.getByRole('button', { name: 'Exportera', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Exportera anteckningar' })).toBeVisible();
  expect(await check('dialog[aria-labelledby="export-title"]')).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Importera' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importera anteckningar' });
  await expect(dialog).toBeVisible();
  if (app.kind === 'browser') {
    const json = await page.evaluate(() =>
      window.lasaren.exportNotes({ format: 'json', scope: { kind: 'all' } }),
    );
    if (!json.ok || json.value.cancelled) throw new Error('export failed');
    await dialog.getByLabel('Fil att importera').setInputFiles(json.value.path);
    await expect(dialog.getByText('Finns redan', { exact: true })).toBeVisible();
  }
  expect(await check('dialog[aria-labelledby="import-title"]')).toEqual([]);
});
