// The only module that touches the window API defined by the preload (Electron) or the
// bridge script (browser host). Everything else in the renderer calls through here.
import { API_GLOBAL, type MenuCommand } from '../../src-main/shared/channels';
import type { LasarenApi } from '../../src-main/shared/contract';
import type { Result } from '../../src-main/shared/result';
import { t } from './i18n';

function resolveApi(): LasarenApi | null {
  const candidate = (window as unknown as Record<string, unknown>)[API_GLOBAL];
  return candidate && typeof candidate === 'object' ? (candidate as LasarenApi) : null;
}

const api = resolveApi();

/** Missing bridge: the page was opened outside Läsaren (or the preload failed). */
const noBridge = (): Result<never> => ({
  ok: false,
  error: { code: 'internal', message: t('error.noBridge') },
});

/** Calls a capability; a rejected promise (a broken bridge) becomes a Result too. */
export async function call<K extends keyof LasarenApi>(
  name: K,
  ...input: Parameters<LasarenApi[K]>
): Promise<Awaited<ReturnType<LasarenApi[K]>>> {
  type Out = Awaited<ReturnType<LasarenApi[K]>>;
  if (!api) return noBridge() as Out;
  try {
    const fn = api[name] as (...args: unknown[]) => Promise<Out>;
    return await fn(...input);
  } catch (e) {
    return {
      ok: false,
      error: { code: 'internal', message: t('error.callFailed', { message: (e as Error).message }) },
    } as Out;
  }
}

/**
 * Listens for the right-click menu's commands (Electron only; the browser host has no such
 * menu and this does nothing there). Returns the function that stops listening.
 */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const subscribe = (api as unknown as Record<string, unknown> | null)?.['onMenuCommand'];
  if (typeof subscribe !== 'function') return () => undefined;
  const stop: unknown = subscribe(listener);
  return typeof stop === 'function' ? () => void stop() : () => undefined;
}
