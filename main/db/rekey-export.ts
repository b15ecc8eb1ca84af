import { makeOwnerOnly } from '../fs/owner-only-file';
import { rollbackAndRethrow, type Db } from './connection';
import { schemaVersion } from './migrate';
import { ownFacts, type SnapshotFacts } from './snapshot';

const REKEY_SCHEMA = 'bro_rekeyed';

/**
 * Copies the open database into a new SQLCipher file under another raw key, with sqlcipher_export in
 * one read transaction (consistent even while another connection writes). The copy is a plain
 * rollback-journal file, complete once this returns; the caller fsyncs and swaps it in.
 */
export function exportUnderKey(db: Db, path: string, key: Buffer): SnapshotFacts {
  if (key.length !== 32) throw new RangeError('the data key must be 256 bits');
  makeOwnerOnly(path);
  db.prepare(`ATTACH DATABASE ? AS ${REKEY_SCHEMA} KEY ?`).run([path, `x'${key.toString('hex')}'`]);
  try {
    db.pragma(`${REKEY_SCHEMA}.journal_mode = DELETE`);
    db.exec('BEGIN');
    try {
      const facts = ownFacts(db);
      db.prepare(`SELECT sqlcipher_export('${REKEY_SCHEMA}')`).get();
      db.pragma(`${REKEY_SCHEMA}.user_version = ${schemaVersion(db)}`);
      db.exec('COMMIT');
      return facts;
    } catch (error) {
      rollbackAndRethrow(db, error);
    }
  } finally {
    db.exec(`DETACH DATABASE ${REKEY_SCHEMA}`);
  }
}
