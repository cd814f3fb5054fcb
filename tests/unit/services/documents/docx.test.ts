// The Word parser on real .docx files (a bill, a Supreme Court ruling in a layout table,
// pandoc's comment, tracked-change, table and list files) and on files written here with the
// `docx` package, where the expected text is known exactly; plus zip bombs and broken files.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../../src-main/shared/documents/model';
import { parseDocx } from '../../../../src-main/services/documents/docx';
import { ImportFailure } from '../../../../src-main/services/documents/limits';
import { makeZip, makeZipBomb, testfile } from './import-fixtures';

function summary(doc: ParsedDocument): string[] {
  return doc.blocks.map(
    (b) => `${b.kind}${b.level ? b.level : ''}${b.marker ? ` ${b.marker}` : ''}: ${b.text}`,
  );
}

async function refusal(bytes: Uint8Array): Promise<ImportFailure> {
  try {
    await parseDocx(bytes);
  } catch (error) {
    if (error instanceof ImportFailure) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('real Word files', () => {
  it('prop. 2012/13:144: headings from the heading styles, metadata from the core properties', async () => {
    const doc = await parseDocx(testfile('15_prop-2012-13-144_sjofartsstodet.docx'));
    expect(doc.meta).toMatchObject({ author: 'Ellika Eriksson', published: '2013-04-18' });
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => `${b.level} ${b.text}`);
    expect(headings).toEqual(
      expect.arrayContaining([
        '1 Förslag till riksdagsbeslut',
        '1 Sjöfartsstödets inriktning',
        '2 EU:s bestämmelser om statligt stöd till sjöfartsnäringen',
        '2 En ändrad inriktning',
      ]),
    );
    expect(doc.text).toContain(
      'Regeringen föreslår att riksdagen godkänner regeringens förslag till ändrad inriktning',
    );
    for (const b of doc.blocks) expect(doc.text.slice(b.start, b.end)).toBe(b.text);
  });

  it('NJA 2014 s. 499: the layout table is read as the ruling it holds, label rows kept together', async () => {
    const doc = await parseDocx(testfile('16_HD-T3592-13_NJA-2014-s-499.docx'));
    const lines = summary(doc);
    expect(lines).toContain('paragraph: Målnummer: T3592-13 Avdelning: 2');
    expect(lines).toContain('heading3: REFERAT');
    expect(doc.blocks.filter((b) => b.kind === 'table')).toEqual([]);
    expect(doc.blocks.length).toBeGreaterThan(200);
    expect(doc.text).toContain('Diskrimineringsombudsmannen förde vid Solna tingsrätt den talan');
  });

  it('comments stay out of the text', async () => {
    const doc = await parseDocx(testfile('17_pandoc_comments.docx'));
    expect(summary(doc)).toEqual([
      'paragraph: I want some text to have a comment on it.',
      'paragraph: This is a new paragraph.',
      'paragraph: And so is this.',
      'paragraph: One more. And this is one with a comment in a comment.',
    ]);
  });

  it('tracked changes read as accepted: a moved sentence appears once', async () => {
    const doc = await parseDocx(testfile('18_pandoc_track_changes_move.docx'));
    expect(doc.text.match(/Here is the text to be moved\./g)).toHaveLength(1);
    expect(doc.blocks).toHaveLength(3);
  });

  it('tables keep their rows and cells, header row marked', async () => {
    const doc = await parseDocx(testfile('19_pandoc_tables.docx'));
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(3);
    const first = tables[0]!;
    expect(first.text.split('\n')[0]).toBe('Name\tGame\tFame\tBlame');
    expect(first.rows).toHaveLength(4);
    const cell = first.rows![1]!.cells[3]!;
    expect(first.text.slice(cell.start, cell.end)).toBe('Leaving Cleveland');
    expect(tables[2]!.text).toBe('Simple Multiparagraph\tTable Full\nOf Paragraphs\tIn each Cell.');
  });

  it('numbered list items keep counting across the paragraphs between them', async () => {
    const doc = await parseDocx(testfile('20_pandoc_lists_level_override.docx'));
    const items = doc.blocks.filter((b) => b.kind === 'list-item');
    expect(items.slice(0, 3).map((b) => `${b.marker} ${b.text}`)).toEqual([
      '1. State of Documentation',
      '2. Content Migration',
      '3. Wiki (xl)',
    ]);
  });

  it('NJA 2014 s. 499 (no heading styles): the hand-made headings of the ruling are headings', async () => {
    const doc = await parseDocx(testfile('16_HD-T3592-13_NJA-2014-s-499.docx'));
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    for (const h of [
      'Bakgrund',
      'Yrkanden och inställning',
      'Domskäl',
      'Har diskriminering förekommit?',
      'Domslut',
    ]) {
      expect(headings).toContain(h);
    }
    // Sentences and the labels of the header table stay text.
    expect(headings.filter((h) => h.includes(':') || h.endsWith('.'))).toEqual([]);
    expect(doc.blocks.find((b) => b.text.startsWith('Målnummer:'))?.kind).toBe('paragraph');
    const offsets = doc.blocks.every((b) => doc.text.slice(b.start, b.end) === b.text);
    expect(offsets).toBe(true);
  });

  it('prop. 2012/13:144: the table of contents is left out, the cover and summary headings kept', async () => {
    const doc = await parseDocx(testfile('15_prop-2012-13-144_sjofartsstodet.docx'));
    expect(doc.blocks.some((b) => b.text === 'Innehållsförteckning')).toBe(false);
    // Each of these is a contents line ending in its page number; none is left as a paragraph.
    expect(
      doc.blocks.filter(
        (b) => /^(?:\d(?:\.\d)?\s?)?\p{Lu}.*\D\d{1,2}$/u.test(b.text) && b.kind === 'paragraph',
      ),
    ).toEqual([]);
    expect(doc.blocks.filter((b) => b.text === 'Förslag till riksdagsbeslut')).toHaveLength(1);
    const heading = doc.blocks.find((b) => b.text === 'Propositionens huvudsakliga innehåll');
    expect(heading?.kind).toBe('heading');
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', text: 'Regeringens proposition 2012/13:144' });
  });

  it('prop. 2012/13:144: one h1 on the cover, the title under it, the designation beside it as text', async () => {
    const doc = await parseDocx(testfile('15_prop-2012-13-144_sjofartsstodet.docx'));
    // The template's title ("Regeringens proposition") says only what kind of document it is.
    expect(doc.meta.title).toBe('Regeringens proposition 2012/13:144 Sjöfartsstödets inriktning');
    expect(doc.blocks.slice(0, 3).map((b) => [b.kind, b.level, b.text])).toEqual([
      ['heading', 1, 'Regeringens proposition 2012/13:144'],
      ['heading', 2, 'Sjöfartsstödets inriktning'],
      ['paragraph', 0, 'Prop. 2012/13:144'],
    ]);
    expect(
      doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1 && b.text === '2012/13:144'),
    ).toEqual([]);
    expect(doc.blocks[3]!.text).toBe('Regeringen överlämnar denna proposition till riksdagen.');
  });
});

describe('a Word file written here', () => {
  const make = async (): Promise<Uint8Array> => {
    const doc = new Document({
      creator: 'Anna Andersson',
      title: 'Uppföljning av integrationsinsatser',
      styles: {
        paragraphStyles: [
          { id: 'Rubrik1', name: 'Rubrik 1', basedOn: 'Normal', run: { bold: true, size: 32 } },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Bakgrund', style: 'Rubrik1' }),
            new Paragraph({
              children: [
                new TextRun('Kommunerna har '),
                new TextRun({ text: 'särskilt', bold: true }),
                new TextRun(' ansvar för mottagandet.'),
              ],
            }),
            new Paragraph({ text: 'Åtgärder', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Språkundervisning från första dagen.', bullet: { level: 0 } }),
            new Paragraph({ text: 'Samhällsorientering på modersmålet.', bullet: { level: 0 } }),
            new Table({
              rows: [
                new TableRow({
                  tableHeader: true,
                  children: ['År', 'Antal'].map((t) => new TableCell({ children: [new Paragraph(t)] })),
                }),
                new TableRow({
                  children: ['2024', '1 200'].map((t) => new TableCell({ children: [new Paragraph(t)] })),
                }),
              ],
            }),
            new Paragraph({ text: 'Slutsatserna gäller till och med 2026.', alignment: AlignmentType.LEFT }),
          ],
        },
      ],
    });
    return new Uint8Array(await Packer.toBuffer(doc));
  };

  it('comes back with exactly its text, headings (Swedish style name included), list, table and metadata', async () => {
    const doc = await parseDocx(await make());
    expect(summary(doc)).toEqual([
      'heading1: Bakgrund',
      'paragraph: Kommunerna har särskilt ansvar för mottagandet.',
      'heading2: Åtgärder',
      'list-item1 •: Språkundervisning från första dagen.',
      'list-item1 •: Samhällsorientering på modersmålet.',
      'table: År\tAntal\n2024\t1 200',
      'paragraph: Slutsatserna gäller till och med 2026.',
    ]);
    expect(doc.meta).toMatchObject({
      title: 'Uppföljning av integrationsinsatser',
      author: 'Anna Andersson',
    });
    const strong = doc.blocks[1]!.spans.find((s) => s.kind === 'strong')!;
    expect(doc.blocks[1]!.text.slice(strong.start, strong.end)).toBe('särskilt');
    expect(doc.blocks.filter((b) => b.number !== null).map((b) => b.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a truncated copy as damaged', async () => {
    const bytes = await make();
    expect((await refusal(bytes.subarray(0, Math.floor(bytes.length * 0.6)))).problem).toBe('corrupt');
  });
});

describe('hostile archives', () => {
  it('refuses a zip bomb from its central directory, before inflating it', async () => {
    const bomb = makeZipBomb(64);
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().rss;
    const failure = await refusal(bomb);
    expect(failure.problem).toBe('zip-bomb');
    expect(failure.sv).toMatch(/packas upp/);
    expect(process.memoryUsage().rss - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = makeZip([{ name: 'readme.txt', data: new TextEncoder().encode('hej') }]);
    expect((await refusal(zip)).problem).toBe('corrupt');
  });
});
