import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../ipc/app-error';
import type { Db } from './connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})-([a-z0-9-]+)\.sql$/;

/**
 * Where the numbered SQL files live: beside this module in the sources, copied beside the bundle by
 * the build (build/bundle.mjs).
 */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

/** Reads NNNN-kebab-name.sql files; numbers must run 1, 2, 3 … with no gap or duplicate. */
export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new Error(`migration file name ${file} does not match NNNN-kebab-name.sql`);
      return { version: Number(match[1]), name: match[2] ?? '', sql: readFileSync(`${dir}/${file}`, 'utf8') };
    });
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${migration.version} is out of sequence`);
  });
  return migrations;
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }) ?? 0);
}

/** Refuses a vault written by a newer Bro before anything touches it. */
export function assertNotNewer(db: Db, migrations: readonly Migration[]): void {
  const found = schemaVersion(db);
  const supported = migrations.length;
  if (found > supported) throw new AppError('vault_newer', 'error.vault_newer', { found, supported });
}

/**
 * Applies the missing migrations in one transaction: all or none. The recorded history must match the
 * files exactly (same numbers, same names); a vault whose history differs is refused, not repaired.
 */
export function migrate(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
  }[];
  applied.forEach((row, index) => {
    const known = migrations[index];
    if (!known || known.version !== row.version || known.name !== row.name) {
      throw new AppError('vault_corrupt', 'error.vault_history_mismatch', { version: row.version });
    }
  });
  const from = applied.length;
  const pending = migrations.slice(from);
  if (pending.length === 0) return { from, to: from };
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run([migration.version, migration.name, new Date().toISOString()]);
    }
    db.pragma(`user_version = ${migrations.length}`);
  })();
  return { from, to: migrations.length };
}
