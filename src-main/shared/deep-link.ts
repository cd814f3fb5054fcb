// Owns reading the app's deep links, `lasaren://document/<id>#stycke-<n>`, as the exports
// write them, into the renderer's hash route; anything else is refused (null).
import { DOCUMENT_ID_PATTERN } from './model';

const DEEP_LINK = /^lasaren:\/\/document\/([^/#?]+)\/?(?:#stycke-(\d{1,7}))?$/;

export function deepLinkToHash(raw: string): string | null {
  if (raw.length > 300) return null;
  const m = DEEP_LINK.exec(raw.trim());
  if (!m?.[1] || !DOCUMENT_ID_PATTERN.test(m[1])) return null;
  const paragraph = m[2] ? Number(m[2]) : 0;
  return `#/dokument/${m[1]}${paragraph >= 1 ? `/stycke/${paragraph}` : ''}`;
}

/** The first argument that is a deep link (Windows and Linux pass it on the command line). */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (!arg.startsWith('lasaren:')) continue;
    const hash = deepLinkToHash(arg);
    if (hash) return hash;
  }
  return null;
}
