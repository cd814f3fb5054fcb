// The PDF parser on the publishers' own files in ../shared/testfiles and on generated PDFs:
// text in reading order, headings, pages, running headers gone, hyphenation undone, side-by-
// side law text read column by column, metadata, and the files it must refuse with a reason.
import { describe, expect, it, vi } from 'vitest';
import type { Block, ParsedDocument } from '../../../../src-main/shared/documents/model';
import { ImportFailure } from '../../../../src-main/services/documents/limits';
import { cleanPdfTitle, parsePdf } from '../../../../src-main/services/documents/pdf';
import { makePdf, testfile } from './import-fixtures';

// The first test to touch a file parses it (up to 198 pages): on a busy machine that takes
// longer than the default limit, and a test must not fail on timing noise.
vi.setConfig({ testTimeout: 180_000 });

const cache = new Map<string, Promise<ParsedDocument>>();
function parsed(name: string): Promise<ParsedDocument> {
  if (!cache.has(name)) cache.set(name, parsePdf(testfile(name)));
  return cache.get(name)!;
}

function blockWith(doc: ParsedDocument, text: string): Block {
  const block = doc.blocks.find((b) => b.text.includes(text));
  if (!block) throw new Error(`no block contains ${JSON.stringify(text)}`);
  return block;
}

function heading(doc: ParsedDocument, text: string): Block {
  const block = doc.blocks.find((b) => b.kind === 'heading' && b.text === text);
  if (!block) throw new Error(`no heading ${JSON.stringify(text)}`);
  return block;
}

function onPage(doc: ParsedDocument, text: string, page: number): Block {
  const block = doc.blocks.find((b) => b.page === page && b.text.includes(text));
  if (!block) throw new Error(`no block on page ${page} contains ${JSON.stringify(text)}`);
  return block;
}

async function refusal(bytes: Uint8Array): Promise<ImportFailure> {
  try {
    await parsePdf(bytes);
  } catch (error) {
    if (error instanceof ImportFailure) return error;
    throw error;
  }
  throw new Error('the PDF was accepted');
}

const ALL = [
  '01_prop-2022-23-102_vapendirektivet.pdf',
  '02_prop-2014-15-81_kyotoprotokollet.pdf',
  '03_dir-2016-15-dataskyddsforordningen.pdf',
  '04_prop-1999-2000-17_custom-encoding.pdf',
  '05_AFS-2011-19_kemiska-arbetsmiljorisker.pdf',
  '06_NFS-2007-10.pdf',
  '07_SFS-2025-1461_signerad.pdf',
  '08_SSMFS-2008-18_krypterad.pdf',
  '09_remissvar-kammarkollegiet-SOU-2026-14.pdf',
  '10_BFS-2011-12_hissar.pdf',
  '13_issue5747_ricoh-scan-ocr.pdf',
];

describe('every PDF in the test files', () => {
  it.each(ALL)('%s: blocks in page order, offsets exact, no stray page numbers', async (name) => {
    const doc = await parsed(name);
    expect(doc.pageCount).toBeGreaterThan(0);
    let last = 1;
    for (const b of doc.blocks) {
      expect(doc.text.slice(b.start, b.end)).toBe(b.text);
      expect(b.page).not.toBeNull();
      expect(b.page!).toBeGreaterThanOrEqual(last);
      expect(b.page!).toBeLessThanOrEqual(doc.pageCount!);
      last = b.page!;
    }
    const bareNumbers = doc.blocks.filter((b) => /^\d{1,3}$/.test(b.text));
    expect(bareNumbers.length).toBeLessThanOrEqual(3);
    expect(doc.text).not.toContain('\ufffd');
  });
});

describe('prop. 2022/23:102 (198 pages, Word-made, side-by-side law text)', () => {
  it('takes title, author, date and language from the document info', async () => {
    const doc = await parsed(ALL[0]!);
    expect(doc.meta).toEqual({
      title: 'Regeringens proposition 2022/23:102 Genomförande av ändringarna i vapendirektivet',
      author: 'Justitiedepartementet Regeringskansliet',
      published: '2023-03-30',
      language: 'sv',
    });
    expect(doc.pageCount).toBe(198);
  });

  it('finds numbered headings with their level and page, the two-line ones joined', async () => {
    const doc = await parsed(ALL[0]!);
    const h = blockWith(doc, '2.1 Förslag till lag om ändring i lagen (1992:1300) om krigsmateriel');
    expect(h).toMatchObject({ kind: 'heading', level: 2, page: 5 });
    expect(heading(doc, '1 Förslag till riksdagsbeslut')).toMatchObject({ level: 1, page: 4 });
    expect(doc.blocks.filter((b) => b.kind === 'heading').length).toBeGreaterThan(60);
  });

  it('drops the running header "Prop. 2022/23:102" and the page numbers from the text', async () => {
    const doc = await parsed(ALL[0]!);
    const withHeader = doc.blocks.filter((b) => b.page! > 1 && b.text.includes('Prop. 2022/23:102'));
    expect(withHeader).toEqual([]);
  });

  it('joins paragraphs across lines and pages with hyphenation undone, keeping real hyphens', async () => {
    const doc = await parsed(ALL[0]!);
    expect(
      onPage(doc, 'ska med hjälp av automatiserad behandling föra ett register över dels dem', 5).kind,
    ).toBe('paragraph');
    expect(doc.text).toContain('för att förebygga, förhindra eller upptäcka brottslig verksamhet');
    expect(doc.text).toContain('samt uppgifts- och underrättelseskyldighet');
  });

  it('reads side-by-side "Nuvarande lydelse / Föreslagen lydelse" column by column', async () => {
    const doc = await parsed(ALL[0]!);
    const current = blockWith(
      doc,
      'Regeringen får meddela föreskrifter om undantag från tillståndskravet enligt första och andra styckena i fråga om sådan handel med skjutvapen som regleras',
    );
    const proposed = blockWith(
      doc,
      'handel med skjutvapen eller yrkesmässig förmedling av skjutvapen eller ammunition som regleras i vapenlagen',
    );
    expect(current.page).toBe(5);
    expect(doc.blocks.indexOf(proposed)).toBeGreaterThan(doc.blocks.indexOf(current));
  });

  it('knows the page of each paragraph and numbers citable blocks', async () => {
    const doc = await parsed(ALL[0]!);
    expect(blockWith(doc, 'Lagändringarna föreslås träda i kraft den 1 juli 2023.')).toMatchObject({
      kind: 'paragraph',
      page: 1,
    });
    const items = doc.blocks.filter((b) => b.kind === 'list-item' && b.page === 4);
    expect(items.map((b) => b.marker)).toEqual(['1.', '2.', '3.', '4.']);
    const numbers = doc.blocks.filter((b) => b.number !== null).map((b) => b.number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});

describe('the other publishers', () => {
  it('prop. 2014/15:81 (Distiller, pages smaller than A4): header and page numbers gone, title cleaned', async () => {
    const doc = await parsed(ALL[1]!);
    expect(doc.meta.title).toBe('Prop. 2014/15:81 Godkännanden för Kyotoprotokollets andra åtagandeperiod');
    expect(doc.blocks.filter((b) => b.page! > 2 && b.text === 'Prop. 2014/15:81')).toEqual([]);
    expect(heading(doc, '1 Förslag till riksdagsbeslut').page).toBe(3);
  });

  it('dir. 2016:15: headings of the directive in order, italic subheadings one level down', async () => {
    const doc = await parsed(ALL[2]!);
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual(
      expect.arrayContaining(['Sammanfattning', 'Uppdraget', 'Konsekvensbeskrivningar']),
    );
    expect(headings.indexOf('Sammanfattning')).toBeLessThan(headings.indexOf('Uppdraget'));
  });

  it('prop. 1999/2000:17 (fonts whose codes are shifted glyph numbers): names and italics read right', async () => {
    const doc = await parsed(ALL[3]!);
    expect(doc.text).toContain('Göran Persson');
    expect(doc.text).toContain('Bosse Ringholm');
    expect(doc.text).toContain(
      'Avtal mellan Konungariket Sveriges regering och Konungariket Danmarks regering om beskattning av anställda ombord på färjor och tåg',
    );
    expect(doc.text).toMatch(/dels att den nuvarande bilagan till lagen skall betecknas bilaga 1/);
    expect(doc.text).not.toMatch(/GHOV|ELODJD/);
    expect(doc.text).not.toContain('\u0003');
  });

  it('AFS 2011:19: its running header "AFS 2011:19" is not in the body', async () => {
    const doc = await parsed(ALL[4]!);
    expect(doc.meta.author).toBe('Arbetsmiljöverket');
    // Once as a label in the transitional provisions; the header of 34 pages is gone.
    expect(doc.blocks.filter((b) => b.text === 'AFS 2011:19').length).toBeLessThanOrEqual(2);
    expect(heading(doc, 'Vilka föreskrifterna riktar sig till').page).toBe(4);
  });

  it('NFS 2007:10 (InDesign): an InDesign file name is not taken as the title', async () => {
    const doc = await parsed(ALL[5]!);
    expect(doc.meta.title).not.toMatch(/indd/i);
    expect(heading(doc, 'Inventeringens mål').page).toBe(3);
  });

  it('SFS 2025:1461 (signed): the statute text reads', async () => {
    const doc = await parsed(ALL[6]!);
    expect(doc.text).toContain(
      'Enligt riksdagens beslut föreskrivs i fråga om lagen om tilläggsskatt (2023:875)',
    );
  });

  it('SSMFS 2008:18 (encrypted with an owner password only) opens, footnote numbers kept out of words', async () => {
    const doc = await parsed(ALL[7]!);
    expect(doc.meta.author).toBe('SSM');
    expect(doc.text).toContain('rekommendationer från Europeiska unionens råd');
    expect(heading(doc, '1. Tillämpningsområde').page).toBe(2);
  });

  it('a one-page consultation response without a title in its info: its heading is the title', async () => {
    const doc = await parsed(ALL[8]!);
    expect(doc.meta.title).toBe(
      'Remissvar gällande betänkandet En moderniserad reglering av handel med ädelmetallarbeten (SOU 2026:14)',
    );
    expect(blockWith(doc, 'Remissvar gällande betänkandet En moderniserad reglering')).toMatchObject({
      kind: 'heading',
    });
  });

  it('BFS 2011:12 (103 pages): chapters as headings, "BFS 2011:12" header gone', async () => {
    const doc = await parsed(ALL[9]!);
    expect(doc.pageCount).toBe(103);
    expect(heading(doc, 'Kap. 1 Tillämpningsområde, innehåll och definitioner').page).toBe(1);
    expect(doc.blocks.filter((b) => b.page! > 1 && b.text.startsWith('BFS 2011:12'))).toEqual([]);
  });

  it('a scanned page turned on its side reads through its OCR text layer', async () => {
    const doc = await parsed(ALL[10]!);
    expect(doc.text).toContain('Lorem ipsum dolor sit amet, consetetur');
  });
});

describe("what a reader notices on the publishers' PDFs", () => {
  const paragraphsOn = (doc: ParsedDocument, page: number): Block[] =>
    doc.blocks.filter((b) => b.page === page && b.kind !== 'heading');

  it('prop. 2022/23:102: the table of contents is not read as body paragraphs', async () => {
    const doc = await parsed(ALL[0]!);
    // Pages 2–3 hold only the contents: nothing of them is left as text to cite or search.
    expect(doc.blocks.filter((b) => b.page === 2 || b.page === 3)).toEqual([]);
    expect(doc.blocks.some((b) => b.text === 'Innehållsförteckning')).toBe(false);
    expect(doc.blocks.filter((b) => /…\s*\d+$/.test(b.text))).toEqual([]);
    // The headings the contents listed are still there, once, as headings.
    expect(
      doc.blocks.filter((b) => b.text.startsWith('5.2 Tillstånd att inneha vissa förbjudna')),
    ).toHaveLength(1);
  });

  it('AFS 2011:19: its table of contents (no dot leaders) is not read as body paragraphs', async () => {
    const doc = await parsed(ALL[4]!);
    expect(doc.blocks.filter((b) => /Reach-förordningen 4|Definitioner 4/.test(b.text))).toEqual([]);
    expect(paragraphsOn(doc, 3)).toEqual([]);
  });

  it.each([
    [ALL[0]!, 'Genomförande av ändringarna i vapendirektivet', 'Prop. 2022/23:102'],
    [ALL[1]!, 'Godkännanden för Kyotoprotokollets andra åtagandeperiod', 'Prop. 2014/15:81'],
    [ALL[2]!, 'Dataskyddsförordningen', 'Dir. 2016:15'],
    [
      ALL[3]!,
      'Avtal mellan Sverige och Danmark om beskattning av anställda ombord på färjor och tåg m.m.',
      'Prop. 1999/2000:17',
    ],
    [ALL[6]!, 'Lag om ändring i lagen (2023:875) om tilläggsskatt', 'Publicerad den 10 december 2025'],
  ])(
    '%s: the cover title is a heading of its own, the label beside it kept apart',
    async (name, title, label) => {
      const doc = await parsed(name);
      expect(heading(doc, title).page).toBe(1);
      expect(blockWith(doc, label).text).toBe(label);
    },
  );

  it('SSMFS 2008:18 and BFS 2011:12: "Utkom från trycket" is not part of the regulation\'s title', async () => {
    const ssm = await parsed(ALL[7]!);
    expect(
      heading(
        ssm,
        'Strålsäkerhetsmyndighetens allmänna råd om begränsning av allmänhetens exponering för elektromagnetiska fält;',
      ).page,
    ).toBe(2);
    expect(blockWith(ssm, 'Utkom från trycket').text).toBe('Utkom från trycket den 30 januari 2009');
    const bfs = await parsed(ALL[9]!);
    expect(
      heading(
        bfs,
        'Boverkets föreskrifter och allmänna råd om hissar och vissa andra motordrivna anordningar;',
      ).page,
    ).toBe(1);
    expect(blockWith(bfs, 'Utkom från trycket').text).toBe('Utkom från trycket den 26 april 2011');
  });

  it.each([
    [ALL[0]!, 'Ulf Kristersson'],
    [ALL[1]!, 'Stefan Löfven'],
    [ALL[3]!, 'Göran Persson'],
  ])('%s: the signature under "Stockholm den …" is text, not a subheading', async (name, signer) => {
    const doc = await parsed(name);
    const block = doc.blocks.find((b) => b.text === signer);
    expect(block?.kind).toBe('paragraph');
    const before = doc.blocks[doc.blocks.indexOf(block!) - 1]!;
    expect(before.text).toMatch(/^Stockholm den \d+ \p{L}+ \d{4}$/u);
  });

  it('NFS 2007:10: the table of terms reads row by row, each term followed by its definition', async () => {
    const doc = await parsed(ALL[5]!);
    const texts = doc.blocks.map((b) => b.text);
    const rows: Array<[string, string]> = [
      ['Familjegrupp lodjur (NFS 2014:23)', 'Spår av lodjurshona med unge/ungar'],
      ['Familjegrupp varg (NFS 2014:23)', 'Minst tre vargar i sällskap i ett revir'],
      ['Fältpersonal', 'Person som förordnats av länsstyrelsen att utföra inventeringsarbete'],
      ['Föryngring', 'Björn, varg, järv och lodjur som har fött unge/ungar'],
      ['Inventeringsansvarig', 'Den tjänsteman på länsstyrelsen som förordnas'],
    ];
    for (const [term, definition] of rows) {
      const at = texts.indexOf(term);
      expect(at, term).toBeGreaterThan(0);
      expect(texts[at + 1]).toMatch(new RegExp(`^${definition.replace(/[()/]/g, '\\$&')}`));
    }
  });

  it('SFS 2025:1461: the list of defined terms keeps one term per paragraph', async () => {
    const doc = await parsed(ALL[6]!);
    for (const term of [
      'allmänt erkänd redovisningsstandard i 20 §',
      'beskattningsår i 24 §',
      'bestämmande inflytande i 14 §',
      'delägarbeskattad enhet i 7 kap. 2 §',
      'effektiv skattesats i 3 kap. 37 §',
    ]) {
      expect(blockWith(doc, term).text).toBe(term);
    }
  });

  it('prop. 2022/23:102: an italic run-in subheading is no longer glued to its paragraph', async () => {
    const doc = await parsed(ALL[0]!);
    expect(heading(doc, 'Stämningen mot Sverige i EU-domstolen').page).toBe(30);
    expect(blockWith(doc, 'I maj 2022 väckte kommissionen talan mot Sverige').text).toMatch(/^I maj 2022/);
  });

  it('prop. 2022/23:102, the directive in its annex: bracketed note numbers "(7)" are kept, not left as "( )"', async () => {
    const doc = await parsed(ALL[0]!);
    expect(doc.blocks.filter((b) => /\(\s*\)/.test(b.text))).toEqual([]);
    // The note reads as a numbered note of its own, its number "(7)" kept as its marker.
    const note = doc.blocks.find(
      (b) => b.marker === '(7)' && b.text.startsWith('Europaparlamentets och rådets förordning'),
    );
    expect(note?.page).toBe(120);
  });

  it('a one-page consultation response: the letter footer (addresses, "Sid 1 (1)") is gone', async () => {
    const doc = await parsed(ALL[8]!);
    expect(doc.text).not.toMatch(/kammarkollegiet\.se|Box 2218|Sid 1 \(1\)|Slottsbacken/);
    expect(doc.blocks[doc.blocks.length - 1]!.text).toBe(
      'Beslutet är godkänt digitalt och saknar därför underskrift.',
    );
  });
});

describe('titles from the document info', () => {
  it.each([
    [
      'Prop 2014_15_81 Godkännanden för Kyotoprotokollets andra åtagandeperiod',
      'Prop. 2014/15:81 Godkännanden för Kyotoprotokollets andra åtagandeperiod',
    ],
    ['SOU_2026_14 En moderniserad reglering', 'SOU 2026:14 En moderniserad reglering'],
    ['Dir 2016_15 Dataskyddsförordningen', 'Dir. 2016:15 Dataskyddsförordningen'],
    ['Microsoft Word - PROPGR~1.DOC', null],
    ['Kemiska arbetsmiljörisker', 'Kemiska arbetsmiljörisker'],
  ])('%s → %s', (info, title) => {
    expect(cleanPdfTitle(info)).toBe(title);
  });
});

describe('generated PDFs with known text', () => {
  it('reads lines as one paragraph and pages as pages', async () => {
    const doc = await parsePdf(
      makePdf({
        pages: [
          ['Rapport om tillsyn'],
          ['Tillsynen omfattade fyra kommuner under', 'hösten och visade brister.'],
        ],
      }),
    );
    expect(doc.pageCount).toBe(2);
    expect(doc.blocks.map((b) => [b.text, b.page])).toEqual([
      ['Rapport om tillsyn', 1],
      ['Tillsynen omfattade fyra kommuner under hösten och visade brister.', 2],
    ]);
  });

  it('opens a PDF with only an owner password', async () => {
    const doc = await parsePdf(
      makePdf({ pages: [['Öppen rapport om tillsynen av kommunerna.']], ownerPassword: 'ägaren' }),
    );
    expect(doc.text).toBe('Öppen rapport om tillsynen av kommunerna.');
  });

  it('refuses a PDF that needs a password to open, saying so', async () => {
    const failure = await refusal(makePdf({ pages: [['Hemlig rapport.']], userPassword: 'hemligt' }));
    expect(failure.problem).toBe('encrypted');
    expect(failure.sv).toMatch(/lösenord/);
    expect(failure.en).toMatch(/password/);
  });

  it('refuses a PDF with no text layer and suggests OCR', async () => {
    const failure = await refusal(makePdf({ pages: [] }));
    expect(failure.problem).toBe('no-text');
    expect(failure.sv).toMatch(/OCR/);
  });

  it('refuses a truncated download and a damaged file', async () => {
    const whole = testfile(ALL[1]!);
    expect((await refusal(whole.subarray(0, Math.floor(whole.length / 2)))).problem).toBe('corrupt');
    const garbage = new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(5000) + '\n%%EOF\n');
    expect((await refusal(garbage)).problem).toBe('corrupt');
  });
});
