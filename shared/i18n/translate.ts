import type { Locale } from '../domain/profile';
import { catalogs } from './catalogs';
import { formatMessage, type MessageParams } from './message-format';

export type { MessageParams } from './message-format';

/**
 * Looks a key up in the locale's catalog and fills its parameters: `{name}`, and plural forms
 * `{count, plural, one {# sak} other {# saker}}` (shared/i18n/message-format.ts). A missing key
 * returns the key itself, so the gap is visible on screen and caught by the catalog tests.
 */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const template = catalogs[locale][key] ?? key;
  if (!params) return template;
  return formatMessage(locale, template, params);
}

export function hasMessage(locale: Locale, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(catalogs[locale], key);
}
