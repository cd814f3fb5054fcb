// The stored analyses: a loaded index answers for every word of its text what the analyser
// says, so no word of a hit needs analysing again; a word it lacks is analysed as before.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCollection } from '../../../../src-main/services/documents/collection';
import { StoredAnalyses, encodeAnalyses } from '../../../../src-main/services/search/analyses';
import {
  analyzeWord,
  clearAnalysisCache,
  tokenize,
  useStoredAnalyses,
} from '../../../../src-main/services/search/analyzer';
import { SearchEngine } from '../../../../src-main/services/search/engine';
import { sharedDir } from '../documents/shared-path';

let words: string[] = [];

beforeAll(async () => {
  const collection = await openCollection(join(sharedDir(), 'collections/integration'), {
    cacheDir: null,
    origin: 'collection',
  });
  const seen = new Set<string>();
  for (const record of await collection.searchRecords())
    for (const token of tokenize(record.text)) seen.add(token.lower);
  words = [...seen];
});

describe('stored analyses', () => {
  it('give every word of a real collection the stems the analyser gives it', () => {
    const line = encodeAnalyses(words, (w) => analyzeWord(w).stems);
    const table = new StoredAnalyses(line);
    expect(table.size).toBe(words.length);
    expect(words.length).toBeGreaterThan(10_000);
    let differ = 0;
    for (const word of words)
      if (table.stems(word)?.join('|') !== analyzeWord(word).stems.join('|')) differ++;
    expect(differ).toBe(0);
    // Words the text does not hold, before and after every stored word.
    for (const absent of ['', '0000000', 'aaaa', 'zzzzzzzz', 'ööööö', 'integrationx'])
      expect(table.stems(absent)).toBeUndefined();
  });

  it('keep both stems of a word written with a plus (ESF+)', () => {
    const table = new StoredAnalyses(encodeAnalyses(['esf+', 'esf'], (w) => analyzeWord(w).stems));
    expect(table.stems('esf+')).toEqual(analyzeWord('esf+').stems);
    expect(table.stems('esf+')).toHaveLength(2);
  });

  it('are what a loaded index answers from: the same hits, and unknown words still analysed', async () => {
    const built = new SearchEngine();
    const collection = await openCollection(join(sharedDir(), 'collections/integration'), {
      cacheDir: null,
      origin: 'collection',
    });
    const records = await collection.searchRecords();
    built.add(records);
    const data = built.export();
    expect(data.analyses?.length ?? 0).toBeGreaterThan(50_000);
    const queries = ['integration', 'etableringsreformen', '"svenska för invandrare"', 'kommunerna ansvar'];
    const before = queries.map((q) => JSON.stringify(built.search(q)));
    // A fresh process's state: nothing analysed yet, the table from the file.
    clearAnalysisCache();
    const loaded = new SearchEngine();
    await loaded.import(records, data);
    expect(queries.map((q) => JSON.stringify(loaded.search(q)))).toEqual(before);
    // A word no text holds is analysed as before.
    expect(analyzeWord('fantasiordsbildningarna').stems).toHaveLength(1);
    useStoredAnalyses(null);
  });
});
