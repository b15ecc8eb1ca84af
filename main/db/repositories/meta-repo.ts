import type { Db } from '../connection';

/** Keys of the vault's own facts in the meta table. */
export type MetaKey =
  | 'vault_id'
  | 'profile'
  | 'created_at'
  | 'actor_id'
  | 'dk_workload_limit'
  | 'dk_workload_limit_at'
  // The audit chain's head, written by every commit (audit-repo.ts).
  | 'audit_head'
  | 'audit_legacy_seq';

/** A fact about the vault, or undefined when it (or the meta table, in a foreign file) is missing. */
export function readMeta(db: Db, key: MetaKey): string | undefined {
  const hasMeta = db
    .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'", { pluck: true })
    .get();
  if (!hasMeta) return undefined;
  const value = db.prepare('SELECT value FROM meta WHERE key = ?', { pluck: true }).get([key]);
  return typeof value === 'string' ? value : undefined;
}

/**
 * An upsert, not a replace: a replace deletes the row and inserts it again, writing its key's index
 * too; the audit head is written on every commit, so that was one page more for each save to encrypt.
 */
export function writeMeta(db: Db, key: MetaKey, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run([
    key,
    value,
  ]);
}

export function deleteMeta(db: Db, key: MetaKey): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run([key]);
}
