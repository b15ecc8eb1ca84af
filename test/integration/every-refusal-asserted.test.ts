// Issue 17: every message a verifier, the vault, a backup or an import can refuse with is asserted by
// at least one test. The keys come from the source (string literals that are catalog keys), the
// assertions from the test files (the literal key), so a new refusal without a test fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SELF = relative(ROOT, fileURLToPath(import.meta.url));

/** Where refusals are made: the verifiers and signing, the vault, backups, imports. */
const REFUSING = [/^main\/signing\//, /^main\/vault\//, /^main\/backup\//, /^main\/services\/import-[^/]*\.ts$/];
const TEST_FILE = /\.(test|spec)\.tsx?$/;
const KEY_LITERAL = /['"`]([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)['"`]/g;

/**
 * Keys still without a test, each with why. The list may only shrink: a key listed here that a test
 * now asserts, or that the source no longer uses, fails the test too.
 */
const AWAITING_TESTS: Record<string, string> = {};

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function catalogKeys(): Set<string> {
  const dir = join(ROOT, 'shared/i18n/en');
  return new Set(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => Object.keys(JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, string>)),
  );
}

/** Catalog keys written as literals in refusing source files, with the files that use each. */
export function refusalKeys(sources: { path: string; text: string }[], catalog: Set<string>): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const { path, text } of sources) {
    for (const [, key] of text.matchAll(KEY_LITERAL)) {
      if (key && catalog.has(key)) keys.set(key, [...new Set([...(keys.get(key) ?? []), path])]);
    }
  }
  return keys;
}

const all = ['main', 'shared', 'renderer', 'test', 'build'].flatMap(files);
const read = (path: string) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') });
const sources = all
  .filter((p) => REFUSING.some((r) => r.test(p)) && !TEST_FILE.test(p) && !/test-fixtures/.test(p))
  .map(read);
const testText = all
  .filter((p) => TEST_FILE.test(p) && p !== SELF)
  .map((p) => read(p).text)
  .join('\n');
const keys = refusalKeys(sources, catalogKeys());
const unasserted = [...keys.keys()].filter((key) => !testText.includes(key)).sort();

describe('refusal keys', () => {
  it('finds the refusals of the verifiers, the vault, backups and imports in the source', () => {
    expect(keys.size).toBeGreaterThan(80);
    for (const key of ['signing.problem.pdfSubFilterUnsupported', 'backup.error.damaged', 'error.wrong_passphrase'])
      expect(keys.has(key), key).toBe(true);
  });

  it('takes only catalog keys, from string literals', () => {
    const found = refusalKeys(
      [{ path: 'main/vault/x.ts', text: `throw new AppError('x', 'vault.a.b'); const f = 'file.json'; \`vault.c.d\`` }],
      new Set(['vault.a.b', 'vault.c.d']),
    );
    expect([...found.keys()]).toEqual(['vault.a.b', 'vault.c.d']);
  });

  it('has every refusal asserted by a test that names its key', () => {
    const missing = unasserted.filter((key) => !(key in AWAITING_TESTS));
    expect(missing.map((key) => `${key} (${keys.get(key)?.join(', ')})`)).toEqual([]);
  });

  it('lists as awaiting a test only keys that are still used and still untested', () => {
    const stale = Object.keys(AWAITING_TESTS).filter((key) => !keys.has(key) || !unasserted.includes(key));
    expect(stale).toEqual([]);
  });
});
