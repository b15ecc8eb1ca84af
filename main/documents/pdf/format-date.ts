import type { Locale } from '../../../shared/domain/profile';
import { translate } from '../../../shared/i18n/translate';
import type { DocumentDate } from './document-view';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

/**
 * Formats a view date for print, from the wall-clock digits in the string (never via the machine's
 * time zone, so output is the same everywhere). nb/da: "12.03.2025 kl. 14.05"; en: "2025-03-12 at 14:05".
 */
export function formatDocumentDate(locale: Locale, value: DocumentDate): string {
  const match = DATE_TIME.exec(value);
  if (!match) return value;
  const [, year, month, day, hour, minute] = match;
  const date = locale === 'en' ? `${year}-${month}-${day}` : `${day}.${month}.${year}`;
  if (hour === undefined || minute === undefined) return date;
  const time = locale === 'en' ? `${hour}:${minute}` : `${hour}.${minute}`;
  return translate(locale, 'documents.pdf.dateTime', { date, time });
}

/** The instant a view date stands for; a bare date counts as midnight UTC. Used for PDF metadata. */
export function documentDateInstant(value: DocumentDate): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
}
