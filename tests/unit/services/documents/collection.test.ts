// A collection folder as the app opens it: the integration collection (400 documents) listed
// from the manifest with a cached index, documents parsed only when opened, related pages and
// links resolved; a broken copy with every kind of problem reported by name with a fix; and
// two versions of a collection with real edits, where annotations re-anchor, changed passages
// show old and new wording, and accepting a change moves the annotation to the new text.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCollection } from '../../../../src-main/services/documents/collection';
import { openServices } from '../../../../src-main/services';
import { createHandlerTable } from '../../../../src-main/ipc/table';
import {
  anchorStatus,
  paragraphAt,
  positionSelector,
  quoteSelector,
} from '../../../../src-main/shared/anchoring';
import { wordDiff } from '../../../../src-main/shared/documents/word-diff';
import type { ParagraphRecord } from '../../../../src-main/services/search/engine';
import { contentHash } from '../../../../src-main/services/search/index-file';
import { paragraphRecords } from '../../../../src-main/services/search/service';
import { integrationDir } from './shared-path';

const temps: string[] = [];
async function temp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lasaren-collection-'));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

describe('the integration collection', () => {
  it('lists 400 documents with designations and dates, builds its index once, then reads it', async () => {
    const cache = await temp();
    const first = await openCollection(integrationDir(), { cacheDir: cache, origin: 'collection' });
    expect(first.how).toMatch(/byggdes/);
    expect(first.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(first.list()).toHaveLength(400);
    const again = await openCollection(integrationDir(), { cacheDir: cache, origin: 'collection' });
    expect(again.how).toContain('lästes');
    expect(again.list()).toEqual(first.list());
    const sou = again.list().find((d) => d.id === 'statens-offentliga-utredningar-sou-201016');
    expect(sou).toMatchObject({ designation: 'SOU 2010:16', published: expect.stringMatching(/^2010/) });
    // Propositions carry their number in their address only.
    expect(again.summary('proposition-prop-20121363')?.designation).toBe('Prop. 2012/13:63');
    // The search records read from the stored columns are those of the parsed documents, and
    // hash alike (a second start must not rebuild the search index).
    const stored = await again.searchRecords();
    expect(stored.length).toBeGreaterThan(3000);
    const fields = (r: ParagraphRecord) => [r.documentId, r.title, r.paragraph, r.heading, r.text, r.kind];
    expect(stored.map(fields)).toEqual(paragraphRecords(await again.loadAll()).map(fields));
    expect(contentHash(stored)).toBe(contentHash(await first.searchRecords()));
    const parsedOnly = await openCollection(integrationDir(), { cacheDir: null, origin: 'collection' });
    expect(contentHash(await parsedOnly.searchRecords())).toBe(contentHash(stored));
  });

  it('resolves related pages of the collection to ids and keeps the others as addresses', async () => {
    const c = await openCollection(integrationDir(), { cacheDir: null, origin: 'collection' });
    const withRelated = c.list().filter((d) => d.related.length > 0);
    expect(withRelated.length).toBeGreaterThan(0);
    for (const d of withRelated) for (const id of d.related) expect(c.summary(id)).toBeDefined();
    const external = c
      .list()
      .find((d) => d.id === 'artiklar-ett-globalt-ramverk-for-saker-ordnad-och-reguljar-migra');
    expect(external?.relatedLinks).toContain('https://www.iom.int/global-compact-migration');
    const dir = c.list().find((d) => d.id === 'kommittedirektiv-dir-2023169');
    // "/pressmeddelanden/…" is read against regeringen.se: an address, not dropped.
    expect([...(dir?.related ?? []), ...(dir?.relatedLinks ?? [])]).toHaveLength(1);
  });

  it('turns an in-text link to another document of the collection into an in-app target', async () => {
    const c = await openCollection(integrationDir(), { cacheDir: null, origin: 'collection' });
    const doc = await c.get('pressmeddelanden-asylsokande-ska-bo-i-statliga-boenden-och-delta');
    if (!doc.ok) throw new Error(doc.error.message);
    const links = doc.value.blocks.flatMap((b) => b.spans.filter((s) => s.kind === 'link'));
    const inApp = links.filter((l) => 'target' in l && l.target);
    expect(inApp).toEqual([
      expect.objectContaining({
        href: '/rattsliga-dokument/statens-offentliga-utredningar/2022/11/sou-202264/',
        target: { documentId: 'statens-offentliga-utredningar-sou-202264', paragraph: null },
      }),
    ]);
    expect(c.summary('statens-offentliga-utredningar-sou-202264')).toBeDefined();
  });

  it('opens a proposition with its outline and numbered blocks', async () => {
    const c = await openCollection(integrationDir(), { cacheDir: null, origin: 'collection' });
    const doc = await c.get('proposition-prop-201617175');
    if (!doc.ok) throw new Error(doc.error.message);
    expect(doc.value.meta.designation).toBe('Prop. 2016/17:175');
    expect(doc.value.paragraphCount).toBe(c.summary('proposition-prop-201617175')?.paragraphCount);
    for (const o of doc.value.outline)
      expect(doc.value.blocks[o.block]).toMatchObject({ kind: 'heading', text: o.text });
  });
});

describe('a broken collection', () => {
  it('reports each problem by file and line with a fix, and still loads the rest', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'a.md'), '# A\n\nText a.\n');
    await writeFile(join(dir, 'b.md'), '# B\n\nText b.\n');
    await writeFile(join(dir, 'latin1.md'), Buffer.from([0x23, 0x20, 0xe5, 0x0a]));
    await writeFile(join(dir, 'orphan.md'), '# Ej listad\n');
    const lines = [
      JSON.stringify({ id: 'a', file: 'a.md', title: 'A', published: '2020-13-01', colour: 'röd' }),
      '{ inte json',
      JSON.stringify({ id: 'a', file: 'b.md', title: 'Dubblett' }),
      JSON.stringify({ id: 'c', file: 'saknas.md', title: 'C' }),
      JSON.stringify({ id: 'd', file: '../utanför.md', title: 'D' }),
      JSON.stringify({ id: 'e', file: 'b.md' }),
      JSON.stringify({ id: 'f', file: 'latin1.md', title: 'F' }),
      JSON.stringify({ id: 'Ogiltigt Id', file: 'b.md', title: 'G' }),
      JSON.stringify({ id: 'h', file: 'b.md', title: 'H', url: 'ftp://x' }),
    ];
    await writeFile(join(dir, 'manifest.ndjson'), lines.join('\n'));
    const c = await openCollection(dir, { cacheDir: await temp(), origin: 'collection' });
    const said = c.problems.map((p) => `${p.where} | ${p.severity} | ${p.message}`);
    const expectOne = (pattern: RegExp) =>
      expect(
        said.filter((s) => pattern.test(s)),
        pattern.source,
      ).toHaveLength(1);
    expectOne(/rad 1 \| warning \| Fältet published har fel form.*ÅÅÅÅ-MM-DD/);
    expectOne(/rad 1 \| warning \| Okänt fält "colour".*Ta bort det/);
    expectOne(/rad 2 \| error \| Raden är inte giltig JSON/);
    expectOne(/rad 3 \| error \| Id "a" finns redan på rad 1/);
    expectOne(/^saknas\.md \| error \| saknas\.md kunde inte läsas \(ENOENT\)/);
    expectOne(/rad 5 \| error \| Fältet file "\.\.\/utanför\.md" pekar utanför/);
    expectOne(/rad 6 \| error \| Fältet title saknas/);
    expectOne(/^latin1\.md \| error \| latin1\.md är inte giltig UTF-8-text\. Spara om/);
    expectOne(/rad 8 \| error \| Fältet id "Ogiltigt Id" är ogiltigt/);
    expectOne(/rad 9 \| warning \| Fältet url har fel form/);
    expectOne(/^orphan\.md \| warning \| .*finns i mappen men inte i manifest\.ndjson/);
    // Every one also in English, none left in Swedish.
    const en = c.problems.map((p) => `${p.whereEn} | ${p.messageEn}`);
    expect(en).toHaveLength(said.length);
    for (const line of en) expect(line).not.toMatch(/rad \d|[åäö]r |Fältet|finns/);
    expect(en).toContainEqual(expect.stringMatching(/line 2 \| The line is not valid JSON and is skipped/));
    expect(en).toContainEqual(expect.stringMatching(/line 3 \| The id "a" is already used on line 1/));
    expect(en).toContainEqual(
      expect.stringMatching(/^saknas\.md \| saknas\.md could not be read \(ENOENT\)/),
    );
    expect(en).toContainEqual(expect.stringMatching(/^orphan\.md \| orphan\.md is in the folder but not in/));
    // The documents that could be read are all there.
    expect(c.list().map((d) => d.id)).toEqual(['a', 'h']);
    expect(c.summary('a')?.published).toBeNull();
  });

  it('says what is missing when the folder has no manifest', async () => {
    const c = await openCollection(await temp(), { cacheDir: null, origin: 'collection' });
    expect(c.list()).toEqual([]);
    expect(c.problems[0]?.message).toMatch(/saknar manifest\.ndjson.*Lägg en manifestfil/);
  });
});

/** A copy of a few integration documents as a collection of its own. */
async function smallCollection(ids: readonly string[]): Promise<string> {
  const dir = await temp();
  const manifest = (await readFile(join(integrationDir(), 'manifest.ndjson'), 'utf8'))
    .split('\n')
    .filter((l) => ids.some((id) => l.includes(`"id": "${id}"`)));
  for (const line of manifest) {
    const { file } = JSON.parse(line) as { file: string };
    await cp(join(integrationDir(), file), join(dir, file), { recursive: true });
  }
  await writeFile(join(dir, 'manifest.ndjson'), manifest.join('\n') + '\n');
  return dir;
}

describe('a copy of the integration collection with a damaged file', () => {
  const SOU = 'statens-offentliga-utredningar-sou-201016';
  const DIR = 'kommittedirektiv-dir-2023169';
  const PROP = 'proposition-prop-20121363';

  it('stores each problem as a code and says it in Swedish and English, from a fresh index and a stored one', async () => {
    const dir = await smallCollection([SOU, DIR, PROP]);
    // The directive's file damaged as a bad copy leaves it: cut short, with bytes that are no UTF-8.
    const manifest = await readFile(join(dir, 'manifest.ndjson'), 'utf8');
    const file = manifest
      .split('\n')
      .map((l) => (l ? (JSON.parse(l) as { id: string; file: string }) : null))
      .find((e) => e?.id === DIR)!.file;
    const text = await readFile(join(dir, file));
    await writeFile(join(dir, file), Buffer.concat([text.subarray(0, 300), Buffer.from([0xc3, 0x28, 0xff])]));
    // And a manifest line with a date in the wrong form.
    await writeFile(
      join(dir, 'manifest.ndjson'),
      manifest.replace(/("id": "proposition-prop-20121363".*?"published": )"[^"]*"/, '$1"13 december 2012"'),
    );
    const cache = await temp();
    const fresh = await openCollection(dir, { cacheDir: cache, origin: 'collection' });
    expect(fresh.how).toMatch(/byggdes/);
    const expected = [
      {
        code: 'not-utf8',
        severity: 'error',
        documentId: DIR,
        where: file,
        whereEn: file,
        message: `${file} är inte giltig UTF-8-text. Spara om filen som UTF-8 (Markdown).`,
        messageEn: `${file} is not valid UTF-8 text. Save the file again as UTF-8 (Markdown).`,
      },
      {
        code: 'bad-field',
        severity: 'warning',
        documentId: PROP,
        where: expect.stringMatching(/^manifest\.ndjson, rad \d$/),
        whereEn: expect.stringMatching(/^manifest\.ndjson, line \d$/),
        message:
          'Fältet published har fel form och används inte ("13 december 2012"). Skriv ett datum som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ.',
        messageEn:
          'The field published has the wrong form and is not used ("13 december 2012"). Write a date as YYYY-MM-DD, YYYY-MM or YYYY.',
      },
    ];
    const sorted = (c: typeof fresh) =>
      [...c.problems].sort((a, b) => a.code.localeCompare(b.code)).reverse();
    expect(sorted(fresh)).toEqual(expected.map((e) => expect.objectContaining(e)));
    expect(
      fresh
        .list()
        .map((d) => d.id)
        .sort(),
    ).toEqual([PROP, SOU]);
    // The index file holds the codes and details, not the sentences.
    const stored = await readFile(join(cache, 'collection-index.json'), 'utf8');
    expect(stored).toContain('"code":"not-utf8"');
    expect(stored).not.toContain('UTF-8-text');
    expect(stored).not.toContain('har fel form');
    // Read back from the stored index, the same problems in both languages.
    const again = await openCollection(dir, { cacheDir: cache, origin: 'collection' });
    expect(again.how).toMatch(/lästes/);
    expect(sorted(again)).toEqual(sorted(fresh));
    // The renderer gets them through the contract as they are.
    expect(again.info().problems).toEqual(again.problems);
    // A file damaged after the collection was opened: opening it says why, in both languages.
    const intact = await smallCollection([DIR]);
    const open = await openCollection(intact, { cacheDir: null, origin: 'collection' });
    await writeFile(join(intact, file), Buffer.from([0x23, 0x20, 0xff, 0x0a]));
    const opened = await open.get(DIR);
    expect(opened.ok || opened.error).toEqual({
      code: 'io',
      message: `${file} är inte giltig UTF-8-text. Spara om filen som UTF-8 (Markdown).`,
      messageEn: `${file} is not valid UTF-8 text. Save the file again as UTF-8 (Markdown).`,
    });
  });

  it('rebuilds an index written by the previous release (problems as Swedish sentences)', async () => {
    const dir = await smallCollection([SOU, DIR]);
    const cache = await temp();
    await openCollection(dir, { cacheDir: cache, origin: 'collection' });
    const path = join(cache, 'collection-index.json');
    const index = JSON.parse(await readFile(path, 'utf8')) as { format: number; manifestProblems: unknown[] };
    // As format 5 wrote them: a place and a Swedish sentence.
    index.format = 5;
    index.manifestProblems = [
      {
        where: 'manifest.ndjson, rad 1',
        documentId: SOU,
        message: 'Okänt fält "x" används inte.',
        severity: 'warning',
      },
    ];
    await writeFile(path, JSON.stringify(index));
    const c = await openCollection(dir, { cacheDir: cache, origin: 'collection' });
    expect(c.how).toMatch(/byggdes/);
    expect(c.problems).toEqual([]);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ format: 6, manifestProblems: [] });
  });
});

describe('a new version of a document', () => {
  const DIR = 'kommittedirektiv-dir-2023169';
  const SOU = 'statens-offentliga-utredningar-sou-201016';

  it('keeps unchanged passages, marks edited ones with old and new wording, orphans removed ones', async () => {
    const dir = await smallCollection([DIR, SOU]);
    const data = await temp();
    const services = await openServices({
      resourcesDir: dir,
      dataDir: data,
      collectionDir: dir,
      openExternal: async () => {},
    });
    const v1 = await services.library.get(DIR);
    if (!v1.ok) throw new Error(v1.error.message);
    const blocks = v1.value.blocks.filter((b) => b.number !== null);
    const kept = blocks[0]!;
    const source1 = await readFile(
      join(dir, 'docs/kommittedirektiv/kommittedirektiv-dir-2023169.md'),
      'utf8',
    );
    // A long paragraph written without markup, so the edit below finds it in the source.
    const edited = blocks.find((b, i) => i > 1 && b.text.length > 150 && source1.split(b.text).length === 2)!;
    const removed = blocks[blocks.length - 1]!;
    const make = async (b: typeof kept, length: number) => {
      const range = { start: b.start, end: b.start + Math.min(length, b.text.length) };
      const created = await services.annotations.create({
        documentId: DIR,
        paragraph: paragraphAt(v1.value.blocks, range.start),
        quote: quoteSelector(v1.value.text, range),
        position: positionSelector(range),
        colour: 'yellow',
        note: 'testanteckning',
        tags: [],
      });
      if (!created.ok) throw new Error(created.error.message);
      return created.value;
    };
    const onKept = await make(kept, 80);
    const onEdited = await make(edited, edited.text.length);
    const onRemoved = await make(removed, removed.text.length);

    // Version 2: a sentence edited, an earlier paragraph added, the last one deleted.
    const file = join(dir, 'docs/kommittedirektiv/kommittedirektiv-dir-2023169.md');
    const source = await readFile(file, 'utf8');
    const words = edited.text.split(' ');
    const newWording = [
      ...words.slice(0, 4),
      'inte',
      ...words.slice(4, -2),
      'snarast',
      ...words.slice(-2),
    ].join(' ');
    const v2source = source
      .replace(kept.text.slice(0, 40), `Ett nytt inledande stycke.\n\n${kept.text.slice(0, 40)}`)
      .replace(edited.text, newWording)
      .replace(removed.text, '');
    expect(v2source).not.toBe(source);
    await writeFile(file, v2source);

    const reopened = await openServices({
      resourcesDir: dir,
      dataDir: data,
      collectionDir: dir,
      openExternal: async () => {},
    });
    expect(reopened.library.how).toMatch(/uppdaterades \(1 dokument/);
    const v2 = await reopened.library.get(DIR);
    if (!v2.ok) throw new Error(v2.error.message);
    expect(v2.value.version).not.toBe(v1.value.version);
    const status = (id: string) => anchorStatus(v2.value.text, reopened.annotations.get(id)!);

    const k = status(onKept.id);
    expect(k.kind).toBe('moved');
    const e = status(onEdited.id);
    expect(e).toMatchObject({ kind: 'changed', before: edited.text, after: newWording });
    if (e.kind !== 'changed') throw new Error('not changed');
    const diff = wordDiff(e.before, e.after);
    expect(diff.filter((d) => d.kind === 'added').map((d) => d.text.trim())).toEqual(['inte', 'snarast']);
    expect(diff.filter((d) => d.kind === 'removed')).toEqual([]);
    expect(status(onRemoved.id)).toEqual({ kind: 'orphaned', reason: 'passage', before: removed.text });
    expect(anchorStatus(null, onKept)).toMatchObject({ kind: 'orphaned', reason: 'document' });

    // Accepting the change moves the annotation to the new wording; its note stays.
    const table = createHandlerTable(reopened);
    const accepted = await table.acceptAnnotationChange({ id: onEdited.id });
    if (!accepted.ok) throw new Error(accepted.error.message);
    expect(accepted.value).toMatchObject({ id: onEdited.id, note: 'testanteckning' });
    expect(accepted.value.quote.exact).toBe(newWording);
    expect(anchorStatus(v2.value.text, accepted.value).kind).toBe('exact');
    const orphan = await table.acceptAnnotationChange({ id: onRemoved.id });
    expect(orphan.ok).toBe(false);
    // The accepted version survives a restart of the store.
    const third = await openServices({
      resourcesDir: dir,
      dataDir: data,
      collectionDir: dir,
      openExternal: async () => {},
    });
    expect(third.annotations.get(onEdited.id)?.quote.exact).toBe(newWording);
  });
});

describe('a large collection', () => {
  it('is ready from its index at once and picks up changed files in the background', async () => {
    const dir = await smallCollection([
      'kommittedirektiv-dir-2023169',
      'statens-offentliga-utredningar-sou-201016',
    ]);
    const cache = await temp();
    await openCollection(dir, { cacheDir: cache, origin: 'collection' });
    const file = join(dir, 'docs/kommittedirektiv/kommittedirektiv-dir-2023169.md');
    await writeFile(file, (await readFile(file, 'utf8')) + '\nEtt tillagt sista stycke.\n');
    // As a 36,000-document collection opens: from the index, files checked after.
    const c = await openCollection(dir, { cacheDir: cache, origin: 'collection', checkAtOpen: false });
    expect(c.how).toMatch(/kontrolleras i bakgrunden/);
    const before = c.summary('kommittedirektiv-dir-2023169')!.paragraphCount;
    const hashBefore = contentHash(await c.searchRecords());
    expect(await c.checked).toMatch(/^1 dokument i samlingen har ändrats/);
    expect(c.summary('kommittedirektiv-dir-2023169')!.paragraphCount).toBe(before + 1);
    const records = await c.searchRecords();
    expect(records.some((r) => r.text === 'Ett tillagt sista stycke.')).toBe(true);
    // The changed version changes the search index's content hash: it is rebuilt.
    expect(contentHash(records)).not.toBe(hashBefore);
    // The index written after the check stores the manifest's metadata, not what the list adds.
    const stored = JSON.parse(await readFile(join(cache, 'collection-index.json'), 'utf8')) as {
      metas: Array<Record<string, unknown>>;
    };
    expect(stored.metas.map((m) => 'origin' in m || 'paragraphCount' in m)).toEqual([false, false]);
    const next = await openCollection(dir, { cacheDir: cache, origin: 'collection', checkAtOpen: false });
    expect(await next.checked).toBe('Samlingens filer är oförändrade.');
  });
});

describe('the stored search records', () => {
  it('are parsed again from the documents when the records file is damaged, with the same result', async () => {
    const dir = await smallCollection([
      'kommittedirektiv-dir-2023169',
      'statens-offentliga-utredningar-sou-201016',
    ]);
    const cache = await temp();
    const fields = (r: ParagraphRecord) => [r.documentId, r.title, r.paragraph, r.heading, r.text, r.kind];
    const first = await openCollection(dir, { cacheDir: cache, origin: 'collection' });
    const expected = (await first.searchRecords()).map(fields);
    const file = join(cache, 'collection-records.ndjson');
    const lines = (await readFile(file, 'utf8')).split('\n');
    // The block numbers' column loses its last number: the columns no longer agree.
    lines[5] = (lines[5] as string).slice(0, -8);
    await writeFile(file, lines.join('\n'));
    const again = await openCollection(dir, { cacheDir: cache, origin: 'collection', checkAtOpen: false });
    expect((await again.searchRecords()).map(fields)).toEqual(expected);
  });
});

describe('wordDiff', () => {
  it('gives back both wordings and marks words, not characters', () => {
    const before = 'Regeringen ska senast den 1 maj lämna förslag.';
    const after = 'Regeringen bör senast den 1 juni 2026 lämna förslag.';
    const diff = wordDiff(before, after);
    expect(
      diff
        .filter((d) => d.kind !== 'added')
        .map((d) => d.text)
        .join(''),
    ).toBe(before);
    expect(
      diff
        .filter((d) => d.kind !== 'removed')
        .map((d) => d.text)
        .join(''),
    ).toBe(after);
    expect(diff.filter((d) => d.kind === 'removed').map((d) => d.text.trim())).toEqual(['ska', 'maj']);
    expect(diff.filter((d) => d.kind === 'added').map((d) => d.text.trim())).toEqual(['bör', 'juni 2026']);
  });
});
