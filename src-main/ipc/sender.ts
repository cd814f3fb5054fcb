// Owns the IPC sender rule: only the app's own top-level page may call main. Pure (no
// electron import) so it is unit-tested; register.ts applies it to every invoke.
import { isAppUrl } from '../windows/policy';

export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl);
}
