// The library parser on the two real documents and on the line-break shapes documents
// arrive in: text kept exactly, titles and headings found, paragraphs numbered, links found.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLinks, parseDocument } from '../../../../src-main/services/library/parse';
import { openLibrary } from '../../../../src-main/services/library/library';

const DOCS = join(import.meta.dirname, '../../../../resources/documents');
const read = (id: string) => readFileSync(join(DOCS, `${id}.txt`), 'utf8');
const NCP = '000_85e98cc4eb8dedfb';
const PLAN = '003_e730e55ba1c2e8b7';

describe('parseDocument on the shipped documents', () => {
  for (const id of [NCP, PLAN]) {
    it(`${id}: every block is an exact slice and no visible character is lost`, () => {
      const source = read(id);
      const blocks = parseDocument(source);
      for (const b of blocks) expect(b.text).toBe(source.slice(b.start, b.end));
      const visible = source.replace(/^#{1,6}[ \t]+/gm, '').replace(/\s+/g, '');
      expect(
        blocks
          .map((b) => b.text)
          .join('')
          .replace(/\s+/g, ''),
      ).toBe(visible);
    });
  }

  it('reads a standalone first line as the title and numbers the paragraphs after it', () => {
    const blocks = parseDocument(read(NCP));
    expect(blocks[0]).toMatchObject({ kind: 'title', text: 'National Contact Points on Integration.' });
    const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
    expect(paragraphs.map((p) => p.paragraph)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(paragraphs[0]?.text).toMatch(/^Nätverket för de ”nationella kontaktpunkterna för integration”/);
    expect(paragraphs[8]?.text).toBe('goran.lindqvist@justice.ministry.se');
  });

  it('reads a leading "# " line as the title without its marker', () => {
    const source = read(PLAN);
    const [title, first] = parseDocument(source);
    expect(title).toMatchObject({ kind: 'title', start: 2 });
    expect(title?.text).toBe('Meddelande om handlingsplan för integration och inkludering för 2021- 2027');
    expect(first).toMatchObject({ kind: 'paragraph', paragraph: 1 });
    expect(source).toContain('Europeiska socialfonden+ (ESF+)');
  });

  it('keeps trailing spaces out of the block but never alters inner text', () => {
    const source = read(NCP);
    const block = parseDocument(source).find((b) => b.text.startsWith('En fortsättning'));
    expect(block?.text).toBe('En fortsättning av handboken är under utarbetande.');
  });

  it('finds the web and e-mail addresses as links', () => {
    const links = parseDocument(read(NCP)).flatMap((b) => b.links.map((l) => l.href));
    expect(links).toEqual([
      'http://ec.europa.eu/justice_home/doc_centre/immigration/integration/doc_immigration_integration_en.htm',
      'mailto:goran.lindqvist@justice.ministry.se',
    ]);
  });
});

describe('parseDocument on odd line breaks', () => {
  it.each([
    ['LF', 'Rubrik\n\nEtt.\n\nTvå.'],
    ['CRLF', 'Rubrik\r\n\r\nEtt.\r\n\r\nTvå.'],
    ['CR', 'Rubrik\r\rEtt.\r\rTvå.'],
    ['blank lines with spaces', 'Rubrik\n \t \nEtt.\n   \nTvå.\n\n\n'],
  ])('%s', (_name, source) => {
    const blocks = parseDocument(source);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['title', 'Rubrik'],
      ['paragraph', 'Ett.'],
      ['paragraph', 'Två.'],
    ]);
  });

  it('keeps single line breaks inside a paragraph', () => {
    const blocks = parseDocument('Första raden\nandra raden\r\ntredje.');
    expect(blocks).toEqual([
      expect.objectContaining({
        kind: 'paragraph',
        paragraph: 1,
        text: 'Första raden\nandra raden\r\ntredje.',
      }),
    ]);
  });

  it('reads later "## " lines as headings with their level', () => {
    const blocks = parseDocument('# Titel\n\nText.\n\n## Del 2\n\nMer text.');
    expect(blocks.map((b) => (b.kind === 'heading' ? `h${b.level}:${b.text}` : b.kind))).toEqual([
      'title',
      'paragraph',
      'h2:Del 2',
      'paragraph',
    ]);
  });

  it('returns no blocks for an empty or blank document', () => {
    expect(parseDocument('')).toEqual([]);
    expect(parseDocument(' \n\r\n\t')).toEqual([]);
  });
});

describe('findLinks', () => {
  it.each([
    ['Se https://www.regeringen.se.', ['https://www.regeringen.se']],
    ['(se https://sv.wikipedia.org/wiki/EU_(olika))', ['https://sv.wikipedia.org/wiki/EU_(olika)']],
    ['Skriv till ”a.b@c.se”.', ['mailto:a.b@c.se']],
    ['Ingen länk här: javascript:alert(1)', []],
  ])('%s', (text, hrefs) => {
    expect(findLinks(text).map((l) => l.href)).toEqual(hrefs);
  });
});

describe('openLibrary', () => {
  it('lists both shipped documents with their metadata', async () => {
    const library = await openLibrary(DOCS);
    expect(library.problems).toEqual([]);
    expect(library.list().map((d) => [d.id, d.language, d.paragraphCount])).toEqual([
      [NCP, 'sv', 9],
      [PLAN, 'sv', 8],
    ]);
  });

  it('answers an unknown id with a clear error', async () => {
    const library = await openLibrary(DOCS);
    expect(library.get('finns_inte')).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Dokumentet "finns_inte" finns inte i biblioteket.' },
    });
  });
});

describe('openLibrary with broken files', () => {
  it('reports each broken file with a fix and still loads the good ones', async () => {
    const { mkdtemp, writeFile, copyFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'lasaren-lib-'));
    await copyFile(join(DOCS, `${NCP}.txt`), join(dir, `${NCP}.txt`));
    await copyFile(join(DOCS, `${NCP}.json`), join(dir, `${NCP}.json`));
    await writeFile(join(dir, 'utan_meta.txt'), 'Text.');
    await writeFile(join(dir, 'fel_meta.txt'), 'Text.');
    await writeFile(join(dir, 'fel_meta.json'), '{"title": ""}');
    await writeFile(join(dir, 'trasig.txt'), Buffer.from([0x66, 0xff, 0xfe]));
    await writeFile(join(dir, 'trasig.json'), '{"title":"T","language":"sv","description":"D"}');
    await writeFile(join(dir, 'Fel Namn.txt'), 'Text.');
    const library = await openLibrary(dir);
    expect(library.list().map((d) => d.id)).toEqual([NCP]);
    expect(library.problems).toEqual([
      'Fel Namn.txt har ett ogiltigt filnamn; använd små bokstäver, siffror, _ och -.',
      expect.stringMatching(/^fel_meta\.json har fel fält \(title, language, description\)/),
      'trasig.txt är inte giltig UTF-8-text; spara om filen som UTF-8.',
      expect.stringMatching(/^utan_meta\.json saknas eller är inte giltig JSON/),
    ]);
  });
});
