import type { Locale } from '../../../shared/domain/profile';

/** BCP 47 tags for Intl, with a region so dates read the local way (nb-NO: 24.12.2026). */
const INTL_TAG: Record<Locale, string> = { nb: 'nb-NO', da: 'da-DK', en: 'en-GB' };

export function intlTag(locale: Locale): string {
  return INTL_TAG[locale];
}

/** A calendar date ("2026-12-24") in the locale's short form, without any time-zone shift. */
export function formatIsoDate(locale: Locale, isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/** A moment ("2026-12-24T09:30:00Z") as local date and time in the locale's form. */
export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits }).format(value);
}
