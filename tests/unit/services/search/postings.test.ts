// A loaded index holds its postings in typed arrays (postings.ts), flexsearch's maps only the
// entries added since: it must answer exactly as the index flexsearch built in memory, before
// and after documents are added and removed, and export what it holds.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCollection } from '../../../../src-main/services/documents/collection';
import type { ReaderDocument } from '../../../../src-main/shared/documents/model';
import { SearchEngine, type ParagraphRecord } from '../../../../src-main/services/search/engine';
import { PostingTable, type FlexSlots } from '../../../../src-main/services/search/postings';
import { parseQuery } from '../../../../src-main/services/search/query';
import { paragraphRecords } from '../../../../src-main/services/search/service';
import { sharedDir } from '../documents/shared-path';
import { realLibrary } from './helpers';

/** A small deterministic generator, so a failure names a query that can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Queries drawn from the texts: whole words, prefixes, pairs, phrases, misspellings. */
function queriesFrom(records: readonly ParagraphRecord[], n: number): string[] {
  const next = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const out = ['integration', 'politik', 'ESF+', 'eu', 'sou 2016:1', 'intergration', 'handlingspl'];
  while (out.length < n) {
    const words = pick(records)
      .text.split(/\s+/)
      .filter((w) => /^\p{L}{3,}$/u.test(w));
    if (words.length < 2) continue;
    const at = Math.floor(next() * (words.length - 1));
    const [a, b] = [words[at] as string, words[at + 1] as string];
    out.push(
      pick([a, a.slice(0, Math.max(3, a.length - 3)), `${a} ${pick(words)}`, `"${a} ${b}"`, a.slice(1)]),
    );
  }
  return out;
}

let documents: ReaderDocument[] = [];
let extra: ReaderDocument[] = [];

beforeAll(async () => {
  const collection = await openCollection(join(sharedDir(), 'collections/integration'), {
    cacheDir: null,
    origin: 'collection',
  });
  documents = (await collection.loadAll()).slice(0, 120);
  extra = (await realLibrary()).documents;
}, 60_000);

describe('postings in typed arrays', () => {
  it('answer as flexsearch built them, after adding and removing documents too', async () => {
    const records = paragraphRecords(documents);
    const built = new SearchEngine();
    built.add(records);
    const loaded = new SearchEngine();
    await loaded.import(records, built.export());
    const queries = queriesFrom(records, 160);
    for (const q of queries) expect(loaded.search(q), q).toEqual(built.search(q));
    // Added after the start (an import): both engines alike.
    for (const engine of [built, loaded]) engine.add(paragraphRecords(extra));
    // Ranked as typed: the postings' answer. (Suggestions after an add differ between a built
    // and a loaded engine with flexsearch's own chunks too: the engine's vocabulary, not these.)
    const ranked = (engine: SearchEngine, q: string) => engine.rank(parseQuery(q), 20);
    const more = [...queries, ...queriesFrom(paragraphRecords(extra), 40)];
    for (const q of more) expect(ranked(loaded, q), q).toEqual(ranked(built, q));
    // What the changed engine exports loads into the same answers again.
    const again = new SearchEngine();
    await again.import([...records, ...paragraphRecords(extra)], loaded.export());
    for (const q of more) expect(ranked(again, q), q).toEqual(ranked(built, q));
    // One of the collection's documents removed from all three: still alike.
    for (const engine of [built, loaded, again]) engine.remove(documents[3]?.meta.id ?? '');
    for (const q of more) {
      expect(ranked(loaded, q), q).toEqual(ranked(built, q));
      expect(ranked(again, q), q).toEqual(ranked(built, q));
    }
  });

  it('visit slot by slot, the stored ids before the added ones, skipping removed ones', () => {
    const terms = ['a', 'b', 'c'];
    const first = new Map<string, FlexSlots>([
      ['a', [[1, 2], undefined, [3]]],
      ['c', [undefined, [4]]],
    ]);
    const table = PostingTable.merge(terms, first, null);
    const decoded = PostingTable.decode(terms, table.encode());
    expect(decoded).not.toBeNull();
    const visited = (t: PostingTable, term: string, added?: FlexSlots, max = Infinity) => {
      const out: number[] = [];
      t.visit(term, added, max, (id) => {
        out.push(id);
        return false;
      });
      return out;
    };
    const loaded = decoded as PostingTable;
    expect(visited(loaded, 'a')).toEqual([1, 2, 3]);
    expect(visited(loaded, 'b')).toEqual([]);
    expect(visited(loaded, 'a', [[7], [8], [9]])).toEqual([1, 2, 7, 8, 3, 9]);
    expect(visited(loaded, 'b', [undefined, [5]])).toEqual([5]);
    expect(visited(loaded, 'a', undefined, 2)).toEqual([1, 2]);
    loaded.remove('a', 2);
    expect(visited(loaded, 'a')).toEqual([1, 3]);
    // Merged with what was added since, over a grown dictionary.
    const grown = PostingTable.merge(
      ['a', 'aa', 'b', 'c'],
      new Map([
        ['aa', [[6]]],
        ['c', [[5]]],
      ]),
      loaded,
    );
    expect(visited(grown, 'a')).toEqual([1, 3]);
    expect(visited(grown, 'aa')).toEqual([6]);
    expect(visited(grown, 'c')).toEqual([5, 4]);
    // A line that does not fit the dictionary is refused, never misread.
    expect(PostingTable.decode(['a', 'b'], table.encode())).toBeNull();
    expect(PostingTable.decode(terms, 'AAAA')).toBeNull();
  });
});
