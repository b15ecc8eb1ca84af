import type { Db } from '../../main/db/connection';

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
