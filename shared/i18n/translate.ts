import type { Locale } from '../domain/profile';
import { catalogs } from './catalogs';
import { localiseDateParams } from './dates';
import { formatMessage, type MessageParams } from './message-format';

export type { MessageParams } from './message-format';

/**
 * Looks a key up in the locale's catalog and fills its parameters: `{name}`, and plural forms
 * `{count, plural, one {# sak} other {# saker}}` (shared/i18n/message-format.ts). A missing key
 * returns the key itself, so the gap is visible on screen and caught by the catalog tests. A parameter
 * holding an ISO date or date-time is written the locale's way first (shared/i18n/dates.ts).
 */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const template = catalogs[locale][key] ?? key;
  if (!params) return template;
  return formatMessage(locale, template, localiseDateParams(locale, params));
}

export function hasMessage(locale: Locale, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(catalogs[locale], key);
}
