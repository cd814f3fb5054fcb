// Format detection from content, not from the name: every test file is recognised, and a
// file that is not what its name says is refused with a message naming both.
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../src-main/services/documents/detect';
import { parseFile } from '../../../../src-main/services/documents/import-parse';
import { ImportFailure } from '../../../../src-main/services/documents/limits';
import { makePdf, makeZip, testfile } from './import-fixtures';

function failure(bytes: Uint8Array, name: string): ImportFailure {
  try {
    detectFormat(bytes, name);
  } catch (error) {
    if (error instanceof ImportFailure) return error;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

describe('detectFormat', () => {
  it.each([
    ['01_prop-2022-23-102_vapendirektivet.pdf', 'pdf'],
    ['08_SSMFS-2008-18_krypterad.pdf', 'pdf'],
    ['15_prop-2012-13-144_sjofartsstodet.docx', 'docx'],
    ['19_pandoc_tables.docx', 'docx'],
    ['21_regeringen_remiss-ds-2026-15.html', 'html'],
    ['25_socialstyrelsen_SOSFS-2005-27.html', 'html'],
    ['26_g0vse_viktigare-lagar-arsskiftet-2023-2024.md', 'markdown'],
    ['27_SOSFS-2012-17.txt', 'text'],
    ['28_rfc6912.txt', 'text'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(testfile(name), name)).toBe(format);
  });

  it('goes by content when the name has no extension', () => {
    expect(detectFormat(testfile('15_prop-2012-13-144_sjofartsstodet.docx'), 'remiss')).toBe('docx');
    expect(detectFormat(makePdf({ pages: [['Hej']] }), 'rapport')).toBe('pdf');
    expect(detectFormat(testfile('22_regeringen_dir-2016-15.html'), 'sida')).toBe('html');
  });

  it('refuses a file that is not what its extension says', () => {
    const docxAsPdf = failure(testfile('19_pandoc_tables.docx'), 'rapport.pdf');
    expect(docxAsPdf.problem).toBe('mismatch');
    expect(docxAsPdf.sv).toBe(
      'Filen heter .pdf men innehåller ett Word-dokument (.docx). Kontrollera att det är rätt fil.',
    );
    expect(failure(makePdf({ pages: [['Hej']] }), 'remiss.docx').problem).toBe('mismatch');
    expect(failure(PNG, 'anteckningar.txt').en).toMatch(/named \.txt but contains an image/);
    expect(failure(testfile('27_SOSFS-2012-17.txt'), 'SOSFS.pdf').problem).toBe('mismatch');
  });

  it('explains old .doc files, other formats and empty files', () => {
    expect(failure(OLE, 'gammal.doc').problem).toBe('legacy-word');
    expect(failure(OLE, 'gammal.doc').sv).toMatch(/spara som \.docx/);
    expect(failure(PNG, 'bild.png').problem).toBe('unsupported');
    const xlsx = makeZip([{ name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>') }]);
    expect(failure(xlsx, 'tabell.xlsx').sv).toMatch(/ett kalkylark/);
    expect(failure(new Uint8Array(), 'tom.pdf').problem).toBe('empty');
  });
});

describe('parseFile', () => {
  it('returns failures as values with both languages, never throws', async () => {
    const outcome = await parseFile(PNG, 'bild.pdf');
    expect(outcome).toEqual({
      ok: false,
      error: {
        problem: 'mismatch',
        sv: 'Filen heter .pdf men innehåller en bild. Kontrollera att det är rätt fil.',
        en: 'The file is named .pdf but contains an image. Check that it is the right file.',
      },
    });
  });

  it('refuses files over the size limit before parsing', async () => {
    const big = new Uint8Array(101 * 1024 * 1024);
    const outcome = await parseFile(big, 'stor.txt');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.problem).toBe('too-large');
  });

  it('gives a title to a file without one from its first heading', async () => {
    const outcome = await parseFile(
      testfile('09_remissvar-kammarkollegiet-SOU-2026-14.pdf'),
      'remissvar.pdf',
    );
    expect(outcome.ok && outcome.document.meta.title).toMatch(/^Remissvar gällande betänkandet/);
  });
});
