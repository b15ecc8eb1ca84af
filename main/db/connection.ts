import Database from '@signalapp/sqlcipher';
import { makeOwnerOnly } from '../fs/owner-only-file';
import { AppError } from '../ipc/app-error';
import { storageAppError, storageFailureOf } from './storage-errors';

export type Db = Database;

// No SQLite logger is ever registered (eslint.config.js bans setLogger): without one the
// addon drops SQLite's messages, which can name SQL, and that is what we want. With one it is worse
// than noise: the addon keeps the function in a thread-local reference that is deleted when the OS
// thread ends, after Node has freed that thread's environment, so every integrity worker that ended
// wrote into freed memory of the running process (valgrind: "Invalid write … napi_delete_reference
// … __call_tls_dtors"). The heap damage surfaced later as "free(): invalid size" in an unrelated
// close. main/db/worker-exit-heap.test.ts runs a worker's life under valgrind.

/**
 * Every connection opened here and not yet closed, per thread (one registry per global object). A
 * connection still open when its thread or process ends would be closed by the addon's finalizer
 * after JavaScript has stopped, where nothing can report a failed checkpoint (and, while a logger was
 * registered, a message SQLite logged then aborted the process: "napi_throw"). So whatever is still
 * open is closed on 'exit', while JavaScript still runs.
 */
const OPEN_CONNECTIONS = Symbol.for('bro.db.openConnections');

function openConnections(): Set<Db> {
  const holder = globalThis as { [OPEN_CONNECTIONS]?: Set<Db> };
  let open = holder[OPEN_CONNECTIONS];
  if (!open) {
    const created = new Set<Db>();
    process.once('exit', () => closeConnections(created));
    holder[OPEN_CONNECTIONS] = open = created;
  }
  return open;
}

/** Closes every connection in `open` that is still open; one that fails to close does not stop the rest. */
export function closeConnections(open: Set<Db>): void {
  for (const db of [...open]) {
    try {
      db.close();
    } catch {
      // Closed already, or SQLite refused: the process is ending either way.
    }
  }
  open.clear();
}

/** A new connection, closed at the end of its thread if nothing closed it before (see openConnections). */
function connect(path: string, options: { cacheStatements: boolean }): Db {
  if (path !== ':memory:') makeOwnerOnly(path);
  const db = new Database(path, options);
  const open = openConnections();
  open.add(db);
  const close = db.close.bind(db);
  db.close = () => {
    close();
    // Only once closed: one SQLite refused to close is tried again at exit.
    open.delete(db);
  };
  return db;
}

/** A private in-memory database (never a file), tracked like every other connection. */
export function openInMemory(): Db {
  return connect(':memory:', { cacheStatements: false });
}

/** How many connections of this thread are open: for tests of the exit hook. */
export function openConnectionCount(): number {
  return openConnections().size;
}

/** How long opening waits for a lock another connection holds briefly (see openEncrypted). */
const OPEN_BUSY_TIMEOUT_MS = 2000;

/** Which checks opening runs: 'full' reads every page; 'quick' is O(1) (the key and the schema page). */
export type OpenCheck = 'full' | 'quick';

/**
 * Opens a SQLCipher 4 file with a raw 256-bit key and checks it before anything writes to it: the
 * key must be right (the first read, of page 1 and sqlite_master, fails otherwise). With 'full' (the
 * default, for restores and rotated copies) every page's HMAC must verify and the b-tree must be
 * sound too; 'quick' leaves those to a later fullIntegrityProblem (the vault runs it in a worker
 * after unlock), since they read the whole file. SQLCipher still authenticates every page it reads
 * or writes, so a damaged page is never used silently, only found later.
 */
export function openEncrypted(path: string, key: Buffer, check: OpenCheck = 'full'): Db {
  if (key.length !== 32) throw new RangeError('the data key must be 256 bits');
  const db = connect(path, { cacheStatements: true });
  try {
    // SQLCipher's own log goes to stderr by default; page-level noise is not for the user's terminal.
    db.pragma('cipher_log_level = NONE');
    // Another connection on the file (the integrity worker of the last unlock, the CLI) can hold a
    // lock for a moment while it opens or closes the WAL; wait that out rather than report "busy".
    db.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      throw keyCheckFailure(error);
    }
    if (check === 'full') {
      const problem = fullIntegrityProblem(db);
      if (problem) throw new AppError('vault_corrupt', 'error.vault_integrity_failed', { check: problem });
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The first read failed: a busy, unreadable or full file is named as such. "Not a database" is the
 * key rejected: a wrong key and a damaged first page cannot be told apart.
 */
function keyCheckFailure(error: unknown): AppError {
  const storage = storageFailureOf(error) === 'damaged' ? null : storageAppError(error, 'nothing');
  return storage ?? new AppError('vault_corrupt', 'error.vault_key_rejected');
}

/**
 * Reads the whole file: every page's HMAC (cipher_integrity_check), then the b-tree (quick_check).
 * Returns the name of the check that failed, or null when both pass.
 */
export function fullIntegrityProblem(db: Db): 'cipher_integrity_check' | 'quick_check' | null {
  if (db.pragma('cipher_integrity_check').length > 0) return 'cipher_integrity_check';
  return db.pragma('quick_check', { simple: true }) === 'ok' ? null : 'quick_check';
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

/** Connections whose file failed the full integrity check, with the check that failed. */
const damagedConnections = new WeakMap<Db, string>();

/**
 * After a failed integrity check: every later write on this connection is refused, by name here and
 * by SQLite itself (query_only), so nothing more is written to a damaged file.
 */
export function refuseWrites(db: Db, check: string): void {
  damagedConnections.set(db, check);
  db.pragma('query_only = ON');
}

/** A connection that only reads (the integrity worker's): SQLite refuses any write on it. */
export function makeQueryOnly(db: Db): void {
  db.pragma('query_only = ON');
}

/**
 * Ends a failed transaction and rethrows what failed. After a full disk or an I/O error SQLite has
 * rolled the transaction back itself, and a second ROLLBACK would replace the cause the user must
 * see ("the disk is full") with "no transaction is active".
 */
export function rollbackAndRethrow(db: Db, error: unknown): never {
  try {
    db.exec('ROLLBACK');
  } catch (rollback) {
    if (!/no transaction is active/.test(String(rollback))) throw rollback;
  }
  throw error;
}

/** Runs `read` in one read transaction, so everything it reads is as of one moment. */
export function inReadTransaction<T>(db: Db, read: () => T): T {
  db.exec('BEGIN');
  try {
    return read();
  } finally {
    db.exec('COMMIT');
  }
}

export function isWritable(db: Db): boolean {
  return !damagedConnections.has(db);
}

/** Throws the damage's own message when `db` may not be written to (see refuseWrites). */
export function assertWritable(db: Db): void {
  const check = damagedConnections.get(db);
  if (check !== undefined) throw new AppError('vault_corrupt', 'error.vault_damaged_no_writes', { check });
}
