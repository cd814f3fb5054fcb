// The near-miss table and the correction targets take in changed word counts (an import, a
// removal) instead of being made again from the whole vocabulary: what they answer must be
// what the whole vocabulary made afresh answers, on the integration collection's real words.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCollection } from '../../../../src-main/services/documents/collection';
import { SpellingIndex, closestWords } from '../../../../src-main/services/search/correction';
import { tokenize } from '../../../../src-main/services/search/analyzer';
import { NearMisses } from '../../../../src-main/services/search/near-misses';
import type { Vocabulary } from '../../../../src-main/services/search/suggest';
import { sharedDir } from '../documents/shared-path';

/** Word counts of some texts, added to `into`; returns each changed word's count before. */
function count(texts: readonly string[], into: Vocabulary, sign: 1 | -1 = 1): Map<string, number> {
  const changed = new Map<string, number>();
  for (const text of texts)
    for (const { lower } of tokenize(text)) {
      const before = into.get(lower) ?? 0;
      if (!changed.has(lower)) changed.set(lower, before);
      if (before + sign > 0) into.set(lower, before + sign);
      else into.delete(lower);
    }
  return changed;
}

let texts: string[] = [];

beforeAll(async () => {
  const collection = await openCollection(join(sharedDir(), 'collections/integration'), {
    cacheDir: null,
    origin: 'collection',
  });
  texts = (await collection.searchRecords()).map((r) => r.text);
}, 60_000);

describe('the near-miss table, kept word by word', () => {
  it('equals the table made from all words, after documents are added and removed', () => {
    // Real misspellings of the collection ("intergration", "Kronbergs", …) come and go as
    // their text and the text of their correct words arrive in different parts.
    const parts = [0, 1, 2, 3].map((i) => texts.filter((_, n) => n % 4 === i));
    const vocabulary: Vocabulary = new Map();
    count(parts[0] ?? [], vocabulary);
    const kept = NearMisses.fromVocabulary(vocabulary);
    const sizes: number[] = [kept.entries().length];
    for (const part of parts.slice(1)) {
      kept.update(vocabulary, count(part, vocabulary));
      expect(kept.entries()).toEqual(NearMisses.fromVocabulary(vocabulary).entries());
      sizes.push(kept.entries().length);
    }
    // Taking a part out again (a removed import).
    kept.update(vocabulary, count(parts[2] ?? [], vocabulary, -1));
    expect(kept.entries()).toEqual(NearMisses.fromVocabulary(vocabulary).entries());
    // The table did change along the way: the test saw entries made and unmade.
    expect(new Set(sizes).size).toBeGreaterThan(1);
    expect(sizes.at(-1)).toBeGreaterThan(0);
  });

  it('keeps the entries of an index stored before the words were kept, and adds to them', () => {
    const vocabulary: Vocabulary = new Map();
    count(texts, vocabulary);
    const legacy = NearMisses.fromVocabulary(vocabulary)
      .entries()
      .map(([key, misspellings, word]) => [key, misspellings, word] as [string, string[], string]);
    expect(legacy.length).toBeGreaterThan(0);
    const kept = NearMisses.fromEntries(legacy);
    kept.update(vocabulary, count(['Intergrationen av nyanlända.'], vocabulary));
    const keys = new Set(kept.entries().map(([key]) => key));
    for (const [key] of legacy) expect(keys.has(key)).toBe(true);
  });
});

describe('the correction targets, kept word by word', () => {
  it('give the closest words the targets made afresh give, in a large vocabulary too', () => {
    for (const extra of [0, 100_000]) {
      const vocabulary: Vocabulary = new Map();
      // Past 100,000 words only words seen twice are targets: filler words keep it that large.
      for (let i = 0; i < extra; i++) vocabulary.set(`zz${i.toString(36)}`, 1);
      const half = Math.floor(texts.length / 2);
      count(texts.slice(0, half), vocabulary);
      const spelling = new SpellingIndex(vocabulary, vocabulary.size);
      const changed = count(texts.slice(half), vocabulary);
      expect(spelling.update(vocabulary, changed)).toBe(true);
      const fresh = new SpellingIndex(vocabulary, vocabulary.size);
      expect(closestWords('intergration', fresh).length).toBeGreaterThan(0);
      for (const typed of [
        'intergration',
        'samhällsorienterng',
        'arbetsmarkand',
        'etablerng',
        'kunskper',
        'nyanlnda',
      ])
        expect(closestWords(typed, spelling), `${typed} (${extra})`).toEqual(closestWords(typed, fresh));
    }
  });
});
