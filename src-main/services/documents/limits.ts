// Owns the limits every untrusted file is parsed under and the failures a parser reports:
// each failure carries a Swedish and an English sentence a person can act on.

/** Files above this are refused before any parser sees them. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** A parser that runs longer than this is stopped (its worker is terminated). */
export const PARSE_TIMEOUT_MS = 120_000;
/** Heap ceiling of the parser worker (resourceLimits.maxOldGenerationSizeMb). */
export const WORKER_HEAP_MB = 1024;
/** Sum of a .docx archive's declared uncompressed sizes that we are willing to inflate. */
export const MAX_UNZIPPED_BYTES = 300 * 1024 * 1024;
/** A single zip entry may not claim a compression ratio above this (zip bombs claim 1000:1). */
export const MAX_ZIP_RATIO = 200;
/** Text characters in the parsed result (a 2,000-page report has ~6 million). */
export const MAX_TEXT_CHARS = 40_000_000;

export type ImportProblem =
  | 'empty'
  | 'too-large'
  | 'unsupported'
  | 'legacy-word'
  | 'mismatch'
  | 'encrypted'
  | 'no-text'
  | 'corrupt'
  | 'zip-bomb'
  | 'timeout'
  | 'memory'
  | 'crashed';

export interface ImportMessage {
  readonly problem: ImportProblem;
  readonly sv: string;
  readonly en: string;
}

/** A parser's refusal; thrown inside the worker and sent back as plain data. */
export class ImportFailure extends Error {
  readonly problem: ImportProblem;
  readonly sv: string;
  readonly en: string;
  constructor(message: ImportMessage) {
    super(message.sv);
    this.name = 'ImportFailure';
    this.problem = message.problem;
    this.sv = message.sv;
    this.en = message.en;
  }
  toMessage(): ImportMessage {
    return { problem: this.problem, sv: this.sv, en: this.en };
  }
}

const MB = 1024 * 1024;

export const problems = {
  empty: (): ImportMessage => ({
    problem: 'empty',
    sv: 'Filen är tom och har ingen text att läsa.',
    en: 'The file is empty and has no text to read.',
  }),
  tooLarge: (bytes: number, limit = MAX_FILE_BYTES): ImportMessage => ({
    problem: 'too-large',
    sv: `Filen är för stor (${Math.ceil(bytes / MB)} MB). Läsaren tar emot filer på högst ${Math.round(limit / MB)} MB.`,
    en: `The file is too large (${Math.ceil(bytes / MB)} MB). Läsaren accepts files of at most ${Math.round(limit / MB)} MB.`,
  }),
  unsupported: (what: { sv: string; en: string }): ImportMessage => ({
    problem: 'unsupported',
    sv: `Filen är ${what.sv} och kan inte läggas till. Läsaren tar PDF, Word (.docx), HTML, Markdown och textfiler.`,
    en: `The file is ${what.en} and cannot be added. Läsaren takes PDF, Word (.docx), HTML, Markdown and text files.`,
  }),
  legacyWord: (): ImportMessage => ({
    problem: 'legacy-word',
    sv: 'Filen är i Words äldre format (.doc). Öppna den i Word eller LibreOffice, spara som .docx och lägg till den igen.',
    en: 'The file is in Word’s old format (.doc). Open it in Word or LibreOffice, save it as .docx and add it again.',
  }),
  mismatch: (extension: string, actual: { sv: string; en: string }): ImportMessage => ({
    problem: 'mismatch',
    sv: `Filen heter .${extension} men innehåller ${actual.sv}. Kontrollera att det är rätt fil.`,
    en: `The file is named .${extension} but contains ${actual.en}. Check that it is the right file.`,
  }),
  encrypted: (): ImportMessage => ({
    problem: 'encrypted',
    sv: 'PDF-filen är skyddad med ett lösenord för att öppnas. Spara en kopia utan lösenord (till exempel via Skriv ut → Spara som PDF) och lägg till den.',
    en: 'The PDF is protected by a password to open it. Save a copy without the password (for example Print → Save as PDF) and add that.',
  }),
  noText: (): ImportMessage => ({
    problem: 'no-text',
    sv: 'PDF-filen innehåller bara bilder av sidor, ingen text. Kör textigenkänning (OCR) på den, till exempel i Adobe Acrobat eller med ocrmypdf, och lägg till resultatet.',
    en: 'The PDF holds only images of pages, no text. Run text recognition (OCR) on it, for example in Adobe Acrobat or with ocrmypdf, and add the result.',
  }),
  corrupt: (kind: string): ImportMessage => ({
    problem: 'corrupt',
    sv: `Filen ser ut att vara en ${kind}-fil men är skadad eller ofullständig och kan inte läsas. Hämta eller spara den på nytt.`,
    en: `The file looks like a ${kind} file but is damaged or incomplete and cannot be read. Download or save it again.`,
  }),
  zipBomb: (): ImportMessage => ({
    problem: 'zip-bomb',
    sv: 'Word-filen packas upp till orimligt mycket data och öppnas inte (den kan vara skadlig).',
    en: 'The Word file would unpack to an unreasonable amount of data and is not opened (it may be malicious).',
  }),
  timeout: (seconds: number): ImportMessage => ({
    problem: 'timeout',
    sv: `Det tog för lång tid att läsa filen (över ${seconds} sekunder) och läsningen avbröts.`,
    en: `Reading the file took too long (over ${seconds} seconds) and was stopped.`,
  }),
  memory: (): ImportMessage => ({
    problem: 'memory',
    sv: 'Filen krävde för mycket minne för att läsas och läsningen avbröts.',
    en: 'Reading the file needed too much memory and was stopped.',
  }),
  crashed: (): ImportMessage => ({
    problem: 'crashed',
    sv: 'Filen kunde inte läsas: tolkaren stannade oväntat. Filen kan vara skadad.',
    en: 'The file could not be read: the parser stopped unexpectedly. The file may be damaged.',
  }),
};
