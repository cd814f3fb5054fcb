// Plain-text import: encodings (UTF-8, UTF-16 with BOM, Windows-1252 found by detection),
// form feeds as pages, running headers and page numbers dropped, safe headings.
import { describe, expect, it } from 'vitest';
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
    expect(doc.text).toContain('☐');
    expect(doc.blocks.filter((b) => b.text === 'SOSFS')).toEqual([]);
  });

  it('RFC 6912: the table of contents is not a code block; the sections still are headings', () => {
    const doc = parseText(testfile('28_rfc6912.txt'));
    expect(doc.blocks.filter((b) => /(?:\.\s){3,}/.test(b.text))).toEqual([]);
    expect(doc.blocks.some((b) => b.text === 'Table of Contents')).toBe(false);
    expect(doc.blocks.find((b) => b.text === '1. Introduction')?.kind).toBe('heading');
  });
});
