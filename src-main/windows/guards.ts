// Owns the session-wide guards: deny every permission, cancel every request that is not to
// the app itself (the app provably stays offline), and keep every web contents on the app
// origin (no navigation away, no new windows, no webviews).
import type { Session, WebContents } from 'electron';
import { APP_SCHEME, isAppUrl } from './policy';

/**
 * Only the app's own origin, data: and blob: (ARCHITECTURE.md). Not devtools: — so in an
 * unpackaged app the developer tools may show an empty panel; use the browser host
 * (`npm run host`) and Chromium's own developer tools for debugging the renderer.
 */
export function isAllowedRequest(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  return url.startsWith(`${APP_SCHEME}:`) && isAppUrl(url);
}

export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) console.warn(`Blockerade en begäran utanför appen: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

export function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
