// Owns the vocabulary of exporting notes, shared by main and renderer: the formats, the
// scope (all notes, one document, the notes panel's filter), the deep link that points back
// into the app, the Swedish colour names used in every output and the default file name.
import type { HighlightColour } from './annotation';
import { documentDeepLink } from './deep-link';
import type { NotesFilter } from './notes-filter';

export const EXPORT_FORMATS = ['docx', 'pdf', 'md', 'html', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_EXTENSION: Record<ExportFormat, string> = {
  docx: 'docx',
  pdf: 'pdf',
  md: 'md',
  html: 'html',
  csv: 'csv',
  json: 'json',
};

/** Shown in save dialogs as the file type. */
export const FORMAT_LABEL: Record<ExportFormat, string> = {
  docx: 'Word-dokument',
  pdf: 'PDF',
  md: 'Markdown',
  html: 'Webbsida (HTML)',
  csv: 'CSV för Excel',
  json: 'W3C Web Annotation (JSON)',
};

export type ExportScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'document'; readonly documentId: string }
  | { readonly kind: 'filter'; readonly filter: NotesFilter };

export const COLOUR_NAME_SV: Record<HighlightColour, string> = {
  yellow: 'gul',
  green: 'grön',
  blue: 'blå',
  pink: 'rosa',
  purple: 'lila',
};

export function colourNameSv(colour: HighlightColour | null): string {
  return colour ? COLOUR_NAME_SV[colour] : 'ingen färg';
}

/** `lasaren://document/<id>`: the W3C target source of a document. */
export function documentLink(documentId: string): string {
  return documentDeepLink(documentId);
}

/** `lasaren://document/<id>#stycke-<n>`: opens the app at that paragraph. */
export function paragraphLink(documentId: string, paragraph: number): string {
  return documentDeepLink(documentId, paragraph);
}

/** `Anteckningar 2026-11-21.docx`, dated in the user's local time. */
export function defaultExportFileName(format: ExportFormat, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `Anteckningar ${date}.${FORMAT_EXTENSION[format]}`;
}

/** What an export reports back: where the file went and what it holds. */
export interface ExportDone {
  readonly cancelled: false;
  readonly path: string;
  readonly fileName: string;
  readonly count: number;
  readonly documents: number;
  /** False where the host cannot open a file manager; the UI then only shows the path. */
  readonly canReveal: boolean;
}

export type ExportOutcome = ExportDone | { readonly cancelled: true };

/** Counts shown before an import is merged. */
export interface ImportPreview {
  readonly cancelled: false;
  /** Hands the parsed file to importApply; valid until the next preview. */
  readonly token: string;
  readonly fileName: string;
  readonly total: number;
  readonly added: number;
  readonly unchanged: number;
  /** Same id, different content: the newer modification wins, the older is kept in history. */
  readonly conflicts: number;
  /** Of the conflicts, how many the imported version wins. */
  readonly replaced: number;
  /** Documents the file refers to that are not in this library (their notes become orphans). */
  readonly unknownDocuments: readonly { readonly documentId: string; readonly count: number }[];
}

export type ImportPreviewOutcome = ImportPreview | { readonly cancelled: true };

export interface ImportApplied {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** Largest file import accepts (a 10,000-note JSON export is about 10 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
