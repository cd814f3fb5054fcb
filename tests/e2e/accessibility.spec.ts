// Every view and state passes axe-core's WCAG 2.1 AA rules in every theme, text can grow to
// 200 % without loss, and the settings are reachable and remembered.
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

    await page.goto(app.url(`#/dokument/${NCP}`));
    await page.getByRole('link', { name: /^http:\/\/ec\.europa\.eu/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page, `link dialog ${theme}`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Inställningar' }).click();
    await expect(page.getByRole('dialog', { name: 'Inställningar' })).toBeVisible();
    await expectNoAxeViolations(page, `settings dialog ${theme}`);
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
