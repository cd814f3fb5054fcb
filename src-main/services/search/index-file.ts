// Owns the stored index: which paragraphs it was built from (a content hash), and its file
// format — a header line, a term-dictionary line (sorted), a vocabulary line, the terms'
// backwards order, three lines of paragraph term codes (base64, see sequences.ts), two of the
// headings' term codes, the near-miss table (correction.ts), then one line of postings per field
// (postings.ts: typed arrays in base64, which load without a JS object per posting; an index of
// an older engine's export may still carry flexsearch chunks there, one per line).
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../storage/atomic-file';
import { analyzerSignature } from './analyzer';
import type { IndexData, ParagraphRecord } from './engine';
import type { TermIndexData } from './flex';

export const INDEX_FILE_NAME = 'search-index.ndjson';
const FORMAT = 6;

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
  ];
  for (const [field, line] of data.postings ?? []) lines.push(`${POSTINGS_KEY}${field}\t${line}`);
  for (const [key, chunk] of data.entries) lines.push(`${key}\t${chunk}`);
  return lines.join('\n') + '\n';
}

/** The stored index when it exists and matches `hash`; null otherwise (then it is rebuilt). */
export async function readIndexFile(path: string, hash: string): Promise<StoredIndex | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const firstBreak = text.indexOf('\n');
  try {
    const header = JSON.parse(text.slice(0, firstBreak)) as Partial<Header>;
    if (header.format !== FORMAT || header.hash !== hash) return null;
    const secondBreak = text.indexOf('\n', firstBreak + 1);
    const thirdBreak = text.indexOf('\n', secondBreak + 1);
    const terms = JSON.parse(text.slice(firstBreak + 1, secondBreak)) as Array<[string, number]>;
    // Needed on the first spelling correction only, which most sessions never make: read
    // again from the file then (tens of megabytes for a large collection not held meanwhile).
    const vocabulary = (): string => vocabularyLine(path, hash);
    const fourthBreak = text.indexOf('\n', thirdBreak + 1);
    const fifthBreak = text.indexOf('\n', fourthBreak + 1);
    const sixthBreak = text.indexOf('\n', fifthBreak + 1);
    const seventhBreak = text.indexOf('\n', sixthBreak + 1);
    const reversedIds = text.slice(thirdBreak + 1, fourthBreak);
    const tokenStarts = text.slice(fourthBreak + 1, fifthBreak);
    const tokenCodes = text.slice(fifthBreak + 1, sixthBreak);
    const termRanks = text.slice(sixthBreak + 1, seventhBreak);
    const eighthBreak = text.indexOf('\n', seventhBreak + 1);
    const headingStarts = text.slice(seventhBreak + 1, eighthBreak);
    const ninthBreak = text.indexOf('\n', eighthBreak + 1);
    const headingCodes = text.slice(eighthBreak + 1, ninthBreak);
    const tenthBreak = text.indexOf('\n', ninthBreak + 1);
    const nearMisses = Buffer.from(text.slice(ninthBreak + 1, tenthBreak)).toString();
    const entries: Array<[string, string]> = [];
    const postings: Array<[string, string]> = [];
    let at = tenthBreak + 1;
    while (at < text.length) {
      const end = text.indexOf('\n', at);
      const line = text.slice(at, end < 0 ? text.length : end);
      const tab = line.indexOf('\t');
      const key = line.slice(0, tab);
      if (tab > 0 && key.startsWith(POSTINGS_KEY))
        postings.push([key.slice(POSTINGS_KEY.length), line.slice(tab + 1)]);
      else if (tab > 0) entries.push([key, line.slice(tab + 1)]);
      at = end < 0 ? text.length : end + 1;
    }
    return {
      entries,
      terms,
      vocabulary,
      reversedIds,
      tokenStarts,
      tokenCodes,
      termRanks,
      headingStarts,
      headingCodes,
      nearMisses,
      postings,
    };
  } catch {
    return null;
  }
}

/** The vocabulary line of the stored index, read synchronously; "[]" if the file changed. */
function vocabularyLine(path: string, hash: string): string {
  try {
    const text = readFileSync(path, 'utf8');
    const firstBreak = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, firstBreak)) as Partial<Header>;
    if (header.hash !== hash) return '[]';
    const secondBreak = text.indexOf('\n', firstBreak + 1);
    return text.slice(secondBreak + 1, text.indexOf('\n', secondBreak + 1));
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
