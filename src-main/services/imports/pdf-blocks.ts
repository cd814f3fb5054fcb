// Owns the document-level PDF layout (after pdf-margins.ts has removed what is not text):
// cover labels read apart from the title, joining lines into paragraphs across columns and
// pages (hyphenation at line ends undone), and telling headings (size, weight) and list items
// from body text. Pure: works on the segments of pdf-lines.ts.
import type { BlockInput, DocumentBuilder } from '../documents/import-model';
import {
  dropContents,
  dropLetterFooter,
  dropRunningText,
  TOC_LINE,
  weightedMode,
  type PageRows,
} from './pdf-margins';
import { splitLabelColumn } from './pdf-cover';
import { readingOrder, type Segment } from './pdf-lines';
import { splitTables } from './pdf-tables';

export type { PageRows } from './pdf-margins';

/** Pages on which a cover's label column is looked for. */
const COVER_PAGES = 5;
const BULLET = /^([•·▪◦○■□\u2022\u25aa\u25cf\uf0b7\uf0a7\uf076\uf0d8\uf0fc–—-])\s+(?=\S)/u;
/** Roman item numbers as lists use them ("ii.", "(iv)"); longer runs of these letters are words. */
const ROMAN = 'i{1,3}|iv|vi{0,3}|ix|xi{0,3}';
/** "1.", "a)", "ii.", and the bracketed numbers of an EU act's recitals and notes ("(35)", "(b)"). */
const NUMBERED = new RegExp(
  `^((?:\\d{1,2}|[a-zåäö]|${ROMAN})[.)]|\\((?:\\d{1,3}|[a-zåäö]|${ROMAN})\\))\\s+(?=\\S)`,
  'u',
);
const HEADING_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,5})\.?\s+\S/;
/** Words after a line-end hyphen that show it is a real hyphen ("uppgifts- och …"). */
const KEEP_HYPHEN_BEFORE = /^(och|eller|samt|respektive|resp\.|alternativt|som|till|and|or)\b/u;

/** A block as laid out: a table carries its rows of cells. */
type LaidOut = BlockInput & { readonly rows?: string[][] };

interface Para {
  lines: Segment[];
  page: number;
  marker: string | null;
  text: string;
  /** The first line starts a list item (kept, not recomputed per line). */
  item: boolean;
  allBold: boolean;
}

function newPara(s: Segment): Para {
  return { lines: [s], page: s.page, marker: null, text: s.text, item: startsItem(s.text), allBold: s.bold };
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

/** The start of a note numbered in brackets ("(8) Europaparlamentets …"). */
const NOTE_MARK = /^\(\d{1,3}\)\s/u;

/** A line ending in a section reference ("i 3 kap. 13 §", "i 29 a–29 e §§", "i 6 § första stycket"). */
const REFERENCE_END = /\d(?: [a-z])? §§?(?: (?:första|andra|tredje|fjärde|femte) stycket)?$/u;

/** "4 §", "10 a §" alone on a line: the statute's paragraph label, read with its text. */
const SECTION_LABEL = /^\d{1,3}(?: [a-z])? §$/u;

/** Width of a segment's first word, from the segment's own average letter width. */
function firstWordWidth(s: Segment): number {
  const word = /^\S+/.exec(s.text)?.[0] ?? '';
  return ((s.x1 - s.x0) / Math.max(1, s.text.length)) * word.length;
}

/** The next line's first word would have fitted at the end of this one: it was ended on purpose. */
function endedShort(prev: Segment, s: Segment, edge: number): boolean {
  return (
    !/[-\u00ad–]$/.test(prev.text) &&
    !SECTION_LABEL.test(prev.text) &&
    prev.x1 + firstWordWidth(s) + Math.max(prev.size, s.size) < edge
  );
}

/** Lines of one size on a page, none reaching the edge the document's other pages keep: a list page. */
const LIST_PAGE_LINES = 10;

/**
 * Right edge of each segment's column: the furthest that at least three lines of its size
 * reach beside it (one line pushed out by a page number in the margin does not count). A page
 * of short lines only (a list of terms) takes the edge its other pages of that side keep.
 */
function columnEdges(segs: readonly Segment[]): Map<Segment, number> {
  const edges = new Map<Segment, number>();
  const pageGroups: Array<{ key: string; group: Segment[]; supported: number | undefined }> = [];
  let from = 0;
  for (let i = 0; i <= segs.length; i++) {
    if (i < segs.length && segs[i]!.page === segs[from]!.page) continue;
    // One sorted list of line ends per column and size on the page, shared by its lines.
    const groups = new Map<string, Segment[]>();
    for (const s of segs.slice(from, i)) {
      const key = `${s.page % 2}/${s.column ?? 0}/${Math.round(s.size)}`;
      const group = groups.get(key);
      if (group) group.push(s);
      else groups.set(key, [s]);
    }
    for (const [key, group] of groups) {
      const ends = group.map((o) => o.x1).sort((a, b) => b - a);
      const near = 1.5 * group[0]!.size;
      const supported = ends.find((x, k) => k + 2 < ends.length && x - ends[k + 2]! <= near);
      for (const s of group) edges.set(s, supported ?? s.x1);
      pageGroups.push({ key, group, supported });
    }
    from = i;
  }
  const byKey = new Map<string, number[]>();
  for (const g of pageGroups) {
    if (g.supported === undefined) continue;
    const list = byKey.get(g.key);
    if (list) list.push(g.supported);
    else byKey.set(g.key, [g.supported]);
  }
  for (const g of pageGroups) {
    const usual = median(byKey.get(g.key) ?? []);
    const own = g.supported ?? 0;
    if (g.group.length >= LIST_PAGE_LINES && usual - own > 2 * g.group[0]!.size)
      for (const s of g.group) edges.set(s, usual);
  }
  return edges;
}

/**
 * A line that is only a number and a reference after a full line ending mid-sentence ("… i
 * bilaga" over "1. (NFS 2014:23)") carries on that sentence: the number is no list item's.
 */
function runsOnIntoNumber(prev: Segment, s: Segment, edge: number): boolean {
  return (
    s.page === prev.page &&
    /^\d{1,3}[.)](?:\s+\([^)]*\)\.?)?$/u.test(s.text) &&
    /[\p{L}\d]$/u.test(prev.text) &&
    Math.abs(s.x0 - prev.x0) < prev.size &&
    !endedShort(prev, s, edge)
  );
}

/** Builds paragraphs from segments in reading order across all pages. */
function paragraphs(segs: readonly Segment[], bodySize: number, leading: number): Para[] {
  const edge = columnEdges(segs);
  const paras: Para[] = [];
  let cur: Para | null = null;
  let maxX1 = 0;
  const open = (s: Segment): void => {
    cur = newPara(s);
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
      // A note starts with its number (raised, or bracketed as EU acts set it: "(8) …"); its
      // next lines run under it or, set with a hanging indent, under its first word.
      const opensNote = (l: Segment): boolean => l.note === true || NOTE_MARK.test(l.text);
      const continues =
        !opensNote(a) &&
        last !== null &&
        target !== undefined &&
        a.page === last.page &&
        last.y - a.y < a.size * 1.6 &&
        (a.x0 <= last.x0 + a.size || (opensNote(last) && a.x0 - last.x0 < 4 * a.size));
      if (continues) {
        target.lines.push(a);
        target.allBold &&= a.bold;
        target.text = joinLine(target.text, a.text);
      } else paras.push(newPara(a));
      last = a;
    }
  };
  for (const s of segs) {
    if (s.table) {
      // A table is a block of its own: nothing joins it, it joins nothing.
      flushAsides();
      paras.push(newPara(s));
      cur = null;
      continue;
    }
    if (s.aside) {
      asides.push(s);
      continue;
    }
    const p = cur as Para | null;
    if (!p) {
      flushAsides();
      open(s);
      continue;
    }
    const prev = p.lines[p.lines.length - 1]!;
    const size = Math.max(s.size, prev.size);
    // OCR text layers give the lines of one paragraph sizes a point or so apart (22 and 23).
    const sameFont = Math.abs(s.size - prev.size) <= Math.max(0.6, 0.05 * size) && s.bold === prev.bold;
    // An italic line alone, short and unpunctuated, is a heading: it never joins a paragraph.
    const italicTitle = (l: Segment): boolean =>
      l.italic &&
      l.text.length <= 80 &&
      /^\p{Lu}/u.test(l.text) &&
      !/[.,;:!?]$/.test(l.text) &&
      l.x1 < maxX1 - 3 * l.size;
    let breakHere =
      s.opens === true ||
      s.note === true ||
      !sameFont ||
      (startsItem(s.text) && !runsOnIntoNumber(prev, s, edge.get(prev) ?? 0)) ||
      TOC_LINE.test(prev.text) ||
      (s.italic !== prev.italic && (italicTitle(s) || (p.lines.length === 1 && italicTitle(prev))));
    if (!breakHere && (s.page !== prev.page || s.y > prev.y + size)) {
      // A new page or column: continue only a sentence that clearly runs on.
      breakHere =
        ENDS_SENTENCE.test(prev.text) ||
        !/^[\p{Ll}(\d,–-]/u.test(s.text) ||
        (s.page !== prev.page && endedShort(prev, s, edge.get(prev) ?? 0));
    } else if (!breakHere) {
      const gap = prev.y - s.y;
      const indent = s.x0 - prev.x0;
      const firstLine = p.lines.length === 1;
      const hanging = p.marker !== null || p.item;
      const headingLike = prev.size >= bodySize * 1.12 || (prev.bold && p.allBold);
      if (gap > size * (leading + 0.45)) breakHere = true;
      else if (headingLike) breakHere = false;
      else if (!hanging && indent > 0.8 * size && indent < 8 * size) {
        breakHere = true;
      } else if (!firstLine && prev.x1 < maxX1 - 4 * size && ENDS_SENTENCE.test(prev.text)) {
        breakHere = true;
      } else if (endedShort(prev, s, edge.get(prev) ?? 0)) {
        // The next line's first word would have fitted on this line: the line was ended on
        // purpose (a list of terms, an address), not wrapped.
        breakHere = true;
      } else if (
        firstLine &&
        REFERENCE_END.test(prev.text) &&
        REFERENCE_END.test(paras[paras.length - 2]?.text ?? '')
      ) {
        // A statute's index of terms ("balansvärde i 5 kap. 5 §"), one per line: a line that
        // ends in a section reference, after a one-line entry that did too, is an entry of its own.
        breakHere = paras[paras.length - 2]!.lines.length === 1;
      }
    }
    if (breakHere) {
      flushAsides();
      open(s);
    } else {
      p.lines.push(s);
      p.allBold &&= s.bold;
      p.text = joinLine(p.text, s.text);
      maxX1 = Math.max(maxX1, s.x1);
    }
  }
  flushAsides();
  return paras;
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
const SIGNING =
  /^(?:(?:\p{Lu}[\p{L}-]+ )?den \d{1,2} \p{Ll}+ \d{4}\.?|på regeringens vägnar|för \p{L}+(?: \p{L}+)?)$/iu;
/** A name as signed: two to five words, each capitalised or in capitals. */
const SIGNER = /^(?:\p{Lu}[\p{L}'’-]*\.?)(?:\s+(?:von |af |de |van )?\p{Lu}[\p{L}'’-]*\.?){1,4}$/u;

/**
 * The signers' names under "Stockholm den …" are set apart in italics or bold, which makes
 * them look like subheadings; they are the signature, read as text.
 */
function signaturesAreText(out: LaidOut[]): void {
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
  dropRunningText(pages);
  for (const p of pages) dropLetterFooter(p);
  // Cover labels ("Prop. 2022/23:102", "Utkom från trycket") sit on the first pages only.
  const ordered = pages.map((p, i) =>
    splitTables(p.page, i < COVER_PAGES ? splitLabelColumn(p.rows, p.width, p.height) : p.rows).flatMap(
      (part) => (Array.isArray(part) ? readingOrder(p.page, part, 0, p.width) : [part]),
    ),
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
  const out: LaidOut[] = [];
  for (const p of paras) {
    const first = p.lines[0]!;
    if (first.table) {
      out.push({ kind: 'table', text: p.text, page: p.page, rows: first.table });
      continue;
    }
    const text = p.text.replace(/\s?(?:\.\s?){4,}\s*(?=\d{1,4}$)/u, ' … ');
    const big = headingSizes.indexOf(first.size);
    const boldHeading =
      p.allBold &&
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
  for (const b of out) {
    if (b.rows)
      builder.addTable(
        b.rows.map((cells) => ({ header: false, cells })),
        b.page ?? null,
      );
    else builder.add(b.kind === 'heading' ? { ...b, level: used.indexOf(b.level ?? 1) + 1 } : b);
  }
}
