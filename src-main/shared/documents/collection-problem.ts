// Owns the shape of a problem found while reading a collection: a code, its place (file and
// manifest line) and the few details its sentence names. That is what the collection index
// stores; main composes the sentences from it in Swedish and English
// (services/documents/problem-text.ts), and the renderer shows the interface language's.

/** What each kind of problem names besides its place. */
export interface ProblemDetails {
  /** The collection folder has no readable manifest. */
  'no-manifest': { readonly folder: string; readonly reason: string };
  'not-json': Readonly<Record<string, never>>;
  'not-object': Readonly<Record<string, never>>;
  'no-id': Readonly<Record<string, never>>;
  'bad-id': { readonly id: string };
  'no-file': Readonly<Record<string, never>>;
  'file-outside': { readonly path: string };
  'no-title': Readonly<Record<string, never>>;
  'unknown-field': { readonly field: string };
  /** An optional field whose value has the wrong form (`value`: as written, shortened). */
  'bad-field': { readonly field: string; readonly value: string };
  'duplicate-id': { readonly first: number };
  /** Two lines name one file (`other`: the first line's id). */
  'shared-file': { readonly path: string; readonly other: string };
  /** A Markdown file in the folder that no manifest line names. */
  unlisted: Readonly<Record<string, never>>;
  /** A listed file that could not be read (`reason`: the system's code, e.g. ENOENT). */
  unreadable: { readonly reason: string };
  'too-large': { readonly megabytes: number; readonly most: number };
  'not-utf8': Readonly<Record<string, never>>;
  'no-text': Readonly<Record<string, never>>;
}

export type CollectionProblemCode = keyof ProblemDetails;

interface ProblemOf<C extends CollectionProblemCode> {
  readonly code: C;
  /** The file the problem is in, relative to the collection folder (the manifest or a document). */
  readonly file: string;
  /** The manifest line, for a problem in the manifest; else null. */
  readonly line: number | null;
  /** Document id when known. */
  readonly documentId: string | null;
  /** 'error': the document could not be loaded; 'warning': loaded, with the problem noted. */
  readonly severity: 'error' | 'warning';
  readonly details: ProblemDetails[C];
}

/** A problem as the collection index stores it: no sentences, only what composes them. */
export type StoredProblem = { [C in CollectionProblemCode]: ProblemOf<C> }[CollectionProblemCode];

/** A problem's code and details, before it is given its place. */
export type ProblemIssue = {
  [C in CollectionProblemCode]: { readonly code: C; readonly details: ProblemDetails[C] };
}[CollectionProblemCode];

/** What a document file's own check found (the collection index keeps it per file). */
export type FileIssue = Extract<ProblemIssue, { code: 'unreadable' | 'too-large' | 'not-utf8' | 'no-text' }>;

/** One problem found while loading a collection: which file, what is wrong, how to fix it. */
export type CollectionProblem = StoredProblem & {
  /** The place in Swedish ("manifest.ndjson, rad 3", or the file). */
  readonly where: string;
  /** Swedish sentence: what is wrong and what to do about it. */
  readonly message: string;
  /** The place in English ("manifest.ndjson, line 3"). */
  readonly whereEn: string;
  /** The same sentence in English. */
  readonly messageEn: string;
};
