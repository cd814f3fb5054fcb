// Owns each paragraph's words as term codes (varints of each term's frequency rank): made
// from the texts, extended when documents are added, stored in the index file (under 2 bytes
// per word) as base64. The query filter built on them is filter.ts.
import { Buffer } from 'node:buffer';
import { analyzeWord, indexTokens } from './analyzer';

/**
 * Term codes: a term's rank by how many entries hold it (0 = the most common), so that the
 * common words most text consists of take one byte as a varint (7 bits per byte, high bit
 * = more follows). One code, `any` (the term count when the codes were first made), stands
 * for a token that can match any query word (two analysed forms, like `esf+`/`esf`, or not
 * in the dictionary); terms added later get the codes after it (extendSequences).
 */
export function termRanks(frequencies: Int32Array): Int32Array {
  const order = Int32Array.from(frequencies.keys()).sort(
    (a, b) => (frequencies[b] ?? 0) - (frequencies[a] ?? 0) || a - b,
  );
  const ranks = new Int32Array(frequencies.length);
  order.forEach((id, rank) => (ranks[id] = rank));
  return ranks;
}

function pushCode(code: number, out: number[]): void {
  while (code >= 128) {
    out.push((code & 127) | 128);
    code >>>= 7;
  }
  out.push(code);
}

/** The codes of the tokens of `text`, in order, then its shared-tail compounds, as varints. */
export function codesOf(text: string, codeOf: (term: string) => number, any: number, out: number[]): void {
  for (const token of indexTokens(text)) {
    const { encoded } = analyzeWord(token.lower);
    pushCode(encoded.length === 1 ? codeOf(encoded[0] as string) : any, out);
  }
}

/** What the filter needs from the term index. */
export interface TermIndexView {
  readonly termCount: number;
  termId(term: string): number;
  /** The ids of the terms a query word matches (equal to, starting or ending with it) and their postings. */
  matching(term: string): { readonly ids: Int32Array; readonly postings: number };
  /** The ids of the terms that start with `prefix` (as typed, not analysed) and their postings. */
  prefixed(prefix: string): { readonly ids: Int32Array; readonly postings: number };
  frequencyOf(term: string): number;
  markEntries(termIds: ArrayLike<number>, entries: Uint8Array, bit: number): void;
}

/**
 * Every paragraph's words as term codes: one byte array of varints, and where each
 * paragraph's codes start (one more entry than paragraphs).
 */
export interface TermSequences {
  readonly starts: Int32Array;
  readonly codes: Uint8Array;
  /** Term id → code. */
  readonly ranks: Int32Array;
  /** The code of a token that may match any query word. */
  readonly any: number;
  /** One more than the largest code: the size of a table indexed by code. */
  readonly codeCount: number;
  /** How many codes (words) all paragraphs hold: BM25's lengths count words, not bytes. */
  readonly words: number;
}

/**
 * The varint at codes[i] (7 bits a byte, low first, the high bit set when more
 * follow) as its value times 8 plus its length in bytes: one number, no allocation, for the
 * loops that read every word of every candidate (filter.ts) or every pair list (pairs.ts). Codes stay far below 2^28.
 */
export function varintAt(codes: Uint8Array, i: number): number {
  let byte = codes[i] as number;
  let code = byte & 127;
  let length = 1;
  for (let shift = 7; byte & 128; shift += 7) {
    byte = codes[i + length++] as number;
    code |= (byte & 127) << shift;
  }
  return code * 8 + length;
}

/** How many varints `codes` holds (each ends with a byte under 128). */
function countCodes(codes: Uint8Array | readonly number[]): number {
  let n = 0;
  for (let i = 0; i < codes.length; i++) if ((codes[i] as number) < 128) n++;
  return n;
}

/** Codes as stored in the index file (any = the term count, no code after it). */
export function storedSequences(starts: Int32Array, codes: Uint8Array, ranks: Int32Array): TermSequences {
  return { starts, codes, ranks, any: ranks.length, codeCount: ranks.length + 1, words: countCodes(codes) };
}

export function termSequences(
  texts: readonly string[],
  termIds: ReadonlyMap<string, number>,
  frequencies: Int32Array,
): TermSequences {
  const ranks = termRanks(frequencies);
  const any = ranks.length;
  const codeOf = (term: string) => {
    const id = termIds.get(term);
    return id === undefined ? any : (ranks[id] ?? any);
  };
  const starts = new Int32Array(texts.length + 1);
  const codes: number[] = [];
  texts.forEach((text, i) => {
    starts[i] = codes.length;
    codesOf(text, codeOf, any, codes);
  });
  starts[texts.length] = codes.length;
  return storedSequences(starts, Uint8Array.from(codes), ranks);
}

/**
 * The sequences with more paragraphs (`texts`), after the dictionary went from `before` to
 * `after` (both sorted; `after` holds every term of `before`): existing codes stay as they
 * are, terms new to the dictionary take the codes after the last one, and only the new texts
 * are read. Matches and scores are those of termSequences over all texts: a code is only a
 * name for a term (its rank just keeps common words short).
 */
export function extendSequences(
  made: TermSequences,
  before: readonly string[],
  after: readonly string[],
  texts: readonly string[],
  termId: (term: string) => number,
): TermSequences {
  let ranks = made.ranks;
  let next = made.codeCount;
  if (after !== before) {
    ranks = new Int32Array(after.length);
    for (let i = 0, j = 0; i < after.length; i++) {
      if (j < before.length && before[j] === after[i]) ranks[i] = made.ranks[j++] as number;
      else ranks[i] = next++;
    }
  }
  const { any } = made;
  const codeOf = (term: string) => {
    const id = termId(term);
    return id < 0 ? any : (ranks[id] ?? any);
  };
  const added: number[] = [];
  const paragraphs = made.starts.length - 1;
  const starts = new Int32Array(paragraphs + texts.length + 1);
  starts.set(made.starts.subarray(0, paragraphs));
  const offset = made.codes.length;
  texts.forEach((text, i) => {
    starts[paragraphs + i] = offset + added.length;
    codesOf(text, codeOf, any, added);
  });
  starts[paragraphs + texts.length] = offset + added.length;
  const codes = new Uint8Array(offset + added.length);
  codes.set(made.codes);
  codes.set(added, offset);
  return { starts, codes, ranks, any, codeCount: next, words: made.words + countCodes(added) };
}

/** Little-endian on every machine Läsaren runs on (x64, arm64); the content hash guards the rest. */
export function encodeIds(ids: Int32Array | Uint8Array): string {
  return Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength).toString('base64');
}

export function decodeIds(base64: string): Int32Array {
  const bytes = Buffer.from(base64, 'base64');
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return new Int32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / 4));
}

export function decodeBytes(base64: string): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Entries taken out of the index (their codes stay) and how many words they held. */
export interface Removed {
  readonly entries: number;
  readonly words: number;
}

/** How many words (codes) the entries `ids` hold. */
export function wordsOf(sequences: TermSequences, ids: Iterable<number>): number {
  let n = 0;
  for (const id of ids)
    n += countCodes(
      sequences.codes.subarray(sequences.starts[id] as number, sequences.starts[id + 1] as number),
    );
  return n;
}
