// A lasaren:// link, as main routes it: parsed by the shared parser, turned into a hash route
// and loaded into the window (a fragment navigation, like webContents.loadURL with only the
// hash changed). The reader must open the document at exactly that paragraph.
import { _electron } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentDeepLink, parseDeepLink, routeHashFor } from '../../src-main/shared/deep-link';
import { expect, removeDataDir, test } from './fixtures';
import { ROOT, findElectron } from './hosts';

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

test('the Electron app opens a link it was started with, and one sent to it while running', async ({
  hostKind,
}) => {
  test.skip(hostKind !== 'electron', 'Bara Electron-appen tar emot länkar från operativsystemet.');
  const found = findElectron();
  test.skip('reason' in found, 'reason' in found ? found.reason : '');
  if ('reason' in found) return;
  const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-e2e-link-'));
  const env = { ...process.env, LASAREN_DATA_DIR: dataDir } as Record<string, string>;
  const electronApp = await _electron.launch({
    executablePath: found.path,
    args: [ROOT, documentDeepLink('000_85e98cc4eb8dedfb', 4)],
    env,
  });
  try {
    const page = await electronApp.firstWindow();
    await expect(page.locator('#stycke-4')).toBeFocused();
    // A second start with a link (how Windows and Linux deliver one) hands it to the running
    // app through 'second-instance' and quits.
    const second = spawn(found.path, [ROOT, 'lasaren://document/003_e730e55ba1c2e8b7#stycke-6'], { env });
    await new Promise((done) => second.once('exit', done));
    await expect(page).toHaveURL(/#\/dokument\/003_e730e55ba1c2e8b7\/stycke\/6$/);
    await expect(page.locator('#stycke-6')).toBeFocused();
  } finally {
    // close() resolves once the app's process has exited; then nothing writes into the folder.
    await electronApp.close();
    await removeDataDir(dataDir);
  }
});
