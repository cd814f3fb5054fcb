// A lasaren:// link, as main routes it: parsed by the shared parser, turned into a hash route
// and loaded into the window (a fragment navigation, like webContents.loadURL with only the
// hash changed). The reader must open the document at exactly that paragraph.
import { documentDeepLink, parseDeepLink, routeHashFor } from '../../src-main/shared/deep-link';
import { expect, test } from './fixtures';

function hashFor(link: string): string {
  const parsed = parseDeepLink(link);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return routeHashFor(parsed.value);
}

test('a deep link opens the document at its paragraph, on start and while running', async ({ app }) => {
  const { page } = app;
  await page.goto(app.url(hashFor(documentDeepLink('000_85e98cc4eb8dedfb', 4))));
  const fourth = page.locator('#stycke-4');
  await expect(fourth).toBeFocused();
  await expect(fourth).toBeInViewport();

  // A second link while the app is open: the same page, another document and paragraph.
  await page.goto(app.url(hashFor('lasaren://document/003_e730e55ba1c2e8b7#stycke-6')));
  await expect(page.locator('#stycke-6')).toBeFocused();
  await expect(page.locator('#stycke-6')).toBeInViewport();
  await expect(page.locator('article.document')).toBeVisible();
});
