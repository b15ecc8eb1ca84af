import type { Locale } from '../../shared/domain/profile';
import { formatDate, formatDateTime, intlTag, isIsoDate, localIsoDate } from '../../shared/i18n/dates';

export { isIsoDate };

/** A calendar date (`YYYY-MM-DD`) in the locale's numeric form; anything else is returned as is. */
export function formatIsoDate(locale: Locale, value: string): string {
  return formatDate(locale, value);
}

/** A stored timestamp as local date and time, e.g. 24.12.2026, 14:30. */
export function formatTimestamp(locale: Locale, value: string): string {
  return formatDateTime(locale, value);
}

const counts = new Map<Locale, Intl.NumberFormat>();

/** A count with the locale's grouping, e.g. 10 000 in nb. */
export function formatCount(locale: Locale, value: number): string {
  let format = counts.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlTag(locale));
    counts.set(locale, format);
  }
  return format.format(value);
}

/**
 * Makes the formatters the home screen writes counts and dates with. A page's first Intl formatter
 * costs 25-35 ms (ICU sets up its data); made while the unlock waits for the key, that is not paid in
 * the home screen's first frame.
 */
export function prepareFormats(locale: Locale): void {
  formatCount(locale, 0);
  formatIsoDate(locale, '2000-01-01');
  formatTimestamp(locale, '2000-01-01T00:00:00Z');
}

/** Today as `YYYY-MM-DD` in local time, for comparing with calendar dates. */
export function localToday(now: Date = new Date()): string {
  return localIsoDate(now);
}
