// A quote being typed: its last word may be unfinished and matches as the prefix it is, also
// when that beginning is a word of its own with another lemma ("red", rida's past, keyed rid).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCollection } from '../../../../src-main/services/documents/collection';
import { SearchEngine } from '../../../../src-main/services/search/engine';
import { parseQuery } from '../../../../src-main/services/search/query';
import { sharedDir } from '../documents/shared-path';
import { marked } from './helpers';

const engine = new SearchEngine();

beforeAll(async () => {
  const collection = await openCollection(join(sharedDir(), 'collections/integration'), {
    cacheDir: null,
    origin: 'collection',
  });
  engine.add(await collection.searchRecords());
});

describe('a quote still being typed', () => {
  it('finds the phrase letter by letter, as it will when the quote is closed', () => {
    const closed = engine.search('"uppdraget ska redovisas"');
    expect(closed.hits.length).toBeGreaterThan(3);
    for (const typed of [
      '"uppdraget ska r',
      '"uppdraget ska re',
      '"uppdraget ska red',
      '"uppdraget ska redo',
    ]) {
      const open = engine.search(typed);
      expect(open.correction, typed).toBeUndefined();
      // Every paragraph the closed quote finds is found while typing, the phrase marked.
      const found = new Set(open.hits.map((h) => `${h.documentId}#${h.paragraph}`));
      for (const hit of closed.hits.slice(0, 3))
        expect(found, typed).toContain(`${hit.documentId}#${hit.paragraph}`);
      expect(
        marked(open.hits[0] as (typeof open.hits)[number])
          .join(' ')
          .toLowerCase(),
        typed,
      ).toContain('uppdraget ska redovisas');
    }
  });

  it('keeps the lemma key of a finished irregular word beside the prefix (gick: gå)', () => {
    const last = parseQuery('"det gick').terms.at(-1);
    expect(last?.prefix).toBe('gick');
    expect(last?.encoded[0]).toBe('ga');
    expect(engine.search('"det gick').hits.length).toBeGreaterThan(0);
  });

  it('ranks the forms of the word typed before words it only begins ("det går" before "det gäller")', () => {
    // The collection writes "det går" and never "det gick": the closed quote finds those.
    const closed = engine.search('"det gick"').hits.map((h) => `${h.documentId}#${h.paragraph}`);
    expect(closed.length).toBeGreaterThan(0);
    const open = engine.search('"det gick').hits;
    expect(open.slice(0, closed.length).map((h) => `${h.documentId}#${h.paragraph}`)).toEqual(closed);
    expect(
      marked(open[0] as (typeof open)[number])
        .join(' ')
        .toLowerCase(),
    ).toBe('det går');
  });

  it('leaves a typed word alone when its lemma key begins it', () => {
    const last = parseQuery('"uppdraget ska redovis').terms.at(-1);
    expect(last?.prefix).toBeUndefined();
  });
});
