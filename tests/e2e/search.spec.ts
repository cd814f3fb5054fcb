// Search as a user meets it, keyboard only: the header field (Ctrl+K) shows ranked,
// highlighted hits grouped by document as you type; Enter opens one at its paragraph with
// the matches highlighted (CSS highlights, the text DOM untouched); F3 / Shift+F3 and the
// buttons step through them; Ctrl+F finds in the open document; nothing matched → the
// corrected spelling shown at once, the empty state with suggestions that hit. Nothing
// leaves loopback.
import type { Page } from '@playwright/test';
import { expect, leavesApp, test } from './fixtures';
import { painted } from './painted';

const PLAN = '003_e730e55ba1c2e8b7';

/** The search field's and the find bar's live regions (polite, not role=status). */
const liveRegion = (page: Page, text: string) =>
  page.locator('[aria-live="polite"]').filter({ hasText: text });

async function typeSearch(page: Page, query: string): Promise<void> {
  const field = page.getByRole('combobox', { name: 'Sök i dokument och anteckningar' });
  await expect(field).toBeVisible();
  await expect(async () => {
    await page.keyboard.press('Control+k');
    await expect(field).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(query, { delay: 15 });
  await expect(page.locator(`[data-query="${query.replace(/"/g, '\\"')}"]`)).toBeVisible();
}

/** What the CSS highlight registry holds: all matches and the current one, as text. */
async function paintedMatches(page: Page) {
  return { all: await painted(page, 'search-match'), current: await painted(page, 'search-current') };
}

test.afterEach(({ app }) => {
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

test('typing shows ranked hits grouped by document, with the matches marked', async ({ app }) => {
  const { page } = app;
  await page.goto(app.url('#/'));
  await typeSearch(page, 'göran');
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options).toHaveCount(3);
  // Exact å/ä/ö first: the two "Göran" paragraphs, then the e-mail address "goran.…".
  await expect(options.locator('mark')).toHaveText(['Göran', 'Göran', 'goran']);
  await expect(page.getByRole('group', { name: 'Nationella kontaktpunkter för integration' })).toBeVisible();
  await expect(liveRegion(page, '3 träffar i 1 dokument')).toBeAttached();
  // Marks are built from offsets as text: the snippet reads exactly as the paragraph.
  await expect(options.first()).toContainText('Stycke 8');

  await typeSearch(page, 'fonden');
  const groups = page.getByRole('group');
  await expect(groups).toHaveCount(2);
  await expect(page.getByRole('listbox').locator('mark')).toContainText(['socialfonden+']);
});

test("a hit on a document's title shows the words it matched, not the title its group already names", async ({
  app,
}) => {
  const { page } = app;
  await page.goto(app.url('#/'));
  await typeSearch(page, 'kontaktpunkter');
  const group = page.getByRole('group', { name: 'Nationella kontaktpunkter för integration' });
  const title = group.getByRole('option').filter({ hasText: 'Titel' });
  await expect(title).toHaveCount(1);
  await expect(title).toContainText('Träff på');
  await expect(title.locator('mark')).toHaveText(['kontaktpunkter']);
  await expect(title).not.toContainText('Nationella');
});

test('Enter opens a hit at its paragraph with matches highlighted; F3 and the buttons step through them', async ({
  app,
}) => {
  const { page } = app;
  await page.goto(app.url('#/'));
  await typeSearch(page, 'handlingsplan');
  await page.keyboard.press('ArrowDown');
  const active = page.locator('[role=option][aria-selected=true]');
  const label = await active.locator('.where').innerText();
  const paragraph = Number(/\d+/.exec(label)?.[0]);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/dokument/${PLAN}/stycke/${paragraph}$`));
  const bar = page.getByRole('search', { name: 'Sök i dokumentet' });
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('searchbox')).toHaveValue('handlingsplan');

  const painted = await paintedMatches(page);
  expect(painted.all.length).toBeGreaterThan(8);
  for (const text of painted.all) expect(text).toMatch(/^handlingsplan/i);
  await expect(bar.locator('.count')).toHaveText(new RegExp(` av ${painted.all.length}$`));
  // The current match is in the opened paragraph, and the reader's text is untouched.
  const inParagraph = await page.evaluate((n) => {
    const range = [...(CSS.highlights.get('search-current') as Highlight)][0] as Range;
    return document.getElementById(`stycke-${n}`)?.contains(range.startContainer) ?? false;
  }, paragraph);
  expect(inParagraph).toBe(true);
  await expect(page.locator('article.document mark')).toHaveCount(0);

  const position = async () => Number(/^(\d+) av/.exec(await bar.locator('.count').innerText())?.[1]);
  const start = await position();
  await page.keyboard.press('F3');
  await expect.poll(position).toBe((start % painted.all.length) + 1);
  await page.keyboard.press('Shift+F3');
  await expect.poll(position).toBe(start);
  await bar.getByRole('button', { name: 'Nästa träff (F3)' }).click();
  await expect.poll(position).toBe((start % painted.all.length) + 1);
  await bar.getByRole('button', { name: 'Föregående träff (Shift+F3)' }).click();
  await expect.poll(position).toBe(start);
  await expect(liveRegion(page, `Träff ${start} av ${painted.all.length}`)).toBeAttached();
});

test('Ctrl+F finds within the open document, Escape closes it', async ({ app }) => {
  const { page } = app;
  await page.goto(app.url(`#/dokument/${PLAN}`));
  await expect(page.locator('article.document')).toBeVisible();
  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: 'Sök i dokumentet' });
  await expect(field).toBeFocused();
  await page.keyboard.type('EU-fonder');
  const bar = page.getByRole('search', { name: 'Sök i dokumentet' });
  await expect(bar).toContainText('1 av 2');
  await expect.poll(async () => (await paintedMatches(page)).all).toEqual(['EU-fonder', 'EU-fonder']);
  await page.keyboard.press('Enter');
  await expect(bar).toContainText('2 av 2');
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await expect.poll(() => paintedMatches(page)).toEqual({ all: [], current: [] });
});

test('a misspelt query shows the hits of the closest spelling at once; as typed, nothing matched and suggestions hit', async ({
  app,
}) => {
  const { page } = app;
  await page.goto(app.url('#/'));
  await typeSearch(page, 'handlinsplanen');
  // Corrected from the documents' own words, at once, and said so.
  await expect(page.getByText('Visar träffar för handlingsplanen.')).toBeVisible();
  await expect(page.getByRole('option').first()).toBeVisible();
  await expect(page.getByRole('option').locator('mark').first()).toHaveText(/^handlingsplanen$/i);
  // "Sök i stället efter handlinsplanen": the query as typed.
  await page.getByRole('button', { name: 'handlinsplanen' }).click();
  await expect(page.getByText('Inga träffar för ”handlinsplanen”.', { exact: true })).toBeVisible();
  await expect(liveRegion(page, 'Menade du handlingsplanen?')).toBeAttached();
  const suggestion = page.getByRole('button', { name: 'handlingsplanen' });
  await expect(suggestion).toBeVisible();
  // Keyboard only: Tab from the field to the suggestion, Enter takes it.
  await page.keyboard.press('Tab');
  await expect(suggestion).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Sök i dokument och anteckningar' })).toHaveValue(
    'handlingsplanen',
  );
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
  await expect(page.getByRole('listbox').getByRole('option').locator('mark').first()).toHaveText(
    /^handlingsplanen$/i,
  );
});

test('keyboard only: arrows move through the results, Escape closes them, focus stays visible', async ({
  app,
}) => {
  const { page } = app;
  await page.goto(app.url('#/'));
  const field = page.getByRole('combobox', { name: 'Sök i dokument och anteckningar' });
  await expect(field).toBeVisible();
  await expect(async () => {
    await page.keyboard.press('Control+Shift+F');
    await expect(field).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.type('integration');
  await expect(page.locator('[data-query="integration"]')).toBeVisible();
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(field).toHaveAttribute(
    'aria-activedescendant',
    (await options.nth(2).getAttribute('id')) ?? '',
  );
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  const outline = await field.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(field).toHaveValue('');
});

test('a view that changes while the user types in the search field leaves the field and its hits alone', async ({
  app,
}) => {
  const { page } = app;
  await page.goto(app.url('#/'));
  await typeSearch(page, 'göra');
  // A deep link arrives (or a slow start lands) mid-word: the reader opens behind the field.
  await page.evaluate((id) => (window.location.hash = `#/dokument/${id}`), PLAN);
  await expect(page.locator('.doc-head')).toBeVisible();
  const field = page.getByRole('combobox', { name: 'Sök i dokument och anteckningar' });
  await expect(field).toBeFocused();
  await page.keyboard.type('n', { delay: 15 });
  await expect(field).toHaveValue('göran');
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(3);
});
