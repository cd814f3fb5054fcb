// Plain-text import: encodings (UTF-8, UTF-16 with BOM, Windows-1252 found by detection),
// form feeds as pages, running headers and page numbers dropped, safe headings.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../src-main/shared/documents/model';
import { ImportFailure } from '../../../../src-main/services/documents/limits';
import { decodeText, parseText } from '../../../../src-main/services/documents/text';
import { testfile } from './import-fixtures';

const SWEDISH =
  'Åtgärder för ökad integration på arbetsmarknaden.\n\nSärskilt stöd ges till nyanlända kvinnor.';

describe('encodings', () => {
  it('reads UTF-8, UTF-16 LE and BE with a byte-order mark, and Windows-1252 without one', () => {
    const utf16le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(SWEDISH, 'utf16le'))]);
    const be = Buffer.from(SWEDISH, 'utf16le');
    be.swap16();
    const utf16be = new Uint8Array([0xfe, 0xff, ...be]);
    const cp1252 = new Uint8Array(Buffer.from(SWEDISH, 'latin1'));
    for (const bytes of [new TextEncoder().encode(SWEDISH), utf16le, utf16be, cp1252]) {
      expect(decodeText(bytes)).toBe(SWEDISH);
      expect(parseText(bytes).blocks.map((b) => b.text)).toEqual([
        'Åtgärder för ökad integration på arbetsmarknaden.',
        'Särskilt stöd ges till nyanlända kvinnor.',
      ]);
    }
  });

  it('reads Windows-1252 curly quotes and dashes', () => {
    const bytes = new Uint8Array([0x93, 0x52, 0xe5, 0x64, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]);
    expect(decodeText(bytes)).toBe('“Råd” – €5');
  });
});

describe('structure', () => {
  it('form feeds are pages; paragraphs on blank lines, lines within joined', () => {
    const doc = parseText(new TextEncoder().encode('Första sidan har\nen mening.\f\nAndra sidan.'));
    expect(doc.pageCount).toBe(2);
    expect(doc.blocks.map((b) => [b.text, b.page])).toEqual([
      ['Första sidan har en mening.', 1],
      ['Andra sidan.', 2],
    ]);
  });

  it('SOSFS 2012:17: running "SOSFS / 2012:17" and page numbers gone, section headings found', () => {
    const doc = parseText(testfile('27_SOSFS-2012-17.txt'));
    expect(doc.pageCount).toBe(13);
    expect(
      doc.blocks.filter((b) => b.text === '2012:17' || b.text === 'SOSFS' || /^\d{1,2}$/.test(b.text)),
    ).toEqual([]);
    const heading = doc.blocks.find((b) => b.text === 'Läkarintyg')!;
    expect(heading).toMatchObject({ kind: 'heading', page: 4 });
    expect(doc.blocks[doc.blocks.indexOf(heading) + 1]!.text).toMatch(
      /^3 § De sjukdomar och funktionsnedsättningar/,
    );
  });

  it('RFC 6912: header and footer lines gone, numbered section headings with levels', () => {
    const doc = parseText(testfile('28_rfc6912.txt'));
    expect(doc.text).not.toContain('[Page ');
    expect(doc.text).not.toContain('RFC 6912                  DNS');
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => `${b.level} ${b.text}`);
    expect(headings).toEqual(
      expect.arrayContaining(['1 1. Introduction', '2 1.1. Terminology', '1 2. Background']),
    );
    expect(doc.blocks.find((b) => b.text === '2. Background')!.page).toBe(4);
  });

  it('refuses an empty or blank file', () => {
    expect(() => parseText(new Uint8Array())).toThrow(ImportFailure);
    expect(() => parseText(new TextEncoder().encode(' \n\n\t\n'))).toThrow(ImportFailure);
  });

  it('SOSFS 2012:17: no page-number or check-box fragments left where the form feeds were', () => {
    const doc = parseText(testfile('27_SOSFS-2012-17.txt'));
    expect(doc.blocks.filter((b) => /^\d+ \(\d+\)$/.test(b.text))).toEqual([]);
    expect(doc.blocks.filter((b) => !/[\p{L}\p{N}]/u.test(b.text))).toEqual([]);
    // Symbol-font check boxes read as boxes, not as private-use characters.
    expect(doc.text).not.toMatch(/[\ue000-\uf8ff]/u);
    expect(doc.blocks.filter((b) => b.marker === '☐').length).toBeGreaterThan(10);
    expect(doc.blocks.filter((b) => b.text === 'SOSFS')).toEqual([]);
  });

  it('SOSFS 2012:17: the appended form reads as a form: sections, ticked choices, code tables, options once', () => {
    const doc = parseText(testfile('27_SOSFS-2012-17.txt'));
    const at = (text: string): Block => {
      const block = doc.blocks.find((b) => b.text === text);
      if (!block) throw new Error(`no block ${JSON.stringify(text)}`);
      return block;
    };
    // A section's heading stands alone, not run together with its first field.
    expect(at('1. Personuppgifter')).toMatchObject({ kind: 'heading', page: 6 });
    expect(at('3.2 Parkinsons sjukdom (fyll i samtliga rader)')).toMatchObject({ kind: 'heading', page: 7 });
    // A box to tick is the marker of the choice it stands before.
    expect(at('Svår psykisk funktionsnedsättning Fyll även i 3.1')).toMatchObject({
      kind: 'list-item',
      marker: '☐',
    });
    expect(at('Sällsynt diagnos med orofaciala symtom, ange vilken: Fyll även i 4').marker).toBe('☐');
    // ICF codes read beside their functions, in a table.
    const codes = doc.blocks.find((b) => b.kind === 'table' && b.text.startsWith('b5105\tAtt svälja'));
    expect(codes?.rows?.length).toBe(8);
    expect(codes?.text.split('\n')).toContain('b7651\tTremor');
    // The options under every question are read once, not as a column of "Ja" and "Nej".
    expect(doc.blocks.filter((b) => b.text === 'Ja' || b.text === 'Nej')).toEqual([]);
    expect(doc.blocks.filter((b) => b.text === 'Ja / Nej').map((b) => b.page)).toEqual([6, 7, 8]);
  });

  it('SOSFS 2012:17: numbered lines with a tab inside a paragraph are list items', () => {
    const doc = parseText(testfile('27_SOSFS-2012-17.txt'));
    const items = doc.blocks.filter((b) => b.kind === 'list-item' && b.page === 3);
    expect(items.map((b) => b.marker)).toEqual([
      '1.',
      '2.',
      '3.',
      '4.',
      '5.',
      '6.',
      '7.',
      '8.',
      '9.',
      '10.',
      '1.',
      '2.',
      '3.',
    ]);
    expect(items[9]!.text).toBe(
      'symtom som kvarstår sex månader efter det att personen har fått hjärninfarkt eller hjärnblödning (stroke).',
    );
    const after = doc.blocks[doc.blocks.indexOf(items[9]!) + 1]!;
    expect(after).toMatchObject({ kind: 'paragraph' });
    expect(after.text).toMatch(/^Enligt 3 a § andra stycket samma förordning/);
  });

  it('RFC 6912: the header is a table under the centred title, which is the title; sections are headings', () => {
    const doc = parseText(testfile('28_rfc6912.txt'));
    expect(doc.meta.title).toBe('Principles for Unicode Code Point Inclusion in Labels in the DNS');
    expect(doc.blocks[0]).toMatchObject({
      kind: 'title',
      text: 'Principles for Unicode Code Point Inclusion in Labels in the DNS',
    });
    const header = doc.blocks[1]!;
    expect(header.kind).toBe('table');
    expect(header.text.split('\n').slice(0, 2)).toEqual([
      'Internet Architecture Board (IAB)\tA. Sullivan',
      'Request for Comments: 6912\tDyn, Inc.',
    ]);
    expect(header.text).toContain('\tApril 2013');
    expect(doc.blocks.filter((b) => b.kind === 'code' && b.page === 1)).toEqual([]);
    for (const section of ['Abstract', 'Status of This Memo', 'Copyright Notice'])
      expect(doc.blocks.find((b) => b.text === section)?.kind).toBe('heading');
  });

  it('RFC 6912: the table of contents is not a code block; the sections still are headings', () => {
    const doc = parseText(testfile('28_rfc6912.txt'));
    expect(doc.blocks.filter((b) => /(?:\.\s){3,}/.test(b.text))).toEqual([]);
    expect(doc.blocks.some((b) => b.text === 'Table of Contents')).toBe(false);
    expect(doc.blocks.find((b) => b.text === '1. Introduction')?.kind).toBe('heading');
  });
});
