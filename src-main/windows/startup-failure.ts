// Owns what the user sees when the app cannot start (the data folder unwritable, a broken
// install): an error dialog in the UI language saying what happened and what to do, after
// which index.ts exits, so no invisible process is left holding the single-instance lock.
// Pure: index.ts shows the text with Electron's dialog.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../shared/preferences';
import { mainStrings } from './menu-strings';
import { languageFromSystem } from './ui-language';

export interface StartupFailureText {
  readonly title: string;
  readonly message: string;
  readonly detail: string;
}

/** The language stored in the user's settings, else the system's (settings may be what failed). */
export function startupLanguage(dataDir: string, systemLanguages: readonly string[]): Language {
  try {
    const stored = (
      JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { language?: unknown }
    ).language;
    if ((LANGUAGES as readonly unknown[]).includes(stored)) return stored as Language;
  } catch {
    // No or unreadable settings: fall back to the system's languages.
  }
  return languageFromSystem(systemLanguages);
}

/** First line of the error, short enough for a dialog; the full stack goes to the log. */
export function failureReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split(/\r?\n/)[0]?.trim() || 'okänt fel / unknown error';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

export function startupFailureText(language: Language, error: unknown, dataDir: string): StartupFailureText {
  const s = mainStrings(language);
  return {
    title: s.startupTitle,
    message: s.startupMessage,
    detail: s.startupDetail(failureReason(error), dataDir),
  };
}
