// Owns a collection's prebuilt index: the validated manifest with related pages resolved (so a
// start neither validates 36,000 lines again nor resolves their links) and what needs the Markdown parsed (each document's version, size,
// count of citable blocks, a broken file's problem) in `collection-index.json`, and the
// searchable blocks in `collection-records.ndjson` (one line per document, then the texts,
// which are read from the file only when a hit shows one), so that a start reads two files
// instead of parsing every document, and holds none of the texts. Both are keyed by a hash of the
// manifest and the parser version; each file is checked by size, time and, when in doubt,
// its content hash.
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CollectionProblem } from '../../shared/documents/model';
import type { StoredMeta } from './collection-sync';
import { writeFileAtomic } from '../storage/atomic-file';

export const COLLECTION_INDEX_FILE = 'collection-index.json';
export const COLLECTION_RECORDS_FILE = 'collection-records.ndjson';
const FORMAT = 4;

export interface IndexedDocument {
  readonly id: string;
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** Content hash of the file; '' when it could not be read. */
  readonly version: string;
  readonly paragraphCount: number;
  /** Why the file cannot be shown (then it is left out of the list and reported). */
  readonly error: string | null;
  /** A problem worth noting that still lets it be shown (e.g. no text at all). */
  readonly warning: string | null;
}

export interface CollectionIndex {
  readonly format: number;
  readonly key: string;
  /** Each valid manifest line's metadata, related pages resolved; same order as `documents`. */
  readonly metas: readonly StoredMeta[];
  readonly manifestProblems: readonly CollectionProblem[];
  readonly documents: readonly IndexedDocument[];
  /** Problems only a full build finds (files the manifest does not list). */
  readonly folderProblems: readonly CollectionProblem[];
}

export async function readCollectionIndex(dir: string, key: string): Promise<CollectionIndex | null> {
  try {
    const index = JSON.parse(await readFile(join(dir, COLLECTION_INDEX_FILE), 'utf8')) as CollectionIndex;
    return index.format === FORMAT &&
      index.key === key &&
      Array.isArray(index.documents) &&
      Array.isArray(index.metas) &&
      index.metas.length === index.documents.length
      ? index
      : null;
  } catch {
    return null;
  }
}

/**
 * Where one block's text is in a records file: read from disk when asked for (a hit shown,
 * an index built), never held by the app (45 MB of text at regeringen.se scale).
 */
export class StoredText {
  constructor(
    readonly file: TextFile,
    readonly start: number,
    readonly end: number,
  ) {}

  read(): string {
    return this.file.read(this.start, this.end);
  }
}

/** A block: its number, its heading, its text (in memory, or where it is stored). */
export type StoredBlock = readonly [number, string | null, string | StoredText];

export function textOf(text: string | StoredText): string {
  return typeof text === 'string' ? text : text.read();
}

/** Closes a records file's descriptor once no block points into it any more. */
const closing = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/**
 * The text part of one records file, open for reading. The descriptor stays open while
 * blocks point into it: a newer records file written meanwhile (renamed over this one) does
 * not change what they read.
 */
export class TextFile {
  readonly #fd: number;
  readonly #base: number;

  constructor(fd: number, base: number) {
    this.#fd = fd;
    this.#base = base;
    closing.register(this, fd, this);
  }

  /** Closes it now (nothing points into it). */
  close(): void {
    closing.unregister(this);
    try {
      closeSync(this.#fd);
    } catch {
      // already closed
    }
  }

  read(start: number, end: number): string {
    const bytes = Buffer.allocUnsafe(end - start);
    try {
      readSync(this.#fd, bytes, 0, bytes.length, this.#base + start);
    } catch {
      return ''; // unreadable: the block cannot match, nothing else breaks
    }
    return bytes.toString('utf8');
  }
}

/**
 * The records file: a header line (format, key, where the texts start), one line per
 * document — `[id, version, [[number, heading, start, end], …]]`, the text's byte range in
 * the texts — then every block's text, UTF-8, back to back. A start reads the lines (a few
 * megabytes) and none of the texts.
 */
export async function writeCollectionIndex(
  dir: string,
  index: Omit<CollectionIndex, 'format'>,
  records: ReadonlyMap<string, readonly StoredBlock[]>,
): Promise<void> {
  const lines: string[] = [];
  const texts: Buffer[] = [];
  let at = 0;
  for (const d of index.documents) {
    const r = records.get(d.id);
    if (!r) continue;
    const blocks = r.map(([n, heading, text]) => {
      const bytes = Buffer.from(textOf(text), 'utf8');
      texts.push(bytes);
      at += bytes.length;
      return [n, heading, at - bytes.length, at] as const;
    });
    lines.push(JSON.stringify([d.id, d.version, blocks]));
  }
  const body = Buffer.from(lines.map((l) => l + '\n').join(''), 'utf8');
  // The header says where the texts start, which depends on its own length: settle it.
  const headerOf = (texts: number) => JSON.stringify({ format: FORMAT, key: index.key, texts });
  let textsAt = body.length;
  while (Buffer.byteLength(headerOf(textsAt)) + 1 + body.length !== textsAt)
    textsAt = Buffer.byteLength(headerOf(textsAt)) + 1 + body.length;
  const header = headerOf(textsAt);
  // Records first: an index file never points at records that are not there yet.
  await writeFileAtomic(
    join(dir, COLLECTION_RECORDS_FILE),
    Buffer.concat([Buffer.from(header + '\n', 'utf8'), body, ...texts]),
  );
  await writeFileAtomic(join(dir, COLLECTION_INDEX_FILE), JSON.stringify({ format: FORMAT, ...index }));
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
 * Reads the blocks of the documents in `wanted` (id → version), their texts left in the file
 * (StoredText); a line whose version differs is skipped (the caller parses that document
 * again). Only the lines before the texts are read and parsed.
 */
export async function readCollectionRecords(
  dir: string,
  key: string,
  wanted: ReadonlyMap<string, string>,
): Promise<Map<string, readonly StoredBlock[]>> {
  const out = new Map<string, readonly StoredBlock[]>();
  const headings = new Map<string, string>();
  let fd: number;
  try {
    // A plain descriptor, not a FileHandle: it outlives this call (see TextFile).
    fd = openSync(join(dir, COLLECTION_RECORDS_FILE), 'r');
  } catch {
    return out; // missing: the caller parses what it needs
  }
  let file: TextFile | null = null;
  try {
    const first = readAt(fd, 0, 4096).toString('utf8');
    const headerEnd = first.indexOf('\n');
    const header = JSON.parse(first.slice(0, headerEnd)) as { format?: number; key?: string; texts?: number };
    if (header.format !== FORMAT || header.key !== key || typeof header.texts !== 'number') {
      closeSync(fd);
      return out;
    }
    const start = Buffer.byteLength(first.slice(0, headerEnd + 1));
    const text = readAt(fd, start, header.texts - start).toString('utf8');
    file = new TextFile(fd, header.texts);
    let at = 0;
    while (at < text.length) {
      const end = text.indexOf('\n', at);
      const line = text.slice(at, end < 0 ? text.length : end);
      at = end < 0 ? text.length : end + 1;
      if (!line) continue;
      const [id, version, blocks] = JSON.parse(line) as [
        string,
        string,
        Array<[number, string | null, number, number]>,
      ];
      if (wanted.get(id) !== version) continue;
      const texts = file;
      // Many blocks stand under one heading: keep one copy of each heading's text.
      out.set(
        id,
        blocks.map(([n, heading, from, to]) => {
          const stored = new StoredText(texts, from, to);
          if (heading === null) return [n, null, stored] as const;
          const known = headings.get(heading);
          if (known === undefined) headings.set(heading, heading);
          return [n, known ?? heading, stored] as const;
        }),
      );
    }
  } catch {
    // A broken line ends the reading; the caller parses the documents still missing.
  }
  if (!file) closeSync(fd);
  else if (out.size === 0) file.close();
  return out;
}
