// The command line as a user runs it (`npm run cli -- …` is `tsx src-main/cli/main.ts …`):
// export each format from a data folder with real notes, import into an empty one, dry runs
// change nothing, and bad arguments give a message and exit code 2.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnnotationStore } from '../../../src-main/services/annotations/store';
import { readStored } from '../services/store/stored';
import { DOC_A, ROOT, sandboxWithSamples, type Sandbox } from '../services/export/sample-notes';
import { pdfText } from '../services/export/readers';

function cli(...args: string[]) {
  return cliWith({}, ...args);
}

function cliWith(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src-main/cli/main.ts'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

let from: Sandbox;
let out: string;
beforeAll(async () => {
  from = await sandboxWithSamples();
  out = await mkdtemp(join(tmpdir(), 'lasaren-cli-'));
});
afterAll(async () => {
  await from.cleanup();
  await rm(out, { recursive: true, force: true });
});

describe('cli export', () => {
  // Each run starts tsx and the services (a PDF also Chromium): generous limits on a busy machine.
  it.each(['md', 'html', 'csv', 'json', 'docx', 'pdf'])(
    'writes %s',
    (format) => {
      const file = join(out, `alla.${format}`);
      const run = cli('export', '--format', format, '--out', file, '--data', from.dataDir);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out).toContain(`Exporterade 4 anteckningar från 2 dokument till ${file}`);
      expect(existsSync(file)).toBe(true);
      if (format !== 'pdf') return;
      const pdf = pdfText(readFileSync(file));
      if ('text' in pdf) expect(pdf.text).toContain('Göran Lindqvist');
      else console.log(`HOPPAR ÖVER PDF-texten: ${pdf.unavailable}`);
    },
    60_000,
  );

  it('limits to a document and a tag', () => {
    const file = join(out, 'dok.md');
    expect(
      cli('export', '--format', 'md', '--out', file, '--document', DOC_A, '--data', from.dataDir).code,
    ).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('Handlingsplan');
    const tagged = join(out, 'tagg.csv');
    const run = cli('export', '--format', 'csv', '--out', tagged, '--tag', 'hälsa', '--data', from.dataDir);
    expect(run.out).toContain('Exporterade 1 anteckning från 1 dokument');
  }, 60_000);

  it('says plainly when Chromium is missing for PDF', () => {
    const file = join(out, 'utan-chromium.pdf');
    const run = cliWith(
      { PLAYWRIGHT_CHROMIUM: '/finns/inte/chromium' },
      'export',
      '--format',
      'pdf',
      '--out',
      file,
      '--data',
      from.dataDir,
    );
    expect(run.code).toBe(1);
    expect(run.err).toContain('PDF kräver Chromium, som inte finns på /finns/inte/chromium');
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it.each([
    [['export', '--out', 'x.md'], /Ange formatet med --format/],
    [
      ['export', '--format', 'odt', '--out', 'x'],
      /Okänt format "odt"; välj ett av docx, pdf, md, html, csv, json/,
    ],
    [['export', '--format', 'md'], /Ange filen att skriva med --out/],
    [
      ['export', '--format', 'md', '--out', 'x', '--document', 'finns_inte'],
      /Dokumentet "finns_inte" finns inte/,
    ],
    [['export', '--format', 'md', '--out', 'x', '--bogus'], /Okänd flagga: --bogus/],
    [['import'], /Ange filen att importera/],
  ])(
    '%j: a message and exit code 2',
    (args, message) => {
      const run = cli(...args, '--data', from.dataDir);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(message);
      expect(run.err).toContain('Användning: npm run cli --');
    },
    60_000,
  );
});

describe('cli import', () => {
  it('a dry run reports and changes nothing; the real run gives an identical store', async () => {
    const file = join(out, 'rundresa.json');
    expect(cli('export', '--format', 'json', '--out', file, '--data', from.dataDir).code).toBe(0);
    const to = await mkdtemp(join(tmpdir(), 'lasaren-cli-to-'));
    try {
      const dry = cli('import', file, '--data', to, '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.out).toContain('anteckningar i filen: 4; nya: 4, finns redan: 0, i konflikt: 0');
      expect(dry.out).toContain('inget har ändrats');
      // Opening creates the database file; the dry run must not put a single note in it.
      expect(readStored(to)?.annotations ?? []).toEqual([]);

      const real = cli('import', file, '--data', to);
      expect(real.code).toBe(0);
      expect(real.out).toContain('Importen är klar. Nya: 4, sammanslagna: 0, fanns redan: 0.');
      const sort = <T extends { id: string }>(l: readonly T[]) =>
        [...l].sort((a, b) => a.id.localeCompare(b.id));
      const store = await openAnnotationStore(to);
      expect(sort(store.all())).toEqual(sort(from.services.annotations.all()));

      const broken = join(out, 'trasig.json');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(broken, readFileSync(file, 'utf8').slice(0, 300));
      const before = readStored(to);
      const bad = cli('import', broken, '--data', to);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('Filen är avkortad');
      expect(readStored(to)).toEqual(before);
    } finally {
      await rm(to, { recursive: true, force: true });
    }
  }, 90_000);
});
