// The first start after the update: a data folder written by the previous release (its JSON
// store code, kept in scripts/legacy/json-store.ts, makes the fixture) is moved into the
// database in one transaction: every note, colour, tag, history entry and setting exactly as
// it was, the old files kept under new names, and nothing imported twice. A failed move
// leaves the old files untouched and in charge, and says so.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJsonAnnotationStore, writeLegacySettings } from '../../../../scripts/legacy/json-store';
import { openAnnotationStore } from '../../../../src-main/services/annotations/store';
import { openSettings } from '../../../../src-main/services/settings/settings';
import { DATABASE_FILE, openUserDatabase } from '../../../../src-main/services/store/database';
import { HIGHLIGHT_COLOURS, type Annotation } from '../../../../src-main/shared/annotation';
import type { Settings } from '../../../../src-main/shared/settings';
import { runChild } from './run-child';
import { readStored } from './stored';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lasaren-legacy-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const DOC = '000_85e98cc4eb8dedfb';
const SETTINGS: Settings = {
  lastDocumentId: '003_e730e55ba1c2e8b7',
  lastParagraph: 7,
  language: 'en',
  theme: 'sepia',
  textSize: 130,
  lineWidth: 'wide',
};

/** A data folder as release 0.1 left it, written by that release's own store code. */
async function writeReleaseStore(folder: string, extraNote = ''): Promise<Annotation[]> {
  const store = await openJsonAnnotationStore(folder);
  const notes = [
    'Åsa får ”citat” – och ’apostrofer’ … § 3 ¶',
    '🇸🇪👩🏽‍💻 e\u0301 Ελληνικά العربية 中文',
    '<img src=x onerror="alert(1)"><script>alert(2)</script>&amp;',
    'ensam surrogat a\ud800b, nolltecken \u0000 och radbrytningar\r\n\tslut',
    '',
    extraNote,
  ];
  const colours = [...HIGHLIGHT_COLOURS, null];
  for (const [i, colour] of colours.entries()) {
    const made = await store.create({
      documentId: DOC,
      paragraph: i + 1,
      quote: { type: 'TextQuoteSelector', exact: `citat ${i}`, prefix: 'före ', suffix: ' efter' },
      position: { type: 'TextPositionSelector', start: i * 10, end: i * 10 + 8 },
      colour,
      note: notes[i] ?? '',
      tags: i % 2 ? ['<b>tagg</b>', 'åäö 🇸🇪', `tagg ${i}`] : [],
    });
    if (!made.ok) throw new Error(made.error.message);
  }
  const first = store.list()[0]!;
  await store.update(first.id, { note: 'ändrad efteråt', tags: ['ändrad'] });
  await store.remove(store.list()[2]!.id);
  // An orphan (its document is not in the library) with edit history, as an import leaves it.
  const orphan: Annotation = {
    id: '0b5c7a52-8f4e-4c8b-9d0e-6a1f2b3c4d5e',
    documentId: 'saknat_dokument',
    paragraph: 3,
    quote: { type: 'TextQuoteSelector', exact: 'text som inte finns', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 100, end: 119 },
    colour: 'purple',
    note: 'föräldralös',
    tags: ['import'],
    created: '2025-03-01T10:00:00.000Z',
    modified: '2025-06-01T10:00:00.000Z',
    history: [
      { colour: 'yellow', note: 'första', tags: [], modified: '2025-03-01T10:00:00.000Z' },
      { colour: 'green', note: 'andra <i>', tags: ['x'], modified: '2025-04-01T10:00:00.000Z' },
    ],
  };
  await store.upsertMany([orphan]);
  await writeLegacySettings(folder, SETTINGS);
  return [...store.list()];
}

describe('moving the previous release’s files into the database', () => {
  it('imports every note, history entry and setting exactly, once, and keeps the old files', async () => {
    const written = await writeReleaseStore(dir);
    expect(written).toHaveLength(6);
    const originals = {
      annotations: await readFile(join(dir, 'annotations.json')),
      backup: await readFile(join(dir, 'annotations.backup.json')),
      settings: await readFile(join(dir, 'settings.json')),
    };

    const database = await openUserDatabase(dir);
    expect(database.problems).toEqual([]);
    expect(database.legacy).toMatchObject({ failed: false, imported: 6 });
    const store = await openAnnotationStore(dir, { database });
    const settings = await openSettings(dir, { database });
    expect(store.all()).toEqual(written);
    expect(settings.get()).toEqual(SETTINGS);
    database.close();

    // The old files are kept, renamed, byte for byte.
    expect(existsSync(join(dir, 'annotations.json'))).toBe(false);
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
    expect(await readFile(join(dir, 'annotations.importerad.json'))).toEqual(originals.annotations);
    expect(await readFile(join(dir, 'annotations.backup.importerad.json'))).toEqual(originals.backup);
    expect(await readFile(join(dir, 'settings.importerad.json'))).toEqual(originals.settings);
    // The reading position went to its own table too.
    expect(readStored(dir)?.positions).toEqual([
      expect.objectContaining({ document_id: '003_e730e55ba1c2e8b7', paragraph: 7 }),
    ]);

    // The next start imports nothing again, even if the old release wrote its file once more.
    await writeFile(join(dir, 'annotations.json'), originals.annotations);
    const again = await openAnnotationStore(dir);
    expect(again.problem).toBeNull();
    expect(again.all()).toEqual(written);
    again.close();
    expect(existsSync(join(dir, 'annotations.json'))).toBe(false);
    expect((await readdir(dir)).filter((f) => f.startsWith('annotations.importerad'))).toHaveLength(2);
  });

  it('a damaged main file: the previous release’s backup is imported and the user is told', async () => {
    const written = await writeReleaseStore(dir);
    // The backup holds the version before the last save (the orphan was added last).
    const backupNotes = written.filter((a) => a.documentId === DOC);
    await writeFile(join(dir, 'annotations.json'), '{"schemaVersion":1,"annotations":[{"id":');
    const store = await openAnnotationStore(dir);
    expect(store.all()).toEqual(backupNotes);
    expect(store.problem?.sv).toMatch(
      /annotations\.json är skadad eller avkortad.*Dess säkerhetskopia \(5 anteckningar\) har lästs in/,
    );
    store.close();
  });

  it('a failed move (disk full) leaves the old files untouched and in charge, and says so', async () => {
    // How many pages an empty database takes, so the cap below fits the schema but not the notes.
    const probe = await openUserDatabase(join(dir, 'probe'));
    const pages = (probe.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    probe.close();
    const written = await writeReleaseStore(dir, 'lång anteckning '.repeat(12_000));
    const before = await readFile(join(dir, 'annotations.json'));

    const database = await openUserDatabase(dir, { maxPageCount: pages + 2 });
    const store = await openAnnotationStore(dir, { database });
    const settings = await openSettings(dir, { database });
    expect(store.all()).toEqual(written);
    expect(settings.get()).toEqual(SETTINGS);
    expect(store.problem?.sv).toMatch(
      /kunde inte flyttas in i den nya databasen \(.*full.*\)\. De gamla filerna .* är orörda och gäller fortfarande: Läsaren visar dina 6 anteckningar men sparar inga ändringar/,
    );
    const refused = await store.create({ ...written[0]!, colour: 'blue' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('gäller fortfarande');
    database.close();
    expect(await readFile(join(dir, 'annotations.json'))).toEqual(before);
    expect(existsSync(join(dir, 'settings.json'))).toBe(true);
    const db = new DatabaseSync(join(dir, DATABASE_FILE), { readOnly: true });
    expect(db.prepare('SELECT count(*) AS n FROM annotations').get()).toEqual({ n: 0 });
    db.close();

    // With room again, the next start moves everything.
    const retried = await openAnnotationStore(dir);
    expect(retried.problem).toBeNull();
    expect(retried.all()).toEqual(written);
    retried.close();
    expect(existsSync(join(dir, 'annotations.json'))).toBe(false);
  });

  it('two processes starting at once on the old files import them exactly once', async () => {
    const written = await writeReleaseStore(dir);
    const outputs = await Promise.all([runChild('open', dir), runChild('open', dir)]);
    expect(outputs.map((o) => o.trim())).toEqual(['open 6 -', 'open 6 -']);
    expect(readStored(dir)?.annotations).toHaveLength(written.length);
    const store = await openAnnotationStore(dir);
    expect(store.all()).toEqual(written);
    store.close();
  });
});
