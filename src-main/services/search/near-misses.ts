// Owns words misspelt in the text (the near-miss table): which rare words of the collection
// are taken for misspellings of which common word, decided word by word (misspellingOf), so
// that adding or removing a document changes only the words whose counts it changed and
// their neighbours one edit away, never a pass over the whole vocabulary (two seconds for all
// of regeringen.se). A misspelling: rare, unknown to the lexicon, no compound of known words,
// one edit (insertion, deletion, substitution or adjacent swap, on folded letters) from a word
// RATIO times as common, and from one such word only.
import { analyzeWord, fold, isKnownWord } from './analyzer';
import { editDistance, type Vocabulary } from './suggest';

/** Folded lemma key of a common word → keys of its misspellings in the text. */
export type NearMissTable = ReadonlyMap<string, readonly string[]>;

/**
 * A common word's key, the keys of its misspellings in the text, the word as written, and
 * (indexes written since they are kept) each misspelt word with the word it misspells.
 */
export type NearMissEntry = [
  key: string,
  misspellings: string[],
  word: string,
  words?: Array<[misspelt: string, word: string]>,
];

/** A word this short is never treated as a misspelling in the text (too many real neighbours). */
const MIN_NEAR_MISS_LENGTH = 7;
/** A misspelling occurs at most this often, and its correct word at least RATIO times as often. */
const MAX_MISSPELLING_COUNT = 2;
const RATIO = 5;
/** A known word counts as a dropped-letter misspelling from this length and ratio (seen once). */
const MIN_DROPPED_LENGTH = 9;
const DROPPED_RATIO = 8;
const LETTERS = /^\p{L}+$/u;
const ASCII_LOWER = /^[a-z]+$/;

/** Every string one deletion away from `word`, and the word itself. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** A compound of two real words (integrationsinsatsen) is not a misspelling. */
function isRealCompound(word: string): boolean {
  for (let i = 3; i <= word.length - 3; i++) {
    const head = word.slice(0, i);
    if (!isKnownWord(word.slice(i))) continue;
    if (isKnownWord(head) || (/[se]$/.test(head) && isKnownWord(head.slice(0, -1)))) return true;
  }
  return false;
}

const isCommon = (word: string, count: number) =>
  count >= RATIO && word.length >= MIN_NEAR_MISS_LENGTH - 1 && LETTERS.test(word);

/**
 * The common word `word` (seen `count` times) misspells, as [its key, the word as written],
 * or null; `near` gives the collection's words one edit away (folded) with their counts, in
 * any order, repeats allowed (asked only for a word that may be a misspelling): the answer depends on none of that (the smallest spelling of a
 * key is the one named).
 */
export function misspellingOf(
  word: string,
  count: number,
  near: (word: string) => Iterable<readonly [string, number]>,
): [key: string, word: string] | null {
  if (count < 1 || count > MAX_MISSPELLING_COUNT || word.length < MIN_NEAR_MISS_LENGTH) return null;
  if (!LETTERS.test(word) || isKnownWord(word)) return null;
  // A compound of known words the lexicon lacks is a misspelling only on stronger evidence:
  // seen once, long, and the common word is it with one letter more (a dropped letter:
  // lutredovisning, arbetskraftinvandring), DROPPED_RATIO times as common.
  const real = isRealCompound(word);
  if (real && (count > 1 || word.length < MIN_DROPPED_LENGTH)) return null;
  const folded = fold(word);
  const missKey = analyzeWord(word).encoded[0] ?? '';
  const targets = new Map<string, string>();
  for (const [written, otherCount] of near(word)) {
    if (!isCommon(written, otherCount) || otherCount < RATIO * count) continue;
    const other = fold(written);
    if (editDistance(folded, other, 1) > 1) continue;
    if (real && (other.length !== folded.length + 1 || otherCount < DROPPED_RATIO)) continue;
    const key = analyzeWord(written).encoded[0] ?? '';
    if (key === missKey || key === '') continue;
    const known = targets.get(key);
    if (known === undefined || written < known) targets.set(key, written);
  }
  // One edit from two different words (såtliga: statliga or samtliga?) is no evidence.
  if (targets.size !== 1) return null;
  return [...targets][0] as [string, string];
}

/**
 * The collection's words by folded spelling, for finding a word's neighbours one edit away
 * by generating them (a few hundred lookups per word) instead of scanning the vocabulary.
 */
class FoldedWords {
  /** Folded spelling → the words that fold to it, for words that change when folded. */
  readonly #aliases = new Map<string, string[]>();
  readonly #letters = new Set<string>();
  #alphabet: string[] | null = null;

  constructor(words: Iterable<string>) {
    for (const word of words) this.add(word);
  }

  #addLetter(c: string): void {
    if (this.#letters.has(c)) return;
    this.#letters.add(c);
    this.#alphabet = null;
  }

  add(word: string): void {
    if (ASCII_LOWER.test(word)) {
      if (word.length >= MIN_NEAR_MISS_LENGTH - 1) for (const c of word) this.#addLetter(c);
      return;
    }
    if (!LETTERS.test(word) || word.length < MIN_NEAR_MISS_LENGTH - 1) return;
    const folded = fold(word);
    for (const c of folded) this.#addLetter(c);
    if (folded === word) return;
    const list = this.#aliases.get(folded);
    if (!list) this.#aliases.set(folded, [word]);
    else if (!list.includes(word)) list.push(word);
  }

  /**
   * The vocabulary's words whose folded spelling is at most one edit from `word`'s, with
   * their counts (some more than once): every string one deletion, swap, substitution or
   * insertion away, looked up (plain loops, no allocation but the strings: it runs for each
   * word an import changes).
   */
  near(word: string, vocabulary: Vocabulary): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    const aliases = this.#aliases;
    const visit = (g: string): void => {
      const own = vocabulary.get(g);
      if (own) out.push([g, own]);
      const list = aliases.get(g);
      if (list)
        for (const alias of list) {
          const count = vocabulary.get(alias);
          if (count) out.push([alias, count]);
        }
    };
    const f = fold(word);
    const letters = (this.#alphabet ??= [...this.#letters]);
    visit(f);
    for (let i = 0; i < f.length; i++) {
      const head = f.slice(0, i);
      const tail = f.slice(i + 1);
      const rest = f.slice(i);
      visit(head + tail);
      if (i + 1 < f.length && f[i] !== f[i + 1]) visit(head + f[i + 1] + f[i] + f.slice(i + 2));
      for (const c of letters) {
        if (c !== f[i]) visit(head + c + tail);
        visit(head + c + rest);
      }
    }
    for (const c of letters) visit(f + c);
    return out;
  }
}

/** The near-miss table of a collection, and how to keep it as documents come and go. */
export class NearMisses {
  /** Misspelt word as written → [the common word's key, the common word as written]. */
  readonly #of = new Map<string, readonly [string, string]>();
  /** Entries of an index written before the words were kept: kept as they are, only added to. */
  readonly #legacy: NearMissEntry[] = [];
  #entries: NearMissEntry[] | null = null;
  #folded: FoldedWords | null = null;

  /** The table of a vocabulary, from scratch (symmetric deletions keep it linear: the build step). */
  static fromVocabulary(vocabulary: Vocabulary): NearMisses {
    const out = new NearMisses();
    const common: Array<[string, number]> = [];
    const byDeletion = new Map<string, number | number[]>();
    for (const [word, count] of vocabulary) {
      if (!isCommon(word, count)) continue;
      const id = common.push([word, count]) - 1;
      for (const d of deletions(fold(word))) {
        const known = byDeletion.get(d);
        if (known === undefined) byDeletion.set(d, id);
        else if (typeof known === 'number') byDeletion.set(d, [known, id]);
        else known.push(id);
      }
    }
    function* near(word: string): Generator<[string, number]> {
      for (const d of deletions(fold(word))) {
        const ids = byDeletion.get(d);
        if (ids !== undefined) for (const id of typeof ids === 'number' ? [ids] : ids) yield common[id]!;
      }
    }
    for (const [word, count] of vocabulary) {
      if (count > MAX_MISSPELLING_COUNT || word.length < MIN_NEAR_MISS_LENGTH) continue;
      const found = misspellingOf(word, count, near);
      if (found) out.#of.set(word, found);
    }
    return out;
  }

  /** The table as stored (engine export), with the misspelt words when it has them. */
  static fromEntries(entries: readonly NearMissEntry[]): NearMisses {
    const out = new NearMisses();
    for (const entry of entries) {
      const [key, , , words] = entry;
      if (!words) out.#legacy.push(entry);
      else for (const [misspelt, word] of words) out.#of.set(misspelt, [key, word]);
    }
    return out;
  }

  /**
   * The table: one entry per common word (by key), its misspellings' keys sorted, named by its
   * smallest spelling; the same whatever order words were added in.
   */
  entries(): NearMissEntry[] {
    if (this.#entries) return this.#entries;
    interface Entry {
      keys: Set<string>;
      word: string;
      words: Array<[string, string]>;
      legacy: boolean;
    }
    const byKey = new Map<string, Entry>();
    for (const [key, misspellings, word] of this.#legacy)
      byKey.set(key, { keys: new Set(misspellings), word, words: [], legacy: true });
    for (const [misspelt, [key, word]] of [...this.#of].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { keys: new Set(), word, words: [], legacy: false }));
      else if (word < entry.word && !entry.legacy) entry.word = word;
      entry.keys.add(analyzeWord(misspelt).encoded[0] ?? '');
      entry.words.push([misspelt, word]);
    }
    // An entry of an old index stays one (its words unknown), with what was added to it.
    this.#entries = [...byKey]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([key, e]): NearMissEntry => {
        const keys = [...e.keys].sort();
        return e.legacy ? [key, keys, e.word] : [key, keys, e.word, e.words];
      });
    return this.#entries;
  }

  /**
   * Takes in changed counts (`changed`: word → its count before; `vocabulary` holds the
   * counts now): each changed rare word is decided again, and so is each rare word one edit
   * from a word whose count crossed what makes a common word common enough.
   */
  update(vocabulary: Vocabulary, changed: ReadonlyMap<string, number>): void {
    const folded = (this.#folded ??= new FoldedWords(vocabulary.keys()));
    for (const word of changed.keys()) folded.add(word);
    const again = new Set<string>();
    for (const [word, before] of changed) {
      const now = vocabulary.get(word) ?? 0;
      const low = Math.min(before, now);
      const high = Math.max(before, now);
      if (low <= MAX_MISSPELLING_COUNT && word.length >= MIN_NEAR_MISS_LENGTH) again.add(word);
      // Whether it is common enough for some misspelling (RATIO, DROPPED_RATIO or RATIO times a
      // count up to MAX_MISSPELLING_COUNT) changed: its rare neighbours are decided again.
      if (low < RATIO * MAX_MISSPELLING_COUNT && high >= RATIO && isCommon(word, high))
        for (const [other, count] of folded.near(word, vocabulary))
          if (count <= MAX_MISSPELLING_COUNT && other.length >= MIN_NEAR_MISS_LENGTH) again.add(other);
    }
    for (const word of again) {
      const found = misspellingOf(word, vocabulary.get(word) ?? 0, (w) => folded.near(w, vocabulary));
      const known = this.#of.get(word);
      if (found) {
        if (known?.[0] !== found[0] || known[1] !== found[1]) this.#changed();
        this.#of.set(word, found);
      } else if (known) {
        this.#of.delete(word);
        this.#changed();
      }
    }
  }

  #changed(): void {
    this.#entries = null;
  }
}
