// Owns looking up UI strings in the current language, filling in their {placeholders}, and
// formatting dates and numbers for that language.
import { en } from './en';
import { locale } from './locale.svelte';
import { sv, type Catalog, type MessageKey } from './sv';

const catalogs: Record<string, Catalog> = { sv, en };
const BCP47 = { sv: 'sv-SE', en: 'en-GB' } as const;

export type { MessageKey };
export { locale };

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = (catalogs[locale.current] ?? sv)[key];
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(BCP47[locale.current]).format(value);
}

/** A date and time as a reader of the current language expects it ("21 nov. 2026 14:05"). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(BCP47[locale.current], { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(BCP47[locale.current], { dateStyle: 'long' }).format(date);
}
