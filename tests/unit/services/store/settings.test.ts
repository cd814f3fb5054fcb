// Preferences in the database: saved and read back, one bad stored value falls back to its
// default without resetting the others, another process's change is seen, and a write that
// cannot be saved keeps the value for the session and says why.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSettings } from '../../../../src-main/services/settings/settings';
import { DATABASE_FILE, openUserDatabase } from '../../../../src-main/services/store/database';
import { DEFAULT_SETTINGS } from '../../../../src-main/shared/settings';
import { readStored } from './stored';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lasaren-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('saves preferences and the reading position, and reads them back', async () => {
  const settings = await openSettings(dir);
  expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  await settings.update({ theme: 'dark', lastDocumentId: '003_e730e55ba1c2e8b7', lastParagraph: null });
  await settings.update({ lastParagraph: 12, lastDocumentId: undefined });
  const again = await openSettings(dir);
  expect(again.get()).toEqual({
    ...DEFAULT_SETTINGS,
    theme: 'dark',
    lastDocumentId: '003_e730e55ba1c2e8b7',
    lastParagraph: 12,
  });
  expect(readStored(dir)?.positions).toEqual([
    expect.objectContaining({ document_id: '003_e730e55ba1c2e8b7', paragraph: 12 }),
  ]);
});

it('a bad stored value falls back to its default and the others stay', async () => {
  const settings = await openSettings(dir);
  await settings.update({ theme: 'sepia', textSize: 150 });
  const db = new DatabaseSync(join(dir, DATABASE_FILE));
  db.prepare("UPDATE settings SET value = '\"neon\"' WHERE key = 'theme'").run();
  db.close();
  const again = await openSettings(dir);
  expect(again.get()).toMatchObject({ theme: DEFAULT_SETTINGS.theme, textSize: 150 });
  expect(again.problem?.sv).toContain('theme');
});

it('sees a change another connection saved', async () => {
  const app = await openSettings(dir);
  const other = await openSettings(dir);
  await other.update({ language: 'en' });
  expect(app.get().language).toBe('en');
});

it('a read-only database: the new value holds for the session and the reason is kept', async () => {
  await (await openSettings(dir)).update({ theme: 'light' });
  const database = await openUserDatabase(dir, { readOnly: true });
  const settings = await openSettings(dir, { database });
  expect((await settings.update({ theme: 'dark' })).theme).toBe('dark');
  expect(settings.get().theme).toBe('dark');
  expect(settings.problem?.sv).toMatch(/skrivskyddad/);
  database.close();
  expect((await openSettings(dir)).get().theme).toBe('light');
});
