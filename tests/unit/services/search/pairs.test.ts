// The adjacent-pair lists (pairs.ts) against the pairs counted by hand in the same codes: every
// entry whose text or heading has two listed codes side by side, and no other; made in steps
// or at once, or made over part of the entries and extended, the same lists.
import { describe, expect, it } from 'vitest';
import type { AdjacentPairs } from '../../../../src-main/services/search/pairs';
import { PairBuilder } from '../../../../src-main/services/search/pairs';
import { storedSequences, type TermSequences } from '../../../../src-main/services/search/sequences';

/** Codes as the index stores them: varints, 7 bits a byte, low first. */
function varints(codes: readonly number[]): number[] {
  const out: number[] = [];
  for (let code of codes) {
    while (code >= 128) {
      out.push((code & 127) | 128);
      code >>>= 7;
    }
    out.push(code);
  }
  return out;
}

/** Entries' codes as term sequences over `terms` terms (`any` is the term count). */
function sequencesOf(entries: readonly number[][], terms: number): TermSequences {
  const starts = new Int32Array(entries.length + 1);
  const bytes: number[] = [];
  entries.forEach((codes, i) => {
    starts[i] = bytes.length;
    bytes.push(...varints(codes));
  });
  starts[entries.length] = bytes.length;
  return storedSequences(
    starts,
    Uint8Array.from(bytes),
    Int32Array.from({ length: terms }, (_, i) => i),
  );
}

/** A small random collection: common codes often, rare ones (past the listed) and `any` sometimes. */
function randomEntries(count: number, terms: number, seed: number): number[][] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) >>> 0) / 4294967296;
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 12) }, () => {
      const r = next();
      return r < 0.7 ? Math.floor(next() * 6) : r < 0.9 ? 6 + Math.floor(next() * (terms - 6)) : terms;
    }),
  );
}

const TERMS = 300;
const LISTED = 8;

/** The entries that have `a` right before `b` in their codes or their heading's, counted by hand. */
function byHand(
  entries: readonly number[][],
  headings: ReadonlyArray<number[] | null>,
  a: number,
  b: number,
): number[] {
  const side = (codes: readonly number[] | null) =>
    !!codes && codes.some((c, i) => c === a && codes[i + 1] === b);
  return entries.flatMap((codes, e) => (side(codes) || side(headings[e] ?? null) ? [e] : []));
}

function marked(pairs: AdjacentPairs, size: number, a: number, b: number): number[] {
  const marks = new Uint8Array(size);
  pairs.mark(a, b, marks, 4);
  return [...marks.keys()].filter((e) => marks[e] === 4);
}

describe('adjacent-pair lists', () => {
  const entries = randomEntries(3_000, TERMS, 7);
  // Every third entry stands under one of three headings (their codes, as headings.ts gives them).
  const headingCodes = [
    [1, 2],
    [TERMS, 3, 3],
    [250, 1],
  ];
  const headings = entries.map((_, e) =>
    e % 3 === 0 ? (headingCodes[e % 9 === 0 ? 0 : e % 9 === 3 ? 1 : 2] ?? null) : null,
  );
  const headingOf = (e: number) => {
    const codes = headings[e];
    return codes ? Uint8Array.from(varints(codes)) : null;
  };
  const sequences = sequencesOf(entries, TERMS);
  const codes = [...Array.from({ length: LISTED }, (_, i) => i), TERMS];

  it('lists every entry whose text or heading has two listed codes side by side, and no other', () => {
    const pairs = new PairBuilder(sequences, headingOf, LISTED).build();
    let rows = 0;
    for (const a of codes)
      for (const b of codes) {
        const expected = byHand(entries, headings, a, b);
        expect(marked(pairs, entries.length, a, b), `${a} ${b}`).toEqual(expected);
        expect(pairs.count(a, b)).toBe(expected.length);
        rows += expected.length;
      }
    expect(rows).toBeGreaterThan(1_000);
    // Some are listed for their heading's pair alone (and byHand never joins a text's last code
    // to its heading's first, so the lists do not either).
    const inText = (e: number, a: number, b: number) =>
      !!entries[e]?.some((c, i) => c === a && entries[e]?.[i + 1] === b);
    expect(marked(pairs, entries.length, 1, 2).filter((e) => !inText(e, 1, 2)).length).toBeGreaterThan(100);
  });

  it('covers only the most common codes and the one that may match any word', () => {
    const pairs = new PairBuilder(sequences, headingOf, LISTED).build();
    expect(pairs.covers(0)).toBe(true);
    expect(pairs.covers(LISTED - 1)).toBe(true);
    expect(pairs.covers(LISTED)).toBe(false);
    expect(pairs.covers(TERMS)).toBe(true);
    expect(pairs.count(LISTED, 1)).toBe(0);
    expect(marked(pairs, entries.length, 1, LISTED + 3)).toEqual([]);
  });

  it('makes the same lists in steps as at once, over more entries than a step reads', () => {
    const many = randomEntries(60_000, TERMS, 11);
    const manySequences = sequencesOf(many, TERMS);
    const builder = new PairBuilder(manySequences, () => null, LISTED);
    let steps = 0;
    let made: AdjacentPairs | null = null;
    while (!made) {
      made = builder.step();
      steps++;
    }
    expect(steps).toBe(PairBuilder.stepsFor(many.length));
    expect(steps).toBeGreaterThan(2);
    // Done once: a later step gives the same lists.
    expect(builder.step()).toBe(made);
    const atOnce = new PairBuilder(manySequences, () => null, LISTED).build();
    for (const a of codes)
      for (const b of codes)
        expect(marked(made, many.length, a, b)).toEqual(marked(atOnce, many.length, a, b));
  });

  it('extended with entries added later, lists what lists made over all of them do', () => {
    const cut = 1_700;
    const first = new PairBuilder(sequencesOf(entries.slice(0, cut), TERMS), headingOf, LISTED).build();
    expect(first.entries).toBe(cut);
    first.extend(sequences, headingOf);
    expect(first.entries).toBe(entries.length);
    // Extending with what it has adds nothing.
    first.extend(sequences, headingOf);
    const whole = new PairBuilder(sequences, headingOf, LISTED).build();
    for (const a of codes)
      for (const b of codes) {
        expect(marked(first, entries.length, a, b)).toEqual(marked(whole, entries.length, a, b));
        expect(first.count(a, b)).toBe(whole.count(a, b));
      }
  });
});
