// Owns the benchmark's corpus: real Swedish words from the dictionary-sv package (Hunspell
// stems), Zipf-distributed, in ~60-word paragraphs with a heading every 12, and the query
// sets. Deterministic: the same seed gives the same corpus and queries on every machine.
import dictionary from 'dictionary-sv';
import type { ParagraphRecord } from '../src-main/services/search/engine';

/** mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lowercase dictionary words of 2–18 letters, in a seeded random rank order. */
export function swedishWords(seed = 7): string[] {
  const words = new Set<string>();
  for (const line of new TextDecoder().decode(dictionary.dic).split('\n').slice(1)) {
    const word = line.split('/')[0]?.trim() ?? '';
    if (/^[a-zåäöé]{2,18}$/.test(word)) words.add(word);
  }
  const list = [...words].sort();
  const next = random(seed);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [list[i], list[j]] = [list[j] as string, list[i] as string];
  }
  return list;
}

/** Draws word ranks with P(rank r) ∝ 1 / r (Zipf, s = 1). */
export function zipfSampler(size: number, next: () => number): () => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let r = 0; r < size; r++) cumulative[r] = sum += 1 / (r + 1);
  return () => {
    const x = next() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export function generateCorpus(paragraphs: number, words: readonly string[], seed = 42): ParagraphRecord[] {
  const next = random(seed);
  const rank = zipfSampler(words.length, next);
  const word = () => words[rank()] as string;
  const records: ParagraphRecord[] = [];
  let heading: string | null = null;
  for (let i = 0; i < paragraphs; i++) {
    const documentId = `bench_${String(Math.floor(i / 200)).padStart(4, '0')}`;
    if (i % 12 === 0) heading = [word(), word(), word()].join(' ').replace(/^./, (c) => c.toUpperCase());
    const length = 45 + Math.floor(next() * 31);
    const parts: string[] = [];
    for (let w = 0; w < length; w++) {
      let text = word();
      if (w === 0 || parts[parts.length - 1]?.endsWith('.'))
        text = text.replace(/^./, (c) => c.toUpperCase());
      if (w === length - 1 || next() < 0.07) text += '.';
      else if (next() < 0.06) text += ',';
      parts.push(text);
    }
    records.push({
      documentId,
      title: `Dokument ${documentId}`,
      paragraph: (i % 200) + 1,
      heading,
      text: parts.join(' '),
    });
  }
  return records;
}

export interface QuerySets {
  readonly 'ett ord': string[];
  readonly 'två ord': string[];
  readonly prefix: string[];
  readonly fras: string[];
}

/** Queries a user would type, drawn from the corpus so they hit. */
export function querySets(records: readonly ParagraphRecord[], count: number, seed = 99): QuerySets {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const wordsOf = (r: ParagraphRecord) => r.text.toLowerCase().replace(/[.,]/g, '').split(' ');
  const sets: QuerySets = { 'ett ord': [], 'två ord': [], prefix: [], fras: [] };
  while (sets['ett ord'].length < count) {
    const w = wordsOf(pick(records));
    const a = pick(w);
    const b = pick(w);
    const i = Math.floor(next() * (w.length - 1));
    sets['ett ord'].push(a);
    if (a !== b) sets['två ord'].push(`${a} ${b}`);
    else sets['två ord'].push(`${a} ${w[(w.indexOf(a) + 1) % w.length]}`);
    sets.prefix.push(a.slice(0, Math.max(3, Math.ceil(a.length / 2))));
    sets.fras.push(`"${w[i]} ${w[i + 1]}"`);
  }
  return sets;
}

/**
 * Writes the corpus as a resources folder (documents/<id>.txt + manifest.ndjson, 200 paragraphs
 * per document under "## " headings), for running the app on it (`--resources DIR`).
 */
export async function writeCorpusFolder(dir: string, paragraphs: number): Promise<void> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const docs = join(dir, 'documents');
  await mkdir(docs, { recursive: true });
  const byDoc = new Map<string, ParagraphRecord[]>();
  for (const r of generateCorpus(paragraphs, swedishWords())) {
    const list = byDoc.get(r.documentId) ?? [];
    list.push(r);
    byDoc.set(r.documentId, list);
  }
  const manifest: string[] = [];
  for (const [id, records] of byDoc) {
    const title = `Testdokument ${id.slice('bench_'.length)}`;
    let text = `# ${title}\n\n`;
    let heading: string | null = null;
    for (const r of records) {
      if (r.heading !== heading && r.heading) text += `## ${r.heading}\n\n`;
      heading = r.heading;
      text += `${r.text}\n\n`;
    }
    await writeFile(join(docs, `${id}.txt`), text);
    manifest.push(
      JSON.stringify({
        id,
        file: `${id}.txt`,
        title,
        language: 'sv',
        summary: 'Genererad svensk testtext (Zipf-fördelade ord).',
      }),
    );
  }
  await writeFile(join(docs, 'manifest.ndjson'), manifest.join('\n') + '\n');
}
