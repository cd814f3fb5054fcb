// Owns how a document and a place in it are named, everywhere: the reader's header, the
// notes panel, search results and every export format. The official designation comes first
// when there is one ("SOU 2026:9, avsnitt Bakgrund, stycke 14"); paged documents cite the
// page ("SOU 2026:9, s. 12, stycke 4"). Deep links are not built here (shared/deep-link.ts).
import type { Block, DocumentMeta } from './model';

export type CitationLanguage = 'sv' | 'en';

/** The parts of a document's metadata a citation needs. */
export type CitedDocument = Pick<DocumentMeta, 'title' | 'designation'>;

/** Where in the document: the numbered block, the section heading above it, its page. */
export interface CitedPlace {
  readonly paragraph: number;
  readonly heading?: string | null;
  readonly page?: number | null;
}

const WORDS = {
  sv: { section: 'avsnitt', paragraph: 'stycke', page: 's.' },
  en: { section: 'section', paragraph: 'paragraph', page: 'p.' },
} as const;

/** The name a citation starts with: the designation, else the title. */
export function citedName(doc: CitedDocument): string {
  return doc.designation?.trim() || doc.title;
}

/** "Designation – Title" where both exist (headings, lists, exports), else the title. */
export function documentLabel(doc: CitedDocument): string {
  const designation = doc.designation?.trim();
  if (!designation) return doc.title;
  // Many titles already end with their designation ("…, Dir. 2011:88"): do not say it twice.
  return doc.title.includes(designation) ? doc.title : `${designation} – ${doc.title}`;
}

/** "SOU 2026:9, avsnitt Bakgrund, stycke 14" / "…, s. 12, stycke 4" / "Titel, stycke 3". */
export function formatCitation(
  doc: CitedDocument,
  place: CitedPlace,
  language: CitationLanguage = 'sv',
): string {
  const w = WORDS[language];
  const parts = [citedName(doc)];
  if (place.page !== null && place.page !== undefined) parts.push(`${w.page} ${place.page}`);
  else if (place.heading?.trim()) parts.push(`${w.section} ${place.heading.trim()}`);
  parts.push(`${w.paragraph} ${place.paragraph}`);
  return parts.join(', ');
}

/** The section heading and page of numbered block `paragraph`, from the document's blocks. */
export function placeOf(blocks: readonly Block[], paragraph: number): CitedPlace {
  let heading: string | null = null;
  for (const b of blocks) {
    if (b.kind === 'heading') heading = b.text;
    else if (b.number === paragraph) return { paragraph, heading, page: b.page };
  }
  return { paragraph, heading: null, page: null };
}
