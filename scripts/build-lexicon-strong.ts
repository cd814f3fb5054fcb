// Strong verbs for the lexicon build (scripts/build-lexicon.ts): dictionary-sv lists a strong
// verb's past and supine as words of their own (slinka, slank/j, slunkit/j), unrelated to the
// infinitive. A strong verb changes only its root vowel, along one of Swedish's ablaut series
// (slinka–slank–slunkit, skriva–skrev–skrivit, bjuda–bjöd–bjudit, bära–bar–burit): this module
// finds, for every infinitive of the dictionary, the past and supine it lists with the same
// consonants around another vowel of the infinitive's series. Grammar, checked against the
// dictionary's own entries; no verb is named here.

/** Swedish ablaut series: the infinitive's root vowel, the past's and the supine's. */
const SERIES: ReadonlyArray<readonly [string, string, string]> = [
  ['i', 'a', 'u'], // slinka slank slunkit
  ['i', 'e', 'i'], // skriva skrev skrivit
  ['y', 'ö', 'u'], // flyga flög flugit
  ['u', 'ö', 'u'], // bjuda bjöd bjudit, sjunga sjöng sjungit
  ['ä', 'a', 'u'], // bära bar burit
  ['ä', 'å', 'ä'], // äta åt ätit
  ['a', 'o', 'a'], // fara for farit
  ['å', 'ä', 'å'], // gråta grät gråtit
  // a–ö–a and å–ö–å (falla föll, hålla höll) the dictionary conjugates itself.
];

const VOWELS = 'aeiouyåäö';

/** A strong verb's forms the dictionary lists apart from its infinitive. */
export interface StrongVerb {
  readonly infinitive: string;
  /** The past (slank), when listed. */
  readonly past: readonly string[];
  /** The supine and the past participle's forms (slunkit, slunken, slunket, slunkna). */
  readonly supine: readonly string[];
}

/** What the dictionary says of a word, for telling strong verbs from other words in -a. */
export interface WordList {
  /** The dictionary's own entries (not generated forms): a supine is evidence only there. */
  readonly listed: ReadonlySet<string>;
  /** The forms the dictionary generates from an entry (its paradigm), if any. */
  paradigm(word: string): ReadonlySet<string> | undefined;
}

/**
 * The strong verbs of a word list: infinitives in -a (the short verbs ta, dra, gå are
 * irregular and listed in build-lexicon-irregular.ts) that the dictionary does not conjugate
 * itself (no weak past in -de/-te, no supine in -it among their forms: bränna is weak, its
 * brann and brunnit are brinna's), and whose supine in -it it lists with the same consonants
 * around the supine vowel of the infinitive's series, with their past and participle where
 * listed; the verb must also show as one (its present listed). A supine that two verbs
 * would claim, or that `taken` holds (the irregular table's), is left out with its verbs.
 */
export function strongVerbs(
  infinitives: Iterable<string>,
  words: WordList,
  taken: ReadonlySet<string> = new Set(),
): StrongVerb[] {
  const { listed } = words;
  const out: StrongVerb[] = [];
  for (const infinitive of infinitives) {
    if (!infinitive.endsWith('a') || infinitive.length < 4) continue;
    const root = infinitive.slice(0, -1);
    // The root's last vowel and the consonants after it (slink: i, nk).
    let v = root.length - 1;
    while (v >= 0 && !VOWELS.includes(root[v] as string)) v--;
    if (v <= 0 || v === root.length - 1 || VOWELS.includes(root[v - 1] as string)) continue;
    if (conjugated(infinitive, root, words.paradigm(infinitive))) continue;
    const [before, vowel, after] = [root.slice(0, v), root[v] as string, root.slice(v + 1)];
    // A weak past listed apart (växte) makes the vowel-changed "past" another word (vax).
    const weak = [`${root}te`, `${root}de`, `${root}dde`, `${infinitive}de`, `${root.slice(0, -1)}te`].some(
      (w) => listed.has(w),
    );
    const past: string[] = [];
    const supine: string[] = [];
    for (const [inf, pastVowel, supineVowel] of SERIES) {
      const s = `${before}${supineVowel}${after}it`;
      if (inf !== vowel || !listed.has(s)) continue;
      const p = `${before}${pastVowel}${after}`;
      if (listed.has(p) && !weak) past.push(p);
      const frame = s.slice(0, -2);
      supine.push(s, ...[`${frame}en`, `${frame}et`, `${frame}na`].filter((f) => listed.has(f)));
    }
    // A verb: its present is listed too (slinker; skär, where the root ends in r).
    const present = listed.has(`${root}er`) || (root.endsWith('r') && listed.has(root));
    if (supine.length > 0 && present) out.push({ infinitive, past, supine });
  }
  // A supine two infinitives claim (rinna and ränna: runnit) is neither's.
  const claims = new Map<string, number>();
  for (const verb of out) for (const s of verb.supine) claims.set(s, (claims.get(s) ?? 0) + 1);
  return out.filter((verb) => verb.supine.every((s) => claims.get(s) === 1 && !taken.has(s)));
}

/** True when the dictionary already conjugates the verb: a weak past or a supine among its forms. */
function conjugated(infinitive: string, root: string, paradigm: ReadonlySet<string> | undefined): boolean {
  const start = root.slice(0, -1);
  for (const form of paradigm ?? []) {
    if (form.length > infinitive.length + 2 || !form.startsWith(start)) continue;
    if (/(?:de|te|it)$/.test(form) && form !== infinitive) return true;
  }
  return false;
}
