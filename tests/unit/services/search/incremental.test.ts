// Adding documents to a live index (an import) extends what the engine has made instead of
// making it again from every record: the answers must be exactly those of an engine built
// over all the records at once, and the records already indexed must not be read again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { openCollection } from '../../../../src-main/services/documents/collection';
import { parseFile } from '../../../../src-main/services/documents/import-parse';
import { importedDocument } from '../../../../src-main/services/imports/service';
import { SearchEngine, type ParagraphRecord } from '../../../../src-main/services/search/engine';
import { NearMisses } from '../../../../src-main/services/search/near-misses';
import { AdjacentPairs } from '../../../../src-main/services/search/pairs';
import { paragraphRecords } from '../../../../src-main/services/search/service';
import type { ReaderDocument } from '../../../../src-main/shared/documents/model';
import { sharedDir } from '../documents/shared-path';

/** Real queries of every kind: common and rare words, the imported file's words, phrases, prefixes, misspellings, nothing. */
const QUERIES = [
  'integration',
  'regeringen',
  'och',
  'arbetsmarknad',
  'nyanlända kvinnor',
  '"svenska för invandrare"',
  'politik',
  'integ',
  'etablering',
  'dataskyddsförordningen',
  'personuppgifter',
  'personuppgifer',
  'dataskyddsförordnigen',
  'intergration',
  'arbetsmarkand',
  'samhällsorientering',
  'samhällsorienterng',
  'kommittédirektiv tilläggsdirektiv',
  'Dir. 2016:15',
  '2016:15',
  'utredare uppdrag',
  '"särskild utredare"',
  'tillsynsmyndighet',
  'kun skaper',
  'kunskaper',
  'xqzvwk',
  'förordning',
  'nationella kompletterande bestämmelser',
  // Phrases of common words, which the pair lists (pairs.ts) answer once made, and others.
  '"för att"',
  '"i den"',
  '"som regeringen"',
  '"eller andra"',
  '"det är viktigt att"',
  '"av de"',
  '"den den"',
  'integration "ska vara"',
  '"svenska för',
];

const SHARED = sharedDir();

async function imported(file: string): Promise<ReaderDocument> {
  const outcome = await parseFile(new Uint8Array(readFileSync(join(SHARED, 'testfiles', file))), file);
  if (!outcome.ok) throw new Error(`${file}: ${outcome.error.en}`);
  // As the app adds it (without its database).
  return importedDocument(outcome.document, file, `import-${file}`, outcome.format, 'v1');
}

/** Everything a user sees of a search: hits (order, paragraphs, ranges, why), corrections, suggestions. */
function answers(engine: SearchEngine): unknown[] {
  return QUERIES.map((q) => ({
    q,
    response: engine.search(q, { limit: 30 }),
    inDocument: engine.search(q, { documentId: 'import-03_dir-2016-15-dataskyddsforordningen.pdf' }).hits,
    nearMisses: engine.parse(q).terms.map((t) => t.nearMisses),
  }));
}

/** Makes everything search makes on first use: term codes, headings, near-misses, correction targets. */
function warm(engine: SearchEngine): void {
  engine.search('integration politik');
  engine.search('xqzvwk samhällsorienterng');
}

let a: ParagraphRecord[] = [];
let b: ParagraphRecord[][] = [];

beforeAll(async () => {
  const collection = await openCollection(join(SHARED, 'collections/integration'), {
    cacheDir: null,
    origin: 'collection',
  });
  const records = await collection.searchRecords();
  // Split at a document boundary: the first half is "the collection", the rest arrives later.
  let cut = Math.floor(records.length / 2);
  while (cut < records.length && records[cut]?.kind !== 'document') cut++;
  a = records.slice(0, cut);
  const later = records.slice(cut);
  const files = ['03_dir-2016-15-dataskyddsforordningen.pdf', '22_regeringen_dir-2016-15.html'];
  const docs = await Promise.all(files.map(imported));
  // In three additions: two halves of the rest of the collection, then the imported files.
  const half = Math.floor(later.length / 2);
  b = [later.slice(0, half), later.slice(half), paragraphRecords(docs)];
}, 120_000);

const all = () => [...a, ...b.flat()];

describe('adding documents to a live index', () => {
  it('answers every query exactly as an index built over all the records at once', () => {
    const full = new SearchEngine();
    full.add(all());
    const incremental = new SearchEngine();
    incremental.add(a);
    // Prepared: its phrases are answered from pair lists made over `a`, then extended; the
    // engine built at once has none and scans the term codes.
    incremental.prepare();
    for (const part of b) {
      incremental.add(part);
      warm(incremental);
    }
    const expected = answers(full);
    expect(answers(incremental)).toEqual(expected);
    // The imported PDF is found, at the right words, and a misspelling of its words corrected.
    const found = incremental.search('dataskyddsförordningen').hits;
    expect(found.some((h) => h.documentId.startsWith('import-03'))).toBe(true);
    // A misspelling of a word only the imported file holds finds it too (corrected from its words).
    const misspelt = incremental.search('personuppgifer');
    expect(misspelt.hits.some((h) => h.documentId.startsWith('import-03'))).toBe(true);
    // And it stores the same index as the one built at once.
    expect(incremental.export()).toEqual(full.export());
  }, 120_000);

  it('extends a stored index the same way (the app: index loaded at start, then imports)', async () => {
    const built = new SearchEngine();
    built.add(a);
    const stored = built.export();
    const loaded = new SearchEngine();
    await loaded.import(a, stored);
    loaded.prepare();
    for (const part of b) loaded.add(part);
    const full = new SearchEngine();
    full.add(all());
    expect(answers(loaded)).toEqual(answers(full));
    // The word counts too (a correction before the import made its targets from the stored words).
    expect(loaded.export()).toEqual(full.export());
  }, 120_000);

  it('answers phrases of common words from the pair lists once prepared, as without them', () => {
    const plain = new SearchEngine();
    plain.add(all());
    const prepared = new SearchEngine();
    prepared.add(all());
    prepared.prepare();
    const mark = vi.spyOn(AdjacentPairs.prototype, 'mark');
    const phrases = QUERIES.filter((q) => q.includes('"'));
    const listed = phrases.filter((q) => {
      mark.mockClear();
      prepared.search(q, { limit: 30 });
      return mark.mock.calls.length > 0;
    });
    mark.mockClear();
    for (const q of phrases) plain.search(q, { limit: 30 });
    expect(mark).not.toHaveBeenCalled();
    mark.mockRestore();
    // Phrases of whole words take the lists (in a collection this small, even "för att"); the
    // one still being typed ("svenska för) does not.
    expect(listed).toEqual(expect.arrayContaining(['"som regeringen"', '"den den"', '"eller andra"']));
    expect(listed.length).toBeGreaterThan(5);
    expect(listed).not.toContain('"svenska för');
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    for (const q of phrases)
      expect(strip(prepared.search(q, { limit: 30 })), q).toEqual(strip(plain.search(q, { limit: 30 })));
  }, 120_000);

  it('reads no text already indexed and makes no table again from all words', () => {
    let reads = 0;
    const counted = a.map((record) => {
      const { text, ...rest } = record;
      return Object.defineProperty({ ...rest }, 'text', {
        get: () => (reads++, text),
        enumerable: true,
      }) as ParagraphRecord;
    });
    const engine = new SearchEngine();
    engine.add(counted);
    warm(engine);
    const fromVocabulary = vi.spyOn(NearMisses, 'fromVocabulary');
    reads = 0;
    for (const part of b) engine.add(part);
    const hits = QUERIES.map((q) => engine.search(q, { limit: 10 }).hits.length).reduce((x, y) => x + y);
    // Only the hits shown read their text (several times each at most), never every record.
    expect(reads).toBeLessThan(hits * 6 + 1);
    expect(reads).toBeLessThan(a.length / 4);
    expect(fromVocabulary).not.toHaveBeenCalled();
    fromVocabulary.mockRestore();
  }, 120_000);

  it('after removing the added documents, answers as an index that never had them', () => {
    const engine = new SearchEngine();
    engine.add(a);
    engine.prepare();
    for (const part of b) engine.add(part);
    warm(engine);
    const added = new Set(b[2]?.map((r) => r.documentId));
    for (const id of added) expect(engine.remove(id)).toBeGreaterThan(0);
    const without = new SearchEngine();
    without.add([...a, ...(b[0] ?? []), ...(b[1] ?? [])]);
    const strip = (x: unknown[]) => JSON.parse(JSON.stringify(x)) as unknown[];
    expect(strip(answers(engine))).toEqual(strip(answers(without)));
  }, 120_000);
});
