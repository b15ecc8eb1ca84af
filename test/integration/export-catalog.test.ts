import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The `export` message area, checked on its own until it is wired into shared/i18n/catalogs.ts (then
 * the catalog test covers it too): same keys and placeholders in nb, da and en, and every key the
 * export, signing, import and CLI code uses is there.
 */
const LOCALES = ['nb', 'da', 'en'] as const;
const catalog = (locale: string) =>
  JSON.parse(readFileSync(`shared/i18n/${locale}/export.json`, 'utf8')) as Record<string, string>;
const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

const SOURCES = ['main/documents/views', 'main/services', 'main/cli/commands'];

function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const dir of SOURCES) {
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const match of text.matchAll(/'(export\.(?:view|identity|import|cli|notFinal|gradingTooLow)[\w.]*)'/g))
        keys.add(match[1] ?? '');
    }
  }
  return [...keys].filter((key) => !key.endsWith('.'));
}

describe('export message area', () => {
  it('has the same keys, non-empty, with the same placeholders in every locale', () => {
    const [nb, ...others] = LOCALES.map(catalog);
    for (const other of others) expect(Object.keys(other ?? {}).sort()).toEqual(Object.keys(nb ?? {}).sort());
    for (const key of Object.keys(nb ?? {})) {
      expect(key.startsWith('export.')).toBe(true);
      const texts = LOCALES.map((locale) => catalog(locale)[key] ?? '');
      expect(texts.every((text) => text.trim().length > 0)).toBe(true);
      expect(new Set(texts.map(placeholders)).size).toBe(1);
    }
  });

  it('has every key the code uses', () => {
    const keys = usedKeys();
    expect(keys.length).toBeGreaterThan(30);
    const nb = catalog('nb');
    expect(keys.filter((key) => !(key in nb))).toEqual([]);
  });
});
