// A copy that fills its disk (a backup, a key rotation) must say "the disk is full": SQLite has rolled
// the copy's transaction back itself by then, and the ROLLBACK that follows must not replace the cause.
// The full disk is a real one to SQLite: the attached copy may not grow past a few pages.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { openInMemory, rollbackAndRethrow } from './connection';

const dirs = tempDirs('bro-rollback-');
afterEach(() => dirs.cleanup());

function copyOntoFullDisk() {
  const db = openInMemory();
  db.exec(
    `CREATE TABLE filler (t TEXT);
     WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
     INSERT INTO filler SELECT hex(randomblob(3000)) FROM n;`,
  );
  db.prepare("ATTACH DATABASE ? AS copy KEY ''").run([join(dirs.make(), 'copy.db')]);
  db.pragma('copy.max_page_count = 4');
  db.exec('BEGIN');
  return db;
}

describe('rollbackAndRethrow', () => {
  it('rethrows the full disk, not "no transaction is active", when SQLite already rolled back', () => {
    const db = copyOntoFullDisk();
    let thrown: unknown;
    try {
      try {
        db.prepare("SELECT sqlcipher_export('copy')").get();
      } catch (error) {
        rollbackAndRethrow(db, error);
      }
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toMatch(/database or disk is full/);
    // Nothing is left open: the connection takes a new transaction.
    expect(() => db.exec('BEGIN; COMMIT;')).not.toThrow();
    db.close();
  });

  it('rolls back a transaction that is still open', () => {
    const db = openInMemory();
    db.exec('CREATE TABLE t (x); BEGIN; INSERT INTO t VALUES (1);');
    expect(() => rollbackAndRethrow(db, new Error('ingen plass'))).toThrow('ingen plass');
    expect(db.prepare('SELECT count(*) FROM t', { pluck: true }).get()).toBe(0);
    db.close();
  });
});
