// Owns turning a document's source text into blocks (title, headings, numbered paragraphs)
// without changing a single character: every block's text is an exact slice of the source.
import type { Block, LinkSpan } from '../../shared/model';

/** A line break as written: CRLF, LF or a lone CR (documents come from many editors). */
const LINE_BREAK = /\r\n|\n|\r/g;
const HEADING_MARKER = /^(#{1,6})[ \t]+/;
/** A first block this short, on one line, followed by more text, reads as the title. */
const MAX_STANDALONE_TITLE = 160;

interface Chunk {
  readonly start: number;
  readonly end: number;
}

/** Splits the source on blank lines (lines holding only spaces or tabs); trims edge whitespace. */
function splitChunks(source: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = -1;
  let lineStart = 0;
  const lineEnds: Array<[number, number]> = [];
  for (const m of source.matchAll(LINE_BREAK)) {
    lineEnds.push([lineStart, m.index]);
    lineStart = m.index + m[0].length;
  }
  lineEnds.push([lineStart, source.length]);

  let lastContentEnd = 0;
  for (const [from, to] of lineEnds) {
    const blank = source.slice(from, to).trim() === '';
    if (blank) {
      if (chunkStart >= 0) chunks.push({ start: chunkStart, end: lastContentEnd });
      chunkStart = -1;
      continue;
    }
    if (chunkStart < 0) chunkStart = from;
    lastContentEnd = to;
  }
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: lastContentEnd });
  return chunks.map((c) => trimChunk(source, c));
}

function trimChunk(source: string, { start, end }: Chunk): Chunk {
  while (start < end && /\s/.test(source[start] ?? '')) start++;
  while (end > start && /\s/.test(source[end - 1] ?? '')) end--;
  return { start, end };
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"”“‘’]+/giu;
const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}»]+$/u;

function trimUrl(url: string): string {
  let trimmed = url.replace(TRAILING_PUNCTUATION, '');
  // Keep a closing parenthesis that balances one inside the URL (Wikipedia-style links).
  const opens = (trimmed.match(/\(/g) ?? []).length;
  const closes = (trimmed.match(/\)/g) ?? []).length;
  if (opens > closes && url.length > trimmed.length && url[trimmed.length] === ')') {
    trimmed = url.slice(0, trimmed.length + 1);
  }
  return trimmed;
}

/** Finds web addresses and e-mail addresses; offsets are into `text`. */
export function findLinks(text: string): LinkSpan[] {
  const links: LinkSpan[] = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(m[0]);
    links.push({ start: m.index, end: m.index + url.length, href: url });
  }
  for (const m of text.matchAll(EMAIL_PATTERN)) {
    const address = m[0].replace(/\.+$/, '');
    const start = m.index;
    const end = start + address.length;
    if (links.some((l) => start < l.end && end > l.start)) continue;
    links.push({ start, end, href: `mailto:${address}` });
  }
  return links.sort((a, b) => a.start - b.start);
}

/** Parses a document's source into blocks. Pure; the same input always gives the same numbers. */
export function parseDocument(source: string): Block[] {
  const chunks = splitChunks(source).filter((c) => c.end > c.start);
  const blocks: Block[] = [];
  let paragraph = 0;
  chunks.forEach((chunk, index) => {
    const raw = source.slice(chunk.start, chunk.end);
    const marker = HEADING_MARKER.exec(raw);
    if (marker) {
      const start = chunk.start + marker[0].length;
      const text = source.slice(start, chunk.end);
      const base = { text, start, end: chunk.end, links: findLinks(text) };
      blocks.push(
        index === 0
          ? { kind: 'title', ...base }
          : { kind: 'heading', level: marker[1]?.length ?? 1, ...base },
      );
      return;
    }
    const base = { text: raw, start: chunk.start, end: chunk.end, links: findLinks(raw) };
    const standsAlone =
      index === 0 && chunks.length > 1 && raw.length <= MAX_STANDALONE_TITLE && !/[\r\n]/.test(raw);
    if (standsAlone) {
      blocks.push({ kind: 'title', ...base });
      return;
    }
    paragraph += 1;
    blocks.push({ kind: 'paragraph', paragraph, ...base });
  });
  return blocks;
}
