import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../../shared/i18n/translate';

/**
 * The renderer-wide i18n check covers only some areas; this one makes sure every `editors.` key the
 * document screens (meeting minutes included) and the pieces moved out to lib/ and components/ name
 * exists in nb, da and en.
 */
const FOLDERS = ['.', '../../components', '../../lib'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('editor message keys', () => {
  const keys = new Set(
    FOLDERS.flatMap(sources).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/'(editors\.[A-Za-z0-9_.]+)'/g)].map((m) => m[1] ?? ''),
    ),
  );

  it('finds the keys of the editors (the scan reaches the screens)', () => {
    expect(keys.size).toBeGreaterThan(150);
  });

  it('has every editors key in nb, da and en', () => {
    const missing = [...keys].flatMap((key) =>
      (['nb', 'da', 'en'] as const).filter((locale) => !hasMessage(locale, key)).map((locale) => `${key} (${locale})`),
    );
    expect(missing).toEqual([]);
  });
});
