import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../main/db/connection';
import { bytesByForm } from './size-forms';
import { round } from './stats';

/** Where a table's pages are counted: its indexes and (for FTS5) its shadow tables go with it. */
function owner(name: string, tableOf: Map<string, string>): string {
  const table = tableOf.get(name) ?? name;
  return /^search_index_/.test(table) ? 'search_index' : table;
}

/**
 * Bytes per table (with its indexes) from SQLite's dbstat. The SQLCipher build has no dbstat, so a
 * plaintext copy of the bench vault (fictional demo data only) is made in a private temp folder,
 * measured with the system sqlite3 and removed; the shares are applied to the encrypted file's size.
 */
function pagesByTable(db: Db): Map<string, number> | null {
  const dir = mkdtempSync(join(tmpdir(), 'bro-bench-size-'));
  const plain = join(dir, 'plain.db');
  try {
    db.prepare("ATTACH DATABASE ? AS bench_plain KEY ''").run([plain]);
    try {
      db.prepare("SELECT sqlcipher_export('bench_plain')").get();
    } finally {
      db.exec('DETACH DATABASE bench_plain');
    }
    const sql =
      'SELECT d.name, coalesce(s.tbl_name, d.name), sum(d.pgsize) FROM dbstat d LEFT JOIN sqlite_schema s ON s.name = d.name GROUP BY d.name';
    const result = spawnSync('sqlite3', ['-separator', '\t', plain, sql], { encoding: 'utf8' });
    if (result.status !== 0) return null;
    const rows = result.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    const tableOf = new Map(rows.map(([name, table]) => [name ?? '', table ?? '']));
    const bytes = new Map<string, number>();
    for (const [name, , size] of rows) {
      const key = owner(name ?? '', tableOf);
      bytes.set(key, (bytes.get(key) ?? 0) + Number(size));
    }
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `vault_bytes_per_case` (the encrypted file after a checkpoint, over its cases) and where the
 * bytes go, per table with its indexes, largest first, and by the form values are stored in.
 */
export function vaultSizeFigures(db: Db, databasePath: string, cases: number): Record<string, unknown> {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const fileBytes = statSync(databasePath).size;
  const tables = pagesByTable(db);
  const total = tables ? [...tables.values()].reduce((a, b) => a + b, 0) : 0;
  const breakdown = tables
    ? Object.fromEntries(
        [...tables.entries()]
          .sort((a, b) => b[1] - a[1])
          .filter(([, bytes]) => bytes / total >= 0.005)
          .map(([name, bytes]) => [name, round((fileBytes * bytes) / total / cases, 0)]),
      )
    : { unavailable: 'sqlite3 with dbstat not found' };
  const forms = bytesByForm(db, cases);
  return {
    vault_bytes_per_case: Math.round(fileBytes / cases),
    vault_file_mb: round(fileBytes / 2 ** 20),
    vault_cases: cases,
    vault_bytes_per_case_by_table: breakdown,
    vault_payload_bytes_per_case_by_form: forms.perCase,
    vault_version_json_deflated: forms.versionJsonDeflated,
  };
}
