// One round of the lexicon build's agreement pass (scripts/build-lexicon.ts runs it in a
// process of its own, with LASAREN_LEXICON_DIR set to the lexicon just written): analyses
// every form of every paradigm of two forms or more and prints, as JSON, the forms whose key
// differs from their lemma's (with the lemma's key, letters intact), and the keys of the
// strong verbs named on the command line.
//   build-lexicon-agree.ts PARADIGMS.tsv [VERB …]
import { readFileSync } from 'node:fs';
import { analyzeWord } from '../src-main/services/search/analyzer';
import { formOwners, parseParadigms } from './lexicon-paradigms';

const [file, ...verbs] = process.argv.slice(2);
if (!file) throw new Error('usage: build-lexicon-agree.ts PARADIGMS.tsv [VERB …]');
const paradigms = parseParadigms(readFileSync(file, 'utf8'));
// A form of several lemmas can only have one key: it is left as it is.
const owners = formOwners(paradigms);

const overrides: Array<[string, string]> = [];
for (const { lemma, forms } of paradigms) {
  const own = analyzeWord(lemma);
  const [encoded, key] = [own.encoded[0] ?? '', own.stems[0] ?? ''];
  for (const form of forms) {
    // Words with a hyphen or colon (cd:n, b-durs) are keyed by their last part, never by the lexicon.
    if (form === lemma || (owners.get(form) ?? 0) > 1 || /[-:]/.test(form)) continue;
    if ((analyzeWord(form).encoded[0] ?? '') !== encoded) overrides.push([form, key]);
  }
}
const keys = Object.fromEntries(verbs.map((verb) => [verb, analyzeWord(verb).stems[0] ?? verb]));
process.stdout.write(JSON.stringify({ overrides, keys }));
