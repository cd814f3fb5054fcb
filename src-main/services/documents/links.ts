// Owns deciding which addresses point at documents of the same collection: a page address
// (absolute, or a site path like "/pressmeddelanden/…" read against the document's own
// address), a file path relative to the document, or a lasaren:// deep link. Those become
// in-app targets; everything else stays an external link.
import { posix } from 'node:path';
import { parseDeepLink } from '../../shared/deep-link';
import type { LinkTarget } from '../../shared/documents/model';

/** "https://www.Regeringen.se/a/b/?x#y" and "http://regeringen.se/a/b" compare equal. */
export function normalizeAddress(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, '').toLowerCase();
  return `${host}${path}`;
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
    if (e.url) {
      try {
        byAddress.set(normalizeAddress(new URL(e.url)), e.id);
      } catch {
        // An invalid address was already reported by the manifest reader.
      }
    }
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
    let url: URL;
    try {
      url = new URL(href, from.url ?? undefined);
    } catch {
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const id = addresses.byAddress.get(normalizeAddress(url));
    return id ? { documentId: id, paragraph: paragraphFromHash(url.hash) } : null;
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
