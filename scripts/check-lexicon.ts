// Measures the analyser on the whole lexicon, not on a sample: for every paradigm of
// dictionary-sv (as scripts/build-lexicon.ts expands it, with the strong verbs and the
// irregular table), how many get more than one lemma key (forms of one word that do not find
// each other), and how many keys are shared by lemmas that have no form in common (unrelated
// words merged). Forms of several lemmas (vara, slank) are left out of both counts: they can
// only be keyed by one.
//   tsx scripts/build-lexicon.ts /tmp/lex --paradigms /tmp/paradigms.tsv
//   tsx scripts/check-lexicon.ts /tmp/paradigms.tsv [ANALYZER_MODULE] [--examples N]
// ANALYZER_MODULE (default: this tree's analyzer) lets one run the same paradigms through
// another version of the analyser and its lexicon (a checkout of an earlier commit).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formOwners, parseParadigms } from './lexicon-paradigms';

const [file, analyzerPath] = process.argv.slice(2).filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!file) throw new Error('usage: check-lexicon.ts PARADIGMS.tsv [ANALYZER_MODULE] [--examples N]');
const examplesAt = process.argv.indexOf('--examples');
const examples = examplesAt > 0 ? Number(process.argv[examplesAt + 1]) : 10;
const modulePath = resolve(analyzerPath ?? `${import.meta.dirname}/../src-main/services/search/analyzer.ts`);
const { analyzeWord } = (await import(pathToFileURL(modulePath).href)) as {
  analyzeWord: (word: string) => { encoded: readonly string[] };
};

const started = performance.now();
const paradigms = parseParadigms(await readFile(file, 'utf8'));
const owners = formOwners(paradigms);

let formsAnalysed = 0;
const split: string[] = [];
/** Key → the lemmas keyed by it (by their unambiguous forms). */
const lemmasOfKey = new Map<string, Set<string>>();
for (const { lemma, forms } of paradigms) {
  const keys = new Map<string, string>();
  for (const form of forms) {
    if ((owners.get(form) ?? 0) > 1) continue;
    formsAnalysed++;
    const key = analyzeWord(form).encoded[0] ?? '';
    if (!keys.has(key)) keys.set(key, form);
  }
  if (keys.size > 1) split.push(`${lemma}: ${[...keys].map(([k, f]) => `${f}→${k}`).join(', ')}`);
  for (const key of keys.keys()) lemmasOfKey.set(key, (lemmasOfKey.get(key) ?? new Set()).add(lemma));
}
const merged = [...lemmasOfKey].filter(([, lemmas]) => lemmas.size > 1);

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(2)} %`;
console.log(`Analysator: ${modulePath}`);
console.log(
  `${paradigms.length} paradigm med minst två former, ${formsAnalysed} entydiga former analyserade (${Math.round(performance.now() - started)} ms)`,
);
console.log(
  `Paradigm vars former får mer än en nyckel: ${split.length} (${pct(split.length, paradigms.length)})`,
);
console.log(
  `Nycklar som delas av lemman utan gemensam form: ${merged.length} (${merged.reduce((n, [, l]) => n + l.size, 0)} lemman)`,
);
const sample = (list: string[]) =>
  list.filter((_, i) => i % Math.max(1, Math.floor(list.length / examples)) === 0).slice(0, examples);
if (examples > 0) {
  console.log('\nExempel, delade paradigm:');
  for (const line of sample(split)) console.log(`  ${line}`);
  console.log('\nExempel, sammanslagna lemman:');
  for (const line of sample(merged.map(([key, lemmas]) => `${key}: ${[...lemmas].slice(0, 6).join(', ')}`)))
    console.log(`  ${line}`);
}
