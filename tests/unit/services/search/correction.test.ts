// The spelling scans every zero-hit query runs (corrections, widening, suggestions): the
// length-ordered buckets must offer exactly the words within reach, the banded edit distance
// must agree with the full table, and asking again gives the same closest words.
import { describe, expect, it } from 'vitest';
import { SpellingIndex, closestWords } from '../../../../src-main/services/search/correction';
import { fold } from '../../../../src-main/services/search/analyzer';
import { editDistance } from '../../../../src-main/services/search/suggest';

/** The full dynamic-programming table, no band, no early exit. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      let v = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
    }
  return (d[a.length] as number[])[b.length] as number;
}

const WORDS = [
  'samverkan',
  'samverkar',
  'samverkansprocess',
  'samordning',
  'samhälle',
  'samhällen',
  'sam',
  'samt',
  'sammanfattning',
  'sammanfatning',
  'sammanfattningar',
  'styrning',
  'stöd',
  'stödet',
  'stödberättigande',
  'kommun',
  'kommunal',
  'kommunalråd',
  'kommunalrådet',
  'kommunerna',
  'förhandsbesked',
  'förhandshandsbesked',
];

describe('the spelling index', () => {
  const spelling = new SpellingIndex(
    WORDS.map((w, i) => [w, i + 2] as const),
    WORDS.length,
  );

  it('offers each typed word exactly the words of its first letter within reach of its length', () => {
    for (const typed of ['samverkn', 'stödberättigansde', 'kommunalrådsxyz', 'sa', 'förhandsbesked', 'xyz']) {
      for (const [max, longer] of [
        [1, 0],
        [2, 0],
        [3, 5],
        [0, 5],
      ] as const) {
        const offered = [...spelling.near(typed, max, longer)].map(([w]) => w).sort();
        const expected = WORDS.filter((w) => {
          const d = fold(w).length - typed.length;
          return fold(w)[0] === fold(typed)[0] && (Math.abs(d) <= max || (d >= 0 && d <= longer));
        }).sort();
        expect(offered, `${typed} ±${max} +${longer}`).toEqual(expected);
      }
    }
  });

  it('gives the same closest words when asked again (kept), and finds the slips', () => {
    const first = closestWords('sammanfattnig', spelling);
    expect(first[0]?.word).toBe('sammanfattning');
    expect(closestWords('sammanfattnig', spelling)).toEqual(first);
    expect(closestWords('sammanfattnig', spelling, 1)).toEqual(first.slice(0, 1));
    expect(closestWords('förhandsbesked', spelling).map((c) => c.word)).toContain('förhandshandsbesked');
  });
});

describe('fold', () => {
  /** Unicode's definition, which fold's character-by-character path must agree with. */
  const byNormalizing = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC');

  it('folds every character below U+0300 as normalizing does, alone and in words', () => {
    for (let code = 0; code < 0x300; code++) {
      const c = String.fromCharCode(code);
      expect(fold(c), `U+${code.toString(16)}`).toBe(byNormalizing(c));
      expect(fold(`${c}ra${c}`)).toBe(byNormalizing(`${c}ra${c}`));
    }
    for (const word of ['åtgärder', 'Öresund', 'café', 'Ærø', 'naïve', 'ångström', 'kunskapsutbyte']) {
      expect(fold(word)).toBe(byNormalizing(word));
    }
    expect(fold('åtgärder')).toBe('atgarder');
  });

  it('takes Unicode’s way for words with combining marks or other scripts', () => {
    for (const word of ['a\u030atga\u0308rder', 'Ελλάδα', 'Łódź', 'ﬁnans']) {
      expect(fold(word)).toBe(byNormalizing(word));
    }
    expect(fold('a\u030atga\u0308rder')).toBe('atgarder');
  });
});

describe('editDistance', () => {
  it('agrees with the full table up to its cap, on many word pairs', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const letters = 'abeksåäö';
    const word = (n: number) =>
      Array.from({ length: n }, () => letters[Math.floor(next() * letters.length)]).join('');
    for (let k = 0; k < 5_000; k++) {
      const a = word(Math.floor(next() * 14));
      const b =
        next() < 0.5
          ? word(Math.floor(next() * 14))
          : [...a].map((c) => (next() < 0.15 ? word(1) : c)).join('');
      const max = Math.floor(next() * 4);
      expect(editDistance(a, b, max), `${a} ${b} ${max}`).toBe(Math.min(fullDistance(a, b), max + 1));
    }
  });
});
