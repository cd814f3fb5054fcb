// The search service as the app uses it: stored index loaded when its hash matches, rebuilt
// (and stored) when the documents change, notes in the same ranked list, find-in-document,
// and building in a worker thread.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAnnotationStore } from '../../../../src-main/services/annotations/store';
import { buildInWorker } from '../../../../src-main/services/search/build';
import { SearchEngine } from '../../../../src-main/services/search/engine';
import { INDEX_FILE_NAME, contentHash } from '../../../../src-main/services/search/index-file';
import { createSearchService, paragraphRecords } from '../../../../src-main/services/search/service';
import type { Annotation } from '../../../../src-main/shared/annotation';
import { DOCS, NCP, PLAN, marked, openDocs, realLibrary, where } from './helpers';

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lasaren-search-'));
  temps.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A resources folder holding a copy of the shipped documents. */
async function resourcesCopy(): Promise<string> {
  const dir = await tempDir();
  await cp(DOCS, join(dir, 'documents'), { recursive: true });
  return dir;
}

async function service(resourcesDir: string, dataDir: string) {
  const library = await openDocs(join(resourcesDir, 'documents'));
  const search = createSearchService(library, { resourcesDir, dataDir });
  return { library, search, how: await search.ready };
}

function annotation(
  documentId: string,
  paragraph: number,
  exact: string,
  note: string,
  tags: string[],
): Annotation {
  return {
    id: `00000000-0000-4000-8000-00000000000${paragraph}`,
    documentId,
    paragraph,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    colour: 'yellow',
    note,
    tags,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    history: [],
  };
}

describe('index lifecycle', () => {
  it('builds and stores the index when none matches, then loads the stored one', async () => {
    const resources = await resourcesCopy();
    const data = await tempDir();
    const first = await service(resources, data);
    expect(first.how).toMatch(/byggdes om/);
    const stored = await readFile(join(data, INDEX_FILE_NAME), 'utf8');
    // The collection's records, whose texts stay on disk: hashed by document version.
    const records = await first.library.searchRecords();
    expect(stored).toContain(contentHash(records));
    // The same blocks as the parsed documents give, texts read from the records file.
    const parsed = paragraphRecords(await first.library.loadAll());
    expect(records.map((r) => [r.documentId, r.paragraph, r.heading, r.text])).toEqual(
      parsed.map((r) => [r.documentId, r.paragraph, r.heading, r.text]),
    );
    const second = await service(resources, data);
    expect(second.how).toMatch(/lästes in/);
    // The loaded index answers exactly like the built one.
    for (const q of ['politik', 'göran', 'ESF+', '"handlingsplan för integration"', 'regeringn']) {
      expect(await second.search.search(q)).toEqual(await first.search.search(q));
    }
  });

  it('rebuilds when a document changes, and finds the new words', async () => {
    const resources = await resourcesCopy();
    const data = await tempDir();
    await service(resources, data);
    const file = join(resources, 'documents', `${NCP}.txt`);
    await writeFile(file, (await readFile(file, 'utf8')) + '\n\nEtt nytt stycke om sjukvårdsförsäkring.\n');
    const changed = await service(resources, data);
    expect(changed.how).toMatch(/byggdes om/);
    const hits = (await changed.search.search('försäkring')).hits;
    expect(hits.map(marked)).toEqual([['sjukvårdsförsäkring']]);
  });

  it('builds again, and says so, when the stored postings are damaged', async () => {
    const resources = await resourcesCopy();
    const data = await tempDir();
    const first = await service(resources, data);
    const path = join(data, INDEX_FILE_NAME);
    // The hash still matches; the text field's postings lose their last posting.
    const lines = (await readFile(path, 'utf8')).split('\n');
    const at = lines.findIndex((l) => l.startsWith('postings.text\t'));
    expect(at).toBeGreaterThan(0);
    lines[at] = (lines[at] as string).slice(0, -8);
    await writeFile(path, lines.join('\n'));
    const logged: string[] = [];
    const library = await openDocs(join(resources, 'documents'));
    const search = createSearchService(library, {
      resourcesDir: resources,
      dataDir: data,
      log: (l) => void logged.push(l),
    });
    expect(await search.ready).toMatch(/byggdes om/);
    expect(logged.join('\n')).toMatch(/kunde inte läsas in .*byggs om/);
    expect(await search.search('politik')).toEqual(await first.search.search('politik'));
  });

  it('prefers a shipped index in the resources folder when it matches', async () => {
    const resources = await resourcesCopy();
    const data = await tempDir();
    await service(resources, data);
    await cp(join(data, INDEX_FILE_NAME), join(resources, INDEX_FILE_NAME));
    await rm(join(data, INDEX_FILE_NAME));
    expect((await service(resources, await tempDir())).how).toContain(join(resources, INDEX_FILE_NAME));
  });

  it('builds in a worker thread an index identical to the in-process one', async () => {
    const records = paragraphRecords((await realLibrary()).documents);
    const inProcess = new SearchEngine();
    inProcess.add(records);
    const fromWorker = new SearchEngine();
    await fromWorker.import(records, await buildInWorker(records));
    for (const q of ['politik', 'goran', 'EU-fonder', 'handlingspl'])
      expect(fromWorker.search(q)).toEqual(inProcess.search(q));
  });
});

describe('notes in search', () => {
  it('returns notes and tags in the same ranked list, marked as notes', async () => {
    const { search } = await service(await resourcesCopy(), await tempDir());
    // The notes live in a real store; search reads their terms from its database.
    const store = await openAnnotationStore(await tempDir());
    await store.upsertMany([
      annotation(
        PLAN,
        4,
        'Europeiska socialfonden+ (ESF+)',
        'Fråga enheten om ESF+ kan finansiera språkkurser.',
        ['finansiering'],
      ),
      annotation(NCP, 3, 'handbok om integration', '', ['handbok', 'att läsa']),
      annotation(NCP, 1, 'inrättades 2002', '', []),
    ]);
    search.setNotes(store.notes);
    const esf = (await search.search('ESF+')).hits;
    expect(esf.map((h) => h.kind).sort()).toEqual(['note', 'paragraph']);
    const note = esf.find((h) => h.kind === 'note')!;
    expect(where(note)).toBe(`${PLAN}#4`);
    expect(marked(note)).toEqual(['ESF+']);
    expect(note.title).toBe('2020/21:FPM54 – Handlingsplan för integration och inkludering 2021–2027');
    // A note's own words rank above a paragraph that matches as well.
    expect(esf[0]!.kind).toBe('note');

    const tagged = (await search.search('finansiering')).hits;
    expect(tagged).toHaveLength(1);
    expect(tagged[0]).toMatchObject({ kind: 'note', tags: ['finansiering'], tagMatches: [0], matches: [] });

    // Stemming and compounds apply to notes too: "kurser" finds "språkkurser".
    expect((await search.search('kurser')).hits.map((h) => h.kind)).toEqual(['note']);
    expect((await search.search('att läsa')).hits.some((h) => h.kind === 'note')).toBe(true);

    // A deleted note is no longer found.
    const financed = tagged[0]!.annotationId!;
    expect((await store.remove(financed)).ok).toBe(true);
    expect((await search.search('finansiering')).hits).toEqual([]);
    store.close();
  });
});

describe('find in document', () => {
  it('lists every match in reading order with offsets into each paragraph', async () => {
    const { search, library } = await service(await resourcesCopy(), await tempDir());
    const result = await search.findInDocument(PLAN, 'handlingsplan');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const doc = await library.get(PLAN);
    if (!doc.ok) throw new Error('document missing');
    const paragraphs = new Map(
      doc.value.blocks.flatMap((b) => (b.number !== null ? [[b.number, b.text] as const] : [])),
    );
    const words = result.value.matches.map((m) => paragraphs.get(m.paragraph)!.slice(m.start, m.end));
    expect(words.length).toBeGreaterThan(8);
    expect(words.every((w) => /^handlingsplan/i.test(w))).toBe(true);
    const order = result.value.matches.map((m) => m.paragraph * 10_000 + m.start);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect((await search.findInDocument('finns_inte', 'x')).ok).toBe(false);
  });
});

describe('documents added after start (imports)', () => {
  it('are found at once, and once removed are out of the live index: no hits, no corrections to their words', async () => {
    const { search, library } = await service(await resourcesCopy(), await tempDir());
    const base = (await library.loadAll())[0];
    if (!base) throw new Error('no shipped document');
    const paragraph = base.blocks.find((b) => b.number !== null);
    if (!paragraph) throw new Error('no paragraph');
    const imported = {
      ...base,
      meta: { ...base.meta, id: 'import-1', title: 'Mitt eget PM', designation: null },
      blocks: [...base.blocks, { ...paragraph, text: 'Kvastfeningsprojektet startar i höst.', number: 9999 }],
    };
    const before = await search.search('integration', { limit: 500 });
    expect(before.hits.length).toBeGreaterThan(5);

    await search.addDocuments([imported]);
    expect((await search.search('kvastfeningsprojektet')).hits.map(where)).toEqual(['import-1#9999']);
    const withImport = await search.search('integration', { limit: 500 });
    expect(withImport.hits.some((h) => h.documentId === 'import-1')).toBe(true);

    search.removeDocument('import-1');
    const gone = await search.search('kvastfeningsprojektet');
    expect(gone.hits).toEqual([]);
    // Its words left the spelling corrections too: a slip is not corrected to them.
    const slip = await search.search('kvastfeningsprojektett');
    expect(slip.correction).toBeUndefined();
    expect(slip.suggestions).toEqual([]);
    // The collection's hits are all there again, none cut by hidden ones.
    const after = await search.search('integration', { limit: before.hits.length });
    expect(after.hits.map(where).sort()).toEqual(before.hits.map(where).sort());
    expect(after.hits.every((h) => h.documentId !== 'import-1')).toBe(true);

    // Added again (the same file imported anew): found again.
    await search.addDocuments([imported]);
    expect((await search.search('kvastfeningsprojektet')).hits.map(where)).toEqual(['import-1#9999']);
  });
});
