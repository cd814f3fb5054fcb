// Import of W3C JSON: Läsaren's own export round-trips into an empty data folder to an
// identical store; files from other W3C tools are read with sensible defaults; conflicts
// keep the newer version and the older in history; bad files change nothing at all.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../src-main/shared/annotation';
import { MAX_IMPORT_BYTES } from '../../../../src-main/shared/export';
import { readStored } from '../store/stored';
import {
  DOC_A,
  DOC_B,
  SAMPLES,
  annotate,
  openSandbox,
  sandboxWithSamples,
  type Sandbox,
} from './sample-notes';

const open: Sandbox[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.cleanup();
});
async function sandbox(withSamples = false) {
  const s = withSamples ? await sandboxWithSamples() : await openSandbox();
  open.push(s);
  return s;
}

const byId = (list: readonly Annotation[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

async function exportJson(s: Sandbox): Promise<string> {
  return new TextDecoder().decode((await s.services.exports.render('json', { kind: 'all' })).bytes);
}

async function importText(s: Sandbox, text: string) {
  const preview = await s.services.exports.previewImportContent('test.json', text);
  if (!preview.ok) throw new Error(preview.error.message);
  const applied = await s.services.exports.applyImport(preview.value.token);
  if (!applied.ok) throw new Error(applied.error.message);
  return { preview: preview.value, applied: applied.value };
}

describe('round trip', () => {
  it('a JSON export imported into an empty data folder gives an identical store', async () => {
    const from = await sandbox(true);
    // An edited note has history too; it must survive the trip.
    const edited = await from.services.annotations.update(from.services.annotations.all()[0]!.id, {
      note: 'Ändrad anteckning',
    });
    expect(edited.ok).toBe(true);
    const to = await sandbox();
    const { preview, applied } = await importText(to, await exportJson(from));
    expect(preview).toMatchObject({ total: 4, added: 4, unchanged: 0, conflicts: 0, unknownDocuments: [] });
    expect(applied).toEqual({ added: 4, updated: 0, unchanged: 0 });
    expect(byId(to.services.annotations.all())).toEqual(byId(from.services.annotations.all()));
    // And on disk, read back by a fresh store.
    const reopened = await openSandboxOn(to.dataDir);
    expect(byId(reopened)).toEqual(byId(from.services.annotations.all()));
  });

  it('importing the same file again adds nothing and does not write', async () => {
    const s = await sandbox(true);
    const json = await exportJson(s);
    const before = readStored(s.dataDir);
    const { preview, applied } = await importText(s, json);
    expect(preview).toMatchObject({ added: 0, unchanged: 4, conflicts: 0 });
    expect(applied).toEqual({ added: 0, updated: 0, unchanged: 4 });
    expect(readStored(s.dataDir)).toEqual(before);
  });
});

async function openSandboxOn(dataDir: string): Promise<readonly Annotation[]> {
  const { openAnnotationStore } = await import('../../../../src-main/services/annotations/store');
  return (await openAnnotationStore(dataDir)).all();
}

describe('conflicts', () => {
  it('the newer version wins and the older body is kept in history, both ways', async () => {
    const mine = await sandbox(true);
    const theirs = await sandbox();
    await importText(theirs, await exportJson(mine));
    const [first, second] = mine.services.annotations.all();
    // Theirs edits the first later than mine; mine edits the second later than theirs.
    await mine.services.annotations.update(first!.id, { note: 'min version' });
    await new Promise((r) => setTimeout(r, 5));
    await theirs.services.annotations.update(first!.id, { note: 'deras nyare version', tags: ['ny'] });
    await theirs.services.annotations.update(second!.id, { colour: 'blue' });
    await new Promise((r) => setTimeout(r, 5));
    await mine.services.annotations.update(second!.id, { note: 'min nyare version' });

    const { preview, applied } = await importText(mine, await exportJson(theirs));
    expect(preview).toMatchObject({ total: 4, added: 0, unchanged: 2, conflicts: 2, replaced: 1 });
    expect(applied).toEqual({ added: 0, updated: 2, unchanged: 2 });

    const a = mine.services.annotations.get(first!.id)!;
    expect(a.note).toBe('deras nyare version');
    expect(a.tags).toEqual(['ny']);
    expect(a.history.map((h) => h.note)).toContain('min version');

    const b = mine.services.annotations.get(second!.id)!;
    expect(b.note).toBe('min nyare version');
    expect(b.colour).toBe(second!.colour);
    expect(b.history.some((h) => h.colour === 'blue')).toBe(true);
    expect(mine.services.annotations.all()).toHaveLength(4);
  });
});

const foreign = (over: Record<string, unknown> = {}) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'https://annotations.example.org/anno/42',
  type: 'Annotation',
  motivation: 'commenting',
  created: '2025-03-01T10:00:00+01:00',
  body: [
    { type: 'TextualBody', value: 'Från ett annat verktyg: viktigt!', purpose: 'commenting' },
    { type: 'TextualBody', value: 'extern', purpose: 'tagging' },
  ],
  target: {
    source: `lasaren://document/${DOC_B}`,
    selector: {
      type: 'RangeSelector',
      refinedBy: { type: 'TextQuoteSelector', exact: 'fyra huvudområden' },
    },
  },
  ...over,
});

describe('files from other W3C tools', () => {
  it('reads a single annotation with a URL id, refinedBy selectors and no Läsaren extensions', async () => {
    const s = await sandbox();
    const { preview } = await importText(s, JSON.stringify(foreign()));
    expect(preview).toMatchObject({ total: 1, added: 1 });
    const [a] = s.services.annotations.all();
    const doc = await s.services.library.get(DOC_B);
    if (!doc.ok) throw new Error('document missing');
    expect(doc.value.text.slice(a!.position.start, a!.position.end)).toBe('fyra huvudområden');
    expect(a).toMatchObject({
      documentId: DOC_B,
      paragraph: 4,
      note: 'Från ett annat verktyg: viktigt!',
      tags: ['extern'],
      colour: null,
      created: '2025-03-01T10:00:00+01:00',
      modified: '2025-03-01T10:00:00+01:00',
      history: [],
    });
    expect(a!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The same foreign file again: same derived id, nothing new.
    const again = await s.services.exports.previewImportContent('igen.json', JSON.stringify(foreign()));
    expect(again.ok && again.value).toMatchObject({ added: 0, unchanged: 1 });
  });

  it('reads an array and an AnnotationPage; a highlight without colour becomes yellow', async () => {
    const s = await sandbox();
    const highlight = foreign({ id: 'urn:x:1', motivation: 'highlighting', body: undefined });
    const arr = await importText(s, JSON.stringify([highlight]));
    expect(arr.preview.added).toBe(1);
    expect(s.services.annotations.all()[0]).toMatchObject({ colour: 'yellow', note: '', tags: [] });
    const page = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [foreign({ id: 'urn:x:2', bodyValue: 'enkel kommentar', body: undefined })],
    };
    const fromPage = await importText(s, JSON.stringify(page));
    expect(fromPage.preview.added).toBe(1);
    expect(s.services.annotations.all().map((a) => a.note)).toContain('enkel kommentar');
  });

  it('keeps annotations of documents not in this library and reports them', async () => {
    const s = await sandbox();
    const orphan = foreign({
      id: 'urn:x:orphan',
      target: {
        source: 'lasaren://document/finns_inte_har',
        selector: [
          { type: 'TextQuoteSelector', exact: 'en mening i ett annat bibliotek', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 10, end: 41 },
        ],
      },
    });
    const { preview } = await importText(s, JSON.stringify([orphan]));
    expect(preview.unknownDocuments).toEqual([{ documentId: 'finns_inte_har', count: 1 }]);
    expect(s.services.annotations.all()).toHaveLength(1);
    expect(s.services.annotations.all()[0]!.documentId).toBe('finns_inte_har');
  });
});

describe('bad files change nothing', () => {
  const cases: Array<[string, string | Uint8Array, RegExp]> = [
    ['not JSON', 'det här är ingen JSON', /inte giltig JSON/],
    ['truncated', '{"type":"AnnotationCollection","first":{"items":[{"id":"urn:uuid:', /avkortad/],
    ['empty', '   ', /tom/],
    ['wrong format', '{"schemaVersion":1,"notes":[]}', /inte i W3C Web Annotation-formatet/],
    [
      'an annotation on a web page',
      JSON.stringify(foreign({ target: 'https://example.org/page.html' })),
      /gäller inte ett dokument i Läsaren/,
    ],
    [
      'no quote',
      JSON.stringify(foreign({ target: { source: `lasaren://document/${DOC_A}` } })),
      /saknar citatet/,
    ],
    ['a bad colour', JSON.stringify(foreign({ 'lasaren:colour': 'röd' })), /okänd färg/],
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /inte UTF-8/],
    ['huge', new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20), /för stor \(20,0 MB\); .*högst 20,0 MB/],
  ];
  for (const [name, content, message] of cases) {
    it(`${name}: a Swedish message naming the problem, store bytes unchanged`, async () => {
      const s = await sandbox();
      await annotate(s.services, SAMPLES[0]!);
      const before = readStored(s.dataDir);
      const file = join(s.dataDir, 'import.json');
      await writeFile(file, content);
      const preview = await s.services.exports.previewImportFile(file);
      expect(preview.ok).toBe(false);
      if (!preview.ok) expect(preview.error.message).toMatch(message);
      expect(readStored(s.dataDir)).toEqual(before);
      expect(s.services.annotations.all()).toHaveLength(1);
    });
  }

  it('a file with one broken annotation among good ones imports none of them', async () => {
    const s = await sandbox();
    const good = foreign({ id: 'urn:x:good' });
    const bad = foreign({ id: 'urn:x:bad', created: 'igår' });
    const preview = await s.services.exports.previewImportContent(
      'blandad.json',
      JSON.stringify([good, bad]),
    );
    expect(preview.ok).toBe(false);
    if (!preview.ok)
      expect(preview.error.message).toMatch(/anteckning 2 created "igår" är inte en tid.*Inget har ändrats/);
    expect(s.services.annotations.all()).toHaveLength(0);
  });

  it('an expired or unknown preview token is refused', async () => {
    const s = await sandbox();
    const applied = await s.services.exports.applyImport('00000000-0000-4000-8000-000000000000');
    expect(applied.ok).toBe(false);
  });
});

describe('export files and the file manager', () => {
  it('saves into the exports folder under a dated name, never overwriting, and reveals only its own files', async () => {
    const s = await sandbox(true);
    const first = await s.services.exports.exportNotes('md', { kind: 'document', documentId: DOC_A });
    const second = await s.services.exports.exportNotes('md', { kind: 'document', documentId: DOC_A });
    if (!first.ok || first.value.cancelled || !second.ok || second.value.cancelled)
      throw new Error('export failed');
    expect(first.value.fileName).toMatch(/^Anteckningar \d{4}-\d{2}-\d{2}\.md$/);
    expect(second.value.fileName).toMatch(/^Anteckningar \d{4}-\d{2}-\d{2} \(2\)\.md$/);
    expect(first.value).toMatchObject({ count: 2, documents: 1, canReveal: false });
    expect(await readFile(first.value.path, 'utf8')).toContain('Göran Lindqvist');
    const outside = await s.services.exports.reveal('/etc/passwd');
    expect(outside.ok).toBe(false);
  });

  it('a filter scope exports exactly what the notes panel shows', async () => {
    const s = await sandbox(true);
    const { model } = await s.services.exports.render('json', { kind: 'filter', filter: { tag: 'HÄLSA' } });
    expect(model.count).toBe(1);
    const byText = await s.services.exports.render('md', { kind: 'filter', filter: { text: 'åsa ring' } });
    expect(byText.model.count).toBe(1);
    const none = await s.services.exports.render('md', { kind: 'filter', filter: { colour: 'none' } });
    expect(none.model.groups.map((g) => g.documentId)).toEqual([DOC_B]);
  });
});
