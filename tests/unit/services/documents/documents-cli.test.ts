// `documents add | list | remove` on a real data folder: files added with the reason for each
// refusal, listed, found by the CLI's search, removed with or without their notes.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentsAdd, documentsList, documentsRemove } from '../../../../src-main/cli/commands/documents';
import { searchCommand } from '../../../../src-main/cli/commands/search';
import { sharedDir } from './import-fixtures';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const file = (name: string): string => join(sharedDir(), 'testfiles', name);

describe('documents commands', () => {
  it('adds, lists, searches and removes', async () => {
    const data = await mkdtemp(join(tmpdir(), 'lasaren-cli-docs-'));
    const code = await documentsAdd.run([
      file('24_riksdagen_SFS-2023-482.html'),
      file('19_pandoc_tables.docx'),
      join(data, 'saknas.pdf'),
      '--data',
      data,
    ]);
    expect(code).toBe(1);
    expect(out.filter((l) => l.startsWith('Tillagd:'))).toHaveLength(2);
    expect(err.join('\n')).toMatch(/saknas\.pdf kunde inte läsas: filen finns inte/);

    out = [];
    expect(await documentsList.run(['--json', '--data', data])).toBe(0);
    const { documents } = JSON.parse(out.join('\n')) as {
      documents: Array<{ id: string; title: string; origin: string }>;
    };
    expect(documents.map((d) => d.title)).toContain(
      'Förordning (2023:482) om prövning och samordning av väg- eller järnvägsprojekt inom det transeuropeiska transportnätet',
    );
    expect(documents.every((d) => d.origin === 'imported')).toBe(true);

    out = [];
    expect(await searchCommand.run(['tillståndsförfarandet', '--json', '--data', data])).toBe(0);
    const sfs = documents.find((d) => d.title.startsWith('Förordning'))!;
    expect(out.join('\n')).toContain(sfs.id);

    out = [];
    expect(await documentsRemove.run([sfs.id, '--data', data])).toBe(0);
    expect(out.join('\n')).toMatch(/Borttaget: "Förordning \(2023:482\)/);
    expect(await documentsRemove.run([sfs.id, '--data', data])).toBe(1);
    out = [];
    await documentsList.run(['--data', data]);
    expect(out.join('\n')).not.toContain(sfs.id);
  }, 120_000);
});
