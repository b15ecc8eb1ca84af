import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../../shared/domain/profile';
import { formatMessage } from '../../shared/i18n/message-format';

/**
 * The UI's own message catalogs, read from disk so specs find controls by the text a user sees in
 * each language. (Playwright's ESM loader cannot import the JSON files the way the bundler does.)
 */
const I18N_DIR = fileURLToPath(new URL('../../shared/i18n/', import.meta.url));
const cache = new Map<Locale, Record<string, string>>();

function catalog(locale: Locale): Record<string, string> {
  let merged = cache.get(locale);
  if (!merged) {
    merged = {};
    const dir = join(I18N_DIR, locale);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      Object.assign(merged, JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>);
    }
    cache.set(locale, merged);
  }
  return merged;
}

/** The text of `key` in `locale` with its parameters and plural forms filled; throws on a missing key so a spec cannot pass by accident. */
export function msg(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = catalog(locale)[key];
  if (template === undefined) throw new Error(`No message ${key} in ${locale}`);
  return formatMessage(locale, template, params);
}
