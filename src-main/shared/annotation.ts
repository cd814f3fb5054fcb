// Owns the annotation model, on the W3C Web Annotation data model: each annotation targets
// a document with a TextQuoteSelector and a TextPositionSelector over the document's source
// text (the resource file as shipped). Plain data: stored as JSON, sent over IPC, exported.

/** Highlight colours, by stable id (the UI names them in the user's language). */
export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

/** Characters of context kept before and after the quote. */
export const QUOTE_CONTEXT_LENGTH = 32;

export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** Offsets into the document's source text (UTF-16 code units), end exclusive. */
export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

export interface AnnotationTarget {
  readonly documentId: string;
  /** The paragraph the annotation starts in, when created; citations use it. */
  readonly paragraph: number;
  readonly quote: TextQuoteSelector;
  readonly position: TextPositionSelector;
}

/** The user's part of an annotation: what they can edit. */
export interface AnnotationBody {
  /** null: a note without a highlight colour. */
  readonly colour: HighlightColour | null;
  /** Plain text; line breaks kept; '' when there is no note. */
  readonly note: string;
  readonly tags: readonly string[];
}

/** An earlier version kept when an import replaced it with a newer one. */
export interface AnnotationRevision extends AnnotationBody {
  readonly modified: string;
}

export interface Annotation extends AnnotationTarget, AnnotationBody {
  /** A UUID; exported as `urn:uuid:<id>`. */
  readonly id: string;
  /** ISO 8601 times. */
  readonly created: string;
  readonly modified: string;
  readonly history: readonly AnnotationRevision[];
}

export const STORE_SCHEMA_VERSION = 1;

/** The annotation store file, `<data>/annotations.json`. */
export interface AnnotationStoreFile {
  readonly schemaVersion: typeof STORE_SCHEMA_VERSION;
  readonly annotations: readonly Annotation[];
}
