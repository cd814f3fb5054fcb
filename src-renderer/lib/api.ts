// The only module that touches the window API defined by the preload (Electron) or the
// bridge script (browser host). Everything else in the renderer calls through here.
import { API_GLOBAL, type MenuCommand } from '../../src-main/shared/channels';
import type { LasarenApi } from '../../src-main/shared/contract';
import type { AppError, Result } from '../../src-main/shared/result';
import { locale, t } from './i18n';

function resolveApi(): LasarenApi | null {
  const candidate = (window as unknown as Record<string, unknown>)[API_GLOBAL];
  return candidate && typeof candidate === 'object' ? (candidate as LasarenApi) : null;
}

const api = resolveApi();

/** A failure composed here, already in the interface's language. */
function failedHere(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message, messageEn: message } };
}

/**
 * Main says every failure in Swedish and English; the renderer shows `message`, so it is set
 * to the sentence in the interface's language here, once, for every call.
 */
function inLanguage(error: AppError): AppError {
  return locale.current === 'en' && error.messageEn ? { ...error, message: error.messageEn } : error;
}

/**
 * Calls a capability; a rejected promise (a broken bridge) becomes a Result too, and a
 * failure comes back in the interface's language.
 */
export async function call<K extends keyof LasarenApi>(
  name: K,
  ...input: Parameters<LasarenApi[K]>
): Promise<Awaited<ReturnType<LasarenApi[K]>>> {
  type Out = Awaited<ReturnType<LasarenApi[K]>>;
  if (!api) return failedHere(t('error.noBridge')) as Out;
  let result: Out;
  try {
    const fn = api[name] as (...args: unknown[]) => Promise<Out>;
    result = await fn(...input);
  } catch (e) {
    return failedHere(t('error.callFailed', { message: (e as Error).message })) as Out;
  }
  const answer = result as Result<unknown>;
  return (answer.ok ? result : { ok: false, error: inLanguage(answer.error) }) as Out;
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
