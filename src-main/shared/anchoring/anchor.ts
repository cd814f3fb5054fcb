// Owns re-anchoring an annotation in a document's current text, in the order the W3C
// selectors allow: the stored position, checked against the quote; then every exact
// occurrence of the quote, the right one chosen by its prefix and suffix; then a fuzzy match
// of the quote for edited text, accepted only above a similarity threshold so an annotation
// is never silently moved to a wrong passage. Otherwise it is orphaned. Pure: no DOM.
import type { TextPositionSelector, TextQuoteSelector } from '../annotation';
import { approxSearch, similarity, type ApproxMatch } from './fuzzy';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export type Anchoring =
  | {
      readonly status: 'anchored';
      readonly method: AnchorMethod;
      readonly start: number;
      readonly end: number;
      /** 1 when the text there is exactly the quote; lower for a fuzzy match. */
      readonly similarity: number;
    }
  | { readonly status: 'orphaned' };

export interface AnchorTarget {
  readonly quote: TextQuoteSelector;
  readonly position: TextPositionSelector;
}

/** A fuzzy match must keep at least this share of the quote (edit distance over length). */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** Short quotes match too easily; their context must also agree this much. */
export const MIN_SHORT_QUOTE_CONTEXT = 0.5;
const SHORT_QUOTE = 24;
/** Long quotes are matched fuzzily by their ends, then the span between is compared in chunks. */
const LONG_QUOTE = 256;
const END_PIECE = 64;
const CHUNK = 32;

/** How well the text around [start, end) agrees with the stored prefix and suffix, 0..1. */
export function contextScore(text: string, quote: TextQuoteSelector, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return (similarity(quote.prefix, before) + similarity(quote.suffix, after)) / 2;
}

function exactOccurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly quoteSimilarity: number;
}

/** Context first, then quote similarity, then nearness to where it used to be. */
function best(text: string, target: AnchorTarget, candidates: readonly Candidate[]) {
  let winner: (Candidate & { context: number; score: number }) | null = null;
  for (const c of candidates) {
    const context = contextScore(text, target.quote, c.start, c.end);
    const distance = Math.abs(c.start - target.position.start) / Math.max(1, text.length);
    const score = context * 2 + c.quoteSimilarity * 2 - distance * 0.5;
    if (!winner || score > winner.score) winner = { ...c, context, score };
  }
  return winner;
}

/** Share of the quote's chunks found, in order, inside text[start, end): a bounded similarity. */
function chunkedSimilarity(text: string, exact: string, start: number, end: number): number {
  const region = text.slice(start, end);
  let found = 0;
  let total = 0;
  let at = 0;
  for (let i = 0; i < exact.length; i += CHUNK) {
    total++;
    const hit = region.indexOf(exact.slice(i, i + CHUNK), at);
    if (hit !== -1) {
      found++;
      at = hit + 1;
    }
  }
  const lengthRatio = Math.min(region.length, exact.length) / Math.max(region.length, exact.length);
  return (found / total) * lengthRatio;
}

function fuzzyCandidates(text: string, exact: string): Candidate[] {
  const budget = (length: number) => Math.floor(length * (1 - MIN_QUOTE_SIMILARITY));
  if (exact.length <= LONG_QUOTE) {
    return approxSearch(text, exact, budget(exact.length)).map((m: ApproxMatch) => ({
      start: m.start,
      end: m.end,
      quoteSimilarity: 1 - m.errors / Math.max(exact.length, m.end - m.start),
    }));
  }
  const heads = approxSearch(text, exact.slice(0, END_PIECE), budget(END_PIECE));
  const tails = approxSearch(text, exact.slice(-END_PIECE), budget(END_PIECE));
  const out: Candidate[] = [];
  for (const head of heads) {
    for (const tail of tails) {
      const length = tail.end - head.start;
      if (length < exact.length * 0.5 || length > exact.length * 1.5) continue;
      out.push({
        start: head.start,
        end: tail.end,
        quoteSimilarity: chunkedSimilarity(text, exact, head.start, tail.end),
      });
    }
  }
  return out;
}

export function anchor(text: string, target: AnchorTarget): Anchoring {
  const { quote, position } = target;
  const exact = quote.exact;
  if (exact.length === 0) return { status: 'orphaned' };

  // 1. The stored position, if the quote is still there and its context does not object.
  if (text.slice(position.start, position.end) === exact) {
    const context = contextScore(text, quote, position.start, position.end);
    if (context >= 0.5 || exact.length >= SHORT_QUOTE) {
      return {
        status: 'anchored',
        method: 'position',
        start: position.start,
        end: position.end,
        similarity: 1,
      };
    }
  }

  // 2. The exact quote somewhere else; prefix and suffix choose among repeats.
  const exactHits = exactOccurrences(text, exact).map((start) => ({
    start,
    end: start + exact.length,
    quoteSimilarity: 1,
  }));
  const chosen = best(text, target, exactHits);
  if (chosen && (exact.length >= SHORT_QUOTE || chosen.context >= MIN_SHORT_QUOTE_CONTEXT)) {
    return { status: 'anchored', method: 'quote', start: chosen.start, end: chosen.end, similarity: 1 };
  }

  // 3. A fuzzy match of the quote, for edited text, above the threshold.
  const fuzzy = best(
    text,
    target,
    fuzzyCandidates(text, exact).filter((c) => c.quoteSimilarity >= MIN_QUOTE_SIMILARITY),
  );
  if (fuzzy && (exact.length >= SHORT_QUOTE || fuzzy.context >= MIN_SHORT_QUOTE_CONTEXT)) {
    return {
      status: 'anchored',
      method: 'fuzzy',
      start: fuzzy.start,
      end: fuzzy.end,
      similarity: fuzzy.quoteSimilarity,
    };
  }
  return { status: 'orphaned' };
}
