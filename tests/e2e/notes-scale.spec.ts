// A data folder with 20,000 notes, written through the store as the CLI or an import would:
// the app opens it, shows the right count, pages through the notes panel (a virtualised list
// fed a page at a time by main, so only a screenful of cards is ever in the page), follows a
// note another process saves, and finds one note by the panel's filter and by search (Ctrl+K),
// whose terms main keeps in the database.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openAnnotationStore } from '../../src-main/services/annotations/store';
import { positionSelector, quoteSelector } from '../../src-main/shared/anchoring';
import { HIGHLIGHT_COLOURS, type Annotation } from '../../src-main/shared/annotation';
import { DEFAULT_RESOURCES, expect, leavesApp, test } from './fixtures';

const DOC = '000_85e98cc4eb8dedfb';
const SOURCE = await readFile(join(DEFAULT_RESOURCES, 'documents', `${DOC}.txt`), 'utf8');
const COUNT = 20_000;
const NEEDLE = 19_733;
const WORDS = 'uppföljning remiss etablering samordning kommunerna arbetsmarknad yttrande'.split(' ');

function noteAt(i: number): Annotation {
  // Passages of the real document, one sentence-sized slice per note, every colour.
  const start = (i * 97) % (SOURCE.length - 200);
  const range = { start, end: start + 40 };
  const time = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return {
    id: randomUUID(),
    documentId: DOC,
    paragraph: 1,
    quote: quoteSelector(SOURCE, range),
    position: positionSelector(range),
    colour: i % 6 === 5 ? null : HIGHLIGHT_COLOURS[i % 5]!,
    note:
      i === NEEDLE
        ? 'Återkoppla till Länsstyrelsen i Gävleborg om kontaktpunkten'
        : `Anteckning ${i}: ${WORDS[i % WORDS.length]} och ${WORDS[(i * 3) % WORDS.length]}`,
    tags: i % 4 === 0 ? ['uppföljning'] : [],
    created: time,
    modified: time,
    history: [],
  };
}

test('20,000 notes: the count, paging through the panel, and finding one note', async ({ app }) => {
  test.setTimeout(120_000);
  const page = await app.restart(async () => {
    const store = await openAnnotationStore(app.dataDir);
    const written = await store.upsertMany(Array.from({ length: COUNT }, (_, i) => noteAt(i)));
    store.close();
    expect(written.ok).toBe(true);
  });
  await page.goto(app.url('#/anteckningar'));
  await expect(page.getByText(/^20\s000 av 20\s000 anteckningar$/)).toBeVisible({ timeout: 20_000 });

  // Oldest first: the list starts at note 0 and ends at note 19,999; only a screenful exists.
  await page.getByLabel('Sortera').selectOption('oldest');
  const cards = page.locator('.card');
  await expect(cards.first()).toContainText('Anteckning 0:');
  expect(await cards.count()).toBeLessThan(40);
  const list = page.getByRole('region', { name: 'Anteckningslista' });
  for (const fraction of [0.5, 1]) {
    await list.evaluate((el, f) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * f), fraction);
    await page.waitForTimeout(300);
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  }
  await expect(page.locator('.card', { hasText: 'Anteckning 19999:' })).toBeVisible({ timeout: 15_000 });
  expect(await cards.count()).toBeLessThan(40);

  // Another process saves a note while the list is scrolled to its end: the count follows
  // within seconds and the cards in view are listed again, not left as placeholders.
  const other = await openAnnotationStore(app.dataDir);
  const added = await other.create({ ...noteAt(COUNT), note: 'Tillagd av en annan process' });
  other.close();
  expect(added.ok).toBe(true);
  await expect(page.getByText(/^20\s001 av 20\s001 anteckningar$/)).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.card', { hasText: 'Anteckning 19999:' })).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);

  // The panel's own filter, applied by main over every note.
  await page.getByLabel('Sök i anteckningar').fill('gävleborg');
  await expect(page.getByText(/^1 av 20\s001 anteckningar$/)).toBeVisible();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Länsstyrelsen i Gävleborg');
  await page.getByLabel('Sök i anteckningar').fill('');
  await expect(page.getByText(/^20\s001 av 20\s001 anteckningar$/)).toBeVisible();

  // Search (Ctrl+K) finds the note among 20,000 by an inflected word of it.
  const field = page.getByRole('combobox', { name: 'Sök i dokument och anteckningar' });
  await expect(async () => {
    await page.keyboard.press('Control+k');
    await expect(field).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.type('länsstyrelsens', { delay: 15 });
  const hit = page.getByRole('listbox').getByRole('option').filter({ hasText: 'Gävleborg' });
  await expect(hit).toBeVisible({ timeout: 15_000 });
  await expect(hit).toContainText('anteckning');
  expect(app.requests.filter(leavesApp)).toEqual([]);
});
