// Adding the user's own documents in the browser host, as a user does it: a PDF report and a
// Word document through the file dialog ("Lägg till dokument"), an HTML page dropped on the
// window; they appear in the one library list as "Mina dokument" with their metadata (the format
// as type, the file's own date or the day it was added), search finds them at the
// right paragraph, a passage takes a highlight with a note, and the Word export cites the
// page. Bad files are refused with their reasons and leave the library as it was.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expect, leavesApp, test } from './fixtures';
import { ROOT } from './hosts';
import { painted } from './painted';
import { makePdf, makeZipBomb, sharedDir } from '../unit/services/documents/import-fixtures';

const testfile = (name: string): string => join(sharedDir(), 'testfiles', name);
const PDF = '03_dir-2016-15-dataskyddsforordningen.pdf';
const DOCX = '15_prop-2012-13-144_sjofartsstodet.docx';
const HTML = '24_riksdagen_SFS-2023-482.html';

test.afterEach(({ app }) => {
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

/** Drops files on the window the way a file manager does: dragenter, dragover, drop. */
async function dropFiles(
  page: Page,
  files: Array<{ name: string; bytes: Uint8Array; type?: string }>,
): Promise<void> {
  const payload = files.map((f) => ({
    name: f.name,
    type: f.type ?? '',
    data: Buffer.from(f.bytes).toString('base64'),
  }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('main', type, { dataTransfer: transfer });
  }
}

async function summary(page: Page): Promise<string> {
  const status = page.getByTestId('import-summary');
  await expect(status).toBeVisible({ timeout: 90_000 });
  return (await status.textContent()) ?? '';
}

async function closeSummary(page: Page): Promise<void> {
  await page.getByTestId('import-panel').getByRole('button', { name: 'Stäng' }).click();
}

/** The user's own documents: rows of the one library list, behind the "Mina dokument" choice. */
const myDocuments = (page: Page) => page.locator('.library .doc-row.mine');

test('a PDF, a Word file and a web page are added, found, annotated and cited by page', async ({ app }) => {
  test.skip(
    app.kind !== 'browser',
    'The browser host writes exports into the data folder; Electron shows a save dialog.',
  );
  test.setTimeout(240_000);
  const { page } = app;
  await page.goto(app.url('#/'));
  await expect(page.getByRole('heading', { name: 'Bibliotek' })).toBeVisible();
  // Nothing of one's own yet: no notice, no empty section, only the button.
  await expect(page.getByRole('checkbox', { name: /Mina dokument/ })).toHaveCount(0);
  await expect(page.getByText('Mina dokument')).toHaveCount(0);

  // The dialog: two files at once, one summary at the end.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Lägg till dokument' }).click();
  await (await chooser).setFiles([testfile(PDF), testfile(DOCX)]);
  await expect(page.getByTestId('import-panel').locator('progress')).toBeAttached();
  expect(await summary(page)).toContain('Klart: 2 dokument tillagda, 0 kunde inte läggas till.');
  await closeSummary(page);

  // A drop on the window.
  await dropFiles(page, [
    { name: 'sfs-2023-482.html', bytes: readFileSync(testfile(HTML)), type: 'text/html' },
  ]);
  expect(await summary(page)).toContain('Klart: 1 dokument tillagda, 0 kunde inte läggas till.');
  await closeSummary(page);

  // In the one list, once each, narrowed by "Mina dokument", with their own metadata.
  await page.getByRole('checkbox', { name: 'Mina dokument (3)' }).check();
  await expect(page.locator('.library [role=status]')).toHaveText('3 av 5 dokument');
  const mine = myDocuments(page);
  await expect(mine).toHaveCount(3);
  // The PDF's own title, as its metadata gives it.
  // The designation its title starts with goes to the designation column, as in the collection.
  const pdfRow = mine.filter({ has: page.locator('.designation', { hasText: 'Dir. 2016:15' }) });
  await expect(pdfRow.locator('.title')).toHaveText('Dataskyddsförordningen');
  await expect(mine.filter({ hasText: '2013-04-18' })).toHaveCount(1);
  await expect(
    mine.filter({
      hasText: 'Förordning (2023:482) om prövning och samordning av väg- eller järnvägsprojekt',
    }),
  ).toHaveCount(1);
  // Each row's type is its file's format; the date is the file's own, else the day it was
  // added, muted and said in full to a screen reader.
  const row = (title: string | RegExp) => mine.filter({ has: page.locator('.title', { hasText: title }) });
  const wordRow = mine.filter({ hasText: '2013-04-18' });
  const pageRow = row(/Förordning \(2023:482\)/);
  await expect(pdfRow.locator('.type')).toHaveText('PDF');
  await expect(pdfRow.locator('.date')).toHaveText('2016-02-29');
  await expect(wordRow.locator('.type')).toHaveText('Word');
  await expect(pageRow.locator('.type')).toHaveText('Webbsida');
  const today = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('sv-SE', options).format(new Date());
  const short = today({ day: 'numeric', month: 'short', year: 'numeric' });
  const added = pageRow.locator('.date.added');
  await expect(added.locator('[aria-hidden=true]')).toHaveText(['tillagd', short]);
  await expect(pageRow.getByRole('link')).toHaveAccessibleName(
    new RegExp(`Webbsida\\s*inget eget datum, tillagd ${today({ dateStyle: 'long' })}$`),
  );
  // Sorted by the date shown: added today, it is the newest of the list.
  await expect(page.locator('.library .doc-row').first()).toHaveAttribute(
    'data-document-id',
    (await pageRow.getAttribute('data-document-id')) ?? '',
  );
  // No year of its own: the year facet holds the PDF's and the Word file's years only.
  const years = await page
    .getByRole('combobox', { name: 'År' })
    .locator('option')
    .evaluateAll((options) => options.map((o) => o.textContent?.trim() ?? ''));
  expect(years.some((y) => y.startsWith('2016'))).toBe(true);
  expect(years.some((y) => y.startsWith(String(new Date().getFullYear())))).toBe(false);
  await page.getByRole('checkbox', { name: 'Mina dokument (3)' }).uncheck();
  await expect(mine).toHaveCount(3);
  await expect(page.locator('.library .doc-row')).toHaveCount(5);
  // The Word file's author is shown in the reader's header.
  const docxId = (await mine.filter({ hasText: '2013-04-18' }).getAttribute('data-document-id')) ?? '';
  await page.goto(app.url(`#/dokument/${docxId}`));
  await expect(page.locator('.doc-head')).toContainText('Ellika Eriksson');
  await page.goto(app.url('#/'));

  // Search finds the PDF's paragraph on page 11 and opens it there.
  const field = page.getByRole('combobox', { name: 'Sök i dokument och anteckningar' });
  await expect(async () => {
    await page.keyboard.press('Control+k');
    await expect(field).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.type('utredningsbefogenheter', { delay: 15 });
  await expect(field).toHaveValue('utredningsbefogenheter');
  const hit = page.getByRole('option').filter({ hasText: 'utredningsbefogenheter' }).first();
  await expect(hit).toBeVisible({ timeout: 20_000 });
  const where = await hit.locator('.where').innerText();
  const paragraph = Number(/\d+/.exec(where)?.[0]);
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`#/dokument/imp-[0-9a-f]{16}/stycke/${paragraph}$`));
  const block = page.locator(`#stycke-${paragraph}`);
  await expect(block).toContainText('I utredarens uppdrag ingår däremot att närmare analysera möjligheten');

  // Highlight the phrase and give it a note.
  const phrase = 'överföra utredningsbefogenheter till tillsynsmyndigheter';
  await block.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const points = await page.evaluate(
    ([n, text]) => {
      const p = document.querySelector(`#stycke-${n} p`)!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node as Text).data.indexOf(text as string);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + (text as string).length);
        const rects = [...r.getClientRects()];
        return [
          { x: rects[0]!.left + 1, y: rects[0]!.top + rects[0]!.height / 2 },
          { x: rects.at(-1)!.right - 1, y: rects.at(-1)!.top + rects.at(-1)!.height / 2 },
        ];
      }
      throw new Error('phrase not found');
    },
    [paragraph, phrase] as const,
  );
  await page.mouse.move(points[0]!.x, points[0]!.y);
  await page.mouse.down();
  await page.mouse.move(points[1]!.x, points[1]!.y, { steps: 8 });
  await page.mouse.up();
  const toolbar = page.getByRole('toolbar', { name: 'Markera texten' });
  await toolbar.getByRole('button', { name: 'Anteckning' }).click();
  await page
    .getByRole('dialog', { name: 'Ny anteckning' })
    .getByLabel('Anteckning')
    .fill('Följ upp med IMY.');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect.poll(() => painted(page, 'lasaren-note')).toEqual([phrase]);

  // Word export of this document cites title, page and paragraph.
  await page.getByRole('button', { name: 'Exportera', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Exportera anteckningar' });
  await dialog.getByRole('radio', { name: /Detta dokument/ }).check();
  await dialog.getByRole('radio', { name: /Word/ }).check();
  await dialog.getByRole('button', { name: 'Exportera …' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Exporterade' }).last();
  await expect(notice).toContainText(/Filen ligger i (\S.*)$/, { timeout: 30_000 });
  const path = /Filen ligger i (.*?)\s*×?$/.exec((await notice.textContent()) ?? '')?.[1]?.trim() ?? '';
  const text = (await mammoth.extractRawText({ path })).value;
  expect(text).toContain(`Dir. 2016:15, s. 11, stycke ${paragraph}`);
  expect(text).toContain('Följ upp med IMY.');
  expect(text).toContain(phrase);
});

test('bad and hostile files are refused with their reasons; the library is unchanged', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.goto(app.url('#/'));
  await expect(page.getByRole('heading', { name: 'Bibliotek' })).toBeVisible();
  const before = await page.evaluate(async () => (await window.lasaren.listDocuments()).ok);
  expect(before).toBe(true);
  const count = async () =>
    page.evaluate(async () => {
      const r = await window.lasaren.listDocuments();
      return r.ok ? r.value.length : -1;
    });
  const start = await count();

  await dropFiles(page, [
    {
      name: 'hemlig.pdf',
      bytes: makePdf({ pages: [['Hemlig rapport om tillsynen.']], userPassword: 'hemligt' }),
    },
    { name: 'skannad.pdf', bytes: makePdf({ pages: [] }) },
    { name: 'rapport.pdf', bytes: readFileSync(testfile('19_pandoc_tables.docx')) },
    { name: 'tom.txt', bytes: new Uint8Array() },
    { name: 'bomb.docx', bytes: makeZipBomb(64) },
    {
      name: 'trasig.pdf',
      bytes: readFileSync(testfile('02_prop-2014-15-81_kyotoprotokollet.pdf')).subarray(0, 40_000),
    },
    {
      name: 'elak.html',
      bytes: new TextEncoder().encode(
        '<html><head><script>fetch("https://evil.example")</script></head><body><iframe src="https://evil.example"></iframe><form><input></form></body></html>',
      ),
    },
  ]);
  const text = await summary(page);
  expect(text).toContain('Klart: 0 dokument tillagda, 7 kunde inte läggas till.');
  const failures = page.getByTestId('import-panel').locator('.failed li');
  await expect(failures).toHaveCount(7);
  await expect(failures.filter({ hasText: 'hemlig.pdf' })).toContainText('skyddad med ett lösenord');
  await expect(failures.filter({ hasText: 'skannad.pdf' })).toContainText('textigenkänning (OCR)');
  await expect(failures.filter({ hasText: 'rapport.pdf' })).toContainText(
    'Filen heter .pdf men innehåller ett Word-dokument',
  );
  await expect(failures.filter({ hasText: 'tom.txt' })).toContainText('Filen är tom');
  await expect(failures.filter({ hasText: 'bomb.docx' })).toContainText('orimligt mycket data');
  await expect(failures.filter({ hasText: 'trasig.pdf' })).toContainText('skadad eller ofullständig');
  await expect(failures.filter({ hasText: 'elak.html' })).toContainText('Filen är tom');
  expect(await count()).toBe(start);
  await expect(myDocuments(page)).toHaveCount(0);
});

test('an imported document’s details are edited, and removing it asks first and keeps its notes', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.goto(app.url('#/'));
  await dropFiles(page, [
    { name: 'dir.html', bytes: readFileSync(testfile('22_regeringen_dir-2016-15.html')), type: 'text/html' },
  ]);
  expect(await summary(page)).toContain('Klart: 1 dokument tillagda');
  await expectNoAxeViolations(page, 'import summary');
  await closeSummary(page);
  const card = myDocuments(page);
  await expect(card).toHaveCount(1);
  const id = (await card.getAttribute('data-document-id')) ?? '';

  // A note on the document, made through the app's own API.
  const note = await page.evaluate(async (documentId) => {
    const doc = await window.lasaren.getDocument({ id: documentId });
    if (!doc.ok) throw new Error(doc.error.message);
    const block = doc.value.blocks.find((b) => b.number === 2)!;
    const created = await window.lasaren.createAnnotation({
      documentId,
      paragraph: 2,
      quote: { type: 'TextQuoteSelector', exact: block.text.slice(0, 30), prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: block.start, end: block.start + 30 },
      colour: 'yellow',
      note: 'Behåll mig',
      tags: [],
    });
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  }, id);

  await card.getByRole('button', { name: /Redigera/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Uppgifter om dokumentet' });
  await expect(dialog.getByLabel('Titel')).toHaveValue('Dataskyddsförordningen');
  await expectNoAxeViolations(page, 'document details');
  await dialog.getByLabel('Datum').fill('29 februari');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog.getByRole('alert')).toContainText('ÅÅÅÅ-MM-DD');
  await dialog.getByLabel('Titel').fill('Kommittédirektiv om dataskyddsförordningen');
  await dialog.getByLabel(/Beteckning/).fill('Dir. 2016:15');
  await dialog.getByLabel('Datum').fill('2016-02-25');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.locator('.designation')).toHaveText('Dir. 2016:15');
  await expect(card.locator('.title')).toHaveText('Kommittédirektiv om dataskyddsförordningen');
  await expect(card).toContainText('2016-02-25');

  // Remove: it asks first; cancelling keeps everything.
  await card.getByRole('button', { name: /Redigera/ }).click();
  await dialog.getByRole('button', { name: 'Ta bort dokumentet …' }).click();
  await expect(dialog).toContainText('Vill du ta bort "Kommittédirektiv om dataskyddsförordningen"');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(card).toHaveCount(1);
  await card.getByRole('button', { name: /Redigera/ }).click();
  await dialog.getByRole('button', { name: 'Ta bort dokumentet …' }).click();
  await dialog.getByRole('button', { name: 'Ta bort', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(myDocuments(page)).toHaveCount(0);
  const kept = await page.evaluate(async (noteId) => {
    const found = await window.lasaren.getAnnotation({ id: noteId });
    return found.ok && found.value.id === noteId;
  }, note);
  expect(kept).toBe(true);
});

test('a document the command line adds while the app runs appears and is found; its removal too', async ({
  app,
}) => {
  // Two CLI runs (each starts Node and, for the PDF, a parser worker) on a busy CI machine.
  test.setTimeout(120_000);
  const { page } = app;
  await page.goto(app.url('#/'));
  await expect(page.locator('.library .doc-row')).toHaveCount(2);
  const cli = (...args: string[]) =>
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src-main/cli/main.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
  // The second process: `documents add` on the running app's own data folder.
  expect(cli('documents', 'add', testfile(PDF), '--data', app.dataDir)).toContain('1 av 1 filer');
  const mine = myDocuments(page);
  await expect(mine).toHaveCount(1, { timeout: 10_000 });
  await expect(mine.locator('.designation')).toHaveText('Dir. 2016:15');
  // Searchable at once, like a document added in the app.
  const field = page.getByRole('combobox', { name: 'Sök i dokument och anteckningar' });
  await field.fill('utredningsbefogenheter');
  await expect(page.getByRole('option').filter({ hasText: 'utredningsbefogenheter' }).first()).toBeVisible();
  await field.fill('');

  const id = (await mine.getAttribute('data-document-id')) ?? '';
  expect(cli('documents', 'remove', id, '--data', app.dataDir)).toContain('Borttaget');
  await expect(mine).toHaveCount(0, { timeout: 10_000 });
  await field.fill('utredningsbefogenheter');
  await expect(page.locator('[data-query="utredningsbefogenheter"]')).toBeVisible();
  await expect(page.getByRole('option').filter({ hasText: 'utredningsbefogenheter' })).toHaveCount(0);
  expect(app.requests.filter(leavesApp)).toEqual([]);
});
