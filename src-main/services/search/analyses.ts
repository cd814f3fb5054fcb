// Owns the stored analyses: every word of an index's text with the stems the analyser gave it
// when the index was built, kept in the index file and looked up instead of analysing the word
// again. The match code analyses each word of a hit that may match a query word, and a word
// not analysed before in this session costs some 25 µs (lexicon, compound split, Snowball):
// the first searches after a start were several times slower than later ones. The index's
// content hash includes the analyser's version and the lexicon's, so a loaded table always
// equals what the analyser would say now.
//
// Format: one line of entries sorted by word, separated by tabs; an entry is the word, then
// its stems separated by spaces, or the word alone when it is its own only stem. Tokens never
// hold a space or a tab.

/** The line of `words` with their stems (from `stemsOf`), sorted. */
export function encodeAnalyses(
  words: Iterable<string>,
  stemsOf: (word: string) => readonly string[],
): string {
  const entries: string[] = [];
  for (const word of [...words].sort()) {
    if (word === '' || /[\t \n]/.test(word)) continue;
    const stems = stemsOf(word);
    entries.push(stems.length === 1 && stems[0] === word ? word : `${word} ${stems.join(' ')}`);
  }
  return entries.join('\t');
}

/** A stored line, searched by binary search over its entries (no object per word). */
export class StoredAnalyses {
  readonly #line: string;
  /** Where each entry starts in the line. */
  readonly #starts: Int32Array;

  constructor(line: string) {
    this.#line = line;
    let count = line.length > 0 ? 1 : 0;
    for (let at = line.indexOf('\t'); at >= 0; at = line.indexOf('\t', at + 1)) count++;
    const starts = new Int32Array(count);
    for (let i = 1, at = line.indexOf('\t'); at >= 0; at = line.indexOf('\t', at + 1)) starts[i++] = at + 1;
    this.#starts = starts;
  }

  get size(): number {
    return this.#starts.length;
  }

  /** The entry [start, end) of entry i. */
  #entryEnd(i: number): number {
    return i + 1 < this.#starts.length ? (this.#starts[i + 1] as number) - 1 : this.#line.length;
  }

  /**
   * The stems stored for `word`, or undefined when the index's text does not hold it. The
   * keys are compared in the line, character by character (UTF-16 order, as sort made them),
   * without a string made per step.
   */
  stems(word: string): string[] | undefined {
    const line = this.#line;
    let lo = 0;
    let hi = this.#starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const start = this.#starts[mid] as number;
      const end = this.#entryEnd(mid);
      let order: number;
      for (let k = 0; ; k++) {
        const at = start + k;
        const keyEnded = at >= end || line.charCodeAt(at) === 32;
        if (k === word.length) {
          order = keyEnded ? 0 : 1;
          break;
        }
        if (keyEnded) {
          order = -1;
          break;
        }
        order = line.charCodeAt(at) - word.charCodeAt(k);
        if (order !== 0) break;
      }
      if (order === 0) {
        const after = start + word.length;
        return after < end ? line.slice(after + 1, end).split(' ') : [word];
      }
      if (order < 0) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
  }
}
