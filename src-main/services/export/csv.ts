// Owns the CSV export for Excel: UTF-8 with a byte-order mark (so Excel reads å, ä, ö),
// semicolons between fields (the list separator of Swedish Excel, which opens a
// comma-separated file as one column), CRLF rows, every field quoted, and cells that a
// spreadsheet would run as a formula neutralised with a leading apostrophe.
import type { ExportModel } from './model';

export const CSV_DELIMITER = ';';

export const CSV_HEADER = [
  'Dokument',
  'Dokument-id',
  'Stycke',
  'Citat',
  'Anteckning',
  'Taggar',
  'Färg',
  'Skapad',
  'Ändrad',
  'Hänvisning',
  'Länk',
  'Antecknings-id',
] as const;

/** Cells starting with these are formulas (or become one) in Excel, LibreOffice and Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function field(value: string): string {
  return `"${neutraliseFormula(value).replace(/"/g, '""')}"`;
}

export function renderCsv(model: ExportModel): Uint8Array {
  const rows: string[] = [CSV_HEADER.map(field).join(CSV_DELIMITER)];
  for (const g of model.groups) {
    for (const e of g.entries) {
      rows.push(
        [
          g.title,
          g.documentId,
          String(e.paragraph),
          e.quote,
          e.note,
          e.tags.join(', '),
          e.colourName,
          e.created,
          e.modified,
          e.citation,
          e.link,
          e.id,
        ]
          .map(field)
          .join(CSV_DELIMITER),
      );
    }
  }
  const text = `\uFEFF${rows.join('\r\n')}\r\n`;
  return new TextEncoder().encode(text);
}
