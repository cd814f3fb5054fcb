// Owns plain-text files: decoding (UTF-8, UTF-16 with a byte-order mark, otherwise the
// encoding chardet finds, Windows-1252 for old Swedish files), form feeds as page breaks,
// paragraphs on blank lines, and headings only where they are unmistakable (a short line
// alone, numbered or in capitals, followed by text).
import chardet from 'chardet';
import type { ParsedDocument } from '../../shared/documents/model';
import { DocumentBuilder, type BlockInput } from './import-model';
import { formItems, memoHeader } from './import-text-layout';
import { ImportFailure, problems } from './limits';

const FATAL = { fatal: true } as const;

/** Decodes text bytes: BOM first, then strict UTF-8, then chardet's guess among 8-bit sets. */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (declared) {
    try {
      return new TextDecoder(declared, FATAL).decode(bytes);
    } catch {
      // A wrong declaration is common; fall through to detection.
    }
  }
  try {
    return new TextDecoder('utf-8', FATAL).decode(bytes);
  } catch {
    // Not UTF-8: an 8-bit code page.
  }
  const guess = chardet.detect(bytes.subarray(0, 256 * 1024));
  // chardet says ISO-8859-1 for most Swedish Windows files; Windows-1252 is its superset.
  const label = !guess || /^ISO-8859-1$|^windows-1252$|^ASCII$/i.test(guess) ? 'windows-1252' : guess;
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Whether the bytes look like text at all (no NUL bytes outside UTF-16). */
export function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control <= sample.length * 0.01;
}

const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+\p{Lu}[^.!?]{0,100}$/u;
const CHAPTER = /^(\d{1,2}\s+kap\.|kapitel\s+\d+|bilaga\s+\d+|avdelning\s+[ivx\d]+)\b.{0,100}$/iu;

function headingLevel(block: string, next: string | undefined): number | null {
  if (block.includes('\n') || block.length > 110 || next === undefined) return null;
  if (/[.,;:]$/.test(block)) return null;
  const numbered = NUMBERED_HEADING.exec(block);
  if (numbered) return Math.min(6, numbered[1]!.split('.').length);
  if (CHAPTER.test(block)) return 1;
  const letters = block.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 4 && letters === letters.toUpperCase()) return 1;
  return null;
}

/**
 * A memo's section title ("Abstract", "Status of This Memo"): a short line at the margin over
 * text that is indented as a block, as RFCs and many plain-text reports set their sections.
 */
function sectionTitle(chunk: string, next: string | undefined): number | null {
  if (next === undefined || chunk.includes('\n') || /^\s/.test(chunk)) return null;
  const line = chunk.trim();
  if (line.length > 60 || !/^\p{Lu}/u.test(line) || /[.,;:!?]$/.test(line)) return null;
  const body = next.split('\n').filter((l) => l.trim() !== '');
  return body.length > 0 && body.every((l) => /^\s{2,}\S/.test(l)) ? 1 : null;
}

const PAGE_NUMBER =
  /^\s*(?:(?:sid(?:a|an)?|page)\s*)?[-–([]?\s*\d{1,4}\s*[-–)\]]?(?:\s*(?:\(\d{1,4}\)|(?:av|of|\/)\s*\d{1,4}))?\s*$/i;
const CONTENTS_HEADING = /^(?:innehåll|innehållsförteckning|table of contents|contents)$/iu;
/** A contents line: dot leaders or a wide gap, then the page number. */
const CONTENTS_LINE = /(?:(?:\.\s?){3,}|\s{3,})\d{1,4}\s*$/u;

/** A chunk that is a table of contents: most of its lines end in leaders and a page number. */
function isContents(chunk: string): boolean {
  const lines = chunk.split('\n').filter((l) => l.trim() !== '');
  const entries = lines.filter((l) => CONTENTS_LINE.test(l)).length;
  return lines.length >= 3 && entries >= lines.length * 0.6;
}
const marginKey = (line: string): string => line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, '');

/** Drops running headers, footers and page numbers: lines at a page's edges that repeat. */
function dropRunningLines(pages: string[]): string[] {
  if (pages.length < 3) return pages;
  const edges = (lines: string[]): number[] => {
    const idx = lines.flatMap((l, i) => (l.trim() === '' ? [] : [i]));
    return [...new Set([...idx.slice(0, 4), ...idx.slice(-3)])].filter((i) => lines[i]!.trim().length <= 90);
  };
  const split = pages.map((p) => p.split('\n'));
  const counts = new Map<string, number>();
  for (const lines of split) {
    for (const key of new Set(edges(lines).map((i) => marginKey(lines[i]!))))
      counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const min = Math.max(3, Math.ceil(pages.length * 0.2));
  return split.map((lines) => {
    const drop = new Set(
      edges(lines).filter((i) => {
        const key = marginKey(lines[i]!);
        return (
          PAGE_NUMBER.test(lines[i]!) || (!/^[^#\w]*#[^#\w]*$/.test(key) && (counts.get(key) ?? 0) >= min)
        );
      }),
    );
    return lines.map((l, i) => (drop.has(i) ? '' : l)).join('\n');
  });
}

/** A list item's first line inside a paragraph: its number or dash, then a tab ("1.\tsvår …"). */
const ITEM_LINE = /^\s*(\d{1,2}[.)]|[a-z]\)|[-–•*])\t\s*(?=\S)/u;

/**
 * Splits a chunk whose lines start list items ("1.\t…", "2.\t…", as text copied out of a
 * PDF keeps them) into the paragraph before, the items (a line that does not start one runs
 * on in the item before) and a paragraph after, where a line starts a new sentence after an
 * item that ended one.
 */
function listParts(chunk: string): BlockInput[] {
  const lines = chunk.split('\n');
  if (lines.filter((l) => ITEM_LINE.test(l)).length < 2) return [{ kind: 'paragraph', text: chunk }];
  const out: BlockInput[] = [];
  let cur: { kind: 'paragraph' | 'list-item'; text: string; marker?: string } | null = null;
  const flush = (): void => {
    if (cur)
      out.push({ kind: cur.kind, text: cur.text, ...(cur.marker ? { marker: cur.marker, level: 1 } : {}) });
    cur = null;
  };
  for (const line of lines) {
    const item = ITEM_LINE.exec(line);
    const c = cur as { kind: 'paragraph' | 'list-item'; text: string } | null;
    if (item) {
      flush();
      cur = { kind: 'list-item', text: line.slice(item[0].length), marker: item[1]! };
    } else if (c && c.kind === 'list-item' && /[.!?]$/.test(c.text.trim()) && /^\s*\p{Lu}/u.test(line)) {
      flush();
      cur = { kind: 'paragraph', text: line };
    } else if (c) c.text += `\n${line}`;
    else cur = { kind: 'paragraph', text: line };
  }
  flush();
  return out;
}

/** Parses a text file; `markdown`-free: every line is literal. */
export function parseTextString(source: string): ParsedDocument {
  const builder = new DocumentBuilder();
  // Symbol and Wingdings glyphs copied out of a PDF form: bullets, and boxes to tick.
  const glyphs = source.replace(/[\uf0a7\uf0b7]/g, '•').replace(/[\uf020-\uf0ff]/g, '☐');
  const pages = dropRunningLines(glyphs.replace(/\r\n?/g, '\n').split('\f'));
  const paged = pages.length > 1;
  let title: string | undefined;
  pages.forEach((pageText, i) => {
    const page = paged ? i + 1 : null;
    const chunks = pageText
      .split(/\n[ \t]*\n/)
      .map((c) => c.replace(/^\s*\n|\s+$/g, ''))
      .filter((c) => c.trim() !== '');
    const header = i === 0 ? memoHeader(chunks) : null;
    for (const item of header?.items ?? []) {
      if (item.kind === 'title') {
        builder.add({ kind: 'title', text: item.text, page });
        title ??= item.text;
      } else if (item.kind === 'table')
        builder.addTable(
          item.rows.map((cells) => ({ header: false, cells })),
          page,
        );
    }
    const items = formItems(header ? chunks.slice(header.used) : chunks);
    const textAt = (j: number): string | undefined => {
      const it = items[j];
      return it === undefined ? undefined : it.kind === 'table' ? it.rows.flat().join(' ') : it.text;
    };
    items.forEach((it, j) => {
      if (it.kind === 'table') {
        builder.addTable(
          it.rows.map((cells) => ({ header: false, cells })),
          page,
        );
        return;
      }
      if (it.kind === 'box') {
        builder.add({ kind: 'list-item', text: it.text, marker: '☐', level: 1, page });
        return;
      }
      if (it.kind === 'title') {
        builder.add({ kind: 'title', text: it.text, page });
        return;
      }
      const whole = it.text;
      const next = textAt(j + 1);
      // The reader's outline replaces a table of contents; its heading goes with it.
      if (CONTENTS_HEADING.test(whole.trim()) && next !== undefined && isContents(next)) return;
      if (isContents(whole)) return;
      // Check boxes and rules of a form (symbol-font glyphs) with no words: nothing to read.
      if (!/[\p{L}\p{N}]/u.test(whole)) return;
      // A short line over a "3 §" paragraph in the same chunk is that section's heading.
      let chunk = whole;
      const lead = /^([^\n]{2,70})\n(?=\s*\d+\s?[a-z]?\s?§)/u.exec(whole);
      if (lead && /^\p{Lu}/u.test(lead[1]!.trim()) && !/[.,;:]$/.test(lead[1]!.trim())) {
        builder.add({ kind: 'heading', text: lead[1]!.trim(), level: 2, page });
        chunk = whole.slice(lead[0].length);
      }
      const flat = chunk.trim();
      const level = headingLevel(flat, next ?? pages[i + 1]) ?? sectionTitle(chunk, next);
      if (level !== null) {
        builder.add({ kind: 'heading', text: flat, level, page });
        return;
      }
      const item = /^\s*([-*•–]|\d{1,2}[.)]|[a-z]\))\s+(?=\S)/u.exec(chunk);
      if (item && !chunk.includes('\n')) {
        builder.add({
          kind: 'list-item',
          text: chunk.slice(item[0].length),
          marker: item[1]!,
          level: 1,
          page,
        });
        return;
      }
      // Lines indented as a block, or ASCII tables, keep their line breaks.
      const preformatted =
        /\n {4,}\S/.test(chunk) && chunk.split('\n').every((l) => l.length < 100) && /\S {3,}\S/.test(chunk);
      if (preformatted) builder.add({ kind: 'code', text: chunk.replace(/\s+$/, ''), page });
      else for (const part of listParts(chunk)) builder.add({ ...part, page });
      title ??= flat.length <= 160 && !flat.includes('\n') ? flat : undefined;
    });
  });
  if (builder.blockCount === 0) throw new ImportFailure(problems.empty());
  const built = builder.build({});
  const first = built.blocks.find((b) => b.kind === 'title') ?? built.blocks[0];
  const meta = first && first.kind !== 'table' && first.text.length <= 160 ? { title: first.text } : {};
  return builder.build(meta, paged ? pages.length : null);
}

export function parseText(bytes: Uint8Array): ParsedDocument {
  if (!looksLikeText(bytes)) throw new ImportFailure(problems.corrupt('text'));
  return parseTextString(decodeText(bytes));
}
