// Owns reading a PDF's text layer with Mozilla's pdf.js (legacy build, which runs in Node):
// positioned text runs per page, font weight from the font names, the document info as
// metadata, and the failures a person must hear about (password to open, no text layer,
// damaged file). Layout (reading order, paragraphs, headings) is pdf-lines/pdf-blocks.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ParsedDocument } from '../../shared/documents/model';
import { layoutPages, type PageRows } from '../imports/pdf-blocks';
import { buildRows, type Run } from '../imports/pdf-lines';
import { DocumentBuilder } from './import-model';
import { ImportFailure, problems } from './limits';

type PdfJs = typeof PdfJsModule;
type PdfTask = ReturnType<PdfJs['getDocument']>;

let pdfjs: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

function assetUrl(folder: string): string {
  const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return pathToFileURL(join(dirname(pkg), folder) + '/').href;
}

const BOLD_NAME = /bold|black|heavy|semibold|demibold|extrabold|[-,]bd\b|_bd\b|fet/i;
const ITALIC_NAME = /italic|oblique|kursiv|[-,]it\b/i;
/** Fonts are shared by the pages; we learn a font's weight from at most this many pages. */
const FONT_PROBE_PAGES = 6;
const FONT_SAMPLE_CHARS = 4000;
/** Ligatures, spaces of other widths and private-use bullets: the characters worth folding. */
const FOLD = /[\u00a0\u2000-\u200a\u202f\ufb00-\ufb06\uf0b7\uf0a7]/;

/** "ﬁ" → "fi", thin and no-break spaces → space, Symbol-font bullets → "•". */
export function foldText(s: string): string {
  if (!FOLD.test(s)) return s;
  return s
    .replace(/\uf0b7|\uf0a7/g, '•')
    .replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ')
    .normalize('NFKC');
}

interface PdfTextItem {
  readonly str: string;
  readonly transform: number[];
  readonly width: number;
  readonly height: number;
  readonly fontName: string;
}

/** 0, 1, 2 or 3 quarter turns counter-clockwise of a run's baseline. */
function quarterOf(a: number, b: number): number {
  return (Math.round(Math.atan2(b, a) / (Math.PI / 2)) + 4) % 4;
}

/** The direction most of a page's text runs in (a scanned page is often turned). */
function dominantQuarter(items: readonly PdfTextItem[]): number {
  const weight = [0, 0, 0, 0];
  for (const it of items) weight[quarterOf(it.transform[0]!, it.transform[1]!)]! += it.str.length;
  return weight.indexOf(Math.max(...weight));
}

/** Turns page coordinates so that text of the given direction runs left to right. */
function rotation(quarter: number): (x: number, y: number) => [number, number] {
  if (quarter === 1) return (x, y) => [y, -x];
  if (quarter === 2) return (x, y) => [-x, -y];
  if (quarter === 3) return (x, y) => [-y, x];
  return (x, y) => [x, y];
}

/** Codes of the shifted subset fonts that are not code + 29: the Swedish letters seen so far. */
const SHIFTED_EXTRA: Record<string, string> = { '\u006c': 'ä', '\u006e': 'å', '\u007c': 'ö' };

export function unshift(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    // pdf.js puts real spaces between runs; those stay spaces.
    if (code >= 0x01 && code <= 0x5d && code !== 0x20) out += String.fromCharCode(code + 29);
    else out += SHIFTED_EXTRA[ch] ?? ch;
  }
  return out;
}

/** Fonts whose text has the glyph-order space (U+0003) between words and reads as words shifted. */
function shiftedFonts(fontText: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  for (const [font, text] of fontText) {
    if (text.split('\u0003').length < 3) continue;
    const letters = unshift(text).replace(/[^A-Za-zåäö]/g, '');
    const lower = letters.replace(/[^a-zåäö]/g, '').length;
    if (letters.length >= 6 && lower / letters.length > 0.6) out.add(font);
  }
  return out;
}

export interface PdfProgress {
  (page: number, pages: number): void;
}

/** PDF date "D:20230330104325+02'00'" → "2023-03-30". */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (Number(y) < 1980 || Number(y) > 2100) return null;
  if (!mo) return y!;
  return d ? `${y}-${mo}-${d}` : `${y}-${mo}`;
}

/** Titles that are a word processor's file name, not a title ("Microsoft Word - PROPGR~1.DOC"). */
export function cleanPdfTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let t = value.replace(/^Microsoft (?:Word|PowerPoint) - /i, '').trim();
  if (/\.(?:docx?|indd|rtf|odt|pdf|qxp|pub|tmp)(?:\.\w+)*$/i.test(t)) {
    t = t.replace(/(?:\.(?:docx?|indd|rtf|odt|pdf|qxp|pub|tmp))+$/i, '').trim();
    if (/~\d|^[\w-]{1,12}$/.test(t) || !/\s/.test(t)) return null;
  }
  t = t.replace(/\s+/g, ' ');
  // A designation spelt as in a file name ("Prop 2014_15_81") reads as people cite it.
  const dot = (kind: string): string => (/^(?:sou|ds)$/i.test(kind) ? kind : `${kind}.`);
  t = t
    .replace(
      /^(prop|bet|skr|rskr)\.?[ _](\d{4})_(\d{2})_(\d+)\b/iu,
      (_, kind: string, y1: string, y2: string, n: string) => `${dot(kind)} ${y1}/${y2}:${n}`,
    )
    .replace(
      /^(dir|sou|ds)\.?[ _](\d{4})_(\d+)\b/iu,
      (_, kind: string, y: string, n: string) => `${dot(kind)} ${y}:${n}`,
    );
  return t.length >= 3 && /\p{L}/u.test(t) ? t : null;
}

/** A series' masthead over the title on a statute's first page ("Svensk författningssamling"). */
const MASTHEAD = /författningssamling(?:en)?$/iu;

/**
 * Without a title in the document info, the title is the first heading of the first page,
 * passing over a series' masthead set above it.
 */
export function coverTitle(doc: ParsedDocument): string | undefined {
  const headings = doc.blocks.filter((b) => b.kind === 'heading' && b.page === 1 && b.text.length <= 200);
  return headings.find((h) => !MASTHEAD.test(h.text))?.text;
}

function cleanAuthor(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const a = value.replace(/\s+/g, ' ').trim();
  // Login names ("BGN0205") say nothing to a reader.
  if (a === '' || /^[A-Za-z]{2,5}\d{2,}$/.test(a)) return null;
  return a;
}

function start(lib: PdfJs, bytes: Uint8Array): PdfTask {
  return lib.getDocument({
    data: bytes,
    disableFontFace: true,
    useSystemFonts: false,
    fontExtraProperties: true,
    stopAtErrors: false,
    verbosity: 0,
    // Nothing is drawn: no canvases, no image decoding.
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    standardFontDataUrl: assetUrl('standard_fonts'),
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
  });
}

async function open(task: PdfTask): Promise<Awaited<PdfTask['promise']>> {
  try {
    return await task.promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new ImportFailure(problems.encrypted());
    throw new ImportFailure(problems.corrupt('PDF'));
  }
}

/** Parses a PDF's text layer into the document model. */
export async function parsePdf(bytes: Uint8Array, onProgress?: PdfProgress): Promise<ParsedDocument> {
  // A download cut short has no end-of-file marker; pdf.js would read what is there and a
  // part of the document would be imported as if it were all of it.
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 4096)));
  if (!tail.includes('%%EOF')) throw new ImportFailure(problems.corrupt('PDF'));
  const lib = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given.
  const task = start(lib, bytes.slice());
  try {
    const doc = await open(task);
    const fonts = new Map<string, { bold: boolean; italic: boolean }>();
    let probes = 0;
    const pages: PageRows[] = [];
    const pending: Array<{
      page: number;
      width: number;
      height: number;
      runs: Array<{ run: Run; font: string }>;
    }> = [];
    // Some old Distiller files embed subset fonts whose codes are the glyph order (space = 3):
    // their text comes out shifted ("GHOV" for "dels"). Text per font tells them apart.
    const fontText = new Map<string, string>();
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      // pdf.js's own normalisation runs on every string; we fold the few characters that
      // matter (ligatures, odd spaces) ourselves, on the strings that have them.
      const content = await page.getTextContent({ disableNormalization: true });
      const unknown = content.items.some((it) => 'fontName' in it && !fonts.has(it.fontName));
      if (unknown && probes < FONT_PROBE_PAGES) {
        probes++;
        // The font objects (with their PostScript names) reach us only through an operator list.
        await page.getOperatorList();
        for (const it of content.items) {
          if (!('fontName' in it) || fonts.has(it.fontName)) continue;
          const font = page.commonObjs.has(it.fontName)
            ? (page.commonObjs.get(it.fontName) as { name?: unknown })
            : null;
          const name = typeof font?.name === 'string' ? font.name : '';
          fonts.set(it.fontName, { bold: BOLD_NAME.test(name), italic: ITALIC_NAME.test(name) });
        }
      }
      const items = content.items.filter((it) => 'str' in it && it.str !== '') as PdfTextItem[];
      const quarter = dominantQuarter(items);
      const rotate = rotation(quarter);
      const corners = [rotate(x0, y0), rotate(x1, y1)];
      const left = Math.min(corners[0]![0], corners[1]![0]);
      const bottom = Math.min(corners[0]![1], corners[1]![1]);
      const runs: Run[] = [];
      const fontOf = new Map<number, string>();
      for (const it of items) {
        const [a, b, c, d, e, f] = it.transform as [number, number, number, number, number, number];
        // Text at another angle than the page's own (margin labels, stamps) is not part of the flow.
        if (quarterOf(a, b) !== quarter) continue;
        const [x, y] = rotate(e, f);
        const seen = fontText.get(it.fontName) ?? '';
        // A sample per font is enough to tell a shifted font; the whole text would be megabytes.
        if (seen.length < FONT_SAMPLE_CHARS) fontText.set(it.fontName, seen + it.str.slice(0, 200));
        fontOf.set(runs.length, it.fontName);
        runs.push({
          str: foldText(it.str),
          x: x - left,
          y: y - bottom,
          width: it.width > 0 ? it.width : Math.abs(it.height),
          size: Math.hypot(c, d),
          bold: fonts.get(it.fontName)?.bold ?? false,
          italic: fonts.get(it.fontName)?.italic ?? false,
        });
        chars += it.str.trim().length;
      }
      const swapped = quarter % 2 !== 0;
      pending.push({
        page: n,
        width: swapped ? y1 - y0 : x1 - x0,
        height: swapped ? x1 - x0 : y1 - y0,
        runs: runs.map((r, i) => ({ run: r, font: fontOf.get(i) ?? '' })),
      });
      page.cleanup();
      onProgress?.(n, doc.numPages);
    }
    if (chars < doc.numPages * 10) throw new ImportFailure(problems.noText());
    const shifted = shiftedFonts(fontText);
    for (const p of pending) {
      const runs = p.runs.map(({ run, font }) =>
        shifted.has(font) ? { ...run, str: unshift(run.str) } : run,
      );
      pages.push({ page: p.page, width: p.width, height: p.height, rows: buildRows(runs) });
    }
    const builder = new DocumentBuilder();
    layoutPages(pages, builder);
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as {
      info: Record<string, unknown>;
    };
    const language = typeof info.Language === 'string' ? info.Language.slice(0, 2).toLowerCase() : undefined;
    const published = pdfDate(info.CreationDate) ?? pdfDate(info.ModDate);
    const meta: ParsedDocument['meta'] = {
      ...(cleanPdfTitle(info.Title) ? { title: cleanPdfTitle(info.Title)! } : {}),
      ...(cleanAuthor(info.Author) ? { author: cleanAuthor(info.Author)! } : {}),
      // The file's own date: when it was made, else when it was last changed.
      ...(published ? { published } : {}),
      ...(language && /^[a-z]{2}$/.test(language) ? { language } : {}),
    };
    const parsed = builder.build(meta, doc.numPages);
    const cover = meta.title ? undefined : coverTitle(parsed);
    return cover ? { ...parsed, meta: { ...meta, title: cover } } : parsed;
  } finally {
    await task.destroy();
  }
}
