// Owns the hash routes' shape: which view is shown and which document and paragraph it points
// at, as text and back. Pure (no window), so pure modules and unit tests can build links.
// Hash routes keep deep links (#/dokument/<id>/stycke/<n>) working in both hosts.

export type Route =
  | { readonly view: 'library' }
  | { readonly view: 'notes' }
  /** A deep link to one annotation (lasaren://annotation/<id>); resolved to its passage on arrival. */
  | { readonly view: 'annotation'; readonly annotationId: string }
  | { readonly view: 'reader'; readonly documentId: string; readonly paragraph: number | null };

const NOTES = '#/anteckningar';
const ANNOTATION = /^#\/anteckning\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const READER = /^#\/dokument\/([a-z0-9_-]+)(?:\/stycke\/(\d{1,7}))?\/?$/;

export function parseHash(hash: string): Route {
  if (hash === NOTES) return { view: 'notes' };
  const annotation = ANNOTATION.exec(hash);
  if (annotation?.[1]) return { view: 'annotation', annotationId: annotation[1] };
  const m = READER.exec(hash);
  if (!m?.[1]) return { view: 'library' };
  return { view: 'reader', documentId: m[1], paragraph: m[2] ? Number(m[2]) : null };
}

export function hrefFor(route: Route): string {
  if (route.view === 'library') return '#/';
  if (route.view === 'notes') return NOTES;
  if (route.view === 'annotation') return `#/anteckning/${route.annotationId}`;
  return `#/dokument/${route.documentId}${route.paragraph ? `/stycke/${route.paragraph}` : ''}`;
}
