// Owns the document model shared by main and renderer: plain data, safe to send over IPC.

/** A document id is the resource file's stem: lowercase letters, digits, `_` and `-` only. */
export const DOCUMENT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export interface DocumentMeta {
  readonly id: string;
  readonly title: string;
  readonly language: string;
  readonly description: string;
}

/** A link found in a block's text; offsets are into that block's `text`. */
export interface LinkSpan {
  readonly start: number;
  readonly end: number;
  readonly href: string;
}

interface BlockBase {
  /** Exactly `source.slice(start, end)` of the resource file. */
  readonly text: string;
  /** Offset of `text` in the document's source text (the resource file as UTF-16). */
  readonly start: number;
  readonly end: number;
  readonly links: readonly LinkSpan[];
}

export interface TitleBlock extends BlockBase {
  readonly kind: 'title';
}

export interface HeadingBlock extends BlockBase {
  readonly kind: 'heading';
  readonly level: number;
}

export interface ParagraphBlock extends BlockBase {
  readonly kind: 'paragraph';
  /** Stable 1-based number that citations use ("stycke 3"). */
  readonly paragraph: number;
}

export type Block = TitleBlock | HeadingBlock | ParagraphBlock;

export interface LibraryDocument {
  readonly meta: DocumentMeta;
  /** The resource text exactly as shipped; block offsets point into it. */
  readonly source: string;
  readonly blocks: readonly Block[];
  readonly paragraphCount: number;
}

export interface DocumentSummary extends DocumentMeta {
  readonly paragraphCount: number;
}
