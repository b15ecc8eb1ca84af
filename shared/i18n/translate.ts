import type { Locale } from '../domain/profile';
import { catalogs } from './catalogs';

export type MessageParams = Readonly<Record<string, string | number | boolean>>;

/**
 * Looks a key up in the locale's catalog and fills `{name}` placeholders. A missing key returns the
 * key itself, so the gap is visible on screen and caught by the catalog tests.
 */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const template = catalogs[locale][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function hasMessage(locale: Locale, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(catalogs[locale], key);
}
