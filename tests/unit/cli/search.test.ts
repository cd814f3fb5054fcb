// The search command as a user runs it: JSON hits best first with offsets that cut out the
// matched words and why each matched, the correction used, a readable list, "Menade du …?"
// with --exakt, and bad arguments → a Swedish sentence, exit 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'lasaren-cli-search-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'search', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

interface JsonHit {
  kind: string;
  documentId: string;
  title: string;
  paragraph: number;
  text: string;
  why: string[];
  matches: Array<{ start: number; end: number; text: string; why: string }>;
  score: number;
}
interface JsonResult {
  query: string;
  correction: { query: string; original: string; words: Array<[string, string]> } | null;
  suggestions: string[];
  hits: JsonHit[];
}

describe('npm run cli -- search', () => {
  it('prints JSON hits best first, with match offsets into the paragraph', () => {
    const { code, out } = cli('göran', '--json', '--data', dataDir);
    expect(code).toBe(0);
    const result = JSON.parse(out) as JsonResult;
    expect(result.correction).toBeNull();
    const hits = result.hits;
    expect(hits.map((h) => h.paragraph)).toHaveLength(3);
    expect(hits[0]).toMatchObject({
      documentId: '000_85e98cc4eb8dedfb',
      title: 'Nationella kontaktpunkter för integration',
    });
    const words = hits.map((h) => h.matches.map((m) => h.text.slice(m.start, m.end)).join());
    expect(words).toEqual(['Göran', 'Göran', 'goran']);
    expect(hits.map((h) => h.matches.map((m) => m.text).join())).toEqual(words);
    // The typed letters first; goran differs in ö only.
    expect(hits.map((h) => h.why)).toEqual([['exact'], ['exact'], ['inflection']]);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('honours --limit', () => {
    const { hits } = JSON.parse(
      cli('integration', '--json', '--limit', '2', '--data', dataDir).out,
    ) as JsonResult;
    expect(hits).toHaveLength(2);
  });

  it('says which correction it used and why each hit matched', () => {
    const result = JSON.parse(cli('handlinsplanen', '--json', '--data', dataDir).out) as JsonResult;
    expect(result.correction).toEqual({
      query: 'handlingsplanen',
      original: 'handlinsplanen',
      words: [['handlinsplanen', 'handlingsplanen']],
    });
    expect(result.hits.length).toBeGreaterThan(0);
    for (const hit of result.hits) {
      expect(hit.why.length).toBeGreaterThan(0);
      for (const m of hit.matches) expect(['exact', 'inflection', 'compound', 'near-miss']).toContain(m.why);
    }
    // "handlingsplanen" itself and other forms of it: exact and inflection.
    expect(result.hits.flatMap((h) => h.why)).toEqual(expect.arrayContaining(['exact', 'inflection']));
  });

  it('prints a readable list grouped by document, and suggestions when nothing matched', () => {
    const list = cli('ESF+', '--data', dataDir);
    expect(list.out).toContain('Handlingsplan för integration och inkludering 2021–2027');
    expect(list.out).toContain('stycke 4: ');
    expect(list.out).toContain('([ESF+])');
    const corrected = cli('handlinsplanen', '--data', dataDir);
    expect(corrected.code).toBe(0);
    expect(corrected.out).toContain(
      'Visar träffar för "handlingsplanen". Sök i stället efter "handlinsplanen" med --exakt.',
    );
    const none = cli('handlinsplanen', '--exakt', '--data', dataDir);
    expect(none.code).toBe(0);
    expect(none.out).toContain('Inga träffar för "handlinsplanen".');
    expect(none.out).toContain('Menade du: "handlingsplanen"?');
  });

  it.each([
    [[], 'Ange vad du söker efter'],
    [['a', 'b'], 'Sätt sökfrågan inom citattecken'],
    [['x', '--limit', '0'], '--limit måste vara ett positivt heltal'],
    [['x', '--limit', '500'], '--limit får vara högst 200'],
    [['x', '--okänd'], 'Okänt eller ofullständigt argument: --okänd'],
    [['   '], 'Sökfrågan är tom.'],
  ])('rejects %j with a Swedish message and exit code 2', (args, message) => {
    const { code, err, out } = cli(...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('Användning: npm run cli -- search');
    expect(out).toBe('');
  });
});
