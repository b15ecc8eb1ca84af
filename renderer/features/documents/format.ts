import type { Locale } from '../../../shared/domain';

/** Intl tags per UI language; dates read as the locale writes them (nb-NO: 24.12.2026). */
const INTL_TAG: Readonly<Record<Locale, string>> = { nb: 'nb-NO', da: 'da-DK', en: 'en-GB' };

/** A calendar date (`YYYY-MM-DD`) in the locale's short form; it is read as noon local time so no zone shifts it. */
export function formatIsoDate(locale: Locale, iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_TAG[locale], { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** A moment (ISO 8601 with offset) as local date and time, e.g. "24.12.2026, 09:30". */
export function formatIsoDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_TAG[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export function formatTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { hour: '2-digit', minute: '2-digit' }).format(date);
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: 2 }).format(value);
}
