/**
 * The one way Weerbaar writes dates, times and numbers on a page (issue 12): Dutch "7 december 2026, 15:32",
 * English "7 December 2026, 15:32"; dates and times in the Netherlands (Europe/Amsterdam), calendar dates
 * (`YYYY-MM-DD`, a day without a time) as they are. Formatters are built once per language: building an
 * `Intl` formatter costs more than rendering a table row.
 */
import type { Lang } from './errors.js';

const locale: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
const perLang = <T>(make: (locale: string) => T): Record<Lang, T> => ({
  nl: make(locale.nl),
  en: make(locale.en),
});

const dateFormats = perLang(
  (l) => new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }),
);
const dayFormats = perLang((l) => new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' }));
const timeFormats = perLang(
  (l) =>
    new Intl.DateTimeFormat(l, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/Amsterdam',
    }),
);
const numberFormats = perLang((l) => new Intl.NumberFormat(l));
const percentFormats = perLang(
  (l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 1 }),
);

type When = Date | string | null | undefined;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "7 december 2026". A `YYYY-MM-DD` string is a calendar day (no time zone shift); '' for nothing. */
export function formatDate(lang: Lang, d: When): string {
  if (!d) return '';
  if (typeof d === 'string' && CALENDAR_DATE.test(d))
    return dayFormats[lang].format(new Date(`${d}T00:00:00Z`));
  const date = new Date(d);
  return Number.isNaN(date.getTime()) ? String(d) : dateFormats[lang].format(date);
}

/** "7 december 2026, 15:32" (Amsterdam time); '' for nothing. */
export function formatDateTime(lang: Lang, d: When): string {
  if (!d) return '';
  const date = new Date(d);
  if (Number.isNaN(date.getTime())) return String(d);
  return `${dateFormats[lang].format(date)}, ${timeFormats[lang].format(date)}`;
}

/** "12.345" (Dutch) or "12,345" (English); '' for nothing. */
export function formatNumber(lang: Lang, n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '';
  return numberFormats[lang].format(n);
}

/** A share (0–1) as a percentage with at most one decimal: "42,5%"; '—' for no value. */
export function formatPercent(lang: Lang, r: number | null | undefined): string {
  if (r === null || r === undefined || Number.isNaN(r)) return '—';
  return percentFormats[lang].format(r);
}
