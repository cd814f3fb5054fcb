// Owns the paradigm file the lexicon scripts hand each other: one line per lemma with two forms
// or more, "lemma<TAB>form form …" (build-lexicon.ts writes it for its agreement pass and on
// --paradigms; build-lexicon-agree.ts and check-lexicon.ts read it).

export interface Paradigm {
  readonly lemma: string;
  readonly forms: readonly string[];
}

/** The file's text for every paradigm of two forms or more. */
export function formatParadigms(paradigms: Iterable<[string, Iterable<string>]>): string {
  const lines: string[] = [];
  for (const [lemma, forms] of paradigms) {
    const list = [...forms];
    if (list.length > 1) lines.push(`${lemma}\t${list.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

export function parseParadigms(text: string): Paradigm[] {
  return text
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const [lemma, forms] = line.split('\t') as [string, string];
      return { lemma, forms: forms.split(' ') };
    });
}

/** How many paradigms hold each form (a form of several lemmas can only have one key). */
export function formOwners(paradigms: readonly Paradigm[]): Map<string, number> {
  const owners = new Map<string, number>();
  for (const { forms } of paradigms) for (const form of forms) owners.set(form, (owners.get(form) ?? 0) + 1);
  return owners;
}
