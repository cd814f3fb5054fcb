// The foundation as a user meets it: the library lists the shipped documents, each opens with
// its text exactly as shipped, links never navigate the app, and nothing leaves loopback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, leavesApp, test } from './fixtures';
import { ROOT } from './hosts';
import { storedSettings } from './stored';

const DOCS_DIR = join(ROOT, 'resources/documents');
const documents = readFileSync(join(DOCS_DIR, 'manifest.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const meta = JSON.parse(line) as { id: string; file: string; title: string };
    return { id: meta.id, title: meta.title, source: readFileSync(join(DOCS_DIR, meta.file), 'utf8') };
  });

/** The resource's visible characters: heading markers dropped, all whitespace removed. */
const visibleCharacters = (source: string) => source.replace(/^#{1,6}[ \t]+/gm, '').replace(/\s+/g, '');

test('the library lists every shipped document by title', async ({ app }) => {
  const { page } = app;
  await page.goto(app.url('#/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Bibliotek' })).toBeVisible();
  expect(documents.length).toBe(2);
  for (const doc of documents) await expect(page.getByRole('link', { name: doc.title })).toBeVisible();
});

for (const doc of documents) {
  test(`document ${doc.id} shows exactly the resource text`, async ({ app }) => {
    const { page } = app;
    await page.goto(app.url(`#/dokument/${doc.id}`));
    await expect(page.locator('article.document')).toBeVisible();
    const blocks = await page
      .locator('article.document [data-start]')
      .evaluateAll((els) =>
        els.map((el) => ({ start: Number(el.getAttribute('data-start')), text: el.textContent ?? '' })),
      );
    expect(blocks.length).toBeGreaterThan(5);
    // Offsets point into the document's text (what annotations and citations use).
    const text = await page.evaluate(async (id) => {
      const got = await window.lasaren.getDocument({ id });
      return got.ok ? got.value.text : '';
    }, doc.id);
    for (const block of blocks)
      expect(block.text).toBe(text.slice(block.start, block.start + block.text.length));
    expect(
      blocks
        .map((b) => b.text)
        .join('')
        .replace(/\s+/g, ''),
    ).toBe(visibleCharacters(doc.source));
    // Paragraph numbers run 1, 2, 3 … in the margin.
    const numbers = await page.locator('.para .pnum').allTextContents();
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
  });
}

test('an external link asks first and never navigates the app', async ({ app }) => {
  const { page } = app;
  await page.goto(app.url(`#/dokument/000_85e98cc4eb8dedfb`));
  const before = page.url();
  const link = page.getByRole('link', { name: /^http:\/\/ec\.europa\.eu/ });
  await link.click();
  const dialog = page.getByRole('dialog', { name: 'Öppna länken utanför Läsaren?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(page.url()).toBe(before);

  await link.click();
  await dialog.getByRole('button', { name: 'Öppna' }).click();
  await expect(page.getByRole('status')).toContainText('Länken skickades till webbläsaren');
  expect(page.url()).toBe(before);

  await page.getByRole('link', { name: 'goran.lindqvist@justice.ministry.se' }).click({ button: 'middle' });
  await expect(dialog).toContainText('Adressen öppnas i ditt e-postprogram');
  await dialog.getByRole('button', { name: 'Öppna' }).click();
  expect(page.url()).toBe(before);
  if (app.kind === 'browser') {
    await expect
      .poll(() => app.openedExternally)
      .toEqual([
        'http://ec.europa.eu/justice_home/doc_centre/immigration/integration/doc_immigration_integration_en.htm',
        'mailto:goran.lindqvist@justice.ministry.se',
      ]);
  }
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

test('keyboard moves between documents and the last one reopens after a restart', async ({ app }) => {
  let page = app.page;
  const [first, second] = documents;
  // Each switch is remembered before the next, so the file's last word is known.
  const remembered = (id: string) => expect.poll(() => storedSettings(app.dataDir).lastDocumentId).toBe(id);
  await page.goto(app.url(`#/dokument/${first!.id}`));
  await expect(page.locator('article.document')).toBeVisible();
  await remembered(first!.id);
  await page.keyboard.press('Alt+PageDown');
  await expect(page).toHaveURL(new RegExp(`#/dokument/${second!.id}$`));
  await expect(page.getByRole('link', { name: second!.title })).toHaveAttribute('aria-current', 'page');
  await remembered(second!.id);
  await page.keyboard.press('Alt+PageUp');
  await expect(page).toHaveURL(new RegExp(`#/dokument/${first!.id}$`));
  await remembered(first!.id);
  await page.keyboard.press('Alt+PageDown');
  await expect(page.locator('h1#doc-title')).toContainText('Meddelande om handlingsplan');
  await remembered(second!.id);
  page = await app.restart();
  await expect(page.locator('h1#doc-title')).toContainText('Meddelande om handlingsplan');
});

test('a whole session stays on loopback, and the reader is captured as a screenshot', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await page.goto(app.url('#/'));
  for (const doc of documents) {
    await page.getByRole('link', { name: doc.title }).first().click();
    await expect(page.locator('article.document')).toBeVisible();
    await page.getByRole('link', { name: 'Bibliotek' }).first().click();
  }
  await page.goto(app.url(`#/dokument/${documents[1]!.id}/stycke/4`));
  await expect(page.locator('#stycke-4')).toBeFocused();
  const shot = testInfo.outputPath('reader.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('reader', { path: shot, contentType: 'image/png' });
  expect(app.requests.length).toBeGreaterThan(3);
  // The browser host's IPC socket is among what is checked, on loopback like the rest.
  if (app.kind === 'browser')
    expect(app.requests.filter((url) => /^ws:\/\/127\.0\.0\.1:\d+\/__lasaren\/ipc$/.test(url))).toHaveLength(
      1,
    );
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

test('an unknown document gives a clear message, not a blank page', async ({ app }) => {
  const { page } = app;
  await page.goto(app.url('#/dokument/finns_inte'));
  await expect(page.getByRole('alert')).toContainText('Dokumentet "finns_inte" finns inte i biblioteket.');
  await expect(page.getByRole('link', { name: 'Till biblioteket' })).toBeVisible();
});

test('the app reopens at the paragraph the user was reading', async ({ app }) => {
  let page = app.page;
  await page.goto(app.url(`#/dokument/${documents[1]!.id}/stycke/3`));
  await expect(page.locator('#stycke-3')).toBeFocused();
  await expect.poll(() => storedSettings(app.dataDir).lastParagraph, { timeout: 8000 }).toBe(3);
  page = await app.restart();
  await expect(page.locator('#stycke-3')).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#/dokument/${documents[1]!.id}/stycke/3$`));
});

test('copying across paragraphs gives exactly the text, without paragraph numbers or labels', async ({
  app,
}) => {
  const { page } = app;
  const doc = documents[1]!;
  await page.goto(app.url(`#/dokument/${doc.id}`));
  await expect(page.locator('#stycke-2')).toBeVisible();
  const copied = await page.evaluate(() => {
    const range = document.createRange();
    range.setStartBefore(document.querySelector('#stycke-1 p')!);
    range.setEndAfter(document.querySelector('#stycke-2 p')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return getSelection()!.toString();
  });
  expect(copied).not.toMatch(/Stycke \d|^\s*\d+\s/);
  expect(copied).toContain('Meddelande från Europeiska kommissionen');
  expect(copied).toContain('Den 24 november presenterade');
});
