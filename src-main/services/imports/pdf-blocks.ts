// Owns the document-level PDF layout: dropping running headers, footers and page numbers
// (text that repeats in the page margins), joining lines into paragraphs across columns and
// pages (hyphenation at line ends undone), and telling headings (size, weight) and list items
// from body text. Pure: works on the segments of pdf-lines.ts.
import type { BlockInput, DocumentBuilder } from '../documents/import-model';
import { readingOrder, splitLabelColumn, type Row, type Run, type Segment } from './pdf-lines';

export interface PageRows {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly rows: Row[];
}

const PAGE_NUMBER =
  /^(?:(?:sid(?:a|an)?|s\.|page)\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:\/|av|of|\()\s*\d{1,4}\)?)?$/iu;
const ROMAN_PAGE = /^[ivxlc]{1,6}$/i;
const BULLET = /^([•·▪◦○■□\u2022\u25aa\u25cf\uf0b7\uf0a7\uf076\uf0d8\uf0fc–—-])\s+(?=\S)/u;
const NUMBERED = /^((?:\d{1,2}|[a-zåäö])[.)])\s+(?=\S)/u;
const HEADING_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,5})\.?\s+\S/;
/** Words after a line-end hyphen that show it is a real hyphen ("uppgifts- och …"). */
const KEEP_HYPHEN_BEFORE = /^(och|eller|samt|respektive|resp\.|alternativt|som|till|and|or)\b/u;

function marginKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, '');
}

function textOf(runs: readonly Run[]): string {
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
const COVER_PAGES = 5;

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
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set(marginRows(p).flatMap(edgeKeys));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeatMin = Math.max(3, Math.ceil(pages.length * 0.2));
  // Numbers alone repeat on every page too ("#"): those are page numbers, judged below.
  const repeated = (runs: readonly Run[]): boolean => {
    const key = marginKey(textOf(runs));
    return !/^[^#\w]*#[^#\w]*$/.test(key) && (counts.get(key) ?? 0) >= repeatMin;
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
      let kept = parts.filter((c) => !(repeated(c) || (numbersAlone && pageNumber(c)))).flat();
      // "Prop. 2022/23:102 1 Förslag …": a running header glued to the row's other text.
      for (let changed = true; changed && kept.length > 0;) {
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
      else p.rows.splice(index, 1, { y: row.y, runs: kept });
    }
  }
}

interface Para {
  lines: Segment[];
  page: number;
  marker: string | null;
  text: string;
}

function weightedMode(values: Array<[number, number]>): number {
  const m = new Map<number, number>();
  for (const [v, w] of values) m.set(v, (m.get(v) ?? 0) + w);
  let best = 0;
  let bestW = -1;
  for (const [v, w] of m) if (w > bestW) [best, bestW] = [v, w];
  return best;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = values.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Joins a line to the text before it, undoing a hyphenation at the line end. */
export function joinLine(before: string, next: string): string {
  if (before === '') return next;
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + next;
  const m = /(\p{L})-$/u.exec(before);
  if (m && /^\p{Ll}/u.test(next)) {
    if (KEEP_HYPHEN_BEFORE.test(next)) return `${before} ${next}`;
    // "EU-", "2014-": a hyphen after a capital or digit belongs to the word ("EU-kommissionen").
    if (/\p{Lu}/u.test(m[1]!) && /\p{Lu}/u.test(before.slice(-3, -2))) return before + next;
    return before.slice(0, -1) + next;
  }
  if (/[-/–]$/.test(before) && /\d-$|\/$/.test(before)) return before + next;
  return `${before} ${next}`;
}

function startsItem(text: string): boolean {
  return BULLET.test(text) || NUMBERED.test(text);
}

const ENDS_SENTENCE = /[.!?:;)”"]$/u;
const TOC_LINE = /(?:\.\s?){4,}\s*\d{1,4}$|…\s*\d{1,4}$/u;

/** "4 §", "10 a §" alone on a line: the statute's paragraph label, read with its text. */
const SECTION_LABEL = /^\d{1,3}(?: [a-z])? §$/u;

/** Width of a segment's first word, from the segment's own average letter width. */
function firstWordWidth(s: Segment): number {
  const word = /^\S+/.exec(s.text)?.[0] ?? '';
  return ((s.x1 - s.x0) / Math.max(1, s.text.length)) * word.length;
}

/**
 * Right edge of each segment's column: the furthest that at least three lines of its size
 * reach beside it (one line pushed out by a page number in the margin does not count).
 */
function columnEdges(segs: readonly Segment[]): Map<Segment, number> {
  const edges = new Map<Segment, number>();
  let from = 0;
  for (let i = 0; i <= segs.length; i++) {
    if (i < segs.length && segs[i]!.page === segs[from]!.page) continue;
    const page = segs.slice(from, i);
    for (const s of page) {
      const ends = page
        .filter((o) => o.column === s.column && o.x0 < s.x1 && o.x1 > s.x0 && Math.abs(o.size - s.size) <= 0.6)
        .map((o) => o.x1)
        .sort((a, b) => b - a);
      const near = 1.5 * s.size;
      const supported = ends.find((x, k) => k + 2 < ends.length && x - ends[k + 2]! <= near);
      edges.set(s, supported ?? s.x1);
    }
    from = i;
  }
  return edges;
}

/** Builds paragraphs from segments in reading order across all pages. */
function paragraphs(segs: readonly Segment[], bodySize: number, leading: number): Para[] {
  const edge = columnEdges(segs);
  const paras: Para[] = [];
  let cur: Para | null = null;
  let maxX1 = 0;
  const open = (s: Segment): void => {
    cur = { lines: [s], page: s.page, marker: null, text: s.text };
    paras.push(cur);
    maxX1 = s.x1;
  };
  let asides: Segment[] = [];
  const flushAsides = (): void => {
    const pending = asides;
    asides = [];
    let last: Segment | null = null;
    for (const a of pending) {
      const target = paras[paras.length - 1];
      const continues =
        last !== null &&
        target !== undefined &&
        a.page === last.page &&
        last.y - a.y < a.size * 1.6 &&
        a.x0 <= last.x0 + a.size;
      if (continues) {
        target.lines.push(a);
        target.text = joinLine(target.text, a.text);
      } else paras.push({ lines: [a], page: a.page, marker: null, text: a.text });
      last = a;
    }
  };
  for (const s of segs) {
    if (s.aside) {
      asides.push(s);
      continue;
    }
    const p = cur as Para | null;
    if (!p) {
      open(s);
      continue;
    }
    const prev = p.lines[p.lines.length - 1]!;
    const size = Math.max(s.size, prev.size);
    const sameFont = Math.abs(s.size - prev.size) <= 0.6 && s.bold === prev.bold;
    // An italic line alone, short and unpunctuated, is a heading: it never joins a paragraph.
    const italicTitle = (l: Segment): boolean =>
      l.italic &&
      l.text.length <= 80 &&
      /^\p{Lu}/u.test(l.text) &&
      !/[.,;:!?]$/.test(l.text) &&
      l.x1 < maxX1 - 3 * l.size;
    let breakHere =
      !sameFont ||
      startsItem(s.text) ||
      TOC_LINE.test(prev.text) ||
      (s.italic !== prev.italic && (italicTitle(s) || (p.lines.length === 1 && italicTitle(prev))));
    if (!breakHere && (s.page !== prev.page || s.y > prev.y + size)) {
      // A new page or column: continue only a sentence that clearly runs on.
      breakHere = ENDS_SENTENCE.test(prev.text) || !/^[\p{Ll}(\d,–-]/u.test(s.text);
    } else if (!breakHere) {
      const gap = prev.y - s.y;
      const indent = s.x0 - prev.x0;
      const firstLine = p.lines.length === 1;
      const hanging = p.marker !== null || startsItem(p.lines[0]!.text);
      const headingLike = prev.size >= bodySize * 1.12 || (prev.bold && p.lines.every((l) => l.bold));
      if (gap > size * (leading + 0.45)) breakHere = true;
      else if (headingLike) breakHere = false;
      else if (!hanging && indent > 0.8 * size && indent < 8 * size) {
        breakHere = true;
      } else if (!firstLine && prev.x1 < maxX1 - 4 * size && ENDS_SENTENCE.test(prev.text)) {
        breakHere = true;
      } else if (
        !/[-\u00ad]$/.test(prev.text) &&
        !SECTION_LABEL.test(prev.text) &&
        prev.x1 + firstWordWidth(s) + size < (edge.get(prev) ?? 0)
      ) {
        // The next line's first word would have fitted on this line: the line was ended on
        // purpose (a list of terms, an address), not wrapped.
        breakHere = true;
      }
    }
    if (breakHere) {
      flushAsides();
      open(s);
    } else {
      p.lines.push(s);
      p.text = joinLine(p.text, s.text);
      maxX1 = Math.max(maxX1, s.x1);
    }
  }
  flushAsides();
  return paras;
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
  const entry = segs.map((s) => CONTENTS_ENTRY.test(s.text) && s.text.length < 200);
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

/** Marks the small-print rows at the foot of a page (footnotes) as asides. */
function markFootnotes(segs: Segment[], bodySize: number): Segment[] {
  let i = segs.length;
  while (i > 0 && segs[i - 1]!.size > 0 && segs[i - 1]!.size < bodySize * 0.9) i--;
  if (i === segs.length || i === 0) return segs;
  const lowestBody = Math.min(...segs.slice(0, i).map((s) => s.y));
  if (segs.slice(i).some((s) => s.y > lowestBody)) return segs;
  return [...segs.slice(0, i), ...segs.slice(i).map((s) => ({ ...s, aside: true }))];
}

/** "Stockholm den 30 mars 2023", "På regeringens vägnar": the lines after it are signatures. */
const SIGNING = /^(?:(?:\p{Lu}[\p{L}-]+ )?den \d{1,2} \p{Ll}+ \d{4}\.?|på regeringens vägnar|för \p{L}+(?: \p{L}+)?)$/iu;
/** A name as signed: two to five words, each capitalised or in capitals. */
const SIGNER = /^(?:\p{Lu}[\p{L}'’-]*\.?)(?:\s+(?:von |af |de |van )?\p{Lu}[\p{L}'’-]*\.?){1,4}$/u;

/**
 * The signers' names under "Stockholm den …" are set apart in italics or bold, which makes
 * them look like subheadings; they are the signature, read as text.
 */
function signaturesAreText(out: BlockInput[]): void {
  for (let i = 1; i < out.length; i++) {
    if (!SIGNING.test(out[i - 1]!.text.trim())) continue;
    for (let k = i; k < Math.min(out.length, i + 4); k++) {
      const b = out[k]!;
      if (b.kind !== 'heading' || !SIGNER.test(b.text.trim())) break;
      out[k] = { kind: 'paragraph', text: b.text, page: b.page ?? null };
    }
  }
}

/** Turns the pages' rows into blocks: paragraphs, headings and list items, each with its page. */
export function layoutPages(pages: readonly PageRows[], builder: DocumentBuilder): void {
  (globalThis as { __dumpRows?: (p: readonly PageRows[]) => void }).__dumpRows?.(pages);
  dropRunningText(pages);
  // Cover labels ("Prop. 2022/23:102", "Utkom från trycket") sit on the first pages only.
  const ordered = pages.map((p, i) =>
    readingOrder(p.page, i < COVER_PAGES ? splitLabelColumn(p.rows, p.width, p.height) : p.rows, 0, p.width),
  );
  const bodySize = weightedMode(ordered.flat().map((s) => [s.size, s.text.length]));
  const segs = dropContents(ordered.flatMap((page) => markFootnotes(page, bodySize)));
  const ratios: number[] = [];
  for (let i = 1; i < segs.length; i++) {
    const a = segs[i - 1]!;
    const b = segs[i]!;
    if (a.page === b.page && Math.abs(a.size - b.size) < 0.3 && a.size > 0) {
      const r = (a.y - b.y) / a.size;
      if (r > 0.8 && r < 2.5) ratios.push(r);
    }
  }
  const leading = median(ratios) || 1.2;
  const paras = paragraphs(segs, bodySize, leading);
  const headingSizes = [
    ...new Set(
      paras
        .filter((p) => p.lines[0]!.size >= bodySize * 1.12 && p.text.length <= 200 && p.lines.length <= 3)
        .map((p) => p.lines[0]!.size),
    ),
  ].sort((a, b) => b - a);
  const out: BlockInput[] = [];
  for (const p of paras) {
    const first = p.lines[0]!;
    const text = p.text.replace(/\s?(?:\.\s?){4,}\s*(?=\d{1,4}$)/u, ' … ');
    const big = headingSizes.indexOf(first.size);
    const boldHeading =
      p.lines.every((l) => l.bold) &&
      first.size >= bodySize * 0.95 &&
      text.length <= 150 &&
      p.lines.length <= 2 &&
      !/[.,;]$/.test(text) &&
      /\p{L}/u.test(text);
    // A short line in italics alone, between paragraphs: the smallest heading of many reports.
    const italicHeading =
      p.lines.length === 1 &&
      first.italic &&
      !first.bold &&
      Math.abs(first.size - bodySize) < 1 &&
      text.length <= 80 &&
      /^\p{Lu}/u.test(text) &&
      !/[.,;:!?]$/.test(text);
    if ((big >= 0 && /\p{L}/u.test(text)) || boldHeading || italicHeading) {
      const numbered = HEADING_NUMBER.exec(text);
      const bySize = italicHeading
        ? headingSizes.length + 2
        : big >= 0
          ? big + 1
          : headingSizes.filter((s) => s > first.size).length + 1;
      const level = numbered ? numbered[1]!.split('.').filter((x) => x !== '').length : bySize;
      out.push({ kind: 'heading', text, level: Math.min(6, Math.max(1, level)), page: p.page });
      continue;
    }
    const item = BULLET.exec(text) ?? NUMBERED.exec(text);
    if (item) {
      const marker = /^[\uf000-\uf0ff]$/u.test(item[1]!) ? '•' : item[1]!;
      out.push({ kind: 'list-item', text: text.slice(item[0].length), marker, level: 1, page: p.page });
      continue;
    }
    out.push({ kind: 'paragraph', text, page: p.page });
  }
  signaturesAreText(out);
  // Levels come from sizes, weights and numbering; close the gaps so they run 1, 2, 3 …
  const used = [...new Set(out.filter((b) => b.kind === 'heading').map((b) => b.level ?? 1))].sort(
    (a, b) => a - b,
  );
  for (const b of out)
    builder.add(b.kind === 'heading' ? { ...b, level: used.indexOf(b.level ?? 1) + 1 } : b);
}
