import Database, { setLogger } from '@signalapp/sqlcipher';
import { AppError } from '../ipc/app-error';

export type Db = Database;

// SQLCipher reports through this hook; its messages can name SQL, so nothing of it is printed.
setLogger(() => undefined);

/**
 * Opens a SQLCipher 4 file with a raw 256-bit key and checks it before anything writes to it:
 * the key must be right (the first read fails otherwise), every page's HMAC must verify
 * (cipher_integrity_check) and the b-tree must be sound (quick_check).
 */
export function openEncrypted(path: string, key: Buffer): Db {
  if (key.length !== 32) throw new RangeError('the data key must be 256 bits');
  const db = new Database(path, { cacheStatements: true });
  try {
    // SQLCipher's own log goes to stderr by default; page-level noise is not for the user's terminal.
    db.pragma('cipher_log_level = NONE');
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new AppError('vault_corrupt', 'error.vault_key_rejected');
    }
    const cipherProblems = db.pragma('cipher_integrity_check');
    if (cipherProblems.length > 0)
      throw new AppError('vault_corrupt', 'error.vault_integrity_failed', { check: 'cipher_integrity_check' });
    const quick = db.pragma('quick_check', { simple: true });
    if (quick !== 'ok') throw new AppError('vault_corrupt', 'error.vault_integrity_failed', { check: 'quick_check' });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Durable writes: WAL with synchronous=FULL fsyncs the log on every commit, so an acknowledged write
 * survives a crash or power loss. Set only after the schema version check, so a refused vault is
 * never switched into WAL mode.
 */
export function configureForWriting(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('temp_store = MEMORY');
}

/**
 * For a second process on the vault (the CLI while the app is open): wait up to `ms` for the other
 * writer rather than fail at once.
 */
export function waitForOtherWriters(db: Db, ms = 5000): void {
  db.pragma(`busy_timeout = ${Math.trunc(ms)}`);
}
