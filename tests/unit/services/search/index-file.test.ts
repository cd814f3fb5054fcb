// The stored index's vocabulary is read back from the file only at a session's first spelling
// correction, and then only as far as its line ends: it must come back whole when it spans
// several of the reader's chunks, and as nothing when the file was replaced meanwhile.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine, type ParagraphRecord } from '../../../../src-main/services/search/engine';
import { contentHash, readIndexFile, writeIndexFile } from '../../../../src-main/services/search/index-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lasaren-index-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Paragraphs of distinct made-up words: `words` of them in all, 2,000 to a paragraph. */
function records(words: number): ParagraphRecord[] {
  const out: ParagraphRecord[] = [];
  for (let start = 0; start < words; start += 2000) {
    const text = Array.from({ length: Math.min(2000, words - start) }, (_, i) => `ordet${start + i}x`).join(
      ' ',
    );
    out.push({ documentId: 'doc', title: 'Dokumentet', paragraph: out.length + 1, heading: null, text });
  }
  return out;
}

async function stored(list: ParagraphRecord[], name: string) {
  const engine = new SearchEngine();
  engine.add(list);
  const data = engine.export();
  const path = join(dir, name);
  const hash = contentHash(list);
  await writeIndexFile(path, hash, list.length, data);
  return { path, hash, expected: JSON.parse(data.vocabulary as string) as Array<[string, number]> };
}

describe('the stored vocabulary', () => {
  it('comes back whole from a line longer than the first chunk read (1 MB)', async () => {
    const list = records(90_000);
    const { path, hash, expected } = await stored(list, 'large.ndjson');
    const vocabularyLine = (await readFile(path, 'utf8')).split('\n')[2] ?? '';
    expect(vocabularyLine.length).toBeGreaterThan(1 << 20);
    const data = await readIndexFile(path, hash);
    const vocabulary = data?.vocabulary;
    expect(typeof vocabulary).toBe('function');
    const read = JSON.parse((vocabulary as () => string)()) as Array<[string, number]>;
    expect(read).toHaveLength(expected.length);
    expect(read).toEqual(expected);
  }, 60_000);

  it('is empty, not another index’s words, when the file was replaced after loading', async () => {
    const first = records(10);
    const { path, hash } = await stored(first, 'replaced.ndjson');
    const data = await readIndexFile(path, hash);
    const other = records(20);
    const engine = new SearchEngine();
    engine.add(other);
    await writeIndexFile(path, contentHash(other), other.length, engine.export());
    expect((data?.vocabulary as () => string)()).toBe('[]');
  });

  it('is empty when the file is gone or cut short', async () => {
    const { path, hash } = await stored(records(10), 'cut.ndjson');
    const data = await readIndexFile(path, hash);
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.indexOf(10) + 5));
    expect((data?.vocabulary as () => string)()).toBe('[]');
    await rm(path);
    expect((data?.vocabulary as () => string)()).toBe('[]');
  });
});
