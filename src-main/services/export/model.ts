// Owns the export model: the chosen annotations grouped by document in library order, each
// in reading order, with everything every format prints (title, paragraph, quote, note,
// tags, colour name, times, citation and deep link). Every format renders from this alone.
import type { Annotation, HighlightColour } from '../../shared/annotation';
import { documentLabel, formatCitation, type CitedPlace } from '../../shared/documents/citation';
import type { DocumentSummary } from '../../shared/documents/model';
import { colourNameSv, paragraphLink, type ExportScope } from '../../shared/export';
import { matchesFilter } from '../../shared/notes-filter';

export interface ExportEntry {
  readonly id: string;
  readonly paragraph: number;
  readonly quote: string;
  readonly note: string;
  readonly tags: readonly string[];
  readonly colour: HighlightColour | null;
  /** Swedish colour name, "ingen färg" when there is none. */
  readonly colourName: string;
  readonly created: string;
  readonly modified: string;
  /** "‹designation or title›, avsnitt ‹heading›, stycke ‹n›" (shared/documents/citation.ts). */
  readonly citation: string;
  /** `lasaren://document/<id>#stycke-<n>`. */
  readonly link: string;
  /** The stored annotation, for the lossless JSON format. */
  readonly annotation: Annotation;
}

export interface ExportGroup {
  readonly documentId: string;
  /** The document as named everywhere: "‹designation› – ‹title›" or the title. */
  readonly title: string;
  readonly designation: string | null;
  /** False for annotations of documents this library does not have. */
  readonly inLibrary: boolean;
  readonly entries: readonly ExportEntry[];
}

export interface ExportModel {
  /** ISO time of the export. */
  readonly exportedAt: string;
  /** The export date as Swedish readers write it, e.g. "21 november 2026". */
  readonly exportedOn: string;
  /** A Swedish phrase for the scope, e.g. "alla anteckningar". */
  readonly scopeLabel: string;
  readonly count: number;
  readonly groups: readonly ExportGroup[];
}

export function selectAnnotations(all: readonly Annotation[], scope: ExportScope): Annotation[] {
  switch (scope.kind) {
    case 'all':
      return [...all];
    case 'document':
      return all.filter((a) => a.documentId === scope.documentId);
    case 'filter':
      return all.filter((a) => matchesFilter(a, scope.filter));
  }
}

function scopeLabel(scope: ExportScope, titleOf: (id: string) => string): string {
  if (scope.kind === 'all') return 'Alla anteckningar';
  if (scope.kind === 'document') return `Anteckningar i ${titleOf(scope.documentId)}`;
  const { documentId, tag, colour, text } = scope.filter;
  const parts: string[] = [];
  if (documentId) parts.push(`dokument: ${titleOf(documentId)}`);
  if (tag) parts.push(`tagg: ${tag}`);
  if (colour) parts.push(`färg: ${colour === 'none' ? 'ingen färg' : colourNameSv(colour)}`);
  if (text?.trim()) parts.push(`text: ”${text.trim()}”`);
  return parts.length ? `Filtrerade anteckningar (${parts.join('; ')})` : 'Alla anteckningar';
}

export function unknownDocumentTitle(documentId: string): string {
  return `Dokument som saknas i biblioteket (${documentId})`;
}

/** The section heading and page of a paragraph; the export service reads them from the document. */
export type PlaceLookup = (documentId: string, paragraph: number) => CitedPlace;

export function buildExportModel(
  all: readonly Annotation[],
  documents: readonly DocumentSummary[],
  scope: ExportScope,
  now: Date = new Date(),
  placeOf: PlaceLookup = (_id, paragraph) => ({ paragraph }),
): ExportModel {
  const order = new Map(documents.map((d, i) => [d.id, i]));
  const summaries = new Map(documents.map((d) => [d.id, d]));
  const titles = new Map(documents.map((d) => [d.id, documentLabel(d)]));
  const titleOf = (id: string) => titles.get(id) ?? unknownDocumentTitle(id);
  const chosen = selectAnnotations(all, scope);

  const byDocument = new Map<string, Annotation[]>();
  for (const a of chosen) {
    const list = byDocument.get(a.documentId) ?? [];
    list.push(a);
    byDocument.set(a.documentId, list);
  }
  const documentIds = [...byDocument.keys()].sort((x, y) => {
    const ox = order.get(x) ?? Number.MAX_SAFE_INTEGER;
    const oy = order.get(y) ?? Number.MAX_SAFE_INTEGER;
    return ox - oy || (x < y ? -1 : x > y ? 1 : 0);
  });

  const groups = documentIds.map((documentId): ExportGroup => {
    const title = titleOf(documentId);
    const cited = summaries.get(documentId) ?? { title, designation: null };
    const entries = (byDocument.get(documentId) ?? [])
      .sort(
        (a, b) =>
          a.position.start - b.position.start ||
          a.position.end - b.position.end ||
          a.created.localeCompare(b.created),
      )
      .map((a): ExportEntry => ({
        id: a.id,
        paragraph: a.paragraph,
        quote: a.quote.exact,
        note: a.note,
        tags: a.tags,
        colour: a.colour,
        colourName: colourNameSv(a.colour),
        created: a.created,
        modified: a.modified,
        citation: formatCitation(cited, placeOf(documentId, a.paragraph)),
        link: paragraphLink(documentId, a.paragraph),
        annotation: a,
      }));
    return {
      documentId,
      title,
      designation: summaries.get(documentId)?.designation ?? null,
      inLibrary: titles.has(documentId),
      entries,
    };
  });

  return {
    exportedAt: now.toISOString(),
    exportedOn: formatDateSv(now),
    scopeLabel: scopeLabel(scope, titleOf),
    count: chosen.length,
    groups,
  };
}

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** "21 november 2026" (local time; no Intl data needed). */
export function formatDateSv(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** "2026-11-21 14:05" in local time, for created/modified columns. */
export function formatTimeSv(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
