// Owns delivering `lasaren://` links from the operating system to the window: macOS sends
// them as 'open-url' events, Windows and Linux as a process argument (on first start, and to
// the running instance through 'second-instance'). A valid link routes the window to the
// renderer's hash route; an invalid one is refused with a Swedish message and changes nothing.
import { app, dialog, type BrowserWindow } from 'electron';
import { DEEP_LINK_SCHEME, findDeepLinkArgument, parseDeepLink, routeHashFor } from '../shared/deep-link';
import { APP_ORIGIN } from './policy';

export interface DeepLinks {
  /** The hash the first window should open at (a link the app was started with), or ''. */
  takeInitialHash(): string;
  /** Hands later links to this window and shows any problem found before it existed. */
  attach(window: BrowserWindow): void;
  /** A second instance was started with these arguments (Windows, Linux). */
  receiveArgv(argv: readonly string[]): void;
}

/** Must run before the app is ready, so a macOS launch by link is not missed. */
export function createDeepLinks(argv: readonly string[]): DeepLinks {
  let window: BrowserWindow | null = null;
  let initialHash = '';
  let pendingProblem: string | null = null;

  const warn = (message: string) => {
    console.warn(message);
    if (!window || window.isDestroyed()) {
      pendingProblem = message;
      return;
    }
    void dialog.showMessageBox(window, { type: 'warning', title: 'Läsaren', message, buttons: ['OK'] });
  };

  const receive = (raw: string | null) => {
    if (raw === null) return;
    const parsed = parseDeepLink(raw);
    if (!parsed.ok) {
      warn(parsed.error.message);
      return;
    }
    const hash = routeHashFor(parsed.value);
    if (!window || window.isDestroyed()) {
      initialHash = hash;
      return;
    }
    if (window.isMinimized()) window.restore();
    window.focus();
    // Only the fragment differs from the loaded page, so this is an in-page navigation: the
    // renderer's router sees a hashchange and nothing is reloaded.
    void window.loadURL(`${APP_ORIGIN}/index.html${hash}`);
  };

  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(url);
  });
  receive(findDeepLinkArgument(argv));

  return {
    takeInitialHash() {
      const hash = initialHash;
      initialHash = '';
      return hash;
    },
    attach(target) {
      window = target;
      target.on('closed', () => {
        if (window === target) window = null;
      });
      if (pendingProblem) {
        const message = pendingProblem;
        pendingProblem = null;
        target.once('ready-to-show', () => warn(message));
      }
    },
    receiveArgv(argv) {
      receive(findDeepLinkArgument(argv));
    },
  };
}

/**
 * Registers Läsaren as the handler of `lasaren://` for this user. Only in installed builds:
 * in development the executable is Electron itself, which must not claim the scheme. The
 * installers register it too (Info.plist, the .desktop file, the NSIS include); this keeps
 * the registration right after a move or when the MSI was deployed for the whole machine.
 */
export function registerProtocolClient(): void {
  if (!app.isPackaged || app.isDefaultProtocolClient(DEEP_LINK_SCHEME)) return;
  if (!app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)) {
    console.warn(`Kunde inte registrera Läsaren som program för ${DEEP_LINK_SCHEME}://-länkar.`);
  }
}
