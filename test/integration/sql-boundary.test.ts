import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * SQL lives in main/db/ only (connection, migrations, repositories, snapshot), so a schema change
 * touches one folder and a reviewer finds every statement in one place.
 */
const MAIN = fileURLToPath(new URL('../../main/', import.meta.url));
const SQL_CALL = /\.(prepare|pragma)\(|\bdb\.exec\(/;

function sourceFiles(dir: string, rel = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return sourceFiles(join(dir, entry.name), path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

export function sqlOutsideDb(files: { path: string; text: string }[]): string[] {
  return files
    .filter((file) => !file.path.startsWith('db/') && SQL_CALL.test(file.text))
    .map((file) => `main/${file.path}`);
}

describe('SQL boundary', () => {
  it('keeps every statement in main/db/', () => {
    const files = sourceFiles(MAIN).map((path) => ({ path, text: readFileSync(join(MAIN, path), 'utf8') }));
    expect(files.length).toBeGreaterThan(50);
    expect(sqlOutsideDb(files)).toEqual([]);
  });

  it('catches a statement planted in a service', () => {
    const planted = { path: 'services/planted.ts', text: "db.prepare('SELECT 1').get();" };
    const allowed = { path: 'db/repositories/ok.ts', text: "db.prepare('SELECT 1').get();" };
    expect(sqlOutsideDb([planted, allowed])).toEqual(['main/services/planted.ts']);
  });
});
