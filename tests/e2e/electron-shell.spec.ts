// What only the Electron app has: its own application menu in the UI language, the
// right-click menu's Highlight and Note reaching the renderer (main sends the command as
// the menu item does; Playwright cannot click a native menu), and the unpackaged app's own
// data folder. Skipped in the browser host, which has none of these.
import { expect, test } from './fixtures';
import { painted } from './painted';

const DOC = '000_85e98cc4eb8dedfb';

test.beforeEach(({ app }) => {
  test.skip(
    app.kind !== 'electron',
    'Menyer och datamapp finns bara i Electron-appen; webbläsarvärden saknar dem.',
  );
});

test('the application menu is Läsaren’s own, in Swedish, and follows the language setting', async ({
  app,
}) => {
  const electron = app.electron!;
  const labels = () =>
    electron.evaluate(
      ({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label.replace('&', '')) ?? [],
    );
  await expect.poll(labels).toEqual(expect.arrayContaining(['Arkiv', 'Redigera', 'Visa', 'Fönster']));
  // Switch the UI to English through the app's own settings call, as the settings dialog does.
  await app.page.evaluate(() =>
    (
      window as unknown as { lasaren: { updateSettings(p: unknown): Promise<unknown> } }
    ).lasaren.updateSettings({
      language: 'en',
    }),
  );
  await expect.poll(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window']));
});

test('the right-click menu’s Highlight and Note act on the selection', async ({ app }) => {
  const page = app.page;
  await page.goto(app.url(`#/dokument/${DOC}/stycke/2`));
  await expect(page.locator('#stycke-2')).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  const selected = (await page.evaluate(() => getSelection()?.toString() ?? '')).trim();
  expect(selected.length).toBeGreaterThan(0);
  const send = (command: string) =>
    app.electron!.evaluate(
      ({ BrowserWindow }, c) => BrowserWindow.getAllWindows()[0]?.webContents.send('menu:command', c),
      command,
    );
  await send('highlight');
  await expect.poll(() => painted(page, 'lasaren-yellow')).toEqual([selected]);
  await page.locator('#stycke-3').focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await send('note');
  await expect(page.getByRole('dialog', { name: 'Ny anteckning' })).toBeVisible();
  // Anything else main (or anyone) might send is dropped by the preload.
  await send('delete');
});

test('the unpackaged app keeps its data in its own folder', async ({ app }) => {
  const userData = await app.electron!.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
  expect(userData).toBe(app.dataDir);
});
