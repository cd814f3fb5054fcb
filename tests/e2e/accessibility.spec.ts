// Every view and state passes axe-core's WCAG 2.1 AA rules in every theme, text can grow to
// 200 % without loss, and the settings are reachable and remembered.
import type { Page } from '@playwright/test';
import { HIGHLIGHT_COLOURS } from '../../src-main/shared/annotation';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, setPreference } from './a11y';

const PLAN = '003_e730e55ba1c2e8b7';
const NCP = '000_85e98cc4eb8dedfb';

for (const theme of ['light', 'dark', 'sepia'] as const) {
  test(`library, reader and dialogs have no axe violations (${theme})`, async ({ app }) => {
    const { page } = app;
    await page.goto(app.url('#/'));
    await setPreference(page, { theme });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, `library ${theme}`);

    await page.goto(app.url(`#/dokument/${PLAN}/stycke/3`));
    await expect(page.locator('#stycke-3')).toBeFocused();
    await expectNoAxeViolations(page, `reader ${theme}`);

    await page.goto(app.url('#/dokument/finns_inte'));
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page, `unknown document ${theme}`);

    await page.goto(app.url(`#/dokument/${NCP}`));
    await page.getByRole('link', { name: /^http:\/\/ec\.europa\.eu/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page, `link dialog ${theme}`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Inställningar' }).click();
    await expect(page.getByRole('dialog', { name: 'Inställningar' })).toBeVisible();
    await expectNoAxeViolations(page, `settings dialog ${theme}`);
  });

  test(`highlights, search, find, notes and export have no axe violations (${theme})`, async ({ app }) => {
    const { page } = app;
    await page.goto(app.url('#/'));
    await setPreference(page, { theme });
    await seedAnnotations(page);
    await page.reload();

    // The reader with highlights in every colour, then the selection toolbar and the editor.
    await page.goto(app.url(`#/dokument/${PLAN}`));
    await expect(page.locator('article.document[data-annotations-painted="6"]')).toBeVisible();
    await expectNoAxeViolations(page, `reader with highlights ${theme}`);
    await selectWords(page, 7);
    await expect(page.getByRole('toolbar')).toBeVisible();
    await expectNoAxeViolations(page, `selection toolbar ${theme}`);
    await page.keyboard.press('Alt+N');
    await expect(page.getByRole('dialog', { name: 'Ny anteckning' })).toBeVisible();
    await expectNoAxeViolations(page, `note editor ${theme}`);
    await page.keyboard.press('Escape');

    // Search results and the find bar.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('integration', { delay: 10 });
    await expect(page.getByRole('option').first()).toBeVisible();
    await expectNoAxeViolations(page, `search results ${theme}`);
    await page.keyboard.press('Escape');
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    await page.keyboard.type('handlingsplan');
    await expect(page.getByRole('search', { name: 'Sök i dokumentet' })).toContainText(/av \d+/);
    await expectNoAxeViolations(page, `find bar ${theme}`);

    // The notes panel, and the export and import dialogs over it.
    await page.goto(app.url('#/anteckningar'));
    await expect(page.getByRole('heading', { level: 1, name: 'Anteckningar' })).toBeVisible();
    await expectNoAxeViolations(page, `notes panel ${theme}`);
    await page.getByRole('button', { name: 'Exportera', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Exportera anteckningar' })).toBeVisible();
    await expectNoAxeViolations(page, `export dialog ${theme}`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Importera' }).click();
    await expect(page.getByRole('dialog', { name: 'Importera anteckningar' })).toBeVisible();
    await expectNoAxeViolations(page, `import dialog ${theme}`);
  });
}

/** One annotation per colour plus a note without colour, on real passages, through the API. */
async function seedAnnotations(page: Page): Promise<void> {
  await page.evaluate(async (colours) => {
    const api = window.lasaren;
    const doc = await api.getDocument({ id: '003_e730e55ba1c2e8b7' });
    if (!doc.ok) throw new Error(doc.error.message);
    const paragraphs = doc.value.blocks.filter((b) => b.kind === 'paragraph');
    const bodies = [...colours, null];
    for (const [i, colour] of bodies.entries()) {
      const block = paragraphs[i]!;
      const start = block.start;
      const end = start + block.text.indexOf(' ', 30);
      const source = doc.value.text;
      const result = await api.createAnnotation({
        documentId: doc.value.meta.id,
        paragraph: block.number ?? 1,
        quote: {
          type: 'TextQuoteSelector',
          exact: source.slice(start, end),
          prefix: source.slice(Math.max(0, start - 32), start),
          suffix: source.slice(end, end + 32),
        },
        position: { type: 'TextPositionSelector', start, end },
        colour,
        note: colour ? '' : 'En anteckning utan färg.',
        tags: ['granskning'],
      });
      if (!result.ok) throw new Error(result.error.message);
    }
  }, HIGHLIGHT_COLOURS);
}

/** Selects the first words of paragraph `n` as a mouse user would, ending with a mouseup. */
async function selectWords(page: Page, n: number): Promise<void> {
  await page.locator(`#stycke-${n} p`).evaluate((p) => {
    p.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, node.data.indexOf(' ', 20));
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
}

test('the system theme follows a dark system setting without axe violations', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(app.url(`#/dokument/${PLAN}`));
  await expect(page.locator('article.document')).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(23, 24, 26)');
  await expectNoAxeViolations(page, 'reader system-dark');
});

test('text at 200 % keeps every line on screen, and the preference is remembered', async ({ app }) => {
  let page = app.page;
  await page.goto(app.url(`#/dokument/${NCP}`));
  await page.getByRole('button', { name: 'Inställningar' }).click();
  const larger = page.getByRole('button', { name: 'Större text' });
  for (let i = 0; i < 10; i++) if (await larger.isEnabled()) await larger.click();
  await expect(page.getByRole('dialog').locator('output')).toHaveText('200 %');
  await expect(larger).toBeDisabled();
  await page.keyboard.press('Escape');
  const size = await page
    .locator('.para p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(size).toBeCloseTo(36, 0);
  // No horizontal scrolling and no clipped text at double size.
  const overflow = await page.locator('main').evaluate((m) => m.scrollWidth - m.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, 'reader at 200 %');
  page = await app.restart();
  await page.goto(app.url(`#/dokument/${NCP}`));
  await expect
    .poll(() =>
      page
        .locator('.para p')
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize)),
    )
    .toBeCloseTo(36, 0);
});

test('the interface switches to English and back, and the choice is remembered', async ({ app }) => {
  let page = app.page;
  await page.goto(app.url('#/'));
  await page.getByRole('button', { name: 'Inställningar' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('9 paragraphs')).toBeVisible();
  await expectNoAxeViolations(page, 'library in English');
  page = await app.restart();
  await page.goto(app.url('#/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Svenska' }).check();
  await expect(page.getByRole('heading', { level: 2, name: 'Inställningar' })).toBeVisible();
});
