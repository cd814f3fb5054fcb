// Importing the user's own files through the IPC dispatcher, on real services and a real
// database: the document joins the library as "imported", is searchable at once (the index
// extended, not rebuilt), survives a restart, takes metadata edits, and is removed with its
// notes kept as orphans unless asked otherwise. A refused file leaves nothing behind.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../../src-main/ipc/dispatch';
import { createHandlerTable } from '../../../../src-main/ipc/table';
import { openServices, type Services } from '../../../../src-main/services';
import { CHANNELS } from '../../../../src-main/shared/channels';
import type { ImportFileOutcome } from '../../../../src-main/shared/documents/imports';
import type { DocumentSummary, ReaderDocument } from '../../../../src-main/shared/documents/model';
import type { SearchResponse } from '../../../../src-main/shared/search';
import { ROOT, testfile } from './import-fixtures';

const open: Services[] = [];
async function start(dataDir: string): Promise<{ services: Services; dispatch: Dispatcher }> {
  const services = await openServices({
    resourcesDir: join(ROOT, 'resources'),
    dataDir,
    openExternal: async () => undefined,
    watchIntervalMs: 0,
  });
  open.push(services);
  return { services, dispatch: createDispatcher(createHandlerTable(services)) };
}
afterAll(() => open.forEach((s) => s.close()));

async function value<T>(dispatch: Dispatcher, channel: string, payload: unknown): Promise<T> {
  const result = await dispatch(channel, payload);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

describe('importing documents', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-import-'));
  const { services, dispatch } = await start(dataDir);
  const shipped = services.library.list().length;
  const docx = testfile('15_prop-2012-13-144_sjofartsstodet.docx');

  it('adds a Word file: in the library as imported, original kept, searchable at once', async () => {
    await services.search.ready;
    const outcome = await value<ImportFileOutcome>(dispatch, CHANNELS.importDocument, {
      fileName: 'sjöfartsstödet.docx',
      data: b64(docx),
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { document } = outcome;
    expect(document).toMatchObject({
      origin: 'imported',
      author: 'Ellika Eriksson',
      published: '2013-04-18',
    });
    expect(document.id).toMatch(/^imp-[0-9a-f]{16}$/);
    const list = await value<DocumentSummary[]>(dispatch, CHANNELS.listDocuments, undefined);
    expect(list).toHaveLength(shipped + 1);
    expect(readdirSync(join(dataDir, 'imported'))).toEqual([`${document.id}.docx`]);
    const found = await value<SearchResponse>(dispatch, CHANNELS.search, { query: 'fartygskategorier' });
    const hit = found.hits.find((h) => h.documentId === document.id);
    expect(hit).toBeDefined();
    const doc = await value<ReaderDocument>(dispatch, CHANNELS.getDocument, { id: document.id });
    const block = doc.blocks.find((b) => b.number === hit!.paragraph)!;
    expect(block.text).toContain('fartygskategorier');
  });

  it('recognises the same file added again and stores nothing new', async () => {
    const again = await value<ImportFileOutcome>(dispatch, CHANNELS.importDocument, {
      fileName: 'kopia.docx',
      data: b64(docx),
    });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(services.imports.list()).toHaveLength(1);
  });

  it('refuses a bad file with its message and changes nothing', async () => {
    const before = readdirSync(join(dataDir, 'imported'));
    const bad = await value<ImportFileOutcome>(dispatch, CHANNELS.importDocument, {
      fileName: 'rapport.pdf',
      data: b64(testfile('19_pandoc_tables.docx')),
    });
    expect(bad).toMatchObject({ ok: false, problem: 'mismatch', fileName: 'rapport.pdf' });
    if (!bad.ok) expect(bad.messageEn).toMatch(/named \.pdf/);
    expect(readdirSync(join(dataDir, 'imported'))).toEqual(before);
    expect(services.imports.list()).toHaveLength(1);
    const invalid = await dispatch(CHANNELS.importDocument, { fileName: 'x.txt', data: 'not base64!' });
    expect(invalid.ok).toBe(false);
  });

  it('edits metadata with validation, and the edit survives a restart', async () => {
    const id = services.imports.list()[0]!.id;
    const wrong = await dispatch(CHANNELS.updateDocumentMeta, { id, patch: { published: '13 april' } });
    expect(!wrong.ok && wrong.error.message).toMatch(/ÅÅÅÅ-MM-DD/);
    const edited = await value<DocumentSummary>(dispatch, CHANNELS.updateDocumentMeta, {
      id,
      patch: { title: 'Sjöfartsstödets inriktning', designation: 'Prop. 2012/13:144' },
    });
    expect(edited).toMatchObject({ title: 'Sjöfartsstödets inriktning', designation: 'Prop. 2012/13:144' });
    const second = await start(dataDir);
    expect(second.services.library.summary(id)).toMatchObject({
      title: 'Sjöfartsstödets inriktning',
      origin: 'imported',
    });
    await second.services.search.ready;
    const found = await value<SearchResponse>(second.dispatch, CHANNELS.search, {
      query: 'fartygskategorier',
    });
    expect(found.hits.some((h) => h.documentId === id)).toBe(true);
  });

  it('removes a document, keeping its notes as orphans unless asked to delete them', async () => {
    const id = services.imports.list()[0]!.id;
    const doc = (await services.library.get(id)) as { ok: true; value: ReaderDocument };
    const block = doc.value.blocks.find((b) => b.number === 3)!;
    const note = await services.annotations.create({
      documentId: id,
      paragraph: 3,
      quote: { type: 'TextQuoteSelector', exact: block.text.slice(0, 20), prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: block.start, end: block.start + 20 },
      colour: 'yellow',
      note: 'Viktigt',
      tags: [],
    });
    expect(note.ok).toBe(true);
    const removed = await value<{ notesDeleted: number }>(dispatch, CHANNELS.removeDocument, {
      id,
      deleteNotes: false,
    });
    expect(removed.notesDeleted).toBe(0);
    expect(services.annotations.all().some((a) => a.documentId === id)).toBe(true);
    expect(services.library.summary(id)).toBeUndefined();
    expect(existsSync(join(dataDir, 'imported', `${id}.docx`))).toBe(false);
    const found = await value<SearchResponse>(dispatch, CHANNELS.search, { query: 'fartygskategorier' });
    expect(found.hits.some((h) => h.documentId === id)).toBe(false);

    const html = await value<ImportFileOutcome>(dispatch, CHANNELS.importDocument, {
      fileName: 'dir.html',
      data: b64(testfile('22_regeringen_dir-2016-15.html')),
    });
    if (!html.ok) throw new Error(html.message);
    const target = (await services.library.get(html.document.id)) as { ok: true; value: ReaderDocument };
    const p = target.value.blocks.find((b) => b.number === 1)!;
    await services.annotations.create({
      documentId: html.document.id,
      paragraph: 1,
      quote: { type: 'TextQuoteSelector', exact: p.text.slice(0, 10), prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: p.start, end: p.start + 10 },
      colour: 'green',
      note: '',
      tags: [],
    });
    const gone = await value<{ notesDeleted: number }>(dispatch, CHANNELS.removeDocument, {
      id: html.document.id,
      deleteNotes: true,
    });
    expect(gone.notesDeleted).toBe(1);
    expect(services.annotations.all().some((a) => a.documentId === html.document.id)).toBe(false);
  });

  it('stores nothing when the original cannot be written (all or nothing)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lasaren-import-full-'));
    writeFileSync(join(dir, 'imported'), 'a file where the folder should be');
    const { services: s, dispatch: d } = await start(dir);
    const outcome = await value<ImportFileOutcome>(d, CHANNELS.importDocument, {
      fileName: 'dir.html',
      data: b64(testfile('22_regeringen_dir-2016-15.html')),
    });
    expect(outcome).toMatchObject({ ok: false, problem: 'io' });
    expect(s.imports.list()).toEqual([]);
    const restarted = await start(dir);
    expect(restarted.services.imports.list()).toEqual([]);
  });
});
