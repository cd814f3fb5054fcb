// Two walks through the whole app as a user takes them. The keyboard walk never touches the
// mouse or moves focus by script: open a document, search, highlight a passage, add a note,
// export. The offline walk goes through every flow (open, follow a link, search, annotate,
// find the note by search, export, import, switch language, settings) while recording every
// request and every script error: nothing may leave loopback and nothing may fail.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, leavesApp, test } from './fixtures';
import { painted } from './painted';

const PLAN = '003_e730e55ba1c2e8b7';
const PLAN_TITLE = 'Handlingsplan för integration och inkludering 2021–2027';

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

async function exportedFiles(dataDir: string): Promise<string[]> {
  return readdir(join(dataDir, 'exports')).catch(() => []);
}

test('keyboard only: open a document, search, highlight a passage, add a note, export', async ({ app }) => {
  test.skip(
    app.kind !== 'browser',
    'The export lands in the browser host’s exports folder; Electron asks where.',
  );
  const { page } = app;
  await page.goto(app.url('#/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Bibliotek' })).toBeVisible();

  // Open a document from the library.
  await tabTo(page, page.getByRole('link', { name: new RegExp(PLAN_TITLE) }).first());
  await page.keyboard.press('Enter');
  await expect(page.locator('h1#doc-title')).toContainText('Meddelande om handlingsplan');

  // Search, and open the hit at its paragraph.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Sök i dokument och anteckningar' })).toBeFocused();
  await page.keyboard.type('socialfonden', { delay: 20 });
  await expect(page.getByRole('option').first()).toContainText('Stycke 4');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/dokument/${PLAN}/stycke/4$`));
  await expect(page.locator('#stycke-4')).toBeFocused();

  // Select the paragraph's first three words with the keyboard and highlight them green.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await expect
    .poll(() => page.evaluate(() => getSelection()?.toString().trim()))
    .toBe('Handlingsplanen fokuserar på');
  await page.keyboard.press('Alt+2');
  await expect.poll(() => painted(page, 'lasaren-green')).toEqual(['Handlingsplanen fokuserar på']);

  // Add a note to that highlight: Alt+E opens it, the note field is reached by Tab.
  await page.keyboard.press('Alt+E');
  const editor = page.getByRole('dialog', { name: 'Redigera markering' });
  await expect(editor).toBeVisible();
  await tabTo(page, editor.getByLabel('Anteckning'));
  await page.keyboard.type('Fyra huvudområden – citera i PM:et.');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();

  // Export this document's notes as Markdown from the header.
  await tabTo(page, page.getByRole('button', { name: 'Exportera', exact: true }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Exportera anteckningar' });
  await expect(dialog.getByRole('radio', { name: /Detta dokument/ })).toBeChecked();
  await tabTo(page, dialog.getByRole('radio', { name: /Word/ }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: /Markdown/ })).toBeChecked();
  await tabTo(page, dialog.getByRole('button', { name: 'Exportera …' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.notices')).toContainText('Exporterade 1 anteckning till Anteckningar');
  const [file] = await exportedFiles(app.dataDir);
  expect(file).toMatch(/^Anteckningar \d{4}-\d{2}-\d{2}\.md$/);
  const markdown = await readFile(join(app.dataDir, 'exports', file!), 'utf8');
  expect(markdown).toContain('Handlingsplanen fokuserar på');
  expect(markdown).toContain('Fyra huvudområden – citera i PM:et.');
  expect(markdown).toContain('2020/21:FPM54, stycke 4');
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

test('every flow stays offline and free of script errors', async ({ app }) => {
  test.skip(app.kind !== 'browser', 'Uses the browser host’s exports folder and file import.');
  const errors: string[] = [];
  let page = app.page;
  const watch = (p: Page) => {
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
  };
  watch(page);
  const windowNeverScrolls = async () =>
    expect(
      await page.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight),
    ).toBeLessThanOrEqual(0);

  // Open: library, both documents, a paragraph link.
  await page.goto(app.url('#/'));
  await page
    .getByRole('link', { name: /Nationella kontaktpunkter/ })
    .first()
    .click();
  await expect(page.locator('article.document')).toBeVisible();
  await windowNeverScrolls();
  await page.keyboard.press('Alt+PageDown');
  await expect(page.locator('h1#doc-title')).toContainText('Meddelande om handlingsplan');
  await page.goto(app.url(`#/dokument/${PLAN}/stycke/6`));
  await expect(page.locator('#stycke-6')).toBeFocused();

  // An external link: asked, cancelled, nothing loaded.
  await page.goto(app.url('#/dokument/000_85e98cc4eb8dedfb'));
  await page.getByRole('link', { name: /^http:\/\/ec\.europa\.eu/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();

  // Annotate with the mouse: select a phrase and highlight it, then write a note on it.
  await page.goto(app.url(`#/dokument/${PLAN}/stycke/5`));
  const phrase = 'Integration är i första hand medlemsstaternas ansvar';
  await page.locator('#stycke-5 p').evaluate((p, text) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode() as Text;
    while (!node.data.includes(text)) node = walker.nextNode() as Text;
    const start = node.data.indexOf(text);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + text.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, phrase);
  await page.getByRole('button', { name: /Markera med lila/ }).click();
  await expect.poll(() => painted(page, 'lasaren-purple')).toEqual([phrase]);
  await page.keyboard.press('Alt+E');
  const editor = page.getByRole('dialog', { name: 'Redigera markering' });
  await editor.getByLabel('Anteckning').fill('Subsidiaritet: nationellt ansvar.');
  await editor.getByLabel('Taggar').fill('ansvar');
  await page.keyboard.press('Enter');
  await editor.getByRole('button', { name: 'Spara' }).click();
  await expect(editor).toBeHidden();
  await windowNeverScrolls();

  // Search finds the note itself, marked as a note, in the same list as paragraphs.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('subsidiaritet', { delay: 15 });
  const noteHit = page.getByRole('option').filter({ hasText: 'anteckning' });
  await expect(noteHit).toHaveCount(1);
  await expect(noteHit).toContainText('Subsidiaritet');
  await page.keyboard.press('Escape');

  // The notes panel shows it; export every format; import the JSON back (nothing new).
  await page.getByRole('link', { name: 'Anteckningar' }).click();
  await expect(page.getByText('Subsidiaritet: nationellt ansvar.')).toBeVisible();
  await windowNeverScrolls();
  for (const format of [/Word/, /^PDF/, /Markdown/, /Webbsida/, /CSV/, /W3C-JSON/]) {
    await page.getByRole('button', { name: 'Exportera', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Exportera anteckningar' });
    await dialog.getByRole('radio', { name: /Alla anteckningar/ }).check();
    await dialog.getByRole('radio', { name: format }).check();
    await dialog.getByRole('button', { name: 'Exportera …' }).click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });
  }
  const files = await exportedFiles(app.dataDir);
  expect(files.map((f) => f.split('.').pop()).sort()).toEqual(['csv', 'docx', 'html', 'json', 'md', 'pdf']);
  await page.getByRole('button', { name: 'Importera' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Importera anteckningar' });
  const json = files.find((f) => f.endsWith('.json'))!;
  await importDialog.getByLabel('Fil att importera').setInputFiles(join(app.dataDir, 'exports', json));
  await expect(importDialog).toContainText('Allt i filen finns redan');
  await page.keyboard.press('Escape');

  // Switch language and theme, then relaunch: the choices and the note are still there.
  await page.getByRole('button', { name: 'Inställningar' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('radio', { name: 'Sepia' }).check();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
  page = await app.restart();
  watch(page);
  await page.goto(app.url('#/anteckningar'));
  await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
  await expect(page.getByText('Subsidiaritet: nationellt ansvar.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');

  // What was checked: both sessions' pages and files, and each session's IPC socket.
  expect(app.requests.length).toBeGreaterThan(10);
  expect(app.requests.filter((url) => url.startsWith('ws://')).length).toBeGreaterThanOrEqual(2);
  expect(app.requests.filter(leavesApp)).toEqual([]);
  expect(errors).toEqual([]);
});
