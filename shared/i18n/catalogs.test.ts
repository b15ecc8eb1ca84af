import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs';

describe('message catalogs', () => {
  const locales = ['nb', 'da', 'en'] as const;
  const allKeys = new Set(locales.flatMap((locale) => Object.keys(catalogs[locale])));

  it.each(locales)('%s has every key that any catalog has', (locale) => {
    const missing = [...allKeys].filter((key) => !(key in catalogs[locale]));
    expect(missing).toEqual([]);
  });

  it.each(locales)('%s has no empty message', (locale) => {
    const empty = Object.entries(catalogs[locale]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in every locale', () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    for (const key of allKeys) {
      const sets = new Set(locales.map((locale) => placeholders(catalogs[locale][key] ?? '')));
      expect({ key, sets: sets.size }).toEqual({ key, sets: 1 });
    }
  });
});
