// Owns what is on a PDF's pages but not in its text: running headers, footers and page
// numbers (text repeating in the page margins), a letter's footer on a page of its own, and
// the table of contents (the reader's outline takes its place). Pure: works on rows and
// segments of pdf-lines.ts, before pdf-blocks.ts joins lines into paragraphs.
import type { Row, Run, Segment } from './pdf-lines';

export interface PageRows {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly rows: Row[];
}

/** Dot leaders and a page number at a line's end. */
export const TOC_LINE = /(?:\.\s?){4,}\s*\d{1,4}$|…\s*\d{1,4}$/u;

const PAGE_NUMBER =
  /^(?:(?:sid(?:a|an)?|s\.|page)\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:\/|av|of|\()\s*\d{1,4}\)?)?$/iu;
const ROMAN_PAGE = /^[ivxlc]{1,6}$/i;

function marginKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, '');
}

export function textOf(runs: readonly Run[]): string {
  return runs
    .map((r) => r.str)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A margin row's pieces, split where a wide gap separates them (header left, number right). */
function clusters(row: Row): Run[][] {
  const out: Run[][] = [];
  let end = -Infinity;
  for (const r of row.runs) {
    if (out.length === 0 || r.x - end > 2 * r.size) out.push([]);
    out[out.length - 1]!.push(r);
    end = Math.max(end, r.x + r.width);
  }
  return out;
}

/** The outermost rows of a page: where running headers, footers and page numbers sit. */
function marginRows(p: PageRows, depth = 3): Row[] {
  return [...new Set([...p.rows.slice(0, depth), ...p.rows.slice(-depth)])];
}

const EDGE_RUNS = 3;

/** Keys of a margin row's leading and trailing run sequences and of its gap-separated pieces. */
function edgeKeys(row: Row): string[] {
  const keys = new Set<string>();
  const n = row.runs.length;
  for (let k = 1; k <= Math.min(EDGE_RUNS, n); k++) {
    keys.add(marginKey(textOf(row.runs.slice(0, k))));
    keys.add(marginKey(textOf(row.runs.slice(n - k))));
  }
  for (const c of clusters(row)) keys.add(marginKey(textOf(c)));
  return [...keys];
}

/** Removes text in the top and bottom margins that repeats across pages or is a page number. */
export function dropRunningText(pages: readonly PageRows[]): void {
  const counts = new Map<string, { n: number; first: number; last: number }>();
  pages.forEach((p, i) => {
    const seen = new Set(marginRows(p).flatMap(edgeKeys));
    for (const key of seen) {
      const c = counts.get(key);
      if (c) {
        c.n++;
        c.last = i;
      } else counts.set(key, { n: 1, first: i, last: i });
    }
  });
  const repeatMin = Math.max(3, Math.ceil(pages.length * 0.2));
  // Numbers alone repeat on every page too ("#"): those are page numbers, judged below.
  // A part of the document with running text of its own (an EU act in a bill's annex, with
  // the Official Journal's header) repeats it on most pages of that part.
  const repeated = (runs: readonly Run[]): boolean => {
    const key = marginKey(textOf(runs));
    const c = counts.get(key);
    if (!c || /^[^#\w]*#[^#\w]*$/.test(key)) return false;
    return c.n >= repeatMin || (c.n >= 4 && c.n >= 0.5 * (c.last - c.first + 1));
  };
  const pageNumber = (runs: readonly Run[]): boolean =>
    PAGE_NUMBER.test(textOf(runs)) || ROMAN_PAGE.test(textOf(runs));
  for (const p of pages) {
    const outermost = new Set(marginRows(p, 2));
    for (const row of marginRows(p)) {
      const parts = clusters(row);
      // A number is a page number only in the outermost rows and where nothing but running
      // text shares its row ("2   Lagtext" is a heading).
      const numbersAlone = outermost.has(row) && parts.every((c) => repeated(c) || pageNumber(c));
      // The page's own number at the far end of a bottom row it shares with a footnote.
      const own = (c: Run[], k: number): boolean =>
        outermost.has(row) &&
        parts.length > 1 &&
        (k === 0 || k === parts.length - 1) &&
        textOf(c) === String(p.page) &&
        (k === 0 ? c[0]!.x < p.width * 0.2 : c[0]!.x > p.width * 0.8);
      // A footnote repeats from page to page ("4 Senaste lydelse 2024:1248.") but is text.
      const running = (c: Run[]): boolean => !row.note && (repeated(c) || (numbersAlone && pageNumber(c)));
      let kept = parts.filter((c, k) => !(running(c) || own(c, k))).flat();
      // "Prop. 2022/23:102 1 Förslag …": a running header glued to the row's other text.
      for (let changed = !row.note; changed && kept.length > 0;) {
        changed = false;
        for (let k = Math.min(EDGE_RUNS, kept.length); k >= 1; k--) {
          if (repeated(kept.slice(0, k))) {
            kept = kept.slice(k);
            changed = true;
            break;
          }
          if (repeated(kept.slice(kept.length - k))) {
            kept = kept.slice(0, kept.length - k);
            changed = true;
            break;
          }
        }
      }
      const index = p.rows.indexOf(row);
      if (kept.length === 0) p.rows.splice(index, 1);
      else p.rows.splice(index, 1, { ...row, runs: kept });
    }
  }
}

/** What an organisation's letter footer holds: web and mail addresses, postal box, phone, page x (y). */
const CONTACT =
  /www\.|https?:\/\/|@[\w-]+\.[a-z]{2,}|\bbox \d+|\b\d{3} \d{2} \p{Lu}|\btel\.?\s|\bsid \d+ \(\d+\)|\borg\.?\s?nr/iu;

/**
 * Removes a letter's footer on pages where no repetition gives it away (a one-page reply):
 * small print at the very foot of the page, far below the last line of text, that holds
 * addresses or "Sid 1 (1)". Footnotes are small too, but start with their number.
 */
export function dropLetterFooter(p: PageRows): void {
  const rows = p.rows;
  if (rows.length < 4) return;
  const sizeOf = (r: Row): number => Math.max(...r.runs.map((x) => x.size));
  const body = weightedMode(rows.map((r) => [sizeOf(r), textOf(r.runs).length]));
  let i = rows.length;
  while (i > 0 && rows[i - 1]!.y < p.height * 0.12 && sizeOf(rows[i - 1]!) < body * 0.85) i--;
  if (i === rows.length || i === 0) return;
  const foot = rows.slice(i);
  const gap = rows[i - 1]!.y - foot[0]!.y;
  if (gap < 4 * body) return;
  if (foot.some((r) => /^\d{1,2}\s/.test(textOf(r.runs)))) return;
  if (!foot.some((r) => CONTACT.test(textOf(r.runs)))) return;
  rows.splice(i);
}

export function weightedMode(values: Array<[number, number]>): number {
  const m = new Map<number, number>();
  for (const [v, w] of values) m.set(v, (m.get(v) ?? 0) + w);
  let best = 0;
  let bestW = -1;
  for (const [v, w] of m) if (w > bestW) [best, bestW] = [v, w];
  return best;
}

const CONTENTS_HEADING = /^(?:innehåll|innehållsförteckning|table of contents|contents)$/iu;
/** A contents line ends in its page number, after dot leaders or a space (a year is no page). */
const CONTENTS_ENTRY = /(?:(?:\.\s?){3,}|…|\s|^)\d{1,3}$/u;

/**
 * Drops a table of contents: the lines after a heading "Innehåll(sförteckning)" that end in a
 * page number, with the lines of an entry that runs over two lines and the section names in
 * between. The reader's outline takes its place, and search does not find every heading twice.
 * Without such a heading, a run of at least five dot-leader lines is a table of contents too.
 */
export function dropContents(segs: readonly Segment[]): Segment[] {
  const entry = segs.map((s) => s.table === undefined && CONTENTS_ENTRY.test(s.text) && s.text.length < 200);
  const leader = segs.map((s) => TOC_LINE.test(s.text));
  const drop = new Set<number>();
  const walk = (from: number): number => {
    let i = from;
    while (i < segs.length) {
      const near = entry[i] || entry[i + 1] || entry[i + 2];
      // A new page continues the contents only if it opens with entries.
      const newPage = i > from && segs[i]!.page !== segs[i - 1]!.page && !(entry[i] || entry[i + 1]);
      if (!near || newPage || segs[i]!.text.length > 200) break;
      drop.add(i);
      i++;
    }
    return i;
  };
  for (let i = 0; i < segs.length; i++) {
    if (CONTENTS_HEADING.test(segs[i]!.text.trim()) && (entry[i + 1] || entry[i + 2])) {
      drop.add(i);
      i = walk(i + 1) - 1;
    } else if (leader[i] && leader.slice(i, i + 8).filter(Boolean).length >= 5) {
      i = walk(i) - 1;
    }
  }
  return drop.size === 0 ? segs.slice() : segs.filter((_, i) => !drop.has(i));
}
