// Owns the app's deep links, `lasaren://document/<id>#stycke-<n>` and
// `lasaren://annotation/<uuid>`: building them (exports carry them) and parsing them strictly
// (the operating system hands main whatever a user clicked). Pure: no electron, no node.
import { DOCUMENT_ID_PATTERN } from './documents/model';
import { fail, ok, type Result } from './result';

export const DEEP_LINK_SCHEME = 'lasaren';

/** Longest link accepted; a real one is well under 200 characters. */
export const MAX_DEEP_LINK_LENGTH = 2048;
/** Same ceiling as the remembered reading position. */
export const MAX_PARAGRAPH = 1_000_000;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `<kind>/<value>`, one optional trailing slash, an optional fragment; nothing else. */
const SHAPE = /^(document|annotation)\/([^/?#]*)\/?(#.*)?$/;
const PARAGRAPH_FRAGMENT = /^#stycke-([1-9][0-9]{0,6})$/;

export type DeepLink =
  | { readonly kind: 'document'; readonly documentId: string; readonly paragraph: number | null }
  | { readonly kind: 'annotation'; readonly annotationId: string };

export function documentDeepLink(documentId: string, paragraph?: number): string {
  const fragment = paragraph === undefined ? '' : `#stycke-${paragraph}`;
  return `${DEEP_LINK_SCHEME}://document/${documentId}${fragment}`;
}

export function annotationDeepLink(annotationId: string): string {
  return `${DEEP_LINK_SCHEME}://annotation/${annotationId}`;
}

const NOT_A_LINK = [
  'Länken kunde inte öppnas: den är inte en Läsaren-länk (lasaren://document/… eller lasaren://annotation/…).',
  'The link could not be opened: it is not a Läsaren link (lasaren://document/… or lasaren://annotation/…).',
] as const;

function hasScheme(text: string): boolean {
  const prefix = `${DEEP_LINK_SCHEME}:`;
  return text.slice(0, prefix.length).toLowerCase() === prefix;
}

/**
 * Parses a deep link. Strict on purpose: the whole text must be exactly one of the two shapes
 * (no encoding, dot segments, credentials, port, query or extra path), otherwise it is refused
 * with a sentence in Swedish and English, never guessed at. The scheme is case-insensitive like every URL
 * scheme, and one trailing slash is tolerated because some Windows programs append it.
 */
export function parseDeepLink(raw: string): Result<DeepLink> {
  if (raw.length > MAX_DEEP_LINK_LENGTH) {
    return fail(
      'invalid-request',
      'Länken kunde inte öppnas: den är för lång för att vara en Läsaren-länk.',
      'The link could not be opened: it is too long to be a Läsaren link.',
    );
  }
  const prefix = `${DEEP_LINK_SCHEME}://`;
  if (raw.slice(0, prefix.length).toLowerCase() !== prefix) {
    return fail('invalid-request', ...NOT_A_LINK);
  }
  const shape = SHAPE.exec(raw.slice(prefix.length));
  if (!shape) return fail('invalid-request', ...NOT_A_LINK);
  const [, kind, value = '', fragment] = shape;

  if (kind === 'document') {
    if (!DOCUMENT_ID_PATTERN.test(value)) {
      return fail(
        'invalid-request',
        'Länken kunde inte öppnas: dokument-id:t i länken är ogiltigt.',
        'The link could not be opened: the document id in it is not valid.',
      );
    }
    if (fragment === undefined) return ok({ kind: 'document', documentId: value, paragraph: null });
    const paragraph = Number(PARAGRAPH_FRAGMENT.exec(fragment)?.[1] ?? NaN);
    if (!Number.isSafeInteger(paragraph) || paragraph > MAX_PARAGRAPH) {
      return fail(
        'invalid-request',
        'Länken kunde inte öppnas: stycket ska anges som #stycke-N, där N är ett positivt heltal.',
        'The link could not be opened: the paragraph must be given as #stycke-N, where N is a positive whole number.',
      );
    }
    return ok({ kind: 'document', documentId: value, paragraph });
  }

  if (fragment !== undefined || !UUID_PATTERN.test(value)) {
    return fail(
      'invalid-request',
      'Länken kunde inte öppnas: anteckningens id i länken är ogiltigt.',
      'The link could not be opened: the note id in it is not valid.',
    );
  }
  return ok({ kind: 'annotation', annotationId: value.toLowerCase() });
}

/** The renderer's hash route for a parsed link (see src-renderer/lib/router.svelte.ts). */
export function routeHashFor(link: DeepLink): string {
  if (link.kind === 'annotation') return `#/anteckning/${link.annotationId}`;
  const paragraph = link.paragraph === null ? '' : `/stycke/${link.paragraph}`;
  return `#/dokument/${link.documentId}${paragraph}`;
}

/**
 * The deep link among a process's arguments (Windows and Linux pass the clicked link as an
 * argument, on first start and to the running instance), or null. Only an argument that
 * starts with the scheme counts; switches and paths around it are ignored.
 */
export function findDeepLinkArgument(argv: readonly string[]): string | null {
  return argv.find(hasScheme) ?? null;
}
