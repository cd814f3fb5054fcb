// Owns the plain data the import of the user's own documents sends over the contract: what
// an added file became, why a file was refused (Swedish and English), and import progress.
import { z } from 'zod';
import type { DocumentSummary } from './model';

/** Files larger than this are refused before they are sent or parsed. */
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024;

export interface ImportedDocument {
  readonly document: DocumentSummary;
  /** The same file (same bytes) was already in the library; nothing new was stored. */
  readonly duplicate: boolean;
}

export interface ImportFailureInfo {
  readonly fileName: string;
  readonly problem: string;
  readonly message: string;
  readonly messageEn: string;
}

/** One file's import result: the document, or why the file was not added. */
export type ImportFileOutcome =
  | ({ readonly ok: true; readonly fileName: string } & ImportedDocument)
  | ({ readonly ok: false } & ImportFailureInfo);

export interface ImportProgress {
  readonly fileName: string;
  /** Pages parsed so far (PDF); 0 of 0 while a format without pages is read. */
  readonly done: number;
  readonly total: number;
}

const MAX_BASE64 = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

export const ImportDocumentSchema = z.strictObject({
  fileName: z
    .string({ error: 'Filnamnet måste vara text.' })
    .min(1, { error: 'Filen saknar namn.' })
    .max(255, { error: 'Filnamnet är för långt (högst 255 tecken).' }),
  /** The file's bytes, base64: the same in Electron's IPC and the browser host's JSON. */
  data: z
    .string({ error: 'Filens innehåll saknas.' })
    .max(MAX_BASE64, {
      error: `Filen är för stor; Läsaren tar emot filer på högst ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`,
    })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Filens innehåll är inte giltig base64.' }),
});

const Text = (max: number, what: string) =>
  z
    .string({ error: `${what} måste vara text.` })
    .trim()
    .max(max, { error: `${what} är för lång (högst ${max} tecken).` });
const Optional = (max: number, what: string) =>
  Text(max, what)
    .nullable()
    .transform((v) => (v === '' ? null : v));

export const MetaPatchSchema = z.strictObject({
  title: Text(300, 'Titeln').min(1, { error: 'Titeln får inte vara tom.' }).optional(),
  designation: Optional(100, 'Beteckningen').optional(),
  type: Optional(100, 'Dokumenttypen').optional(),
  published: z
    .string()
    .regex(/^(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
      error: 'Datum skrivs ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ.',
    })
    .nullable()
    .optional(),
  publisher: Optional(200, 'Utgivaren').optional(),
  author: Optional(200, 'Författaren').optional(),
  language: z.enum(['sv', 'en'], { error: 'Språket måste vara sv eller en.' }).optional(),
});
