// The notes' search terms live in the store's database and follow it change by change: an
// edited note is found by its new words and no longer by its old ones, a deleted note is gone
// (in whichever process deleted it), only changed notes are analysed again, the terms survive
// a restart, and after many changes the answers are exactly those of terms made from scratch.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAnnotationStore, type AnnotationStore } from '../../../../src-main/services/annotations/store';
import { NotesIndex } from '../../../../src-main/services/search/notes';
import { parseQuery } from '../../../../src-main/services/search/query';
import type { Annotation } from '../../../../src-main/shared/annotation';

function note(i: number, text: string): Annotation {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    documentId: '000_85e98cc4eb8dedfb',
    paragraph: 1,
    quote: { type: 'TextQuoteSelector', exact: 'National', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 8 },
    colour: 'yellow',
    note: text,
    tags: [],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    history: [],
  };
}

const found = (index: NotesIndex, query: string) =>
  index
    .rank(parseQuery(query), 50)
    .map((h) => h.hit.annotationId)
    .sort();

const dirs: string[] = [];
const stores: AnnotationStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function open(dir?: string): Promise<{ store: AnnotationStore; index: NotesIndex; dir: string }> {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'lasaren-notes-')));
  if (!dir) dirs.push(folder);
  const store = await openAnnotationStore(folder);
  stores.push(store);
  const index = new NotesIndex(() => 'Titel');
  index.setNotes(store.notes);
  return { store, index, dir: folder };
}

describe('the notes search terms', () => {
  it('follow edits and deletions, and only changed notes are analysed again', async () => {
    const { store, index, dir } = await open();
    const list = Array.from({ length: 200 }, (_, i) =>
      note(i, `vanlig anteckning ${i % 7 === 0 ? 'remiss' : ''}`),
    );
    await store.upsertMany(list);
    expect(await index.catchUp()).toBe(200);
    expect(found(index, 'remiss')).toHaveLength(29);
    expect(await index.catchUp()).toBe(0);

    await store.update(list[0]!.id, { note: 'nu om budgetpropositionen' });
    for (const a of list.slice(100)) await store.remove(a.id);
    // Deleting drops the terms at once (a trigger); the edit is analysed at the next search.
    expect(found(index, 'budgetpropositionen')).toEqual([list[0]!.id]);
    expect(found(index, 'remiss')).toHaveLength(14);
    expect(await index.catchUp()).toBe(0);

    // Another process's changes too, and the terms are still there after a restart.
    const other = await open(dir);
    await other.store.create({ ...note(999, 'från kommandoraden om remiss'), colour: null });
    await other.store.remove(list[7]!.id);
    const restarted = await open(dir);
    expect(found(restarted.index, 'remiss')).toHaveLength(14);
    expect(await restarted.index.catchUp()).toBe(0);
    expect(found(restarted.index, 'kommandoraden')).toHaveLength(1);
  });

  it('after many changes, answers equal terms made from scratch', async () => {
    const { store, index } = await open();
    let list = Array.from({ length: 500 }, (_, i) => note(i, `anteckning nummer${i}`));
    await store.upsertMany(list);
    found(index, 'anteckning');
    for (let round = 0; round < 300; round++) {
      const i = (round * 37) % list.length;
      const changed = { ...list[i]!, note: `ändrad ord${round % 40} runda${round}` };
      list = list.map((a, k) => (k === i ? changed : a));
      await store.upsertMany([changed]);
      if (round % 50 === 0) found(index, 'ord1');
    }
    const fresh = await open();
    await fresh.store.upsertMany(list);
    const queries = ['ord7', 'ord39', 'runda299', 'runda3', 'nummer3', 'nummer499'];
    for (const query of queries) expect(found(index, query), query).toEqual(found(fresh.index, query));
    expect(found(index, 'runda299')).toHaveLength(1);
    // Compound tails and prefixes, as in the paragraph index.
    expect(found(index, 'numme')).toEqual(found(fresh.index, 'numme'));
  });
});
