// The search command as a user runs it: JSON hits best first with offsets that cut out the
// matched words, a readable list, "Menade du …?", and bad arguments → a Swedish sentence, exit 2.
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
  documentId: string;
  title: string;
  paragraph: number;
  text: string;
  matches: Array<{ start: number; end: number }>;
  score: number;
}

describe('npm run cli -- search', () => {
  it('prints JSON hits best first, with match offsets into the paragraph', () => {
    const { code, out } = cli('göran', '--json', '--data', dataDir);
    expect(code).toBe(0);
    const hits = JSON.parse(out) as JsonHit[];
    expect(hits.map((h) => h.paragraph)).toHaveLength(3);
    expect(hits[0]).toMatchObject({
      documentId: '000_85e98cc4eb8dedfb',
      title: 'Nationella kontaktpunkter för integration',
    });
    const words = hits.map((h) => h.matches.map((m) => h.text.slice(m.start, m.end)).join());
    expect(words).toEqual(['Göran', 'Göran', 'goran']);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('honours --limit', () => {
    const hits = JSON.parse(cli('integration', '--json', '--limit', '2', '--data', dataDir).out) as JsonHit[];
    expect(hits).toHaveLength(2);
  });

  it('prints a readable list grouped by document, and suggestions when nothing matched', () => {
    const list = cli('ESF+', '--data', dataDir);
    expect(list.out).toContain('Handlingsplan för integration och inkludering 2021–2027');
    expect(list.out).toContain('stycke 4: ');
    expect(list.out).toContain('([ESF+])');
    const none = cli('handlinsplanen', '--data', dataDir);
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
