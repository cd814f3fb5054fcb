// The pieces the app reads instead of every note: a document's notes, the counts and tags, and
// the notes panel's pages. Each answer must be exactly what filtering and sorting the whole
// list would give (shared/notes-filter.ts, the panel's three sort orders), page by page.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotationStore, type AnnotationStore } from '../../../../src-main/services/annotations/store';
import { HIGHLIGHT_COLOURS, type Annotation } from '../../../../src-main/shared/annotation';
import { matchesFilter, type NotesFilter } from '../../../../src-main/shared/notes-filter';
import type { NotesSort } from '../../../../src-main/shared/notes-query';

const DOCS = ['dok_a', 'dok_b', 'dok_c', 'dok_d', 'dok_e'];
/** The library's order: not the ids' alphabetical order. */
const ORDER = new Map([
  ['dok_c', 0],
  ['dok_a', 1],
  ['dok_e', 2],
  ['dok_b', 3],
]);
const TAGS = ['Åtgärd', 'remiss', 'EU-fonder', 'att läsa'];
const TEXTS = [
  'Ring Göran',
  'ÅTGÄRDA före mötet',
  'budget <b>fet</b>',
  '',
  'Länsstyrelsen\nsvarar',
  // Characters that fold into plain letters, a lone surrogate (stored as UTF-16), LIKE's own.
  'Ta \u212Aontakt med İnge',
  '\ud83d budget 100% klart',
  'budget 1000 klart_nu',
];

function note(i: number): Annotation {
  const start = (i * 37) % 500;
  const modified = new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 300) * 60_000).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    documentId: DOCS[i % DOCS.length]!,
    paragraph: 1 + (i % 9),
    quote: { type: 'TextQuoteSelector', exact: `citat ${i} om Integration`, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + 10 },
    colour: i % 6 === 5 ? null : HIGHLIGHT_COLOURS[i % 5]!,
    note: TEXTS[i % TEXTS.length]!,
    tags: TAGS.filter((_, k) => (i >> k) % 3 === 0),
    created: modified,
    modified,
    history: i % 10 === 0 ? [{ colour: 'green', note: 'förr', tags: [], modified }] : [],
  };
}

let dir: string;
let store: AnnotationStore;
let all: Annotation[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lasaren-queries-'));
  store = await openAnnotationStore(dir);
  all = Array.from({ length: 300 }, (_, i) => note(i));
  expect((await store.upsertMany(all)).ok).toBe(true);
  store.setDocumentOrder(() => ORDER);
});

afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

/** What the renderer did before with the whole list: filter, then a stable sort. */
function expected(filter: NotesFilter, sort: NotesSort): string[] {
  const rank = (a: Annotation) => ORDER.get(a.documentId) ?? Number.MAX_SAFE_INTEGER;
  const out = all.filter((a) => matchesFilter(a, filter));
  if (sort === 'document') out.sort((a, b) => rank(a) - rank(b) || a.position.start - b.position.start);
  else {
    const sign = sort === 'newest' ? -1 : 1;
    out.sort((a, b) => sign * a.modified.localeCompare(b.modified));
  }
  return out.map((a) => a.id);
}

function pages(filter: NotesFilter, sort: NotesSort, limit: number): { ids: string[]; total: number } {
  const ids: string[] = [];
  let total = -1;
  for (let offset = 0; total < 0 || offset < total; offset += limit) {
    const page = store.page({ filter, sort, offset, limit });
    total = page.total;
    ids.push(...page.annotations.map((a) => a.id));
  }
  return { ids, total };
}

const FILTERS: Array<[string, NotesFilter]> = [
  ['none', {}],
  ['a document', { documentId: 'dok_b' }],
  ['a colour', { colour: 'pink' }],
  ['no colour', { colour: 'none' }],
  ['a tag, in another case', { tag: 'åtgärd' }],
  ['text in the note, case folded (Å/Ä)', { text: 'åtgärda' }],
  ['text in the quote and a tag, two words', { text: 'integration remiss' }],
  ['markup-like text', { text: '<b>' }],
  ['everything at once', { documentId: 'dok_a', colour: 'yellow', tag: 'remiss', text: 'göran' }],
  ['nothing matches', { text: 'finnsinte' }],
  ['the Kelvin sign folds to k', { text: 'kontakt' }],
  ['a note kept as UTF-16 is found too', { text: 'budget' }],
  ['% is a plain character', { text: '100%' }],
  ['_ is a plain character', { text: 'rt_n' }],
];

describe('the notes panel, in pages from SQL', () => {
  for (const [label, filter] of FILTERS) {
    it(`${label}: every sort order, page by page, equals filtering the whole list`, () => {
      for (const sort of ['document', 'newest', 'oldest'] as const) {
        const want = expected(filter, sort);
        // Every case but the last picks some notes, or it would prove nothing.
        if (label !== 'nothing matches') expect(want.length, sort).toBeGreaterThan(0);
        const got = pages(filter, sort, 7);
        expect(got.total, sort).toBe(want.length);
        expect(got.ids, sort).toEqual(want);
        expect(store.count(filter)).toBe(want.length);
      }
    });
  }

  it('a page holds whole annotations, history included, and follows a save at once', async () => {
    const first = store.page({ filter: { documentId: 'dok_a' }, sort: 'oldest', offset: 0, limit: 500 });
    const byId = new Map(all.map((a) => [a.id, a]));
    for (const a of first.annotations) expect(a).toEqual(byId.get(a.id));
    const gone = first.annotations[0]!;
    expect((await store.remove(gone.id)).ok).toBe(true);
    const after = store.page({ filter: { documentId: 'dok_a' }, sort: 'oldest', offset: 0, limit: 500 });
    expect(after.total).toBe(first.total - 1);
    expect(after.annotations.map((a) => a.id)).not.toContain(gone.id);
  });
});

describe('what the reader and the counts read', () => {
  it("one document's annotations, in text order", () => {
    for (const doc of DOCS) {
      const want = all
        .filter((a) => a.documentId === doc)
        .sort((a, b) => a.position.start - b.position.start || all.indexOf(a) - all.indexOf(b));
      expect(store.forDocument(doc)).toEqual(want);
    }
    expect(store.forDocument('dok_saknas')).toEqual([]);
  });

  it('counts per document and colour, and every tag in use, follow each change', async () => {
    const summary = store.summary();
    expect(summary.total).toBe(300);
    for (const doc of DOCS)
      expect(summary.byDocument[doc]).toBe(all.filter((a) => a.documentId === doc).length);
    for (const colour of [...HIGHLIGHT_COLOURS, 'none'] as const)
      expect(summary.byColour[colour]).toBe(all.filter((a) => (a.colour ?? 'none') === colour).length);
    expect(summary.tags).toEqual([...TAGS].sort((a, b) => a.localeCompare(b, 'sv')));

    const made = await store.create({ ...note(1), colour: 'purple', tags: ['ny tagg'] });
    expect(made.ok).toBe(true);
    const after = store.summary();
    expect(after.total).toBe(301);
    expect(after.byColour.purple).toBe(summary.byColour.purple + 1);
    expect(after.tags).toContain('ny tagg');
  });
});
