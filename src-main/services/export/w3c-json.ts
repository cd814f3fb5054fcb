// Owns writing the W3C Web Annotation export (JSON-LD): one AnnotationCollection whose
// first page holds every annotation. Each target's source is the document's deep link
// `lasaren://document/<id>` with both selectors; the note is a TextualBody with purpose
// "commenting", each tag one with purpose "tagging"; what the W3C model has no word for
// (colour, paragraph, earlier versions) travels in `lasaren:` extension properties, so an
// import restores every field.
import { randomUUID } from 'node:crypto';
import type { Annotation } from '../../shared/annotation';
import { documentLink, paragraphLink } from '../../shared/export';
import type { ExportModel } from './model';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const LASAREN_NAMESPACE = 'lasaren://ns/anno#';
export const EXPORT_CONTEXT = [ANNO_CONTEXT, { lasaren: LASAREN_NAMESPACE }] as const;

export interface W3cTextualBody {
  readonly type: 'TextualBody';
  readonly purpose: 'commenting' | 'tagging';
  readonly value: string;
  readonly format: 'text/plain';
}

export interface W3cAnnotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'commenting' | 'tagging' | 'highlighting';
  readonly created: string;
  readonly modified: string;
  readonly body?: readonly W3cTextualBody[];
  readonly target: {
    readonly source: string;
    readonly selector: readonly [
      {
        readonly type: 'TextQuoteSelector';
        readonly exact: string;
        readonly prefix: string;
        readonly suffix: string;
      },
      { readonly type: 'TextPositionSelector'; readonly start: number; readonly end: number },
    ];
  };
  readonly 'lasaren:paragraph': number;
  readonly 'lasaren:colour': Annotation['colour'];
  readonly 'lasaren:history': Annotation['history'];
  readonly 'lasaren:link': string;
  readonly 'lasaren:documentTitle'?: string;
  /** "SOU 2026:9, avsnitt Bakgrund, stycke 14": how the export cites the quote. */
  readonly 'lasaren:citation'?: string;
}

export function toW3c(a: Annotation, documentTitle?: string, citation?: string): W3cAnnotation {
  const body: W3cTextualBody[] = [];
  if (a.note !== '')
    body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
  for (const tag of a.tags)
    body.push({ type: 'TextualBody', purpose: 'tagging', value: tag, format: 'text/plain' });
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.note !== '' ? 'commenting' : a.tags.length > 0 ? 'tagging' : 'highlighting',
    created: a.created,
    modified: a.modified,
    ...(body.length ? { body } : {}),
    target: {
      source: documentLink(a.documentId),
      selector: [
        { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
        { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
      ],
    },
    'lasaren:paragraph': a.paragraph,
    'lasaren:colour': a.colour,
    'lasaren:history': a.history,
    'lasaren:link': paragraphLink(a.documentId, a.paragraph),
    ...(documentTitle ? { 'lasaren:documentTitle': documentTitle } : {}),
    ...(citation ? { 'lasaren:citation': citation } : {}),
  };
}

export function renderW3cJson(model: ExportModel): string {
  const items = model.groups.flatMap((g) => g.entries.map((e) => toW3c(e.annotation, g.title, e.citation)));
  const collection = {
    '@context': EXPORT_CONTEXT,
    id: `urn:uuid:${randomUUID()}`,
    type: 'AnnotationCollection',
    label: `Anteckningar från Läsaren – ${model.scopeLabel}`,
    total: items.length,
    generated: model.exportedAt,
    generator: { type: 'Software', name: 'Läsaren' },
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
