// Owns what an annotation's re-anchoring means to the user when a document has a new
// version: still exactly where it was, moved (same words elsewhere), changed (found, but the
// words there differ from the quote: "Ändrat sedan du antecknade", with old and new wording),
// or orphaned (the passage or the whole document is gone). Pure; shared by main and renderer.
import { anchor, type AnchorTarget } from './anchor';

export type AnchorStatus =
  | { readonly kind: 'exact'; readonly start: number; readonly end: number }
  | { readonly kind: 'moved'; readonly start: number; readonly end: number }
  | {
      readonly kind: 'changed';
      readonly start: number;
      readonly end: number;
      /** The quote as annotated. */
      readonly before: string;
      /** The text at the anchor now. */
      readonly after: string;
      /** 0..1, how much of the old wording is left. */
      readonly similarity: number;
    }
  | {
      readonly kind: 'orphaned';
      /** 'passage': the document has no text close enough; 'document': it is not in the library. */
      readonly reason: 'passage' | 'document';
      readonly before: string;
    };

/** Re-anchors `target` in `text` (null: the document is gone) and says what happened. */
export function anchorStatus(text: string | null, target: AnchorTarget): AnchorStatus {
  if (text === null) return { kind: 'orphaned', reason: 'document', before: target.quote.exact };
  const found = anchor(text, target);
  if (found.status === 'orphaned') return { kind: 'orphaned', reason: 'passage', before: target.quote.exact };
  const { start, end } = found;
  const now = text.slice(start, end);
  if (now !== target.quote.exact)
    return {
      kind: 'changed',
      start,
      end,
      before: target.quote.exact,
      after: now,
      similarity: found.similarity,
    };
  return found.method === 'position' ? { kind: 'exact', start, end } : { kind: 'moved', start, end };
}

/** A Swedish sentence for an orphaned annotation, shown in the notes panel and the CLI. */
export function orphanExplanationSv(status: Extract<AnchorStatus, { kind: 'orphaned' }>): string {
  return status.reason === 'document'
    ? 'Dokumentet finns inte längre i samlingen; anteckningen och citatet finns kvar.'
    : 'Stycket har tagits bort eller skrivits om helt i den nya versionen av dokumentet; anteckningen och citatet finns kvar.';
}

/** Whether an annotation needs the user's attention after a new version of its document. */
export function needsReview(status: AnchorStatus): boolean {
  return status.kind === 'changed' || status.kind === 'orphaned';
}
