// Owns what a library row says in its type column: the publisher's document type, or, for the
// user's own documents without one, the format of the file ("PDF", "Word", "Webbsida").
import type { DocumentSummary } from '../../../src-main/shared/documents/model';
import { t } from '../../lib/i18n';

export function typeLabel(doc: Pick<DocumentSummary, 'type' | 'format'>): string {
  if (doc.type) return doc.type;
  return doc.format ? t(`library.format.${doc.format}`) : '';
}
