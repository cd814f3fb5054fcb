// Owns the stored index: which paragraphs it was built from (a content hash), and its file
// format — a header line, a term-dictionary line (sorted), a vocabulary line, the terms'
// backwards order, three lines of paragraph term codes (base64, see sequences.ts), two of the
// headings' term codes, the near-miss table (correction.ts), the words' analyses (analyses.ts),
// then one line of postings per field
// (postings.ts: typed arrays in base64, which load without a JS object per posting; an index of
// an older engine's export may still carry flexsearch chunks there, one per line).
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../storage/atomic-file';
import { analyzerSignature } from './analyzer';
import type { IndexData, ParagraphRecord } from './engine';
import type { TermIndexData } from './flex';

export const INDEX_FILE_NAME = 'search-index.ndjson';
const FORMAT = 7;

/** An index as stored: the engine's export and the postings of its fields (flex.ts). */
export type StoredIndex = IndexData & Pick<TermIndexData, 'postings'>;

const POSTINGS_KEY = 'postings.';

const PIECE = 16_384;

/** Record lists whose every field a shorter stamp determines (stampRecords). */
const stamps = new WeakMap<readonly ParagraphRecord[], string>();

/**
 * Says that `stamp` determines every field of `records`, in order (a collection's: each
 * document's id, title, designation and version determine its blocks), so contentHash hashes
 * the stamp instead of each record: 0.15–0.4 s of a start at regeringen.se scale.
 */
export function stampRecords(records: readonly ParagraphRecord[], stamp: string): void {
  stamps.set(records, stamp);
}

/** Changes whenever a paragraph, its place or the analysis changes. */
export function contentHash(records: readonly ParagraphRecord[]): string {
  const hash = createHash('sha256');
  hash.update(`lasaren-search:${FORMAT}:${analyzerSignature()}\n`);
  const stamp = stamps.get(records);
  if (stamp !== undefined) return hash.update(`\u0003${records.length}:${stamp}`).digest('hex');
  // Small records (a collection's: no text) are hashed in pieces of some 16,000 characters:
  // one update per record (192,000 at regeringen.se scale) cost more than the hashing. The
  // digest is the same either way.
  let piece = '';
  for (const r of records) {
    const line = `${r.documentId}\u0000${r.title}\u0000${r.paragraph}\u0000${r.heading ?? ''}\u0000${r.textKey === undefined ? r.text : `\u0002${r.textKey}`}\u0001`;
    if (line.length > PIECE) {
      hash.update(piece);
      hash.update(line);
      piece = '';
      continue;
    }
    piece += line;
    if (piece.length > PIECE) {
      hash.update(piece);
      piece = '';
    }
  }
  hash.update(piece);
  return hash.digest('hex');
}

interface Header {
  readonly format: number;
  readonly hash: string;
  readonly paragraphs: number;
}

export function serializeIndex(hash: string, paragraphs: number, data: StoredIndex): string {
  const header: Header = { format: FORMAT, hash, paragraphs };
  const lines = [
    JSON.stringify(header),
    JSON.stringify(data.terms),
    typeof data.vocabulary === 'string'
      ? data.vocabulary
      : typeof data.vocabulary === 'function'
        ? data.vocabulary()
        : JSON.stringify(data.vocabulary),
    data.reversedIds ?? '',
    data.tokenStarts ?? '',
    data.tokenCodes ?? '',
    data.termRanks ?? '',
    data.headingStarts ?? '',
    data.headingCodes ?? '',
    data.nearMisses ?? '[]',
    data.analyses ?? '',
  ];
  for (const [field, line] of data.postings ?? []) lines.push(`${POSTINGS_KEY}${field}\t${line}`);
  for (const [key, chunk] of data.entries) lines.push(`${key}\t${chunk}`);
  return lines.join('\n') + '\n';
}

/**
 * The file's lines as byte ranges, each decoded only when asked for: base64 lines as Latin-1
 * (a one-byte string, no UTF-8 decoding), the rest as UTF-8. Decoding the whole file at once
 * made one two-byte string of twice its size (a few terms are not Latin-1).
 */
class Lines {
  readonly #bytes: Buffer;
  readonly #starts: number[] = [0];

  constructor(bytes: Buffer) {
    this.#bytes = bytes;
    for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) this.#starts.push(at + 1);
    if (this.#starts.at(-1) !== bytes.length) this.#starts.push(bytes.length + 1);
  }

  get count(): number {
    return this.#starts.length - 1;
  }

  /** Line `i` (from 0), or its first `max` bytes. */
  line(i: number, encoding: 'utf8' | 'latin1' = 'utf8', max = Infinity): string {
    const start = this.#starts[i];
    const next = this.#starts[i + 1];
    if (start === undefined || next === undefined) throw new Error(`the index has no line ${i + 1}`);
    return this.#bytes.toString(encoding, start, Math.min(next - 1, start + max));
  }
}

const VOCABULARY_LINE = 2;
/** The line after the analyses: postings (or an older export's flexsearch chunks). */
const FIRST_CHUNK_LINE = 11;

/** The stored index when it exists and matches `hash`; null otherwise (then it is rebuilt). */
export async function readIndexFile(path: string, hash: string): Promise<StoredIndex | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return null;
  }
  try {
    const lines = new Lines(bytes);
    const header = JSON.parse(lines.line(0)) as Partial<Header>;
    if (header.format !== FORMAT || header.hash !== hash) return null;
    const terms = JSON.parse(lines.line(1)) as Array<[string, number]>;
    const vocabulary = storedVocabulary(path, hash);
    const base64 = (i: number) => lines.line(i, 'latin1');
    const entries: Array<[string, string]> = [];
    const postings: Array<[string, string]> = [];
    for (let i = FIRST_CHUNK_LINE; i < lines.count; i++) {
      const key = lines.line(i, 'latin1', 64);
      const tab = key.indexOf('\t');
      if (tab <= 0) continue;
      const whole = lines.line(i, key.startsWith(POSTINGS_KEY) ? 'latin1' : 'utf8');
      if (key.startsWith(POSTINGS_KEY))
        postings.push([key.slice(POSTINGS_KEY.length, tab), whole.slice(tab + 1)]);
      else entries.push([whole.slice(0, tab), whole.slice(tab + 1)]);
    }
    return {
      entries,
      terms,
      vocabulary,
      reversedIds: base64(3),
      tokenStarts: base64(4),
      tokenCodes: base64(5),
      termRanks: base64(6),
      headingStarts: base64(7),
      headingCodes: base64(8),
      nearMisses: lines.line(9),
      analyses: lines.line(10),
      postings,
    };
  } catch {
    return null;
  }
}

/**
 * The vocabulary, needed on the first spelling correction only, which most sessions never
 * make: read again from the file then (tens of megabytes for a large collection not held
 * meanwhile). Made here, not in readIndexFile: a closure there would keep the whole file's
 * bytes alive through the scope it shares with the line reader.
 */
function storedVocabulary(path: string, hash: string): () => string {
  return () => vocabularyLine(path, hash);
}

/**
 * The file's first `count` lines (and perhaps a little more), read synchronously no further:
 * the vocabulary ends 4.5 MB into regeringen.se's 47 MB index, and reading the whole file
 * was half of what a session's first misspelling waited.
 */
function readLines(path: string, count: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    let bytes = Buffer.alloc(1 << 20);
    let length = 0;
    for (let found = 0; found < count;) {
      if (length === bytes.length) {
        const larger = Buffer.alloc(bytes.length * 2);
        bytes.copy(larger, 0, 0, length);
        bytes = larger;
      }
      const read = readSync(fd, bytes, length, bytes.length - length, length);
      if (read === 0) break;
      for (let at = bytes.indexOf(10, length); at >= 0 && at < length + read; at = bytes.indexOf(10, at + 1))
        found++;
      length += read;
    }
    return bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** The vocabulary line of the stored index, read synchronously; "[]" if the file changed. */
function vocabularyLine(path: string, hash: string): string {
  try {
    const lines = new Lines(readLines(path, VOCABULARY_LINE + 1));
    const header = JSON.parse(lines.line(0)) as Partial<Header>;
    if (header.hash !== hash) return '[]';
    return lines.line(VOCABULARY_LINE);
  } catch {
    return '[]';
  }
}

export async function writeIndexFile(
  path: string,
  hash: string,
  paragraphs: number,
  data: StoredIndex,
): Promise<void> {
  await writeFileAtomic(path, serializeIndex(hash, paragraphs, data));
}
