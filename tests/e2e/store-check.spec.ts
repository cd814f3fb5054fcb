// A large notes database (past the size from which the start does not wait for its check)
// found damaged: the app serves the notes while the check runs in its worker, then moves the
// file aside, restores the newest backup and tells the user what is missing; the panel shows
// the restored notes and a note saved afterwards is kept over a restart.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openAnnotationStore } from '../../src-main/services/annotations/store';
import type { Annotation } from '../../src-main/shared/annotation';
import { expect, test } from './fixtures';
import { backUpWithout, damageIndexPage } from './stored';

const DOC = '000_85e98cc4eb8dedfb';
const COUNT = 2_000;

function longNote(i: number, note: string): Annotation {
  const time = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return {
    id: randomUUID(),
    documentId: DOC,
    paragraph: 1,
    quote: { type: 'TextQuoteSelector', exact: 'National', prefix: '', suffix: ' Contact' },
    position: { type: 'TextPositionSelector', start: 0, end: 8 },
    colour: 'green',
    note,
    tags: [],
    created: time,
    modified: time,
    history: [],
  };
}

test('a large damaged database: served, then recovered from the backup, and the user told', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const page = await app.restart(async () => {
    const store = await openAnnotationStore(app.dataDir);
    const notes = Array.from({ length: COUNT }, (_, i) =>
      longNote(i, `Anteckning ${i} ${'ett längre stycke anteckningstext '.repeat(160)}`),
    );
    notes.push(longNote(COUNT, 'Gjord efter säkerhetskopian'));
    expect((await store.upsertMany(notes)).ok).toBe(true);
    store.close();
    backUpWithout(app.dataDir, 'Gjord efter säkerhetskopian');
    damageIndexPage(app.dataDir);
    expect(statSync(join(app.dataDir, 'lasaren.db')).size).toBeGreaterThan(8 * 1024 * 1024);
  });
  await page.goto(app.url('#/anteckningar'));
  const alert = page.getByRole('alert').filter({ hasText: 'Anteckningarna behövde återställas' });
  await expect(alert).toContainText('Databasen med dina anteckningar var skadad', { timeout: 20_000 });
  await expect(alert).toContainText('Jämfört med den skadade filen: 1 anteckning saknas.');
  await expect(page.getByText(/^2\s000 av 2\s000 anteckningar$/)).toBeVisible({ timeout: 10_000 });

  // Saving goes on, in the restored file.
  const other = await openAnnotationStore(app.dataDir);
  const added = await other.create({ ...longNote(COUNT + 1, 'Sparad efter återställningen') });
  other.close();
  expect(added.ok).toBe(true);
  await expect(page.getByText(/^2\s001 av 2\s001 anteckningar$/)).toBeVisible({ timeout: 10_000 });
});
