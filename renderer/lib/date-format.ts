import type { Locale } from '../../shared/domain/profile';
import { formatDate, formatDateTime as formatMoment, intlTag } from '../../shared/i18n/dates';

export { intlTag };

/** A calendar date ("2026-12-24") in the locale's short form, without any time-zone shift. */
export function formatIsoDate(locale: Locale, isoDate: string): string {
  return formatDate(locale, isoDate);
}

/** A moment ("2026-12-24T09:30:00Z") as local date and time in the locale's form. */
export function formatDateTime(locale: Locale, iso: string): string {
  return formatMoment(locale, iso);
}

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits }).format(value);
}
