// Build step for the search lexicon: expands the hunspell dictionary dictionary-sv
// (index.aff + index.dic, LGPL-3.0) into full paradigms and writes what the analyser needs:
//   resources/lexicon/sv-lemmas.tsv   word form → lemma key, only where Snowball's stem of the
//                                     form differs from the stem of its lemma (the forms
//                                     Snowball fails to join: flickan, kvinnan, planet, …)
//   resources/lexicon/sv-forms.bloom  every form of every lemma, as a Bloom filter (is this a
//                                     real Swedish word? for compound splitting and typos)
//   resources/lexicon/sv-needles.tsv  lemma key → beginnings of its forms that lack the key
//   resources/lexicon/sv-alternates.tsv  a strong verb's past that is also a word of its own
//                                     (slank: slender, and slinka's past) → the verb's key
// All are derived data under the dictionary's licence (see resources/lexicon/README.md).
// `tsx scripts/build-lexicon.ts [OUT_DIR] [--list-strong] [--paradigms FILE]`: --list-strong
// prints the strong verbs found, --paradigms writes every paradigm of two forms or more
// (lemma, tab, its forms) for scripts/check-lexicon.ts.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { newStemmer } from 'snowball-stemmers';
import { BloomFilter, LEXICON_FILES } from '../src-main/services/search/lexicon';
import { IRREGULAR } from './build-lexicon-irregular';
import { strongVerbs } from './build-lexicon-strong';
import { formatParadigms } from './lexicon-paradigms';

interface Affix {
  readonly strip: string;
  readonly add: string;
  readonly condition: RegExp;
  /** Only valid inside a compound (hunspell ONLYINCOMPOUND on the affix's continuation). */
  readonly onlyInCompound: boolean;
}

const dictionaryDir = dirname(createRequire(import.meta.url).resolve('dictionary-sv'));
const outDir = resolve(
  process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--paradigms') ??
    join(import.meta.dirname, '..', 'resources', 'lexicon'),
);
const started = performance.now();

const aff = await readFile(join(dictionaryDir, 'index.aff'), 'utf8');
const dic = await readFile(join(dictionaryDir, 'index.dic'), 'utf8');

const directive = (name: string) => new RegExp(`^${name}\\s+(\\S+)`, 'm').exec(aff)?.[1] ?? '\u0000';
const ONLY_IN_COMPOUND = directive('ONLYINCOMPOUND');
const NEED_AFFIX = directive('NEEDAFFIX');
const FORBIDDEN = directive('FORBIDDENWORD');

const suffixes = new Map<string, Affix[]>();
for (const line of aff.split('\n')) {
  const parts = line.trim().split(/\s+/);
  if (parts[0] !== 'SFX' || parts.length < 5) continue;
  const [, flag, stripRaw, addRaw, condition] = parts as [string, string, string, string, string];
  const [add, continuation = ''] = addRaw.split('/') as [string, string?];
  const list = suffixes.get(flag) ?? [];
  list.push({
    strip: stripRaw === '0' ? '' : stripRaw,
    add: add === '0' ? '' : add,
    condition: new RegExp(`${condition === '.' ? '' : condition}$`, 'u'),
    onlyInCompound: continuation.includes(ONLY_IN_COMPOUND),
  });
  suffixes.set(flag, list);
}

const stemmer = newStemmer('swedish');
const stem = (w: string) => stemmer.stem(w);
const roots = new Set<string>();
/** Every word the dictionary lists, whatever its flags (slank/j, a verb form only). */
const listed = new Set<string>();
const forms = new Set<string>();
const USABLE = /^[\p{Ll}][\p{Ll}\-:]*$/u;

/** Lemma → its forms (entries sharing a spelling share one paradigm). */
const paradigms = new Map<string, Set<string>>();

function addForm(form: string, lemma: string): void {
  if (!USABLE.test(form)) return;
  forms.add(form);
  let paradigm = paradigms.get(lemma);
  if (!paradigm) paradigms.set(lemma, (paradigm = new Set()));
  paradigm.add(form);
}

for (const line of dic.split('\n').slice(1)) {
  if (line === '' || line.includes(' ')) continue;
  const slash = line.indexOf('/');
  const word = (slash < 0 ? line : line.slice(0, slash)).toLowerCase();
  const flags = slash < 0 ? '' : line.slice(slash + 1);
  if (flags.includes(FORBIDDEN) || flags.includes(ONLY_IN_COMPOUND) || word.endsWith('-')) continue;
  if (!USABLE.test(word)) continue;
  listed.add(word);
  if (!flags.includes(NEED_AFFIX)) {
    addForm(word, word);
    roots.add(word);
  }
  for (const flag of flags) {
    for (const affix of suffixes.get(flag) ?? []) {
      if (affix.onlyInCompound || !affix.condition.test(word)) continue;
      if (affix.strip && !word.endsWith(affix.strip)) continue;
      addForm(word.slice(0, word.length - affix.strip.length) + affix.add, word);
    }
  }
}
/** Form → the lemmas whose paradigms hold it, as the dictionary alone has them. */
const lemmasOf = new Map<string, Set<string>>();
for (const [lemma, paradigm] of paradigms)
  for (const form of paradigm) lemmasOf.set(form, (lemmasOf.get(form) ?? new Set()).add(lemma));
/**
 * A word of its own besides a verb form: another lemma's form, or a lemma with forms other
 * than its s-form (slank: slanka, slankt; band: bandet), not just a verb form listed apart.
 */
const ownWord = (form: string): boolean =>
  [...(lemmasOf.get(form) ?? [])].some((lemma) => lemma !== form) ||
  [...(paradigms.get(form) ?? [])].some((f) => f !== form && f !== `${form}s`);

// Strong verbs and irregular plurals: hunspell lists them as words of their own.
const irregularForms = new Set<string>();
const irregularLemma = new Map<string, string>();
function addIrregular(form: string, lemma: string): void {
  irregularForms.add(form);
  if (!irregularLemma.has(form)) irregularLemma.set(form, lemma);
  addForm(form, lemma);
}
for (const [lemma, ...irregular] of IRREGULAR as string[][])
  for (const form of irregular) addIrregular(form, lemma as string);
/*
 * The strong verbs the dictionary lists by their forms (slinka, slank, slunkit): each form
 * joins its verb (and its s-form, where listed); a past that is also a word of its own
 * (slank, slender; svek, a betrayal) keeps its own key, and a query for it also finds the verb's
 * forms (sv-alternates.tsv), ranked below the word's own.
 */
const alternateOf = new Map<string, string>();
let strongCount = 0;
const irregularLemmas = new Set(IRREGULAR.map(([lemma]) => lemma as string));
const listStrong = process.argv.includes('--list-strong');
for (const verb of strongVerbs(roots, { listed, paradigm: (word) => paradigms.get(word) }, irregularForms)) {
  if (irregularLemmas.has(verb.infinitive)) continue;
  strongCount++;
  if (listStrong) console.log(`${verb.infinitive}: ${[...verb.past, ...verb.supine].join(' ')}`);
  // The long infinitive in -aga is the old form of one in -a (antaga of anta, as taga of ta):
  // the verb is the short one, which the texts use.
  const short = verb.infinitive.endsWith('aga') ? verb.infinitive.slice(0, -2) : '';
  const lemma = short !== '' && roots.has(short) && !irregularForms.has(short) ? short : verb.infinitive;
  if (lemma !== verb.infinitive) addIrregular(verb.infinitive, lemma);
  for (const form of [...verb.past, ...verb.supine]) {
    if (irregularForms.has(form)) continue;
    // Only a past can be another word's (supines and participles are the verb's own).
    if (verb.past.includes(form) && ownWord(form)) {
      if (!alternateOf.has(form)) alternateOf.set(form, lemma);
      continue;
    }
    addIrregular(form, lemma);
    if (listed.has(`${form}s`) && !ownWord(`${form}s`)) addIrregular(`${form}s`, lemma);
  }
}

/*
 * A lemma's key is Snowball's stem of it, unless other lemmas share that stem (månad and
 * måne both stem to mån): then the longest beginning all its forms share (månad), when that
 * is longer, so that their forms stay apart.
 */
/*
 * Only lemmas with forms of their own count: a verb form the dictionary lists apart (slinker,
 * binder, with no paradigm) is not a lemma of its own, and keying it apart would part it from
 * its verb (slinker from slinka).
 */
const lemmasByStem = new Map<string, number>();
for (const [lemma, paradigm] of paradigms)
  if (paradigm.size > 1) lemmasByStem.set(stem(lemma), (lemmasByStem.get(stem(lemma)) ?? 0) + 1);
const keyOfLemma = new Map<string, string>();
for (const [lemma, paradigm] of paradigms) {
  const own = stem(lemma);
  let key = own;
  if (paradigm.size > 1 && (lemmasByStem.get(own) ?? 0) > 1) {
    let shared = lemma;
    for (const form of paradigm) {
      let n = 0;
      while (n < shared.length && shared[n] === form[n]) n++;
      shared = shared.slice(0, n);
    }
    if (shared.length > own.length) key = shared;
  }
  keyOfLemma.set(lemma, key);
}
/** Word form → the keys of the lemmas it is a form of. */
const keysOf = new Map<string, Set<string>>();
for (const [lemma, paradigm] of paradigms) {
  const key = keyOfLemma.get(lemma) as string;
  for (const form of paradigm) {
    // An irregular form is a form of its lemma only, even where hunspell lists it as a word.
    if (irregularForms.has(form) && irregularLemma.get(form) !== lemma) continue;
    let keys = keysOf.get(form);
    if (!keys) keysOf.set(form, (keys = new Set()));
    keys.add(key);
  }
}

/** The key each form is stored with, where it is not Snowball's stem of the form. */
const keyOfForm = new Map<string, string>();
const fold = (w: string) =>
  w
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
for (const [form, keys] of keysOf) {
  const own = stem(form);
  // A form that is itself a lemma with forms of its own is that lemma (planet the planet,
  // not plan's planet); a lemma without forms (the adverb våldsamt) joins the lemma it is a
  // form of, if any.
  if (
    roots.has(form) &&
    !irregularForms.has(form) &&
    ((paradigms.get(form)?.size ?? 0) > 1 || keys.size === 1)
  ) {
    const key = keyOfLemma.get(form) as string;
    if (key !== own) keyOfForm.set(form, key);
    continue;
  }
  keys.delete(keyOfLemma.get(form) as string);
  if (keys.size === 0 || keys.has(own)) continue;
  const sharedStart = (k: string) => {
    let n = 0;
    while (n < k.length && k[n] === form[n]) n++;
    return n;
  };
  keyOfForm.set(
    form,
    [...keys].sort((a, b) => sharedStart(b) - sharedStart(a) || (a < b ? -1 : 1))[0] as string,
  );
}
/** A strong verb's key as the analyser gives it (the agreement pass may change it). */
const verbKey = new Map<string, string>();

const bloom = BloomFilter.create(forms.size, 0.001);
for (const form of forms) bloom.add(form);

/** Writes the lexicon's files from keyOfForm, verbKey and the Bloom filter. */
async function writeLexicon(): Promise<number> {
  const lines: string[] = [];
  const needles = new Map<string, Set<string>>();
  for (const [form, key] of [...keyOfForm].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Stored as the characters to drop from the form's end and the characters to add.
    let common = 0;
    while (common < key.length && common < form.length && key[common] === form[common]) common++;
    lines.push(`${form}\t${form.length - common}${key.slice(common)}`);
    // Forms that do not contain their key (folded) need a needle of their own in match.ts.
    const [foldedForm, foldedKey] = [fold(form), fold(key)];
    if (!foldedForm.includes(foldedKey)) {
      let shared = 0;
      while (shared < foldedKey.length && foldedKey[shared] === foldedForm[shared]) shared++;
      const needle = shared >= 3 ? foldedForm.slice(0, shared) : foldedForm;
      const list = needles.get(foldedKey) ?? new Set<string>();
      needles.set(foldedKey, list.add(needle));
    }
  }
  const needleLines = [...needles]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([key, list]) =>
        `${key}\t${[...list].filter((n) => ![...list].some((m) => m !== n && n.includes(m))).join(' ')}`,
    );
  const alternateLines = [...alternateOf]
    .map(([form, verb]) => [form, verbKey.get(verb) ?? (keyOfLemma.get(verb) as string)] as const)
    .filter(([form, key]) => key !== (keyOfForm.get(form) ?? stem(form)))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([form, key]) => `${form}\t${key}`);
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, LEXICON_FILES.lemmas), lines.join('\n') + '\n');
  await writeFile(join(outDir, LEXICON_FILES.forms), bloom.bytes());
  await writeFile(join(outDir, LEXICON_FILES.needles), needleLines.join('\n') + '\n');
  await writeFile(join(outDir, LEXICON_FILES.alternates), alternateLines.join('\n') + '\n');
  alternateCount = alternateLines.length;
  return lines.length;
}
let alternateCount = 0;
let exceptions = await writeLexicon();

/*
 * Agreement: the analyser keys a word the lexicon knows by its exception, or else by a
 * compound split or Snowball, and those can disagree within one paradigm (abbedissa keyed
 * through a tail, abbedissan by Snowball). Each round runs the analyser with the files just
 * written over every paradigm (scripts/build-lexicon-agree.ts, in its own process: the
 * analyser reads its lexicon once) and gives the forms that disagree with their lemma the
 * lemma's key, until none do (compounds' keys follow their tails', so a round can move others).
 */
const paradigmFile = join(outDir, '.paradigms.tsv');
await writeFile(paradigmFile, formatParadigms(paradigms));
const verbs = [...new Set(alternateOf.values())];
let agreed = 0;
for (let round = 1; round <= 4 && !process.argv.includes('--no-agree'); round++) {
  const result = execFileSync(
    process.execPath,
    [...process.execArgv, join(import.meta.dirname, 'build-lexicon-agree.ts'), paradigmFile, ...verbs],
    { env: { ...process.env, LASAREN_LEXICON_DIR: outDir }, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
  );
  const { overrides, keys } = JSON.parse(result) as {
    overrides: Array<[string, string]>;
    keys: Record<string, string>;
  };
  for (const [verb, key] of Object.entries(keys)) verbKey.set(verb, key);
  for (const [form, key] of overrides) keyOfForm.set(form, key);
  agreed += overrides.length;
  exceptions = await writeLexicon();
  console.log(`Överensstämmelse, varv ${round}: ${overrides.length} former får sitt lemmas nyckel`);
  if (overrides.length === 0) break;
}
await rm(paradigmFile);
const paradigmsAt = process.argv.indexOf('--paradigms');
if (paradigmsAt > 0 && process.argv[paradigmsAt + 1]) {
  await writeFile(resolve(process.argv[paradigmsAt + 1] as string), formatParadigms(paradigms));
}
console.log(
  `Lexikon: ${roots.size} lemman, ${forms.size} ordformer, ${exceptions} undantag från Snowball (${agreed} för att ett paradigm ska få en nyckel), ${strongCount} starka verb (${alternateCount} former som också är egna ord) → ${outDir} (${Math.round(performance.now() - started)} ms)`,
);
