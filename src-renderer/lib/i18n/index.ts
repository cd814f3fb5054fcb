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

/** A sentence main composed in both languages, in the interface's. */
export function said(text: { readonly sv: string; readonly en: string }): string {
  return locale.current === 'en' ? text.en : text.sv;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formatters are cached: creating one costs more than formatting thousands of numbers. */
export function formatNumber(value: number): string {
  const lang = BCP47[locale.current];
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang)));
  return format.format(value);
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

/** A day, short ("1 dec. 2026", "1 Dec 2026"): where room is tight, as in the library's date column. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(BCP47[locale.current], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date);
}

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A publication date as published: a day ("17 oktober 2011"), a month ("december 2012") or a year. */
export function formatPublished(value: string): string {
  const day = DAY.exec(value);
  const month = MONTH.exec(value);
  const lang = BCP47[locale.current];
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return value;
}
