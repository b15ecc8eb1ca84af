import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENESIS, legacyHash, type AuditFields } from '../../main/audit/audit-key';
import { openEncrypted, type Db } from '../../main/db/connection';

/**
 * Runs `alter` as an insider with the passphrase would (the audit log's append-only triggers
 * dropped), hands back what `look` reads, then rolls everything back, so each test starts from the
 * same log.
 */
export function whileAltered<T>(db: Db, alter: () => void, look: () => T): T {
  db.exec('SAVEPOINT insider');
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
    alter();
    return look();
  } finally {
    db.exec('ROLLBACK TO insider');
    db.exec('RELEASE insider');
  }
}

/**
 * The audit's attack on the chain with no MAC key (only the raw data key `bro vault show-key` hands
 * out, which opens vault.db): entries matching `removeWhere` are deleted, the rest renumbered and
 * re-linked with plain SHA-256, the head reset and the legacy mark deleted; then, in a text editor,
 * the key file's anchor and its (unkeyed) digest are removed. Returns how many entries are left.
 */
export function relinkAsLegacyChain(dir: string, dataKey: Buffer, removeWhere: string): number {
  const db = openEncrypted(join(dir, 'vault.db'), dataKey);
  try {
    db.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update;');
    db.exec(`DELETE FROM audit_log WHERE ${removeWhere}`);
    const seqs = db.prepare('SELECT seq FROM audit_log ORDER BY seq', { pluck: true }).all() as number[];
    // Ascending, one by one: each new number is free by then.
    seqs.forEach((seq, i) => db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run([i + 1, seq]));
    const rows = db
      .prepare(
        'SELECT seq, at, actor, action, object_type AS objectType, object_id AS objectId FROM audit_log ORDER BY seq',
      )
      .all() as AuditFields[];
    let prev = GENESIS;
    for (const row of rows) {
      const hash = legacyHash(prev, row);
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run([prev, hash, row.seq]);
      prev = hash;
    }
    db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run([`${rows.length}:${prev}`]);
    db.prepare("DELETE FROM meta WHERE key = 'audit_legacy_seq'").run();
    db.exec(
      "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    );
    db.exec(
      "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    stripAnchor(dir);
    return rows.length;
  } finally {
    db.close();
  }
}

/** A text editor on vault-keys.json: the audit anchor and the digest removed, the rest kept (`extra` added). */
export function stripAnchor(dir: string, extra: Record<string, unknown> = {}): void {
  const path = join(dir, 'vault-keys.json');
  const {
    auditAnchor: _anchor,
    digest: _digest,
    ...rest
  } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  writeFileSync(path, JSON.stringify({ ...rest, ...extra }, null, 2));
}
