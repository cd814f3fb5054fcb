// The reader on a real collection: the 400 regeringen.se documents of ../shared/collections/
// integration, served by the browser host with --collection. The library lists them with
// designations and dates, the filter and facets narrow it, a proposition opens with its
// metadata and outline, the outline follows and moves the reader, a table is a real table,
// related documents open in the reader, and every block's text is exactly the document's.
// A copy with a damaged file lists its problems in the interface's language.
import type { Page } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, leavesApp, removeDataDir, sharedCollection, test } from './fixtures';
import { routeIpc } from './ipc-route';
import { expectNoAxeViolations } from './a11y';
import { painted } from './painted';
import { displayTitle } from '../../src-renderer/features/library/display-title';

const COLLECTION = sharedCollection('integration');
const PROPOSITION = 'proposition-prop-20141545';
const LONG = 'informationsmaterial-viktigare-lagar-och-forordningar-infor--9';
const TABLE = 'pressmeddelanden-reformer-for-en-ansvarsfull-migrationspolitik-s';

test.skip(!COLLECTION, 'The integration collection is not beside the repository (../shared/collections).');
test.use({ collectionDir: COLLECTION });

interface Summary {
  id: string;
  title: string;
  designation: string | null;
  type: string | null;
  published: string | null;
  related: string[];
}

async function summaries(page: Page): Promise<Summary[]> {
  return page.evaluate(async () => {
    const api = (
      window as unknown as { lasaren: { listDocuments(): Promise<{ ok: boolean; value: Summary[] }> } }
    ).lasaren;
    return (await api.listDocuments()).value;
  });
}

const status = (page: Page) => page.locator('.library [role=status]');

test('the library lists 400 documents with designations and dates; filter and facets narrow it', async ({
  app,
}) => {
  test.skip(app.kind !== 'browser', 'Collections are served by the browser host.');
  const { page } = app;
  await page.goto(app.url('#/'));
  await expect(status(page)).toHaveText('400 dokument');
  const rows = page.locator('.library a.doc');
  await expect(rows.first()).toBeVisible();
  // Newest first: every visible row has a date, and designations are shown where there are any.
  const dates = await rows.locator('.date').allTextContents();
  expect(dates.length).toBeGreaterThan(5);
  for (const d of dates) expect(d).toMatch(/^\d{4}(-\d{2}){0,2}$/);
  expect([...dates].sort().reverse()).toEqual(dates);
  const docs = await summaries(page);
  expect(docs.filter((d) => d.designation).length).toBeGreaterThan(100);

  // Typing a designation loosely finds the one document.
  const field = page.getByRole('searchbox', { name: 'Filtrera' });
  await field.fill('dir 2011:88');
  await expect(status(page)).toHaveText('1 av 400 dokument');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Dir. 2011:88');
  await expect(rows.first()).toContainText('2011-10-17');

  // Facets: a type, then a year within it; the menus say what each choice leaves.
  await field.fill('');
  const propositions = docs.filter((d) => d.type === 'Proposition').length;
  const type = page.getByRole('combobox', { name: 'Typ' });
  await type.selectOption('Proposition');
  await expect(status(page)).toHaveText(`${propositions} av 400 dokument`);
  const year = page.getByRole('combobox', { name: 'År' });
  const option = (await year.locator('option').nth(1).textContent())!;
  const [, y, n] = /^(\d{4}) \((\d+)\)$/.exec(option)!;
  await year.selectOption(y!);
  await expect(status(page)).toHaveText(`${n} av 400 dokument`);
  for (const text of await rows.locator('.type').allTextContents()) expect(text).toBe('Proposition');

  // The keyboard walks the whole list: rows are rendered as focus moves.
  await type.selectOption('');
  await year.selectOption('');
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.library a.doc:focus')).toHaveCount(1);
  await page.keyboard.press('End');
  const oldest = docs
    .map((d) => d.published ?? '')
    .filter(Boolean)
    .sort()[0]!;
  await expect(page.locator('.library a.doc:focus .date')).toHaveText(oldest);
  await page.keyboard.press('Home');
  await expect(page.locator('.library a.doc:focus .date')).toHaveText(dates[0]!);

  // Grouped by type: a heading row per type.
  await type.selectOption('');
  await year.selectOption('');
  await page.getByRole('checkbox', { name: 'Gruppera efter typ' }).check();
  await expect(page.locator('.library .group').first()).toContainText(/dokument$/);
  await expectNoAxeViolations(page, 'library with the collection');
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

test('the first screen shows before the whole list; what is typed meanwhile is applied when it comes', async ({
  app,
}) => {
  test.skip(app.kind !== 'browser', 'Collections are served by the browser host.');
  const { page } = app;
  // Hold the whole list back until the test lets it through.
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  await routeIpc(page, async (channel) => {
    if (channel === 'library:list') await held;
    return undefined;
  });
  await page.goto(app.url('#/'));
  await page.reload(); // a fresh start, with the route in place
  const rows = page.locator('.library a.doc');
  await expect(rows.first()).toBeVisible();
  await expect(status(page)).toContainText('400 dokument');
  await expect(status(page)).toContainText('läser in hela listan');
  // The menus already hold every type with its count, from main.
  const types = page.getByRole('combobox', { name: 'Typ', exact: true }).locator('option');
  expect(await types.count()).toBeGreaterThan(3);
  const dates = await rows.locator('.date').allTextContents();
  expect([...dates].sort().reverse()).toEqual(dates);
  const field = page.getByRole('searchbox', { name: 'Filtrera' });
  await field.fill('dir 2011:88');
  await expect(field).toHaveValue('dir 2011:88');
  release();
  await expect(status(page)).toHaveText('1 av 400 dokument');
  await expect(rows).toHaveCount(1);
  await expect(page.locator('.library [data-document-id="kommittedirektiv-dir-201188"]')).toBeVisible();
});

test('a proposition opens from the library with its metadata and outline; text is exactly the document', async ({
  app,
}) => {
  test.skip(app.kind !== 'browser', 'Collections are served by the browser host.');
  const { page } = app;
  await page.goto(app.url('#/'));
  const docs = await summaries(page);
  const prop = docs.find((d) => d.id === PROPOSITION)!;
  await page.getByRole('searchbox', { name: 'Filtrera' }).fill(prop.title.slice(0, 30));
  await page.locator('.library a.doc', { hasText: prop.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: prop.title })).toBeVisible();
  await expect(page.locator('.doc-head .type')).toHaveText('Proposition');
  await expect(page.locator('.doc-head')).toContainText('december 2014');
  const outline = page.getByRole('navigation', { name: 'Innehåll' });
  await expect(outline.getByRole('listitem')).toHaveCount(1);
  await expect(outline.getByRole('listitem').first()).toContainText('Propositionen innehåller förslag');
  // Each block element holds exactly its slice of the document's text.
  const text = await page.evaluate(async (id) => {
    const api = (
      window as unknown as { lasaren: { getDocument(x: unknown): Promise<{ value: { text: string } }> } }
    ).lasaren;
    return (await api.getDocument({ id })).value.text;
  }, PROPOSITION);
  const blocks = await page
    .locator('article.document [data-start]')
    .evaluateAll((els) =>
      els.map((el) => ({ start: Number(el.getAttribute('data-start')), text: el.textContent ?? '' })),
    );
  expect(blocks.length).toBeGreaterThan(5);
  for (const b of blocks) expect(b.text).toBe(text.slice(b.start, b.start + b.text.length));
  await expectNoAxeViolations(page, 'proposition in the reader');
});

test('the outline follows scrolling and moves between headings of a long document', async ({ app }) => {
  test.skip(app.kind !== 'browser', 'Collections are served by the browser host.');
  const { page } = app;
  await page.goto(app.url(`#/dokument/${LONG}`));
  const outline = page.getByRole('navigation', { name: 'Innehåll' });
  const entries = outline.getByRole('button').filter({ hasNotText: /^(Dölj|Visa)$/ });
  // The long document arrives over loopback and renders progressively: wait for its outline.
  await expect.poll(() => entries.count(), { timeout: 20_000 }).toBeGreaterThan(100);
  // A click on the 40th heading moves the reader there and marks it current.
  const fortieth = entries.nth(40);
  const name = (await fortieth.textContent())!.trim();
  await fortieth.click();
  const heading = page.locator('article.document .heading', { hasText: name }).first();
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(outline.locator('[aria-current=location]')).toHaveText(name);
  // Alt+↓ goes to the next heading, Alt+↑ back.
  await page.keyboard.press('Alt+ArrowDown');
  const next = (await entries.nth(41).textContent())!.trim();
  await expect(outline.locator('[aria-current=location]')).toHaveText(next);
  await expect(page.locator(':focus')).toHaveText(next);
  await page.keyboard.press('Alt+ArrowUp');
  await expect(outline.locator('[aria-current=location]')).toHaveText(name);
  // Scrolling to the end makes a late heading current.
  await page.locator('main').evaluate((m) => m.scrollTo({ top: m.scrollHeight }));
  await expect(outline.locator('[aria-current=location]')).not.toHaveText(name);
  // The outline can be hidden and shown again.
  await outline.getByRole('button', { name: 'Dölj' }).click();
  await expect(entries).toHaveCount(0);
  await outline.getByRole('button', { name: 'Visa' }).click();
  await expect(entries.first()).toBeVisible();
});

test('a table is a real table with header cells, and its cells carry the document text', async ({ app }) => {
  test.skip(app.kind !== 'browser', 'Collections are served by the browser host.');
  const { page } = app;
  await page.goto(app.url(`#/dokument/${TABLE}`));
  const table = page.locator('article.document table').first();
  await expect(table).toBeVisible();
  await expect(table.locator('thead th').first()).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(2);
  await expect(table.locator('tbody')).toContainText('utvisning');
  await expectNoAxeViolations(page, 'reader with a table');
});

test('a word the text misspells is found, underlined and explained in the hit', async ({ app }) => {
  test.skip(app.kind !== 'browser', 'Collections are served by the browser host.');
  const { page } = app;
  await page.goto(app.url('#/'));
  await expect(status(page)).toHaveText('400 dokument');
  await page.keyboard.press('Control+k');
  // The collection writes "förorodningen" once; the query is spelt right.
  await page.keyboard.type('förordningen rörledningar', { delay: 10 });
  const hit = page.getByRole('listbox').getByRole('option').filter({ hasText: 'förorodningen' });
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('liknande stavning');
  await expect(hit.locator('mark.near')).toHaveText(['förorodningen']);
  await expect(hit.locator('mark:not(.near)').first()).toHaveText('rörledningar');
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

test('related documents and in-text links open in the reader, not the browser', async ({ app }) => {
  test.skip(app.kind !== 'browser', 'Collections are served by the browser host.');
  const { page } = app;
  await page.goto(app.url('#/'));
  const docs = await summaries(page);
  const withRelated = docs.find((d) => d.related.length > 0);
  expect(withRelated, 'some document has a related document in the collection').toBeTruthy();
  const target = docs.find((d) => d.id === withRelated!.related[0])!;
  await page.goto(app.url(`#/dokument/${withRelated!.id}`));
  const related = page.getByRole('navigation', { name: 'Relaterade dokument' });
  await related.getByRole('link', { name: displayTitle(target.title, target.designation) }).click();
  await expect(page).toHaveURL(new RegExp(`#/dokument/${target.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(target.title.slice(0, 20));
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // An in-text link to another document of the collection (found through the app's own API).
  const linked = await page.evaluate(
    async (ids) => {
      type Span = { kind: string; target?: { documentId: string; paragraph: number | null } };
      const api = (
        window as unknown as {
          lasaren: {
            getDocument(x: unknown): Promise<{ ok: boolean; value: { blocks: { spans: Span[] }[] } }>;
          };
        }
      ).lasaren;
      for (const id of ids) {
        const r = await api.getDocument({ id });
        const span = r.ok
          ? r.value.blocks.flatMap((b) => b.spans).find((s) => s.kind === 'link' && s.target)
          : null;
        if (span?.target) return { id, target: span.target };
      }
      return null;
    },
    docs.map((d) => d.id),
  );
  if (linked) {
    await page.goto(app.url(`#/dokument/${linked.id}`));
    const link = page.locator('article.document a.internal').first();
    await link.scrollIntoViewIfNeeded();
    await link.click();
    const paragraph = linked.target.paragraph ? `/stycke/${linked.target.paragraph}` : '';
    await expect(page).toHaveURL(new RegExp(`#/dokument/${linked.target.documentId}${paragraph}$`));
    await expect(page.getByRole('dialog')).toHaveCount(0);
  } else
    console.log('Samlingen har ingen länk i löptext till ett annat av dess dokument; den delen hoppas över.');
  expect(app.openedExternally).toEqual([]);
});

test('links to places in the document move the reader; a missing place is said calmly', async ({ app }) => {
  test.skip(app.kind !== 'browser', 'Collections are served by the browser host.');
  const { page } = app;
  await page.goto(app.url(`#/dokument/${LONG}`));
  await expect(page.locator('article.document[data-rendered="all"]')).toBeAttached({ timeout: 20_000 });
  // The table of contents links to "#a1"; the page's anchors are gone, its heading is not.
  const entry = page.locator('article.document a[data-fragment="a1"]');
  const name = (await entry.textContent())!.trim();
  await entry.click();
  const heading = page.locator('article.document .heading', { hasText: name }).first();
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(page).toHaveURL(new RegExp(`#/dokument/${LONG}$`));
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // By keyboard too, from the top: Enter on a link.
  await page.locator('main').evaluate((m) => m.scrollTo({ top: 0 }));
  const second = page.locator('article.document a[data-fragment]').nth(3);
  const secondName = (await second.textContent())!.trim();
  await second.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(':focus')).toContainText(secondName);
  // A link whose place is not in the document (as a page's stale anchor would be): a calm notice.
  await entry.evaluate((a) => {
    a.setAttribute('data-fragment', 'finns-inte');
    a.textContent = 'Ett avsnitt som inte finns';
  });
  await page.locator('article.document a[data-fragment="finns-inte"]').click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Stället som länken pekar på finns inte' }),
  ).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(app.openedExternally).toEqual([]);
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

test('far down a long document: a deep link, find and an annotation all land', async ({ app }) => {
  test.skip(app.kind !== 'browser', 'Collections are served by the browser host.');
  const { page } = app;
  await page.goto(app.url('#/'));
  // The document's last numbered block and a passage in it, from the app's own API.
  const last = await page.evaluate(async (id) => {
    const api = (
      window as unknown as {
        lasaren: {
          getDocument(x: unknown): Promise<{
            value: {
              text: string;
              blocks: { number: number | null; start: number; end: number; kind: string }[];
            };
          }>;
        };
      }
    ).lasaren;
    const doc = (await api.getDocument({ id })).value;
    const block = doc.blocks.filter((b) => b.kind === 'paragraph' && b.end - b.start > 40).at(-1)!;
    return {
      number: block.number!,
      start: block.start,
      text: doc.text.slice(block.start, block.start + 30),
      doc: doc.text,
    };
  }, LONG);
  expect(last.number).toBeGreaterThan(300);

  // An annotation on that passage, made through the API as a restored store would hold it.
  await page.evaluate(
    async ({ id, l }) => {
      const api = (
        window as unknown as { lasaren: { createAnnotation(x: unknown): Promise<{ ok: boolean }> } }
      ).lasaren;
      await api.createAnnotation({
        documentId: id,
        paragraph: l.number,
        quote: {
          type: 'TextQuoteSelector',
          exact: l.text,
          prefix: l.doc.slice(Math.max(0, l.start - 32), l.start),
          suffix: l.doc.slice(l.start + 30, l.start + 62),
        },
        position: { type: 'TextPositionSelector', start: l.start, end: l.start + 30 },
        colour: 'green',
        note: '',
        tags: [],
      });
    },
    { id: LONG, l: last },
  );
  await page.reload();
  await page.goto(app.url(`#/dokument/${LONG}/stycke/${last.number}`));
  const target = page.locator(`#stycke-${last.number}`);
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  await expect.poll(() => painted(page, 'lasaren-green')).toEqual([last.text]);

  // Find a word of that passage from the top: the current match is painted and scrolled to.
  await page.locator('main').evaluate((m) => m.scrollTo({ top: 0 }));
  const word = /[A-Za-zÅÄÖåäö]{6,}/.exec(last.text)?.[0] ?? last.text.slice(0, 8);
  await page.keyboard.press('Control+f');
  await page.keyboard.type(word);
  await expect(page.getByRole('search', { name: 'Sök i dokumentet' })).toContainText(/av \d+/);
  // The word itself is among the painted matches (the analyser may also match its inflections).
  await expect
    .poll(async () => (await painted(page, 'search-match')).map((m) => m.toLowerCase()))
    .toContain(word.toLowerCase());
  await expect.poll(async () => (await painted(page, 'search-current')).length).toBe(1);
});

test.describe('a copy of the collection with problems', () => {
  // Three of its documents: one file damaged (no UTF-8), one manifest line with a bad date.
  const BROKEN = join(tmpdir(), `lasaren-e2e-problems-${process.pid}`);
  const DAMAGED = 'kommittedirektiv-dir-2023169';
  test.beforeAll(() => {
    const lines = readFileSync(join(COLLECTION ?? '', 'manifest.ndjson'), 'utf8')
      .split('\n')
      .filter((l) => [PROPOSITION, TABLE, DAMAGED].some((id) => l.includes(`"id": "${id}"`)));
    for (const line of lines) {
      const { id, file } = JSON.parse(line) as { id: string; file: string };
      mkdirSync(dirname(join(BROKEN, file)), { recursive: true });
      if (id === DAMAGED) writeFileSync(join(BROKEN, file), Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]));
      else copyFileSync(join(COLLECTION ?? '', file), join(BROKEN, file));
    }
    const manifest = lines.map((l) =>
      l.includes(`"id": "${TABLE}"`) ? l.replace(/"published": "[^"]*"/, '"published": "i våras"') : l,
    );
    writeFileSync(join(BROKEN, 'manifest.ndjson'), manifest.join('\n') + '\n');
  });
  test.afterAll(() => removeDataDir(BROKEN));
  test.use({ collectionDir: BROKEN });

  test('its problems are listed in Swedish, and in English when the interface is', async ({ app }) => {
    const { page } = app;
    await page.goto(app.url('#/'));
    await expect(status(page)).toHaveText('2 dokument');
    const problems = page.locator('.library details.problems');
    await problems.locator('summary').click();
    await expect(problems.locator('summary')).toHaveText('Samlingen har 2 problem som bör rättas');
    const items = problems.locator('li');
    await expect(items.filter({ hasText: 'kommittedirektiv-dir-2023169.md' })).toContainText(
      'är inte giltig UTF-8-text. Spara om filen som UTF-8 (Markdown).',
    );
    await expect(items.filter({ hasText: /manifest\.ndjson, rad \d/ })).toContainText(
      'Fältet published har fel form och används inte ("i våras"). Skriv ett datum som ÅÅÅÅ-MM-DD',
    );

    await page.getByRole('button', { name: 'Inställningar' }).click();
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(problems.locator('summary')).toHaveText('The collection has 2 problems to fix');
    await expect(items.filter({ hasText: 'kommittedirektiv-dir-2023169.md' })).toContainText(
      'is not valid UTF-8 text. Save the file again as UTF-8 (Markdown).',
    );
    await expect(items.filter({ hasText: /manifest\.ndjson, line \d/ })).toContainText(
      'The field published has the wrong form and is not used ("i våras"). Write a date as YYYY-MM-DD',
    );
    await expect(problems).not.toContainText(/rad \d|Fältet|inte giltig/);
    await expectNoAxeViolations(page, 'collection problems in English');
  });
});
