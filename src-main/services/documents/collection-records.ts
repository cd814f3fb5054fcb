// Owns a collection's stored searchable blocks, `collection-records.ndjson`: a header line, the
// documents' ids, versions and the distinct headings as JSON lines, then columns in base64
// (where each document's blocks start, each block's number, heading and text offset), then
// every block's text, UTF-8, back to back. A start reads the lines before the texts (a few
// megabytes, no JS object per block) and holds the blocks in typed arrays; a text is read from
// the file only when a hit shows it or an index is built (45 MB at regeringen.se scale).
import { closeSync, fstatSync, openSync, read as readAsync, readSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../storage/atomic-file';

export const COLLECTION_RECORDS_FILE = 'collection-records.ndjson';
const FORMAT = 5;

/** A block as parsed: its number, the heading it stands under, its text. */
export type BlockText = readonly [number, string | null, string];

/** Closes a records file's descriptor once nothing reads from it any more. */
const closing = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/**
 * The text part of one records file, open for reading. The descriptor stays open while
 * records point into it: a newer records file written meanwhile (renamed over this one) does
 * not change what they read. Soon after opening, the whole text part is read into memory off
 * the event loop (45 MB at regeringen.se scale, outside the JS heap): a search shows some 25
 * hits, and a read from the file per hit cost a quarter of a one-word search's time.
 */
class TextFile {
  readonly #fd: number;
  readonly #base: number;
  #bytes: Buffer | null = null;
  #loading: Promise<void> | null = null;

  constructor(fd: number, base: number) {
    this.#fd = fd;
    this.#base = base;
    closing.register(this, fd, this);
  }

  /** Reads the text part into memory in the background (once); reads go to the file until it is in. */
  load(): Promise<void> {
    this.#loading ??= new Promise<void>((resolve) => {
      let length: number;
      try {
        length = fstatSync(this.#fd).size - this.#base;
      } catch {
        resolve();
        return;
      }
      const bytes = Buffer.allocUnsafe(Math.max(0, length));
      const next = (done: number): void => {
        if (done >= length) {
          this.#bytes = bytes;
          resolve();
          return;
        }
        readAsync(this.#fd, bytes, done, length - done, this.#base + done, (error, read) => {
          // Unreadable or cut short: reads keep going to the file, which answers what it can.
          if (error || read === 0) resolve();
          else next(done + read);
        });
      };
      next(0);
    });
    return this.#loading;
  }

  read(start: number, end: number): string {
    const held = this.#bytes;
    if (held) return held.toString('utf8', start, end);
    const bytes = Buffer.allocUnsafe(end - start);
    try {
      readSync(this.#fd, bytes, 0, bytes.length, this.#base + start);
    } catch {
      return ''; // unreadable: the block cannot match, nothing else breaks
    }
    return bytes.toString('utf8');
  }
}

const encode = (a: Int32Array | Float64Array): string =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function decode<T extends Int32Array | Float64Array>(
  base64: string,
  Type: { new (b: ArrayBuffer, o: number, n: number): T; BYTES_PER_ELEMENT: number },
): T {
  const bytes = Buffer.from(base64, 'base64');
  // A typed array needs an offset aligned to its element size: copy when the pool's is not.
  const aligned = bytes.byteOffset % Type.BYTES_PER_ELEMENT === 0 ? bytes : Buffer.from(bytes);
  const buffer = aligned.buffer as ArrayBuffer;
  return new Type(buffer, aligned.byteOffset, Math.floor(aligned.byteLength / Type.BYTES_PER_ELEMENT));
}

/** The stored blocks of the documents whose version matched, in typed arrays. */
export class StoredRecords {
  readonly #file: TextFile;
  /** Document id → its position in the file (matching version only). */
  readonly #docs: Map<string, number>;
  readonly #headings: readonly string[];
  readonly #docStarts: Int32Array;
  readonly #numbers: Int32Array;
  readonly #headingIds: Int32Array;
  readonly #offsets: Float64Array;

  constructor(
    file: TextFile,
    docs: Map<string, number>,
    headings: readonly string[],
    columns: { docStarts: Int32Array; numbers: Int32Array; headingIds: Int32Array; offsets: Float64Array },
  ) {
    this.#file = file;
    this.#docs = docs;
    this.#headings = headings;
    this.#docStarts = columns.docStarts;
    this.#numbers = columns.numbers;
    this.#headingIds = columns.headingIds;
    this.#offsets = columns.offsets;
  }

  get size(): number {
    return this.#docs.size;
  }

  /** The document's position in this file, or -1 when it holds none of its version. */
  doc(id: string): number {
    return this.#docs.get(id) ?? -1;
  }

  /** Where a document's blocks start (its blocks are [first(doc), first(doc + 1))). */
  first(doc: number): number {
    return this.#docStarts[doc] as number;
  }

  /** The document's blocks [from, to) in this file, or null when it holds none of its version. */
  range(id: string): readonly [number, number] | null {
    const doc = this.doc(id);
    return doc < 0 ? null : [this.first(doc), this.first(doc + 1)];
  }

  number(block: number): number {
    return this.#numbers[block] as number;
  }

  heading(block: number): string | null {
    return this.#headings[this.#headingIds[block] as number] ?? null;
  }

  /** Holds every text in memory from when this resolves (see TextFile.load). */
  loadTexts(): Promise<void> {
    return this.#file.load();
  }

  text(block: number): string {
    return this.#file.read(this.#offsets[block] as number, this.#offsets[block + 1] as number);
  }

  /** One document's blocks with their texts (read now): for writing a new records file. */
  blocks(id: string): BlockText[] | null {
    const range = this.range(id);
    if (!range) return null;
    const out: BlockText[] = [];
    for (let k = range[0]; k < range[1]; k++) out.push([this.number(k), this.heading(k), this.text(k)]);
    return out;
  }
}

/**
 * Writes the records of `documents` (in that order; a document without blocks is left out,
 * then parsed again when needed). Texts are written as given, UTF-8.
 */
export async function writeRecordsFile(
  dir: string,
  key: string,
  documents: ReadonlyArray<{ readonly id: string; readonly version: string }>,
  blocksOf: (id: string) => readonly BlockText[] | null,
): Promise<void> {
  const ids: string[] = [];
  const versions: string[] = [];
  const headingIds = new Map<string, number>();
  const starts: number[] = [0];
  const numbers: number[] = [];
  const headings: number[] = [];
  const offsets: number[] = [0];
  const texts: Buffer[] = [];
  let at = 0;
  for (const d of documents) {
    const blocks = blocksOf(d.id);
    if (!blocks) continue;
    ids.push(d.id);
    versions.push(d.version);
    for (const [n, heading, text] of blocks) {
      numbers.push(n);
      let h = -1;
      if (heading !== null) {
        h = headingIds.get(heading) ?? headingIds.size;
        headingIds.set(heading, h);
      }
      headings.push(h);
      const bytes = Buffer.from(text, 'utf8');
      texts.push(bytes);
      at += bytes.length;
      offsets.push(at);
    }
    starts.push(numbers.length);
  }
  const body = [
    JSON.stringify(ids),
    JSON.stringify(versions),
    JSON.stringify([...headingIds.keys()]),
    encode(Int32Array.from(starts)),
    encode(Int32Array.from(numbers)),
    encode(Int32Array.from(headings)),
    encode(Float64Array.from(offsets)),
  ]
    .map((line) => line + '\n')
    .join('');
  const bodyBytes = Buffer.from(body, 'utf8');
  // The header says where the texts start, which depends on its own length: settle it.
  const headerOf = (texts: number) => JSON.stringify({ format: FORMAT, key, texts });
  let textsAt = bodyBytes.length;
  while (Buffer.byteLength(headerOf(textsAt)) + 1 + bodyBytes.length !== textsAt)
    textsAt = Buffer.byteLength(headerOf(textsAt)) + 1 + bodyBytes.length;
  await writeFileAtomic(
    join(dir, COLLECTION_RECORDS_FILE),
    Buffer.concat([Buffer.from(headerOf(textsAt) + '\n', 'utf8'), bodyBytes, ...texts]),
  );
}

/** Reads `length` bytes at `position` (fewer at the end of the file). */
function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return bytes.subarray(0, done);
}

/**
 * The stored blocks of the documents in `wanted` (id → version) whose stored version matches;
 * null when the file is missing, of another key or format, or broken (the caller then parses
 * what it needs). Only the lines before the texts are read.
 */
export function readRecordsFile(
  dir: string,
  key: string,
  wanted: ReadonlyMap<string, string>,
): StoredRecords | null {
  let fd: number;
  try {
    // A plain descriptor, not a FileHandle: it outlives this call (see TextFile).
    fd = openSync(join(dir, COLLECTION_RECORDS_FILE), 'r');
  } catch {
    return null;
  }
  try {
    const first = readAt(fd, 0, 4096).toString('utf8');
    const headerEnd = first.indexOf('\n');
    const header = JSON.parse(first.slice(0, headerEnd)) as { format?: number; key?: string; texts?: number };
    if (header.format !== FORMAT || header.key !== key || typeof header.texts !== 'number')
      throw new Error('another records file');
    const start = Buffer.byteLength(first.slice(0, headerEnd + 1));
    const lines = readAt(fd, start, header.texts - start)
      .toString('utf8')
      .split('\n');
    const ids = JSON.parse(lines[0] ?? '') as string[];
    const versions = JSON.parse(lines[1] ?? '') as string[];
    const headings = JSON.parse(lines[2] ?? '') as string[];
    const docStarts = decode(lines[3] ?? '', Int32Array);
    const numbers = decode(lines[4] ?? '', Int32Array);
    const headingIds = decode(lines[5] ?? '', Int32Array);
    const offsets = decode(lines[6] ?? '', Float64Array);
    const blocks = numbers.length;
    const fits =
      Array.isArray(ids) &&
      Array.isArray(versions) &&
      Array.isArray(headings) &&
      versions.length === ids.length &&
      docStarts.length === ids.length + 1 &&
      docStarts[ids.length] === blocks &&
      headingIds.length === blocks &&
      offsets.length === blocks + 1;
    if (!fits) throw new Error('columns of different lengths');
    const docs = new Map<string, number>();
    ids.forEach((id, i) => {
      if (wanted.get(id) === versions[i]) docs.set(id, i);
    });
    if (docs.size === 0) throw new Error('nothing wanted');
    return new StoredRecords(new TextFile(fd, header.texts), docs, headings, {
      docStarts,
      numbers,
      headingIds,
      offsets,
    });
  } catch {
    closeSync(fd);
    return null;
  }
}
