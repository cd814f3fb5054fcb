// Owns tables drawn without rules on a PDF page: consecutive rows of short pieces that share
// white vertical strips (a bill's table of commitments per country, an agency's table of
// pictograms and their texts). Such rows become one table segment with its cells, instead of
// lines that paragraphs would run together. Pure: works on the rows of pdf-lines.ts.
import { joinLine } from './pdf-blocks';
import type { Row, Run, Segment } from './pdf-lines';
import { TOC_LINE, textOf } from './pdf-margins';

/** A piece of a row longer than this is prose, not a cell. */
const CELL_CHARS = 32;
/** Rows with three or more pieces before a region counts as a table. */
const MIN_TABLE_ROWS = 3;
/** Rows with two short pieces before a region counts as a two-column table. */
const MIN_PAIR_ROWS = 4;
/** Share of a region's rows a column separator must run through white. */
const SEPARATOR_SHARE = 0.85;

const sizeOf = (row: Row): number => Math.max(...row.runs.map((r) => r.size));

/** Pieces per row, computed once: a page's rows are asked about several times. */
const piecesOf = new WeakMap<Row, Run[][]>();

/** A row's pieces, split where the gap is wider than a word space can be. */
function pieces(row: Row): Run[][] {
  const known = piecesOf.get(row);
  if (known) return known;
  const out: Run[][] = [];
  let end = -Infinity;
  for (const r of row.runs) {
    if (out.length === 0 || r.x - end > 1.5 * r.size) out.push([]);
    out[out.length - 1]!.push(r);
    end = Math.max(end, r.x + r.width);
  }
  piecesOf.set(row, out);
  return out;
}

/** A list marker or a statute's section label before its text: no table cell. */
const MARKER = /^(?:[\d.]{1,8}|[a-zåäö]\)|\(?[ivxlc]{1,5}[.)]|[•·▪◦○■□\-–—*]|\d{1,3}\s?§|kap\.?)$/iu;

/** Pieces of a row that reads as table cells: three or more short ones, or two that are no list item or contents line. */
function cellCount(row: Row): number {
  const parts = pieces(row);
  if (parts.length < 2 || TOC_LINE.test(textOf(row.runs))) return 0;
  if (!parts.every((p) => textOf(p).length <= CELL_CHARS)) return 0;
  if (parts.length >= 3) return parts.length;
  const [left, right] = parts.map(textOf) as [string, string];
  // "Definitioner   4": a contents line without leaders ends in its page number.
  return MARKER.test(left) || /^\d{1,3}$/.test(right) ? 0 : 2;
}

const isCellRow = (row: Row): boolean => cellCount(row) > 0;
const isShortRow = (row: Row): boolean => pieces(row).every((p) => textOf(p).length <= CELL_CHARS);

/** x positions that run through white in most rows of the region: the column boundaries. */
function separators(rows: readonly Row[]): number[] {
  const middles: number[] = [];
  const edges: number[] = [];
  for (const row of rows) {
    const parts = pieces(row);
    for (let k = 1; k < parts.length; k++) {
      const left = Math.max(...parts[k - 1]!.map((r) => r.x + r.width));
      const right = parts[k]![0]!.x;
      const pad = 0.6 * parts[k]![0]!.size;
      middles.push((left + right) / 2);
      edges.push(left + pad, right - pad);
    }
  }
  const free = (row: Row, x: number): boolean => row.runs.every((r) => x < r.x || x > r.x + r.width);
  const share = (x: number): number => rows.filter((row) => free(row, x)).length / rows.length;
  // A gap's middle may be crossed by a few rows (a heading over the columns, a key run into
  // its figure); a point near a gap's side, where a cell of another row may reach into the
  // gap (cells set half a line apart), must be white in every row of cells.
  const cellRows = rows.filter(isCellRow);
  const kept = [
    ...middles.filter((x) => share(x) >= SEPARATOR_SHARE),
    ...edges.filter((x) => cellRows.every((row) => free(row, x)) && share(x) >= SEPARATOR_SHARE),
  ].sort((a, b) => a - b);
  const size = Math.max(...rows.map(sizeOf));
  const merged: number[] = [];
  for (const x of kept) {
    const last = merged[merged.length - 1];
    if (last !== undefined && x - last < 1.5 * size) continue;
    merged.push(x);
  }
  return merged;
}

interface TableRow {
  y: number;
  cells: string[];
}

/** Two rows that both fill a column with text that does not run on ("108" over "92"). */
function clashes(upper: TableRow, lower: TableRow): boolean {
  return upper.cells.some((c, k) => {
    const below = lower.cells[k]!;
    return c !== '' && below !== '' && !/[\p{L}/,(–-]$/u.test(c) && !/^[\p{Ll}(]/u.test(below);
  });
}

/** Puts the rows' runs into columns and joins a cell's lines (keyless rows, wrapped keys). */
function cellsOf(rows: readonly Row[], seps: readonly number[]): string[][] {
  const physical: TableRow[] = rows.map((row) => {
    const cells = Array.from({ length: seps.length + 1 }, () => '');
    for (const r of row.runs) {
      const mid = r.x + r.width / 2;
      const k = seps.filter((x) => x < mid).length;
      cells[k] = cells[k] === '' ? r.str.trim() : `${cells[k]} ${r.str.trim()}`;
    }
    return { y: row.y, cells: cells.map((c) => c.replace(/\s+/g, ' ').trim()) };
  });
  const joined: TableRow[] = [];
  physical.forEach((row, i) => {
    const prev = joined[joined.length - 1];
    const next = physical[i + 1];
    const keyless = row.cells[0] === '';
    // A row without a first cell is a further line of the cells of the row it sits closest to
    // (the row below when it is as close: such cells end on their row's line).
    const toNext =
      keyless &&
      next !== undefined &&
      next.cells[0] !== '' &&
      !clashes(row, next) &&
      (prev === undefined || row.y - next.y <= prev.y - row.y + 0.5 || clashes(prev, row));
    const toPrev =
      !toNext &&
      prev !== undefined &&
      ((keyless && !clashes(prev, row)) || /-$/.test(prev.cells[0]!) || /^\p{Ll}/u.test(row.cells[0]!));
    if (toNext) next.cells = next.cells.map((c, k) => joinLine(row.cells[k]!, c));
    else if (toPrev) {
      prev.cells = prev.cells.map((c, k) => joinLine(c, row.cells[k]!));
      prev.y = row.y;
    } else joined.push({ y: row.y, cells: row.cells.slice() });
  });
  // A column no row has text in is a gap the separators found twice.
  const used = joined[0]!.cells.map((_, k) => joined.some((r) => r.cells[k] !== ''));
  return joined.map((r) => r.cells.filter((_, k) => used[k]));
}

/**
 * Splits a page's rows into stretches of text and tables: a table is a run of at least three
 * rows of three or more short pieces (and the short rows between them) whose pieces line up in
 * columns. Returns the rows to read as text and the tables, in page order.
 */
export function splitTables(page: number, rows: readonly Row[]): Array<Row[] | Segment> {
  const out: Array<Row[] | Segment> = [];
  let text: Row[] = [];
  let i = 0;
  while (i < rows.length) {
    if (!isCellRow(rows[i]!)) {
      text.push(rows[i]!);
      i++;
      continue;
    }
    let j = i + 1;
    let cellRows = 1;
    let lastCell = i;
    let widest = cellCount(rows[i]!);
    while (j < rows.length && isShortRow(rows[j]!) && rows[j - 1]!.y - rows[j]!.y < 3 * sizeOf(rows[j]!)) {
      if (isCellRow(rows[j]!)) {
        cellRows++;
        lastCell = j;
        widest = Math.max(widest, cellCount(rows[j]!));
      }
      j++;
    }
    const region = rows.slice(i, lastCell + 1);
    // Two columns of short pieces need a longer run to be told from a pair of short lines.
    const enough = widest >= 3 ? cellRows >= MIN_TABLE_ROWS : cellRows >= MIN_PAIR_ROWS;
    const seps = enough ? separators(region) : [];
    if (seps.length < Math.min(2, widest - 1)) {
      text.push(rows[i]!);
      i++;
      continue;
    }
    if (text.length > 0) out.push(text);
    text = [];
    const cells = cellsOf(region, seps);
    const runs = region.flatMap((r) => r.runs);
    out.push({
      page,
      text: cells.map((c) => c.join(' ')).join(' '),
      x0: Math.min(...runs.map((r) => r.x)),
      x1: Math.max(...runs.map((r) => r.x + r.width)),
      y: region[region.length - 1]!.y,
      size: Math.max(...region.map(sizeOf)),
      bold: false,
      italic: false,
      table: cells,
    });
    i = lastCell + 1;
  }
  if (text.length > 0) out.push(text);
  return out;
}
