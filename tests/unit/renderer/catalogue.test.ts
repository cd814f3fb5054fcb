// The library's catalogue on the real 400-document collection's manifest (when ../shared is
// beside the repository) and on a small hand-made list: filtering over title, designation
// (typed loosely) and summary, facets that count what each choice leaves, sorting and grouping.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstScreen } from '../../../src-main/services/library/first-screen';
import type { DocumentSummary } from '../../../src-main/shared/documents/model';
import {
  Catalogue,
  EMPTY_QUERY,
  MINE,
  type LibraryQuery,
} from '../../../src-renderer/features/library/catalogue';

function doc(id: string, fields: Partial<DocumentSummary>): DocumentSummary {
  return {
    id,
    title: id,
    designation: null,
    type: null,
    published: null,
    publisher: null,
    author: null,
    url: null,
    summary: null,
    related: [],
    relatedLinks: [],
    language: 'sv',
    origin: 'collection',
    paragraphCount: 1,
    ...fields,
  } as DocumentSummary;
}

const small = [
  doc('sou-10', {
    title: 'Bättre etablering',
    designation: 'SOU 2026:10',
    type: 'SOU',
    published: '2026-03-01',
    publisher: 'A',
  }),
  doc('sou-9', {
    title: 'Ny integrationspolitik',
    designation: 'SOU 2026:9',
    type: 'SOU',
    published: '2026-02-01',
    publisher: 'A',
  }),
  doc('prop', {
    title: 'Samhällsorientering',
    designation: 'prop. 2012/13:63',
    type: 'Proposition',
    published: '2012-12',
    publisher: 'B',
    summary: 'Om nyanlända kvinnor',
  }),
  doc('fpm', {
    title: 'Migrationspakten',
    designation: '2019/20:FPM54',
    type: 'Faktapromemoria',
    published: '2020-01-15',
    publisher: 'B',
  }),
  doc('egen', { title: 'Min promemoria', origin: 'imported' }),
];
const ids = (c: Catalogue, q: Partial<LibraryQuery>) =>
  c.view({ ...EMPTY_QUERY, ...q }).rows.flatMap((r) => (r.kind === 'document' ? [r.doc.id] : []));

describe('Catalogue', () => {
  it('filters over title, designation typed loosely, and summary', () => {
    const c = new Catalogue(small);
    expect(ids(c, { text: 'integration' })).toEqual(['sou-9']);
    expect(ids(c, { text: 'sou 2026:9' })).toEqual(['sou-9']);
    expect(ids(c, { text: 'SOU 2026:1' })).toEqual(['sou-10']);
    expect(ids(c, { text: 'prop 2012/13:63' })).toEqual(['prop']);
    expect(ids(c, { text: 'fpm54' })).toEqual(['fpm']);
    expect(ids(c, { text: 'nyanlända kvinnor' })).toEqual(['prop']);
    expect(ids(c, { text: 'nyanlända män' })).toEqual([]);
  });

  it('gives the same answer typing on as typing afresh', () => {
    const c = new Catalogue(small);
    for (const text of ['s', 'so', 'sou', 'sou ', 'sou 2026:1', 'sou 2026:10']) ids(c, { text });
    expect(ids(c, { text: 'sou 2026:10' })).toEqual(ids(new Catalogue(small), { text: 'sou 2026:10' }));
    expect(ids(c, { text: 'm' })).toEqual(ids(new Catalogue(small), { text: 'm' }));
  });

  it('counts facet values by what choosing them would leave', () => {
    const c = new Catalogue(small);
    const view = c.view({ ...EMPTY_QUERY, type: 'SOU' });
    expect(view.count).toBe(2);
    // The type facet ignores the type chosen (so other types can be chosen instead) ...
    expect(view.facets.type).toEqual([
      { value: 'SOU', count: 2 },
      { value: 'Faktapromemoria', count: 1 },
      { value: 'Proposition', count: 1 },
    ]);
    // ... the others follow it.
    expect(view.facets.year).toEqual([{ value: '2026', count: 2 }]);
    expect(view.facets.publisher).toEqual([{ value: 'A', count: 2 }]);
    expect(ids(c, { year: '2012' })).toEqual(['prop']);
    expect(ids(c, { publisher: 'B', type: 'SOU' })).toEqual([]);
    expect(view.mineCount).toBe(0);
    expect(c.view(EMPTY_QUERY).mineCount).toBe(1);
    expect(ids(c, { mine: true })).toEqual(['egen']);
  });

  it('sorts by date (newest first, undated last), title and designation in natural order', () => {
    const c = new Catalogue(small);
    expect(ids(c, { sort: 'date' })).toEqual(['sou-10', 'sou-9', 'fpm', 'prop', 'egen']);
    expect(ids(c, { sort: 'title' })).toEqual(['sou-10', 'fpm', 'egen', 'sou-9', 'prop']);
    expect(ids(c, { sort: 'designation' })).toEqual(['fpm', 'prop', 'sou-9', 'sou-10', 'egen']);
  });

  it("groups by type with the user's own documents first", () => {
    const rows = new Catalogue(small).view({ ...EMPTY_QUERY, groupByType: true }).rows;
    const groups = rows.flatMap((r) => (r.kind === 'group' ? [`${r.label}:${r.count}`] : []));
    expect(groups).toEqual([`${MINE}:1`, 'SOU:2', 'Faktapromemoria:1', 'Proposition:1']);
    expect(rows[0]).toMatchObject({ kind: 'group', mine: true });
  });
});

const ROOT = resolve(import.meta.dirname, '../../..');
const manifest = [process.env['LASAREN_SHARED'], join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared')]
  .filter((d): d is string => !!d)
  .map((d) => join(d, 'collections', 'integration', 'manifest.ndjson'))
  .find((p) => existsSync(p));

describe.skipIf(!manifest)('Catalogue on the 400-document collection', () => {
  const docs = readFileSync(manifest ?? '/dev/null', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = JSON.parse(l) as Record<string, string | undefined>;
      return doc(m['id']!, {
        title: m['title']!,
        designation: m['designation'] ?? null,
        type: m['type'] ?? null,
        published: m['published'] ?? null,
        publisher: m['publisher'] ?? null,
        summary: m['summary'] ?? null,
      });
    });

  it('finds a directive by its designation typed loosely and narrows by type and year', () => {
    const c = new Catalogue(docs);
    expect(docs.length).toBe(400);
    expect(ids(c, { text: 'dir 2011:88' })).toEqual(['kommittedirektiv-dir-201188']);
    const props = c.view({ ...EMPTY_QUERY, type: 'Proposition' });
    expect(props.count).toBe(docs.filter((d) => d.type === 'Proposition').length);
    const year = props.facets.year[0]!;
    expect(c.view({ ...EMPTY_QUERY, type: 'Proposition', year: year.value }).count).toBe(year.count);
  });

  it("main's first screen shows what the full list shows first: same rows, size and facet counts", () => {
    const mine = doc('mitt-pm', {
      title: 'Mitt PM',
      published: '2030-01-01',
      origin: 'imported',
      type: 'PM',
    });
    for (const list of [docs, [...docs, mine], small]) {
      const full = new Catalogue(list).view(EMPTY_QUERY);
      const first = firstScreen(list, 40);
      expect(first.documents.map((d) => d.id)).toEqual(
        full.rows.slice(0, 40).map((r) => (r.kind === 'document' ? r.doc.id : r.label)),
      );
      expect(first.total).toBe(full.count);
      expect(first.facets).toEqual(full.facets);
      expect(first.mineCount).toBe(full.mineCount);
    }
    expect(firstScreen([...docs, mine], 1).documents[0]!.id).toBe('mitt-pm');
  });

  it("sorts the user's undated documents by the day they were added, in both orders, outside the year facet", () => {
    // A text file added on 1 December 2026 (no date of its own) and a PDF that carries 2016.
    const added = doc('imp-text', { origin: 'imported', format: 'text', added: '2026-12-01T09:30:00.000Z' });
    const dated = doc('imp-pdf', {
      origin: 'imported',
      format: 'pdf',
      published: '2016-02-29',
      added: '2026-12-01T09:31:00.000Z',
    });
    const list = [...docs, added, dated];
    const c = new Catalogue(list);
    const order = ids(c, { sort: 'date' });
    // Between the collection's documents of late 2026 and earlier ones, where its added day falls.
    const newer = docs.filter((d) => (d.published ?? '') > '2026-12-01').length;
    expect(order.indexOf('imp-text')).toBe(newer);
    expect(order.indexOf('imp-pdf')).toBe(
      list.filter((d) => d.id !== 'imp-text' && (d.published ?? '') > '2016-02-29').length + 1,
    );
    // main's first screen puts it in the same place.
    expect(firstScreen(list, 400).documents.map((d) => d.id)).toEqual(order.slice(0, 400));
    // The year facet counts the PDF's own year, not the day the text file was added.
    const years = c.view(EMPTY_QUERY).facets.year;
    const count = (y: string) => years.find((f) => f.value === y)?.count ?? 0;
    expect(count('2016')).toBe(docs.filter((d) => d.published?.startsWith('2016')).length + 1);
    expect(count('2026')).toBe(docs.filter((d) => d.published?.startsWith('2026')).length);
    expect(firstScreen(list, 40).facets.year).toEqual(years);
    // "Mina dokument" still narrows to both, and grouping puts them first.
    expect(ids(c, { mine: true }).sort()).toEqual(['imp-pdf', 'imp-text']);
    const grouped = c.view({ ...EMPTY_QUERY, groupByType: true }).rows;
    expect(grouped[0]).toMatchObject({ kind: 'group', mine: true, count: 2 });
  });
});
