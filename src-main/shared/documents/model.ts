// Owns the structured document model shared by main and renderer: plain data, safe to send
// over IPC, produced once per document (at build time for a collection, at import time for
// the user's own files) and never re-derived while rendering. Every parser (Markdown, PDF,
// Word, HTML, text) produces a `ParsedDocument`; the library adds metadata and an id.
import type { CollectionProblem } from './collection-problem';

/** Ids are file-name safe: lowercase letters, digits, `_` and `-`. */
export const DOCUMENT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,127}$/;

/** Where a document came from: shipped in the app, a collection folder, or the user's file. */
export type DocumentOrigin = 'shipped' | 'collection' | 'imported';

/** The format of a file the user added: the list shows it as the document's type. */
export type SourceFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'text';

/** Official metadata; every field but id and title is optional (many pages have none). */
export interface DocumentMeta {
  readonly id: string;
  readonly title: string;
  /** The official number people cite: "SOU 2026:9", "prop. 2012/13:63", "2019/20:FPM2". */
  readonly designation: string | null;
  /** Document type as the publisher names it: "Proposition", "Kommittédirektiv", … */
  readonly type: string | null;
  /** YYYY-MM-DD or YYYY-MM (as published) or YYYY. */
  readonly published: string | null;
  readonly publisher: string | null;
  readonly author: string | null;
  /** The page or file the text was taken from. */
  readonly url: string | null;
  readonly summary: string | null;
  /** Ids of related documents in the same library, in the manifest's order. */
  readonly related: readonly string[];
  /**
   * Related pages that are not documents of the library, as absolute addresses (opened in the
   * system browser after confirmation). Never silently dropped.
   */
  readonly relatedLinks: readonly string[];
  readonly language: string;
  readonly origin: DocumentOrigin;
  /** The user's own documents only: the format of the file it was read from. */
  readonly format?: SourceFormat;
  /**
   * The user's own documents only: when it was added (ISO 8601 time). The list shows and sorts
   * by it when the file carries no date of its own (`published` null), marked as such.
   */
  readonly added?: string;
}

/** Inline markup inside one block; offsets are into that block's `text`. */
export type InlineSpan =
  | { readonly kind: 'emphasis' | 'strong' | 'code'; readonly start: number; readonly end: number }
  | {
      readonly kind: 'link';
      readonly start: number;
      readonly end: number;
      /** As written in the source. */
      readonly href: string;
      /** Set when the link points at another document of the library (opened in the reader). */
      readonly target?: { readonly documentId: string; readonly paragraph: number | null };
    };

export type BlockKind = 'title' | 'heading' | 'paragraph' | 'list-item' | 'quote' | 'table' | 'code';

/** One table cell: offsets into the table block's `text`. */
export interface TableCell {
  readonly start: number;
  readonly end: number;
}
export interface TableRow {
  readonly header: boolean;
  readonly cells: readonly TableCell[];
}

export interface Block {
  readonly kind: BlockKind;
  /**
   * What the reader shows, markup removed, nothing else changed. A table's text is its cells
   * joined by "\t" within a row and "\n" between rows.
   */
  readonly text: string;
  /** Offsets of `text` in the document's `text` (UTF-16 code units): annotations point here. */
  readonly start: number;
  readonly end: number;
  /** Heading level 1–6, list nesting depth from 1; 0 otherwise. */
  readonly level: number;
  /**
   * Stable 1-based number of a citable block (paragraphs, list items, quotes, tables, code):
   * "stycke 14". null for titles and headings.
   */
  readonly number: number | null;
  /** A list item's marker as written ("1.", "a)", "•"); shown, never part of `text`. */
  readonly marker: string | null;
  /** 1-based page the block starts on, for paged sources (PDF); null otherwise. */
  readonly page: number | null;
  readonly spans: readonly InlineSpan[];
  /** Only for tables. */
  readonly rows: readonly TableRow[] | null;
}

/** A parser's output: structure and text, before the library gives it an id. */
export interface ParsedDocument {
  /** All block texts joined by "\n\n"; `blocks[i].text === text.slice(start, end)`. */
  readonly text: string;
  readonly blocks: readonly Block[];
  /** Metadata the file itself carries (PDF info, docx core properties, HTML <title>, …). */
  readonly meta: Partial<Pick<DocumentMeta, 'title' | 'author' | 'published' | 'language'>>;
  /** Pages in a paged source, else null. */
  readonly pageCount: number | null;
}

export interface OutlineEntry {
  /** Index of the heading in `blocks`. */
  readonly block: number;
  readonly level: number;
  readonly text: string;
}

export interface ReaderDocument {
  readonly meta: DocumentMeta;
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly outline: readonly OutlineEntry[];
  /** Number of citable blocks. */
  readonly paragraphCount: number;
  /** Hash of `text` (hex): tells one version of a document from the next. */
  readonly version: string;
}

/** What the library list needs for one document: no text. */
export interface DocumentSummary extends DocumentMeta {
  readonly paragraphCount: number;
}

/** Kinds that get a number ("stycke n") and can be cited. */
export const CITABLE_KINDS: readonly BlockKind[] = ['paragraph', 'list-item', 'quote', 'table', 'code'];

/** Where a link inside the library points: a document and, optionally, one of its paragraphs. */
export type LinkTarget = NonNullable<Extract<InlineSpan, { kind: 'link' }>['target']>;

/** One problem found while loading a collection (its shape: collection-problem.ts). */
export type { CollectionProblem };

/** What the renderer can show about the open collection. */
export interface CollectionInfo {
  readonly name: string;
  readonly documentCount: number;
  readonly problems: readonly CollectionProblem[];
}
