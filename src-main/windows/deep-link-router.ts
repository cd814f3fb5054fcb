// Owns what happens to a `lasaren://` link once the system has handed it over, whichever way
// it came: a valid link routes the window to the renderer's hash route (or becomes the first
// window's starting route), an invalid one is refused with a message (Swedish and English; the
// window's language picks), shown once the window exists. No electron import: deep-links.ts wires it to Electron, tests drive it directly.
import { parseDeepLink, routeHashFor } from '../shared/deep-link';
import type { Bilingual } from '../shared/result';
import { APP_ORIGIN } from './policy';

/** The part of a BrowserWindow the router uses. */
export interface RoutableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

export interface DeepLinkRouter {
  /** A link from the system, or null when there was none. */
  receive(raw: string | null): void;
  /** The hash the first window should open at (a link the app was started with), or ''. */
  takeInitialHash(): string;
  /** Hands later links to this window and shows any problem found before it existed. */
  attach(window: RoutableWindow): void;
}

export type Warn = (window: RoutableWindow, problem: Bilingual) => void;

export function createDeepLinkRouter(warn: Warn, log: (line: string) => void = console.warn): DeepLinkRouter {
  let window: RoutableWindow | null = null;
  let initialHash = '';
  let pendingProblem: Bilingual | null = null;
  const live = () => (window && !window.isDestroyed() ? window : null);

  return {
    receive(raw) {
      if (raw === null) return;
      const parsed = parseDeepLink(raw);
      const target = live();
      if (!parsed.ok) {
        const problem = { sv: parsed.error.message, en: parsed.error.messageEn };
        log(`${problem.sv} (${raw.slice(0, 200)})`);
        if (target) warn(target, problem);
        else pendingProblem = problem;
        return;
      }
      const hash = routeHashFor(parsed.value);
      if (!target) {
        initialHash = hash;
        return;
      }
      if (target.isMinimized()) target.restore();
      target.focus();
      // Only the fragment differs from the loaded page, so this is an in-page navigation: the
      // renderer's router sees a hashchange and nothing is reloaded.
      void target.loadURL(`${APP_ORIGIN}/index.html${hash}`);
    },
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
      const problem = pendingProblem;
      pendingProblem = null;
      if (problem) target.once('ready-to-show', () => warn(target, problem));
    },
  };
}

/**
 * Whether the running app should claim `lasaren://` itself. Only an installed app on
 * Windows: the NSIS installer registers it for the user (then this is a no-op, as it is
 * already the handler) but the per-machine MSI does not. On macOS Info.plist and on Linux the
 * deb/rpm .desktop file register it; claiming it at run time there would override the
 * package (and on Linux name a .desktop file by the executable, not the one installed).
 */
export function registersProtocolAtRuntime(platform: NodeJS.Platform, packaged: boolean): boolean {
  return packaged && platform === 'win32';
}
