// What a reader notices on the publishers' PDFs in ../shared/testfiles, file by file: notes
// read apart from the text with their numbers, EU acts in a bill's annex, tables drawn without
// rules, tables of terms, a statute's index of terms and its title, a template's prompt, and
// an OCR layer's last line.
import { describe, expect, it, vi } from 'vitest';
import type { Block, ParsedDocument } from '../../../../src-main/shared/documents/model';
import { parsePdf } from '../../../../src-main/services/documents/pdf';
import { testfile } from './import-fixtures';

// The first test to touch a file parses it (up to 198 pages) on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const cache = new Map<string, Promise<ParsedDocument>>();
function parsed(name: string): Promise<ParsedDocument> {
  if (!cache.has(name)) cache.set(name, parsePdf(testfile(name)));
  return cache.get(name)!;
}

function exactly(doc: ParsedDocument, text: string): Block {
  const block = doc.blocks.find((b) => b.text === text);
  if (!block) throw new Error(`no block ${JSON.stringify(text)}`);
  return block;
}

/** A table's rows as lists of their non-empty cells. */
function rowsOf(block: Block): string[][] {
  return block.text.split('\n').map((row) => row.split('\t').filter((c) => c !== ''));
}

const PROP_102 = '01_prop-2022-23-102_vapendirektivet.pdf';
const PROP_81 = '02_prop-2014-15-81_kyotoprotokollet.pdf';
const AFS = '05_AFS-2011-19_kemiska-arbetsmiljorisker.pdf';
const NFS = '06_NFS-2007-10.pdf';
const SFS = '07_SFS-2025-1461_signerad.pdf';
const REMISSVAR = '09_remissvar-kammarkollegiet-SOU-2026-14.pdf';
const SCAN = '13_issue5747_ricoh-scan-ocr.pdf';

describe('prop. 2022/23:102', () => {
  it('reads each footnote as a block of its own, with its number, after the text of its page', async () => {
    const doc = await parsed(PROP_102);
    expect(exactly(doc, '2 Lagen omtryckt 1997:689.').page).toBe(5);
    expect(exactly(doc, '3 Senaste lydelse 2018:135.').page).toBe(5);
    const first = doc.blocks.find((b) => b.page === 5 && b.text.startsWith('1 Jfr Europaparlamentets'));
    expect(first?.text).toMatch(/i den ursprungliga lydelsen\.$/);
    // No footnote is run into the next one or left without its number.
    expect(doc.blocks.filter((b) => (b.text.match(/Senaste lydelse/g) ?? []).length > 1)).toEqual([]);
    expect(doc.blocks.filter((b) => b.text.startsWith('Senaste lydelse'))).toEqual([]);
  });

  it('the EU directive in the annex: recitals and notes numbered "(n)", the Official Journal header gone', async () => {
    const doc = await parsed(PROP_102);
    expect(doc.text).not.toMatch(/Europeiska unionens officiella tidning L 115\/\d/);
    const recital = doc.blocks.find((b) => b.marker === '(35)' && b.page === 120)!;
    expect(recital.kind).toBe('list-item');
    // Its lines, set with a hanging indent, are one paragraph.
    expect(recital.text).toContain('halvautomatiska skjutvapen med kantantändning');
    const note8 = doc.blocks.find((b) => b.marker === '(8)' && b.page === 120)!;
    expect(note8.text).toMatch(/^Europaparlamentets och rådets förordning \(EU\) 2016\/679/);
    const note7 = doc.blocks.find((b) => b.marker === '(7)' && b.page === 120)!;
    expect(note7.text).not.toContain('(8)');
  });

  it("the directive's correlation table reads as a table, each article beside its new number", async () => {
    const doc = await parsed(PROP_102);
    const table = doc.blocks.find((b) => b.kind === 'table' && b.page === 139)!;
    const rows = rowsOf(table);
    expect(rows[0]).toEqual(['Direktiv 91/477/EEG', 'Detta direktiv']);
    expect(rows).toContainEqual(['Artikel 4.2a', 'Artikel 4.3']);
    expect(rows).toContainEqual(['Artikel 7.1–7.4', 'Artikel 10.1–10.4']);
  });

  it('list items numbered "ii." are list items, their second line joined', async () => {
    const doc = await parsed(PROP_102);
    const items = doc.blocks.filter((b) => b.page === 31 && b.marker === 'ii.');
    expect(items.map((b) => b.text)).toEqual([
      'en löstagbar laddningsanordning med kapacitet för mer än 20 patroner sätts in i det.',
      'en löstagbar laddningsanordning med kapacitet för mer än 10 patroner sätts in i det.',
    ]);
    expect(items.every((b) => b.kind === 'list-item')).toBe(true);
  });

  it('a page number sharing its row with a footnote is not glued into the text', async () => {
    const doc = await parsed(PROP_102);
    const paragraph = doc.blocks.find((b) =>
      b.text.startsWith('Även möjligheten för en ordinarie hemvärnssoldat'),
    )!;
    expect(paragraph.text).toContain('få tillstånd till att inneha vissa målskjutningsvapen');
  });
});

describe('prop. 2014/15:81: the table of commitments on pages 32–33', () => {
  it('is a table per page, a country and its figures on one row', async () => {
    const doc = await parsed(PROP_81);
    const p32 = doc.blocks.find((b) => b.kind === 'table' && b.page === 32)!;
    const p33 = doc.blocks.find((b) => b.kind === 'table' && b.page === 33)!;
    const row = (table: Block, key: string): string[] | undefined => rowsOf(table).find((r) => r[0] === key);
    expect(row(p32, 'Österrike')).toEqual(['Österrike', '92', '80', 'NA', 'NA']);
    expect(row(p32, 'Australien')?.slice(0, 5)).toEqual(['Australien', '108', '99,5', '2000', '98']);
    expect(row(p32, 'Europeiska unionen')).toEqual([
      'Europeiska unionen',
      '92',
      '80',
      '1990',
      'NA',
      '–20 %/–30 %',
    ]);
    expect(row(p33, 'Norge')).toEqual(['Norge', '101', '84', '1990', '84', '–30 % till –40 %']);
    expect(row(p33, 'Sverige')).toEqual(['Sverige', '92', '80', 'NA', 'NA']);
    // A two-column table (each state's emissions allowance) too.
    const p41 = doc.blocks.find((b) => b.kind === 'table' && b.page === 41)!;
    expect(rowsOf(p41)).toContainEqual(['Tyskland', '3 592 699 888']);
    // The figures are in the table, not run together in paragraphs after it.
    expect(doc.blocks.filter((b) => b.kind !== 'table' && /Österrike 92/.test(b.text))).toEqual([]);
  });
});

describe('AFS 2011:19', () => {
  it('the definitions on page 5: two words that happen to line up are not taken for a cover label', async () => {
    const doc = await parsed(AFS);
    expect(
      exactly(
        doc,
        'Kemiskt ämne eller blandning av kemiska ämnen som tillverkats eller utvunnits och vars funktion främst bestäms av dess kemiska sammansättning eller utgör avfall.',
      ).page,
    ).toBe(5);
    expect(doc.text).toContain(
      'blandningar, ändring och upphävande av direktiven 67/548/EEG och 1999/45/EG samt ändring av förordning (EG) nr 1907/2006 (CLP-förordningen).',
    );
  });
});

describe('AFS 2011:19: the table of pictograms', () => {
  it('reads the texts under the pictograms as one row of cells, one text per pictogram', async () => {
    const doc = await parsed(AFS);
    const table = doc.blocks.find((b) => b.kind === 'table' && b.page === 9)!;
    const rows = rowsOf(table);
    expect(rows).toContainEqual([
      'Text till faropiktogrammet',
      'Explosiv',
      'Brandfarlig',
      'Oxiderande',
      'Gas under tryck',
    ]);
    expect(rows).toContainEqual(['Text till', 'Giftig', 'Frätande', 'Hälsofarlig', 'Skadlig']);
  });
});

describe('NFS 2007:10: the table of terms', () => {
  it('a term hyphenated over three lines is read whole, before its definition, not woven into it', async () => {
    const doc = await parsed(NFS);
    const term = exactly(
      doc,
      'Naturvårdsverkets metodik för inventering av stora rovdjur i Sverige (NFS 2014:23)',
    );
    const next = doc.blocks[doc.blocks.indexOf(term) + 1]!;
    expect(next.text).toMatch(
      /^Dokument som är knutet till rekvirering av medel för inventering, innehållande/,
    );
  });

  it('"bilaga 1. (NFS 2014:23)" at a line break stays in its sentence, not a list item', async () => {
    const doc = await parsed(NFS);
    expect(doc.blocks.filter((b) => b.text === '(NFS 2014:23)')).toEqual([]);
    const criteria = doc.blocks.find((b) => b.text.startsWith('Kännetecken som används för att fastställa'))!;
    expect(criteria.text).toMatch(/samt för kungsörn i bilaga 1\. \(NFS 2014:23\)$/);
  });
});

describe('SFS 2025:1461', () => {
  it('is titled by the act, not by the series masthead', async () => {
    const doc = await parsed(SFS);
    expect(doc.meta.title).toBe('Lag om ändring i lagen (2023:875) om tilläggsskatt');
  });

  it('its index of terms on pages 1–3 keeps one term per paragraph, across the page breaks', async () => {
    const doc = await parsed(SFS);
    for (const term of [
      'asymmetrisk vinst och förlust i utländsk valuta i 3 kap. 13 §',
      'balansvärde i 5 kap. 5 §',
      'enhet i 6 § första stycket',
      'fast driftställe i 7 kap. 17 §',
      'icke marknadsmässigt överlåtbart skattetillgodohavande i 29 f §',
      'ideell organisation i 34 §',
      'marknadsmässigt överlåtbart skattetillgodohavande i 29 a–29 e §§',
      'undantagen vinst och förlust avseende ägarintressen i 3 kap. 10 §',
      'övrigt skattetillgodohavande i 30 §.',
    ])
      expect(exactly(doc, term).kind).toBe('paragraph');
  });

  it('its footnotes keep their numbers, are not taken for running footers, and the page number stays out', async () => {
    const doc = await parsed(SFS);
    expect(exactly(doc, '1 Prop. 2025/26:22, bet. 2025/26:SkU5, rskr. 2025/26:95.').page).toBe(1);
    expect(exactly(doc, '3 Senaste lydelse 2024:1248.').page).toBe(1);
    expect(exactly(doc, '4 Senaste lydelse 2024:1248.').page).toBe(3);
    expect(exactly(doc, '10 Senaste lydelse 2024:1248.').page).toBe(10);
    expect(exactly(doc, '13 Senaste lydelse 2024:1248.').page).toBe(14);
    expect(doc.blocks.filter((b) => /^1 fast driftställe/.test(b.text))).toEqual([]);
  });
});

describe('a consultation response made from a template', () => {
  it('leaves out the template\'s "Klicka här för att ange …" prompt', async () => {
    const doc = await parsed(REMISSVAR);
    expect(doc.text).not.toContain('Klicka här');
    expect(doc.blocks[0]!.text).toBe('REMISSVAR');
  });
});

describe('a scanned page with an OCR text layer', () => {
  it('reads its text as one paragraph to the last word, lines a point apart in size joined', async () => {
    const doc = await parsed(SCAN);
    const body = doc.blocks.filter((b) => b.text.startsWith('Lorem ipsum'));
    expect(body).toHaveLength(1);
    expect(body[0]!.text).toMatch(/takimata sanctus est Lorem ipsum dolo amet\.$/);
    expect(doc.blocks.some((b) => b.text === 'amet.')).toBe(false);
  });
});
