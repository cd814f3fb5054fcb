// Owns misspellings on both sides, always from the collection's own words, never invented:
// - in the text: words misspelt in the documents (rare, unknown to the lexicon, one edit from
//   a common word: "intergration" beside "integration"), found when the index is built and
//   stored with it as a near-miss table (near-misses.ts decides each word and keeps it up to
//   date as documents come and go), so a correctly spelt query also finds them;
// - in the query: the closest words of the collection (edit distance scaled with the word's
//   length, adjacent swaps as one edit, å/ä/ö and doubled letters as half an edit) for a word
//   that finds nothing or far less than a close spelling (a syllable written twice counts as one
//   edit); and, for a query that finds nothing at all, its long words widened to the text's
//   words one edit away, as near-misses.
import { analyzeWord, compoundTail, fold, isKnownWord } from './analyzer';
import { NearMisses, type NearMissEntry } from './near-misses';
import { editDistance, type Vocabulary } from './suggest';

export type { NearMissEntry, NearMissTable } from './near-misses';

const LETTERS = /^\p{L}+$/u;

/**
 * The near-miss table of a collection from its words and their counts (near-misses.ts
 * decides each word): per common word, its key, its misspellings' keys and the word as written.
 */
export function findNearMisses(vocabulary: Vocabulary): NearMissEntry[] {
  return NearMisses.fromVocabulary(vocabulary)
    .entries()
    .map(([key, misspellings, word]) => [key, misspellings, word]);
}

/** The largest edit distance a correction of a word this long may have. */
export function maxDistance(length: number): number {
  return length <= 3 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

const undouble = (word: string) => word.replace(/(\p{L})\1+/gu, '$1');

/**
 * Distance between a typed word and a word of the collection, both lowercase: edits on
 * folded letters, where a difference only in å/ä/ö or in doubled letters counts half.
 */
export function spellingDistance(
  typed: string,
  word: string,
  max: number,
  folded: readonly [string, string] = [fold(typed), fold(word)],
): number {
  if (typed === word) return 0;
  const [a, b] = folded;
  if (a === b) return 0.5;
  // Cheap first: words that differ only in doubled letters begin and end alike.
  if (a[0] === b[0] && a[a.length - 1] === b[b.length - 1] && undouble(a) === undouble(b)) return 0.5;
  return editDistance(a, b, max);
}

/** A syllable written twice in a row is this long at most (förhandshandsbesked). */
const MAX_REPEAT = 5;
const MIN_REPEAT = 3;
const REPEATED = new RegExp(`(\\p{L}{${MIN_REPEAT},${MAX_REPEAT}})\\1`, 'gu');

/**
 * True when `longer` is `word` with a run of 3–5 letters written twice (a typing slip real
 * documents have: förhandshandsbesked for förhandsbesked); on folded words.
 */
export function repeatsSyllable(longer: string, word: string): boolean {
  const extra = longer.length - word.length;
  if (extra < MIN_REPEAT || extra > MAX_REPEAT) return false;
  // Cheap first: what is left after the repeat begins and ends as the word does.
  if (longer[1] !== word[1] || !longer.endsWith(word.slice(-MIN_REPEAT))) return false;
  for (const m of longer.matchAll(REPEATED)) {
    const unit = m[1] as string;
    if (longer.slice(0, m.index) + longer.slice(m.index + unit.length) === word) return true;
  }
  return false;
}

export interface Correction {
  readonly word: string;
  readonly distance: number;
  readonly count: number;
}

/** Vocabularies larger than this keep only words seen at least twice as correction targets. */
const LARGE_VOCABULARY = 100_000;

/** A bucket of correction targets, ordered by folded length. */
interface Bucket {
  readonly words: string[];
  readonly folded: string[];
  readonly counts: Int32Array;
  /** starts[n]: the first position whose folded word has n letters or more (length + 2 entries). */
  starts: Int32Array;
}

/**
 * A bucket's words ordered by folded length, by counting them (a comparison sort of 136,000
 * entries was most of the time a session's first misspelling waited); words of one length keep
 * the vocabulary's order.
 */
function byLength(words: readonly string[], folded: readonly string[], counts: readonly number[]): Bucket {
  let longest = 0;
  for (const f of folded) if (f.length > longest) longest = f.length;
  // First the number of words of each length, one place up; then summed, starts[n] is the
  // number of words shorter than n: where the first word of n letters or more goes.
  const starts = new Int32Array(longest + 2);
  for (const f of folded) starts[f.length + 1] = (starts[f.length + 1] as number) + 1;
  for (let n = 1; n < starts.length; n++) starts[n] = (starts[n] as number) + (starts[n - 1] as number);
  const next = starts.slice();
  const bucket: Bucket = {
    words: new Array<string>(words.length),
    folded: new Array<string>(words.length),
    counts: new Int32Array(words.length),
    starts,
  };
  for (let i = 0; i < words.length; i++) {
    const f = folded[i] as string;
    const at = next[f.length] as number;
    next[f.length] = at + 1;
    bucket.words[at] = words[i] as string;
    bucket.folded[at] = f;
    bucket.counts[at] = counts[i] as number;
  }
  return bucket;
}

/** The closest words of this many typed words are kept (correction, widening and suggestions ask again). */
const CLOSEST_CACHE = 64;
/** closestWords keeps this many for a typed word (no caller asks for more). */
const CLOSEST_KEPT = 6;

/**
 * The collection's words as correction targets, compact: per first letter (folded), the
 * words, their folded forms and counts, ordered by length. A typo rarely hits the first
 * letter, so a lookup scans one bucket, not the whole vocabulary (600,000 words for all of
 * regeringen.se), and of it only the lengths within reach (a word of 17 letters at distance
 * 2 reads the words of 15–22 letters); in a large collection words seen once are left out
 * (they are often typos themselves).
 */
export class SpellingIndex {
  readonly #buckets = new Map<string, Bucket>();
  readonly #minCount: number;
  /** Words whose count changed since the buckets were made: the count now, and whether they are in them. */
  readonly #changed = new Map<string, { count: number; listed: boolean; folded: string }>();
  /** Per first letter (folded), changed words not in the buckets. */
  readonly #extra = new Map<string, Set<string>>();
  /** closestWords's (and the suggestions') answers for the last few typed words. */
  readonly #closest = new Map<string, Correction[]>();

  /** `compute()` for `key`, kept for the last few keys (correction, widening and suggestions ask again). */
  remember(key: string, compute: () => Correction[]): Correction[] {
    const kept = this.#closest.get(key);
    if (kept) {
      this.#closest.delete(key);
      this.#closest.set(key, kept);
      return kept;
    }
    const found = compute();
    this.#closest.set(key, found);
    if (this.#closest.size > CLOSEST_CACHE) this.#closest.delete(this.#closest.keys().next().value as string);
    return found;
  }

  constructor(pairs: Iterable<readonly [string, number]>, size: number) {
    const minCount = (this.#minCount = size > LARGE_VOCABULARY ? 2 : 1);
    const raw = new Map<string, { words: string[]; folded: string[]; counts: number[] }>();
    for (const [word, count] of pairs) {
      if (count < minCount || word.length < 2) continue;
      const folded = fold(word);
      const first = folded[0] as string;
      let list = raw.get(first);
      if (!list) raw.set(first, (list = { words: [], folded: [], counts: [] }));
      list.words.push(word);
      list.folded.push(folded);
      list.counts.push(count);
    }
    for (const [first, list] of raw) this.#buckets.set(first, byLength(list.words, list.folded, list.counts));
  }

  /**
   * Takes in changed counts (`changed`: word → its count before; `vocabulary`: the counts now)
   * without making the buckets again: a new word or count is looked up beside them. False
   * when the index must be made again (the vocabulary crossed LARGE_VOCABULARY).
   */
  update(vocabulary: Vocabulary, changed: ReadonlyMap<string, number>): boolean {
    if ((vocabulary.size > LARGE_VOCABULARY ? 2 : 1) !== this.#minCount) return false;
    this.#closest.clear();
    for (const [word, before] of changed) {
      if (word.length < 2) continue;
      let entry = this.#changed.get(word);
      if (!entry) {
        // Untouched since the buckets were made: in them when its count then was enough.
        entry = { count: before, listed: before >= this.#minCount, folded: fold(word) };
        this.#changed.set(word, entry);
        if (!entry.listed) {
          const first = entry.folded[0] as string;
          let extra = this.#extra.get(first);
          if (!extra) this.#extra.set(first, (extra = new Set()));
          extra.add(word);
        }
      }
      entry.count = vocabulary.get(word) ?? 0;
    }
    return true;
  }

  /**
   * Words starting with the same folded letter, at most `max` letters longer or shorter (or
   * up to `longer` letters longer: candidates for a repeated syllable).
   */
  *near(typed: string, max: number, longer = 0): Generator<[word: string, folded: string, count: number]> {
    const first = fold(typed)[0] ?? '';
    const bucket = this.#buckets.get(first);
    const changed = this.#changed;
    if (bucket) {
      const { starts } = bucket;
      const at = (n: number) =>
        n < 0 ? 0 : n >= starts.length ? bucket.words.length : (starts[n] as number);
      const end = at(typed.length + Math.max(max, longer) + 1);
      for (let i = at(typed.length - max); i < end; i++) {
        const word = bucket.words[i] as string;
        const count =
          changed.size > 0 ? (changed.get(word)?.count ?? (bucket.counts[i] as number)) : bucket.counts[i];
        if ((count as number) >= this.#minCount) yield [word, bucket.folded[i] as string, count as number];
      }
    }
    for (const word of this.#extra.get(first) ?? []) {
      const entry = changed.get(word);
      if (!entry || entry.count < this.#minCount) continue;
      const length = entry.folded.length;
      if (length >= typed.length - max && length <= typed.length + Math.max(max, longer))
        yield [word, entry.folded, entry.count];
    }
  }
}

/**
 * The collection's closest words to a typed one, best first: smallest distance, then words
 * the lexicon knows, then the most frequent. Never the typed word itself or an inflection of it.
 */
export function closestWords(typed: string, spelling: SpellingIndex, limit = CLOSEST_KEPT): Correction[] {
  if (limit > CLOSEST_KEPT) return scanClosest(typed, spelling).slice(0, limit);
  return spelling
    .remember(`closest:${typed}`, () => scanClosest(typed, spelling).slice(0, CLOSEST_KEPT))
    .slice(0, limit);
}

/** closestWords's scan of the bucket: every candidate within reach, best first. */
function scanClosest(typed: string, spelling: SpellingIndex): Correction[] {
  const max = maxDistance(typed.length);
  if (max === 0) return [];
  const ownKey = analyzeWord(typed).encoded[0];
  const typedFolded = fold(typed);
  const found: Array<Correction & { known: boolean }> = [];
  for (const [word, folded, count] of spelling.near(typed, max, MAX_REPEAT)) {
    // Cheap bounds first: most of the bucket is far off.
    const distance =
      Math.abs(folded.length - typedFolded.length) > max
        ? repeatsSyllable(folded, typedFolded)
          ? 1
          : Infinity
        : spellingDistance(typed, word, max, [typedFolded, folded]);
    if (distance === 0 || distance > max) continue;
    if (analyzeWord(word).encoded[0] === ownKey) continue;
    found.push({ word, distance, count, known: isKnownWord(word) || compoundTail(word) !== null });
  }
  found.sort(
    (x, y) =>
      x.distance - y.distance ||
      Number(y.known) - Number(x.known) ||
      y.count - x.count ||
      x.word.localeCompare(y.word, 'sv'),
  );
  return found.map(({ word, distance, count }) => ({ word, distance, count }));
}

/** A correctly spelt word this long may match a text word one edit away (two from 10 letters), when nothing else does. */
const MIN_WIDEN_LENGTH = 7;
const widenDistance = (length: number) => (length >= 10 ? 2 : 1);

/**
 * For a query that finds nothing as typed or corrected: lets each of its long words also
 * match the collection's words one edit away, two if long (uträckning for utsträckning, Kronbergs for
 * Kronobergs: typos in the text too rare for the near-miss table), as near-misses, which
 * rank last and are marked. True when some word gained one.
 */
export function widenToNearSpellings(
  terms: ReadonlyArray<{ readonly lower: string; readonly nearMisses: string[] }>,
  spelling: SpellingIndex,
): boolean {
  let widened = false;
  for (const term of terms) {
    if (term.lower.length < MIN_WIDEN_LENGTH || !LETTERS.test(term.lower)) continue;
    for (const near of closestWords(term.lower, spelling, 4)) {
      if (near.distance > widenDistance(term.lower.length)) break;
      const key = analyzeWord(near.word).encoded[0] ?? '';
      if (key === '' || term.nearMisses.includes(key)) continue;
      term.nearMisses.push(key);
      widened = true;
    }
  }
  return widened;
}

/** Each part of a word the text splits in two is at least this long. */
const MIN_SPLIT_PART = 3;
/** At most this many ways of splitting are tried for one query. */
const MAX_SPLITS = 6;

export interface SplitQuery {
  readonly query: string;
  readonly words: ReadonlyArray<readonly [string, string]>;
}

/**
 * For a query that finds nothing: each of its long words as the text may have split it by
 * mistake (kunskaper written "kun skaper"), both parts words of the collection (`occurs`) and
 * not both words of the lexicon (a slip leaves a non-word). The parts stand as a quoted
 * phrase, so only the two words side by side match; the caller shows the query it searched.
 */
export function splitWordQueries(
  raw: string,
  words: readonly string[],
  occurs: (word: string) => boolean,
): SplitQuery[] {
  const out: SplitQuery[] = [];
  for (const word of new Set(words)) {
    if (word.length < MIN_WIDEN_LENGTH || !LETTERS.test(word)) continue;
    for (let i = MIN_SPLIT_PART; i <= word.length - MIN_SPLIT_PART && out.length < MAX_SPLITS; i++) {
      const head = word.slice(0, i);
      const tail = word.slice(i);
      if ((isKnownWord(head) && isKnownWord(tail)) || !occurs(head) || !occurs(tail)) continue;
      out.push({ query: splitInQuery(raw, word, `${head} ${tail}`), words: [[word, `${head} ${tail}`]] });
    }
  }
  return out;
}

/** `raw` with `word` written as `parts`: as they are inside a quoted phrase, quoted outside. */
function splitInQuery(raw: string, word: string, parts: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').exec(raw);
  if (!match) return raw;
  const quoted = (raw.slice(0, match.index).match(/"/g)?.length ?? 0) % 2 === 1;
  const written = quoted ? parts : `"${parts}"`;
  return raw.slice(0, match.index) + written + raw.slice(match.index + word.length);
}
