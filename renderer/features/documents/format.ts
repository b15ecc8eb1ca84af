import type { Locale } from '../../../shared/domain';
import { formatDate, formatDateTime, intlTag } from '../../../shared/i18n/dates';

export { formatTime } from '../../../shared/i18n/dates';

/** A calendar date (`YYYY-MM-DD`, or the date part of a date-time) in the locale's short form. */
export function formatIsoDate(locale: Locale, iso: string): string {
  return formatDate(locale, iso.slice(0, 10));
}

/** A moment (ISO 8601 with offset) as local date and time, e.g. "24.12.2026, 09:30". */
export function formatIsoDateTime(locale: Locale, iso: string): string {
  return formatDateTime(locale, iso);
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 2 }).format(value);
}
