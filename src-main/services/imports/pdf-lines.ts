// Owns turning one PDF page's positioned text runs into rows and segments: runs on one
// baseline form a row, a wide horizontal gap splits a row into segments (columns, table
// cells), raised footnote references are dropped while a footnote's own number is kept and
// seated on its line, whitespace runs become spaces. Pure: no pdf.js.

export interface Run {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
}

/** A piece of one row between wide gaps: a line of one column. */
export interface Segment {
  readonly page: number;
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  /** Footnotes at the foot of a page: read after the paragraph that runs on to the next page. */
  readonly aside?: boolean;
  /** Right bound of the column the line was read in (the page width outside side-by-side text). */
  readonly column?: number;
  /** The first line of a term or of its definition in a table of terms: never joined to the line before. */
  readonly opens?: boolean;
  /** The first line of a footnote: it starts with the note's raised number. */
  readonly note?: boolean;
  /** A table drawn without rules (pdf-tables.ts): its rows of cell texts. */
  readonly table?: string[][];
}

export interface Row {
  readonly y: number;
  /** Runs with text, left to right (raised footnote numbers removed). */
  readonly runs: Run[];
  /** Starts a block of its own (a cover label read after its title). */
  readonly opens?: boolean;
  /** Starts with a raised note number: the first line of a footnote. */
  readonly note?: boolean;
}

/** A short left piece such as "2.1", "1.", "a)" or "•": never a column of its own. */
const MARKER_LIKE = /^(?:[\d.]{1,8}|[a-zåäö]\)|\(?[ivxlc]{1,5}[.)]|[•·▪◦○■□\-–—*]|\d{1,3}\s?§|kap\.?)$/iu;
/** Narrowest vertical strip of white that can separate two columns, in font sizes. */
const MIN_GUTTER = 0.9;
/** Rows with text on both sides of a strip before we read it as columns. */
const MIN_BAND_ROWS = 3;

function isBlank(s: string): boolean {
  return s.trim() === '';
}

function dominant<T>(values: Array<[T, number]>): T | undefined {
  const weights = new Map<T, number>();
  for (const [v, w] of values) weights.set(v, (weights.get(v) ?? 0) + w);
  let best: T | undefined;
  let bestW = -1;
  for (const [v, w] of weights) {
    if (w > bestW) {
      best = v;
      bestW = w;
    }
  }
  return best;
}

function segmentOf(page: number, runs: readonly Run[], y: number): Segment {
  let text = '';
  let prevEnd = -Infinity;
  let prevSize = 0;
  for (const r of runs) {
    const gap = r.x - prevEnd;
    // A run that starts well left of where the last one ended is the next line of a small-print
    // block merged into this row ("Utkom från trycket" over "den 30 januari 2009").
    const back = gap < -Math.max(r.size, prevSize);
    if (
      text !== '' &&
      !/\s$/.test(text) &&
      !/^\s/.test(r.str) &&
      (back || gap > 0.18 * Math.max(r.size, prevSize))
    ) {
      text += ' ';
    }
    text += r.str;
    prevEnd = r.x + r.width;
    prevSize = r.size;
  }
  const size = dominant(runs.map((r) => [Math.round(r.size * 2) / 2, r.str.length])) ?? 0;
  const boldChars = runs.reduce((n, r) => n + (r.bold ? r.str.trim().length : 0), 0);
  const allChars = runs.reduce((n, r) => n + r.str.trim().length, 0);
  const italicChars = runs.reduce((n, r) => n + (r.italic ? r.str.trim().length : 0), 0);
  return {
    page,
    text: text.replace(/\s+/g, ' ').trim(),
    x0: Math.min(...runs.map((r) => r.x)),
    x1: Math.max(...runs.map((r) => r.x + r.width)),
    y,
    size,
    bold: allChars > 0 && boldChars / allChars > 0.6,
    italic: allChars > 0 && italicChars / allChars > 0.6,
  };
}

const NOTE_NUMBER = /^\s*\d{1,3}\s*$/;

/**
 * A footnote's number raised so far above its text that it would join another row (the page
 * number's) is put on the baseline of the text it precedes; the set holds the numbers moved.
 */
function seatNoteNumbers(runs: readonly Run[]): { runs: Run[]; seated: Set<Run> } {
  const seated = new Set<Run>();
  // Only numbers set smaller than the page's text can be notes' numbers; figures in a table
  // (most of the numbers on a page) are not looked at twice.
  const largest = runs.reduce((m, r) => Math.max(m, r.size), 0);
  if (!runs.some((r) => r.size < largest * 0.8 && NOTE_NUMBER.test(r.str)))
    return { runs: runs.slice(), seated };
  const out = runs.map((n) => {
    if (n.size >= largest * 0.8 || !NOTE_NUMBER.test(n.str)) return n;
    const end = n.x + n.width;
    const after = runs.find(
      (t) =>
        t !== n &&
        t.size * 0.8 > n.size &&
        /\p{L}/u.test(t.str) &&
        t.x >= end - 1 &&
        t.x <= end + 0.6 * t.size &&
        n.y - t.y > 0.15 * t.size &&
        n.y - t.y < 0.9 * t.size,
    );
    // A reference raised after a word ("beslut¹ föreskrivs") stays raised: it is no note's number.
    const behindWord = runs.some(
      (t) =>
        t !== n &&
        after !== undefined &&
        Math.abs(t.y - after.y) < 0.45 * after.size &&
        t.x < n.x &&
        t.x + t.width > n.x - 2 * after.size,
    );
    if (!after || behindWord) return n;
    const moved = { ...n, y: after.y };
    seated.add(moved);
    return moved;
  });
  return { runs: out, seated };
}

/** Groups a page's runs into rows, top first, each row's runs left to right. */
export function buildRows(runs: readonly Run[]): Row[] {
  const { runs: placed, seated } = seatNoteNumbers(runs.filter((r) => !isBlank(r.str) && r.size > 0));
  const sorted = placed.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Array<{ y: number; size: number; runs: Run[] }> = [];
  for (const run of sorted) {
    let target: { y: number; size: number; runs: Run[] } | undefined;
    for (let i = groups.length - 1; i >= 0 && i >= groups.length - 4; i--) {
      const g = groups[i]!;
      if (Math.abs(g.y - run.y) <= 0.45 * Math.max(run.size, g.size)) {
        target = g;
        break;
      }
    }
    if (target) {
      target.runs.push(run);
      if (run.size > target.size) {
        target.size = run.size;
        target.y = run.y;
      }
    } else {
      groups.push({ y: run.y, size: run.size, runs: [run] });
    }
  }
  const rows = groups.map((g) => {
    const main = dominant(g.runs.map((r) => [Math.round(r.size * 2) / 2, r.str.length])) ?? g.size;
    // Raised small digits and symbols are footnote references: they would glue onto words.
    const sorted = g.runs.slice().sort((a, b) => a.x - b.x);
    // "(7)" with a raised 7 is how EU texts number notes and refer to them: kept, in brackets.
    const bracketed = (k: number): boolean =>
      /\(\s*$/.test(sorted[k - 1]?.str ?? '') && /^\s*\)/.test(sorted[k + 1]?.str ?? '');
    const raised = (r: Run, k: number): boolean =>
      r.size < main * 0.8 && r.y > g.y + 0.15 * main && /^[\d*†,\s]+$/.test(r.str) && !bracketed(k);
    // A raised number that opens the row is a footnote's own number, not a reference: kept.
    const note =
      sorted.length > 1 && (seated.has(sorted[0]!) || raised(sorted[0]!, 0)) && /\d/.test(sorted[0]!.str);
    const kept = sorted.filter((r, k) => (k === 0 && note) || !raised(r, k));
    return note ? { y: g.y, runs: kept, note } : { y: g.y, runs: kept.length > 0 ? kept : g.runs };
  });
  // A footnote number raised far enough to form a row of its own, next to a line of body text.
  return rows.filter((row, i) => {
    if (!row.runs.every((r) => /^[\d*†,\s]+$/.test(r.str))) return true;
    const size = Math.max(...row.runs.map((r) => r.size));
    const near = [rows[i - 1], rows[i + 1]].some(
      (n) =>
        n !== undefined &&
        Math.abs(n.y - row.y) < 1.3 * size * 2 &&
        Math.max(...n.runs.map((r) => r.size)) * 0.8 > size,
    );
    return !near;
  });
}

type Interval = [number, number];

/** White strips inside [lo, hi] that no run of the row covers. */
function freeOf(row: Row, lo: number, hi: number): Interval[] {
  const free: Interval[] = [];
  let x = lo;
  for (const r of row.runs) {
    if (r.x > x) free.push([x, Math.min(r.x, hi)]);
    x = Math.max(x, r.x + r.width);
  }
  if (x < hi) free.push([x, hi]);
  return free.filter(([a, b]) => b > a);
}

function intersect(a: readonly Interval[], b: readonly Interval[], min: number): Interval[] {
  const out: Interval[] = [];
  for (const [a0, a1] of a) {
    for (const [b0, b1] of b) {
      const lo = Math.max(a0, b0);
      const hi = Math.min(a1, b1);
      if (hi - lo >= min) out.push([lo, hi]);
    }
  }
  return out;
}

export function sideText(runs: readonly Run[]): string {
  return runs
    .map((r) => r.str)
    .join(' ')
    .trim();
}

const extent = (runs: readonly Run[]): number =>
  runs.length === 0 ? 0 : Math.max(...runs.map((r) => r.x + r.width)) - Math.min(...runs.map((r) => r.x));

interface Band {
  readonly end: number;
  readonly gutter: number;
}

/** Looks for rows from `i` on that share a white vertical strip with prose on both sides. */
function findBand(rows: readonly Row[], i: number, lo: number, hi: number): Band | null {
  const first = rows[i]!;
  const size = Math.max(...first.runs.map((r) => r.size));
  const firstLo = first.runs[0]!.x;
  const firstHi = Math.max(...first.runs.map((r) => r.x + r.width));
  let free = freeOf(first, lo, hi).filter(
    ([a, b]) => a > firstLo && b < firstHi && b - a >= MIN_GUTTER * size,
  );
  if (free.length === 0) return null;
  let j = i + 1;
  let prevY = first.y;
  while (j < rows.length) {
    const row = rows[j]!;
    // A footnote's first line starts a text of its own, outside the columns above it.
    if (prevY - row.y > 3.5 * size || row.note) break;
    // Once the columns are established, a narrower strip still parts them (a long term in a
    // table of terms reaching close to its definition).
    const min = j - i >= MIN_BAND_ROWS ? 0.5 * size : MIN_GUTTER * size;
    const next = intersect(free, freeOf(row, lo, hi), min);
    if (next.length === 0) break;
    free = next;
    prevY = row.y;
    j++;
  }
  if (j - i < MIN_BAND_ROWS) return null;
  for (const [a, b] of free) {
    const mid = (a + b) / 2;
    let both = 0;
    let proseRows = 0;
    for (let k = i; k < j; k++) {
      const l = sideText(rows[k]!.runs.filter((r) => r.x + r.width <= mid));
      const r = sideText(rows[k]!.runs.filter((r) => r.x >= mid));
      if (l !== '' && r !== '') both++;
      if (l.length > 8 && !MARKER_LIKE.test(l) && r.length > 3 && /\p{L}{3}/u.test(r)) proseRows++;
    }
    if (both >= MIN_BAND_ROWS && proseRows >= Math.max(2, both / 2)) return { end: j, gutter: mid };
    // A table of terms: a narrow column of terms beside a wide one of definitions, where a
    // short entry may have text on both sides in its first row only.
    const lefts = rows.slice(i, j).map((row) => row.runs.filter((r) => r.x + r.width <= mid));
    const rights = rows.slice(i, j).map((row) => row.runs.filter((r) => r.x >= mid));
    const leftWidth = Math.max(...lefts.map(extent));
    const rightWidth = Math.max(...rights.map(extent));
    const definitionRows = rights.filter((r) => sideText(r).length > 20).length;
    if (
      both >= 1 &&
      b - a >= 1.5 * size &&
      definitionRows >= MIN_BAND_ROWS &&
      leftWidth > 0 &&
      leftWidth < 0.6 * rightWidth &&
      lefts.every((l) => sideText(l).length <= 40) &&
      // Terms are words: a column of section numbers (a table of contents) is no table of terms.
      lefts.every((l) => l.length === 0 || /\p{L}{3}/u.test(sideText(l)))
    )
      return { end: j, gutter: mid };
  }
  return null;
}

interface Sides {
  readonly y: number;
  readonly note?: boolean;
  readonly left: Run[];
  readonly right: Run[];
}

/**
 * Splits side-by-side text into the entries of a table of terms: where the left column is
 * narrow (a term, perhaps over two lines) and the right one holds its definition, each term
 * is read with its definition, row by row. Two columns of prose (the bills' "Nuvarande /
 * Föreslagen lydelse") come back whole, to be read column by column.
 */
function termEntries(sides: readonly Sides[]): Sides[][] {
  const leftWidth = Math.max(...sides.map((s) => extent(s.left)));
  const rightWidth = Math.max(...sides.map((s) => extent(s.right)));
  if (leftWidth > 0.6 * rightWidth) return [sides.slice()];
  const entries: Sides[][] = [];
  let lastRight = '';
  sides.forEach((s, k) => {
    const rightText = sideText(s.right);
    const opens =
      s.left.length > 0 &&
      (k === 0 ||
        sides[k - 1]!.left.length === 0 ||
        (/^[\p{Lu}(]/u.test(rightText) && /[.)]$/.test(lastRight)));
    if (opens || entries.length === 0) entries.push([]);
    entries[entries.length - 1]!.push(s);
    if (rightText !== '') lastRight = rightText;
  });
  return entries.length >= 2 ? entries : [sides.slice()];
}

/**
 * Puts a page's rows into reading order: where consecutive rows share a white vertical strip
 * with prose on both sides (two columns, side-by-side law text) the left side is read before
 * the right one; everything else is read row by row.
 */
export function readingOrder(page: number, rows: readonly Row[], lo: number, hi: number): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < rows.length) {
    const band = rows[i]!.runs.length > 1 ? findBand(rows, i, lo, hi) : null;
    if (!band) {
      const segment = { ...segmentOf(page, rows[i]!.runs, rows[i]!.y), column: hi };
      out.push({
        ...segment,
        ...(rows[i]!.opens ? { opens: true } : {}),
        ...(rows[i]!.note ? { note: true } : {}),
      });
      i++;
      continue;
    }
    const sides = rows.slice(i, band.end).map((row) => ({
      y: row.y,
      note: row.note === true,
      left: row.runs.filter((r) => r.x + r.width / 2 < band.gutter),
      right: row.runs.filter((r) => r.x + r.width / 2 >= band.gutter),
    }));
    const entries = termEntries(sides);
    const opening = (segs: Segment[]): Segment[] =>
      entries.length > 1 && segs.length > 0 ? [{ ...segs[0]!, opens: true }, ...segs.slice(1)] : segs;
    for (const part of entries) {
      const left = part
        .filter((s) => s.left.length > 0)
        .map((s) => ({ y: s.y, runs: s.left, ...(s.note ? { note: true } : {}) }));
      const right = part.filter((s) => s.right.length > 0).map((s) => ({ y: s.y, runs: s.right }));
      out.push(
        ...opening(readingOrder(page, left, lo, band.gutter)),
        ...opening(readingOrder(page, right, band.gutter, hi)),
      );
    }
    i = band.end;
  }
  return out;
}
