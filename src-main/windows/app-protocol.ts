// Owns the privileged app:// scheme that serves the renderer build. Every response carries
// the CSP header; a path that leaves the renderer folder is refused with 404.
import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME, contentTypeFor, resolveInside, securityHeaders } from './policy';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveInside(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: securityHeaders(contentTypeFor(file)) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
