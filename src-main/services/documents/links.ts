// Owns deciding which addresses point at documents of the same collection: a page address
// (absolute, or a site path like "/pressmeddelanden/…" read against the document's own
// address), a file path relative to the document, or a lasaren:// deep link. Those become
// in-app targets; everything else stays an external link.
import { posix } from 'node:path';
import { parseDeepLink } from '../../shared/deep-link';
import type { LinkTarget } from '../../shared/documents/model';

const WEB_ADDRESS = /^https?:\/\/(?:www\.)?([^/?#\s]+)([^?#\s]*)[^#\s]*(#\S*)?$/i;
const ORIGIN = /^https?:\/\/[^/?#\s]+/i;

/**
 * A web address as a lookup key, "https://www.Regeringen.se/a/b/?x#y" and
 * "http://regeringen.se/a/b" alike, plus its fragment. String work only, no URL objects:
 * this runs for every document and related page of a 36,000-document collection at start.
 */
export function addressKey(href: string, base: string | null): { key: string; hash: string } | null {
  let absolute = href;
  if (href.startsWith('/') && !href.startsWith('//')) {
    const origin = base ? ORIGIN.exec(base)?.[0] : undefined;
    if (!origin) return null;
    absolute = origin + href;
  }
  const m = WEB_ADDRESS.exec(absolute);
  if (!m) return null;
  let path = m[2] ?? '';
  try {
    path = decodeURIComponent(path);
  } catch {
    // Keep a malformed escape as written.
  }
  return { key: `${(m[1] ?? '').toLowerCase()}${path.replace(/\/+$/, '').toLowerCase()}`, hash: m[3] ?? '' };
}

function paragraphFromHash(hash: string): number | null {
  const m = /^#stycke-(\d{1,6})$/.exec(hash);
  return m ? Number(m[1]) : null;
}

export interface CollectionAddresses {
  readonly byAddress: ReadonlyMap<string, string>;
  readonly byFile: ReadonlyMap<string, string>;
  readonly ids: ReadonlySet<string>;
}

export function collectionAddresses(
  entries: ReadonlyArray<{ id: string; file: string; url: string | null }>,
): CollectionAddresses {
  const byAddress = new Map<string, string>();
  const byFile = new Map<string, string>();
  for (const e of entries) {
    byFile.set(e.file, e.id);
    const address = e.url ? addressKey(e.url, null) : null;
    if (address) byAddress.set(address.key, e.id);
  }
  return { byAddress, byFile, ids: new Set(entries.map((e) => e.id)) };
}

/** Resolves `href` as written in (or for) the document at `file` with address `base`. */
export function resolveCollectionLink(
  addresses: CollectionAddresses,
  href: string,
  from: { readonly file: string; readonly url: string | null },
): LinkTarget | null {
  if (href.startsWith('lasaren:')) {
    const link = parseDeepLink(href);
    return link.ok && link.value.kind === 'document' && addresses.ids.has(link.value.documentId)
      ? { documentId: link.value.documentId, paragraph: link.value.paragraph }
      : null;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) {
    const address = addressKey(href, from.url);
    const id = address ? addresses.byAddress.get(address.key) : undefined;
    return id && address ? { documentId: id, paragraph: paragraphFromHash(address.hash) } : null;
  }
  // A relative path: a file of the collection, next to this one.
  const [path = '', hash = ''] = href.split('#', 2);
  if (!path) return null;
  const file = posix.normalize(posix.join(posix.dirname(from.file), decodeURI(path)));
  const id = addresses.byFile.get(file);
  return id ? { documentId: id, paragraph: paragraphFromHash(`#${hash}`) } : null;
}

/** An absolute address for a related page that is not in the collection, or null. */
export function absoluteAddress(href: string, base: string | null): string | null {
  try {
    const url = new URL(href, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
