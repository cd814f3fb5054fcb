// Owns receiving `lasaren://` links from the operating system: macOS sends them as 'open-url'
// events, Windows and Linux as a process argument (on first start, and to the running
// instance through 'second-instance'). deep-link-router.ts decides what each link does.
import { app, BrowserWindow, dialog } from 'electron';
import { DEEP_LINK_SCHEME, findDeepLinkArgument } from '../shared/deep-link';
import type { Language } from '../shared/preferences';
import type { Bilingual } from '../shared/result';
import {
  createDeepLinkRouter,
  registersProtocolAtRuntime,
  type DeepLinkRouter,
  type RoutableWindow,
} from './deep-link-router';

export interface DeepLinks extends Pick<DeepLinkRouter, 'takeInitialHash'> {
  /** Hands later links to this window; problems are said in the language `language` gives. */
  attach(window: RoutableWindow, language: () => Language): void;
  /** A second instance was started with these arguments (Windows, Linux). */
  receiveArgv(argv: readonly string[]): void;
}

/** Must run before the app is ready, so a macOS launch by link is not missed. */
export function createDeepLinks(argv: readonly string[]): DeepLinks {
  // Links can arrive before the settings are read; a problem is only shown once a window is
  // attached, and by then the language is known.
  let language: () => Language = () => 'sv';
  const showWarning = (window: RoutableWindow, problem: Bilingual): void => {
    const parent = window instanceof BrowserWindow ? window : undefined;
    const message = language() === 'en' ? problem.en : problem.sv;
    const options = { type: 'warning' as const, title: 'Läsaren', message, buttons: ['OK'] };
    void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  };
  const router = createDeepLinkRouter(showWarning);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    router.receive(url);
  });
  router.receive(findDeepLinkArgument(argv));
  return {
    takeInitialHash: () => router.takeInitialHash(),
    attach: (window, current) => {
      language = current;
      router.attach(window);
    },
    receiveArgv: (args) => router.receive(findDeepLinkArgument(args)),
  };
}

/**
 * Registers Läsaren as the handler of `lasaren://` for this user where no package did
 * (registersProtocolAtRuntime: installed Windows builds, for the MSI). In development the
 * executable is Electron itself, which must not claim the scheme.
 */
export function registerProtocolClient(): void {
  if (!registersProtocolAtRuntime(process.platform, app.isPackaged)) return;
  if (app.isDefaultProtocolClient(DEEP_LINK_SCHEME)) return;
  if (!app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)) {
    console.warn(`Kunde inte registrera Läsaren som program för ${DEEP_LINK_SCHEME}://-länkar.`);
  }
}
