import type { Locale } from '../../../shared/domain/profile';

/** BCP 47 tags for Intl: a region gives the expected numeric dates (nb-NO: 24.12.2026). */
const INTL_TAG: Record<Locale, string> = { nb: 'nb-NO', da: 'da-DK', en: 'en-GB' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const id = `${locale}:${withTime ? 'dt' : 'd'}`;
  let format = cache.get(id);
  if (!format) {
    // A calendar date has no time zone: format it as UTC so it never shifts a day.
    format = withTime
      ? new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'short', timeStyle: 'short' })
      : new Intl.DateTimeFormat(INTL_TAG[locale], {
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          timeZone: 'UTC',
        });
    cache.set(id, format);
  }
  return format as Intl.DateTimeFormat;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/** A calendar date (`YYYY-MM-DD`) in the locale's numeric form; anything else is returned as is. */
export function formatIsoDate(locale: Locale, value: string): string {
  return isIsoDate(value) ? dateFormat(locale, false).format(new Date(`${value}T00:00:00Z`)) : value;
}

/** A stored timestamp as local date and time, e.g. 24.12.2026, 14:30. */
export function formatTimestamp(locale: Locale, value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : dateFormat(locale, true).format(new Date(time));
}

/** A count with the locale's grouping, e.g. 10 000 in nb. */
export function formatCount(locale: Locale, value: number): string {
  const id = `${locale}:n`;
  let format = cache.get(id);
  if (!format) {
    format = new Intl.NumberFormat(INTL_TAG[locale]);
    cache.set(id, format);
  }
  return format.format(value);
}

/** Today as `YYYY-MM-DD` in local time, for comparing with calendar dates. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
