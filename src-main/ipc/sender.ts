// Owns the IPC sender check: only the app's own top-level page may call main. Pure, so it
// is unit-tested without Electron.
import { isAppUrl } from '../windows/policy';

export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl);
}
