// Owns the sentences of a collection's problems, in Swedish and English, composed from the
// stored code and details (shared/documents/collection-problem.ts): the index keeps no text,
// so a problem reads the same in both languages however old the index is, and a reworded
// sentence needs no rebuild. Every sentence says what is wrong and what to do about it.
import type {
  CollectionProblem,
  CollectionProblemCode,
  ProblemDetails,
  StoredProblem,
} from '../../shared/documents/collection-problem';
import type { Bilingual } from '../../shared/result';

export const MANIFEST_FILE = 'manifest.ndjson';

/** The manifest's fields, in the order the "unknown field" sentence lists them. */
export const MANIFEST_FIELDS = [
  'id',
  'file',
  'title',
  'designation',
  'type',
  'published',
  'publisher',
  'author',
  'url',
  'summary',
  'related',
  'language',
] as const;

/** What to write in an optional field that had the wrong form. */
const FIELD_FORMS: Readonly<Record<string, Bilingual>> = {
  designation: {
    sv: 'en beteckning som "SOU 2026:9" eller "Dir. 2011:88"',
    en: 'a designation such as "SOU 2026:9" or "Dir. 2011:88"',
  },
  type: {
    sv: 'dokumenttypen som text, t.ex. "Proposition"',
    en: 'the document type as text, e.g. "Proposition"',
  },
  published: {
    sv: 'ett datum som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ',
    en: 'a date as YYYY-MM-DD, YYYY-MM or YYYY',
  },
  publisher: { sv: 'utgivarens namn som text', en: "the publisher's name as text" },
  author: { sv: 'författarens namn som text', en: "the author's name as text" },
  url: { sv: 'en fullständig adress som börjar med https://', en: 'a full address starting with https://' },
  summary: { sv: 'en sammanfattning som text', en: 'a summary as text' },
  related: {
    sv: 'en lista med adresser eller sökvägar, t.ex. ["/pressmeddelanden/…/"]',
    en: 'a list of addresses or paths, e.g. ["/pressmeddelanden/…/"]',
  },
  language: { sv: 'en språkkod som "sv" eller "en"', en: 'a language code such as "sv" or "en"' },
};

type Compose<C extends CollectionProblemCode> = (
  details: ProblemDetails[C],
  p: { readonly file: string; readonly documentId: string | null },
) => Bilingual;

const ID_RULE: Bilingual = {
  sv: 'Ge det ett id av små bokstäver, siffror, _ och - (högst 128 tecken).',
  en: 'Give it an id of lower-case letters, digits, _ and - (at most 128 characters).',
};

const SENTENCES: { readonly [C in CollectionProblemCode]: Compose<C> } = {
  'no-manifest': ({ folder, reason }) => ({
    sv: `Samlingen ${folder} saknar ${MANIFEST_FILE} (${reason}). Lägg en manifestfil med en rad per dokument i mappen.`,
    en: `The collection ${folder} has no ${MANIFEST_FILE} (${reason}). Put a manifest file with one line per document in the folder.`,
  }),
  'not-json': () => ({
    sv: 'Raden är inte giltig JSON och hoppas över. Rätta raden så att den är ett JSON-objekt på en rad.',
    en: 'The line is not valid JSON and is skipped. Correct it so that it is one JSON object on one line.',
  }),
  'not-object': () => ({
    sv: 'Raden är inte ett JSON-objekt och hoppas över. Skriv ett objekt som {"id": …, "file": …, "title": …}.',
    en: 'The line is not a JSON object and is skipped. Write an object such as {"id": …, "file": …, "title": …}.',
  }),
  'no-id': () => ({
    sv: `Fältet id saknas; dokumentet hoppas över. ${ID_RULE.sv}`,
    en: `The field id is missing; the document is skipped. ${ID_RULE.en}`,
  }),
  'bad-id': ({ id }) => ({
    sv: `Fältet id "${id}" är ogiltigt; dokumentet hoppas över. ${ID_RULE.sv}`,
    en: `The field id "${id}" is not valid; the document is skipped. ${ID_RULE.en}`,
  }),
  'no-file': (_, { documentId }) => ({
    sv: `Fältet file saknas; dokumentet hoppas över. Ange Markdown-filens sökväg i mappen, t.ex. "docs/${documentId}.md".`,
    en: `The field file is missing; the document is skipped. Give the path of its Markdown file in the folder, e.g. "docs/${documentId}.md".`,
  }),
  'file-outside': ({ path }, { documentId }) => ({
    sv: `Fältet file "${path}" pekar utanför samlingens mapp; dokumentet hoppas över. Ange en sökväg inuti mappen, t.ex. "docs/${documentId}.md".`,
    en: `The field file "${path}" points outside the collection's folder; the document is skipped. Give a path inside the folder, e.g. "docs/${documentId}.md".`,
  }),
  'no-title': () => ({
    sv: 'Fältet title saknas eller är tomt; dokumentet hoppas över. Ange dokumentets titel som text.',
    en: "The field title is missing or empty; the document is skipped. Give the document's title as text.",
  }),
  'unknown-field': ({ field }) => ({
    sv: `Okänt fält "${field}" används inte. Ta bort det eller byt till ett av fälten ${MANIFEST_FIELDS.join(', ')}.`,
    en: `The unknown field "${field}" is not used. Remove it or use one of the fields ${MANIFEST_FIELDS.join(', ')}.`,
  }),
  'bad-field': ({ field, value }) => {
    const form = FIELD_FORMS[field] ?? { sv: 'ett giltigt värde', en: 'a valid value' };
    return {
      sv: `Fältet ${field} har fel form och används inte (${value}). Skriv ${form.sv}.`,
      en: `The field ${field} has the wrong form and is not used (${value}). Write ${form.en}.`,
    };
  },
  'duplicate-id': ({ first }, { documentId }) => ({
    sv: `Id "${documentId}" finns redan på rad ${first}; den här raden hoppas över. Ge dokumentet ett eget id.`,
    en: `The id "${documentId}" is already used on line ${first}; this line is skipped. Give the document an id of its own.`,
  }),
  'shared-file': ({ path, other }) => ({
    sv: `Filen ${path} används redan av "${other}"; båda visas. Kontrollera att raden pekar på rätt fil.`,
    en: `The file ${path} is already used by "${other}"; both are shown. Check that the line points to the right file.`,
  }),
  unlisted: (_, { file }) => ({
    sv: `${file} finns i mappen men inte i ${MANIFEST_FILE} och visas inte. Lägg till en rad för den i manifestet eller ta bort filen.`,
    en: `${file} is in the folder but not in ${MANIFEST_FILE}, so it is not shown. Add a line for it to the manifest or remove the file.`,
  }),
  unreadable: ({ reason }, { file }) => ({
    sv: `${file} kunde inte läsas (${reason}). Lägg filen i samlingens mapp eller rätta sökvägen i manifestet.`,
    en: `${file} could not be read (${reason}). Put the file in the collection's folder or correct its path in the manifest.`,
  }),
  'too-large': ({ megabytes, most }, { file }) => ({
    sv: `${file} är för stor (${megabytes} MB, högst ${most} MB). Dela upp dokumentet i flera filer.`,
    en: `${file} is too large (${megabytes} MB, at most ${most} MB). Split the document into several files.`,
  }),
  'not-utf8': (_, { file }) => ({
    sv: `${file} är inte giltig UTF-8-text. Spara om filen som UTF-8 (Markdown).`,
    en: `${file} is not valid UTF-8 text. Save the file again as UTF-8 (Markdown).`,
  }),
  'no-text': (_, { file }) => ({
    sv: `${file} innehåller ingen text. Kontrollera att det är rätt fil.`,
    en: `${file} contains no text. Check that it is the right file.`,
  }),
};

/** The sentence of a problem in both languages. */
export function problemSentence(problem: StoredProblem): Bilingual {
  const compose = SENTENCES[problem.code] as Compose<typeof problem.code>;
  return compose(problem.details as never, problem);
}

/** A stored problem with its place and sentence in Swedish and English. */
export function describeProblem(problem: StoredProblem): CollectionProblem {
  const said = problemSentence(problem);
  const line = problem.line;
  return {
    ...problem,
    where: line === null ? problem.file : `${problem.file}, rad ${line}`,
    whereEn: line === null ? problem.file : `${problem.file}, line ${line}`,
    message: said.sv,
    messageEn: said.en,
  };
}
