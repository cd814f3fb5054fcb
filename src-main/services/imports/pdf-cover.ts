// Owns a cover's label column: short pieces set on one vertical line at the right of a title
// ("Prop." over "2014/15:81", "Utkom från trycket" over its date) are read as rows of their
// own after the title, so the title is not run together with them. Pure: rows in, rows out.
import { sideText, type Row } from './pdf-lines';

/** Runs of consecutive row indices. */
function chunks(indices: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const i of indices) {
    const last = out[out.length - 1];
    if (last && i - last[last.length - 1]! <= 1) last.push(i);
    else out.push([i]);
  }
  return out;
}

/** Longest text of one row of a cover's label column ("Prop. 2022/23:102", "Utkom från trycket"). */
const LABEL_CHARS = 40;

/**
 * Moves a cover's label column out of the rows it shares with the title: short pieces that
 * start on one vertical line in the right part of the top of the page ("Prop." over
 * "2014/15:81" beside a two-line title) are read as rows of their own after the title, so
 * the title is not run together with them.
 */
export function splitLabelColumn(rows: readonly Row[], width: number, height: number): Row[] {
  const top = height * 0.5;
  const candidates: Array<{ row: number; x: number }> = [];
  rows.forEach((row, i) => {
    if (row.y < top) return;
    row.runs.forEach((r, k) => {
      if (r.x < width * 0.55) return;
      const prev = row.runs[k - 1];
      if (prev && r.x - (prev.x + prev.width) < 0.5 * r.size) return;
      if (sideText(row.runs.slice(k)).length > LABEL_CHARS) return;
      candidates.push({ row: i, x: r.x });
    });
  });
  // Columns: candidates whose left edges lie within a few points of each other.
  candidates.sort((a, b) => a.x - b.x);
  const starts = new Map<number, number[]>();
  let column: number | null = null;
  for (const c of candidates) {
    if (column === null || c.x - column > 4) {
      column = c.x;
      starts.set(column, []);
    }
    const list = starts.get(column)!;
    if (!list.includes(c.row)) list.push(c.row);
  }
  for (const list of starts.values()) list.sort((a, b) => a - b);
  // Row index → where its label part starts; label rows are read after the title they stand
  // beside (the rows from the group's first on in the same size), so the title stays whole.
  const cut = new Map<number, number>();
  const after = new Map<number, Row[]>();
  for (const [x, list] of starts) {
    // A column of page numbers (a table of contents) or of table cells is no label column.
    if (list.length > 6) continue;
    for (const group of chunks(list)) {
      const split = group.some((i) => rows[i]!.runs.some((r) => r.x + r.width < x - 1));
      // Above a label column there is white; two words of a justified paragraph that happen
      // to start on one vertical line have the paragraph's lines above them.
      const above = rows[group[0]! - 1];
      const lineGap = 1.6 * Math.max(...rows[group[0]!]!.runs.map((r) => r.size));
      const covered =
        above !== undefined &&
        above.y - rows[group[0]!]!.y < lineGap &&
        above.runs.some((r) => r.x <= x && r.x + r.width > x);
      if (group.length < 2 || group.length > 5 || !split || covered) continue;
      const labels: Row[] = [];
      for (const i of group) {
        const at = rows[i]!.runs.findIndex((r) => Math.abs(r.x - x) <= 4);
        if (at < 0 || cut.has(i)) continue;
        cut.set(i, at);
        labels.push({ y: rows[i]!.y, runs: rows[i]!.runs.slice(at), opens: labels.length === 0 });
      }
      const first = group[0]!;
      const titleSize = Math.max(0, ...rows[first]!.runs.slice(0, cut.get(first) ?? 0).map((r) => r.size));
      let last = first;
      for (let k = first + 1; k < rows.length; k++) {
        const left = rows[k]!.runs.filter((r) => r.x + r.width < x - 1);
        const sameSize = left.length > 0 && Math.abs(Math.max(...left.map((r) => r.size)) - titleSize) <= 0.5;
        if (!sameSize && !(left.length === 0 && group.includes(k))) break;
        last = k;
      }
      after.set(last, [...(after.get(last) ?? []), ...labels]);
    }
  }
  if (cut.size === 0) return rows.slice();
  const out: Row[] = [];
  rows.forEach((row, i) => {
    const at = cut.get(i);
    const rest = at === undefined ? row : { y: row.y, runs: row.runs.slice(0, at) };
    if (rest.runs.length > 0) out.push(rest);
    out.push(...(after.get(i) ?? []));
  });
  return out;
}
