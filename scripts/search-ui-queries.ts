// Owns the typed sequences of `npm run bench:search-ui`, drawn deterministically from the
// collection itself (its titles, designations and paragraphs), so the same collection always
// gives the same keystrokes: frequent title words, a frequent pair of title words, a phrase in
// quotes, designations as people type them, a misspelt title word and a long word typed as a
// prefix. Benchmark scripts only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TypedSequence {
  /** What kind of query it is, for the per-kind figures. */
  readonly kind: string;
  readonly text: string;
}

interface ManifestLine {
  readonly file: string;
  readonly title: string;
  readonly designation?: string;
}

const WORD = /[a-zåäöéü]+/g;

function ranked(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

function count(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Swaps two letters in the middle of a word: the commonest typing slip. */
function misspell(word: string): string {
  const i = Math.floor(word.length / 2);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/**
 * The typed sequences for a collection folder. Reads every `step`th document's Markdown for
 * the phrase and the cited bill (a sample keeps it to a second or two; still deterministic).
 */
export function typedSequences(collection: string, step = 25): TypedSequence[] {
  const lines = readFileSync(join(collection, 'manifest.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ManifestLine);
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  let newestSou = 0;
  for (const line of lines) {
    const ws = line.title.toLowerCase().match(WORD) ?? [];
    for (const w of ws) if (w.length >= 8) count(words, w);
    for (let i = 1; i < ws.length; i++)
      if (ws[i - 1]!.length >= 7 && ws[i]!.length >= 7) count(pairs, `${ws[i - 1]} ${ws[i]}`);
    const sou = /^SOU (\d{4}):/.exec(line.designation ?? '');
    if (sou) newestSou = Math.max(newestSou, Number(sou[1]));
  }
  const phrases = new Map<string, number>();
  const bills = new Map<string, number>();
  for (let i = 0; i < lines.length; i += step) {
    let text: string;
    try {
      text = readFileSync(join(collection, lines[i]!.file), 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(/\bprop\. (\d{4}\/\d{2}:\d+)/g)) count(bills, m[1]!);
    for (const paragraph of text.split(/\n\s*\n/)) {
      if (paragraph.startsWith('#') || paragraph.startsWith('|')) continue;
      // Words as written, side by side: a token with a digit or a sign breaks the run.
      const ws = paragraph.toLowerCase().split(/\s+/);
      const word = (w: string | undefined, min: number) =>
        w !== undefined && w.length >= min && /^[a-zåäö]+$/.test(w);
      for (let j = 2; j < ws.length; j++)
        if (word(ws[j - 2], 5) && word(ws[j - 1], 3) && word(ws[j], 6))
          count(phrases, `${ws[j - 2]} ${ws[j - 1]} ${ws[j]}`);
    }
  }
  const byWord = ranked(words);
  const frequent = byWord.filter((w) => (words.get(w) ?? 0) >= 100);
  const longest =
    [...frequent].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0] ?? 'internationella';
  const bill = ranked(bills)[0];
  const slip = byWord[5] ?? 'genomförande';
  return [
    // "integration" is the issue's own example; the others are the collection's.
    { kind: 'ett ord', text: 'integration' },
    { kind: 'ett ord', text: byWord[4] ?? 'åtgärder' },
    { kind: 'två ord', text: ranked(pairs).find((p) => !p.includes(slip)) ?? 'mänskliga rättigheter' },
    { kind: 'fras', text: `"${ranked(phrases)[0] ?? 'i enlighet med'}"` },
    { kind: 'beteckning', text: bill ? `prop. ${bill}` : 'prop. 2012/13:63' },
    { kind: 'beteckning', text: `SOU ${newestSou || 2026}` },
    { kind: 'felstavat', text: misspell(slip) },
    { kind: 'prefix', text: longest },
  ];
}
