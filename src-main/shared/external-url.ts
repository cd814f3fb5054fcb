// Owns the allow-list for links that leave the app: only http, https and mailto, parsed
// with URL (never by string prefix), and only after the user has confirmed.

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/**
 * The mailto header fields a mail program may be handed (RFC 6068). Others are refused:
 * some programs honour `attach=`, which would attach a local file to a message.
 */
const MAILTO_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

function isSafeMailto(url: URL): boolean {
  if (!url.pathname.includes('@')) return false;
  return [...url.searchParams.keys()].every((key) => MAILTO_FIELDS.has(key.toLowerCase()));
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Returns the normalised URL when it may be handed to the system, otherwise null. */
export function parseExternalUrl(raw: string): URL | null {
  if (raw.length > 4096 || hasControlCharacter(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === 'mailto:') return isSafeMailto(url) ? url : null;
  // Credentials in a link are a classic phishing disguise (https://gov.se@evil.example).
  if (url.username !== '' || url.password !== '') return null;
  return url.hostname === '' ? null : url;
}
