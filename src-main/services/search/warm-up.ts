// Owns what the engine searches for while it prepares after a start: queries of every kind
// (a word, two words, a prefix, a phrase) made of the collection's own long words. V8
// compiles the search code as it runs; until some hundreds of searches had run, a query took
// up to half again as long as later ones (measured: one-word p95 1.4 ms after the app's
// first handful of searches, 0.95 ms after some hundred more of any words). Long words only
// (nine letters or more; a phrase's two of six or more), so that what a user is likely to
// type first, a common word, is not what these searches leave in the engine's caches.
import { tokenize } from './analyzer';

/**
 * How many searches the warm-up runs, a quarter of each kind (some pick an entry with no long
 * words and are skipped). 1,200 rather than 400: after 400, V8 was still compiling during the
 * first hundreds of searches that followed (measured on all of regeringen.se, four runs each:
 * the process's CPU p95 per one-word query 2.4–3.0 ms against 1.1–2.1 ms, its wall p95
 * 0.77–0.88 ms against 0.64–0.77 ms). Some 0.4 s more of steps after the index is ready.
 */
export const WARM_UP_SEARCHES = 1_200;

const LONG = /^\p{L}{9,}$/u;
const PHRASE_WORD = /^\p{L}{6,}$/u;

/**
 * The k-th warm-up query over `count` entries, or null when the entry picked has no words
 * for it. Entries are picked spread over the whole index (a stride by a prime), so that one
 * document does not give them all; `textOf` reads an entry's text (null: a title entry).
 */
export function warmUpQuery(
  k: number,
  count: number,
  textOf: (entry: number) => string | null,
): string | null {
  if (count === 0) return null;
  const text = textOf((k * 7919) % count);
  if (!text) return null;
  const words = tokenize(text).map((t) => t.lower);
  const long = words.filter((w) => LONG.test(w));
  switch (k % 4) {
    case 0:
      return long[0] ?? null;
    case 1:
      return long.length >= 2 ? `${long[0]} ${long[long.length - 1]}` : null;
    case 2:
      return long[0]?.slice(0, 5) ?? null;
    default: {
      const at = words.findIndex((w, i) => PHRASE_WORD.test(w) && PHRASE_WORD.test(words[i + 1] ?? ''));
      return at >= 0 ? `"${words[at]} ${words[at + 1]}"` : null;
    }
  }
}
