// The warm-up after a start searches the collection's own long words, of every kind, and
// changes no answer: an engine that prepared answers exactly as one that did not.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCollection } from '../../../../src-main/services/documents/collection';
import { SearchEngine } from '../../../../src-main/services/search/engine';
import { WARM_UP_SEARCHES, warmUpQuery } from '../../../../src-main/services/search/warm-up';
import { sharedDir } from '../documents/shared-path';

async function records() {
  const dir = join(sharedDir(), 'collections/integration');
  const collection = await openCollection(dir, { cacheDir: null, origin: 'collection' });
  return collection.searchRecords();
}

describe('the warm-up after a start', () => {
  it('searches long words of the collection, in every kind of query', async () => {
    const all = await records();
    const textOf = (i: number) => (all[i]?.kind === 'document' ? null : (all[i]?.text ?? null));
    const queries = Array.from({ length: WARM_UP_SEARCHES }, (_, k) =>
      warmUpQuery(k, all.length, textOf),
    ).filter((q): q is string => q !== null);
    expect(queries.length).toBeGreaterThan(WARM_UP_SEARCHES / 2);
    const phrases = queries.filter((q) => q.startsWith('"'));
    const pairs = queries.filter((q) => !q.startsWith('"') && q.includes(' '));
    const prefixes = queries.filter((q) => q.length === 5);
    expect(phrases.length).toBeGreaterThan(20);
    expect(pairs.length).toBeGreaterThan(20);
    expect(prefixes.length).toBeGreaterThan(20);
    // No common word: every word of a word or a pair has nine letters or more.
    for (const q of [...pairs, ...queries.filter((w) => !w.includes(' ') && w.length !== 5)])
      for (const word of q.split(' ')) expect(word.length, q).toBeGreaterThanOrEqual(9);
  });

  it('changes no answer', async () => {
    const all = await records();
    const prepared = new SearchEngine();
    prepared.add(all);
    prepared.prepare();
    const fresh = new SearchEngine();
    fresh.add(all);
    for (const q of [
      'i',
      'och',
      'integration',
      'etableringslotsar',
      'arbetsmarknaden',
      'svenska för',
      '"ska vara"',
      'intergration',
      'Ds 2015:26',
      'regeringen handlingsplan',
    ])
      expect(prepared.search(q), q).toEqual(fresh.search(q));
  });
});
