import { join } from 'node:path';
import IndependentSqlite from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { recoverDataKey } from '../../main/vault/recover-data-key';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE, session } from '../support/vault-fixtures';

const dirs = tempDirs('bro-format-');
afterEach(() => dirs.cleanup());

/**
 * The vault must be plain SQLCipher 4, so an organisation is never locked in to Bro. This reads it
 * with SQLite3 Multiple Ciphers (a separate implementation) in its SQLCipher-4 mode, using only the
 * key an administrator gets from the recovery key.
 */
describe('vault file format', () => {
  it('is readable by an independent SQLCipher 4 implementation with the key from the recovery key', async () => {
    const dir = dirs.make();
    const vault = session(dir);
    const { recoveryKey } = await vault.create('DK', PASSPHRASE);
    vault.current().db.prepare("INSERT INTO meta (key, value) VALUES ('note', 'Jens Opdigtet, fiktiv')").run();
    vault.lock();

    const key = await recoverDataKey(dir, { recoveryKey });
    const db = new IndependentSqlite(join(dir, 'vault.db'), { readonly: true });
    try {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma(`key = "x'${key.toString('hex')}'"`);
      const rows = db.prepare('SELECT key, value FROM meta ORDER BY key').all() as { key: string; value: string }[];
      expect(rows).toContainEqual({ key: 'note', value: 'Jens Opdigtet, fiktiv' });
      expect(rows).toContainEqual({ key: 'profile', value: 'DK' });
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    } finally {
      db.close();
    }
  });

  it('is not readable by the independent implementation with another key', async () => {
    const dir = dirs.make();
    const vault = session(dir);
    await vault.create('NO', PASSPHRASE);
    vault.lock();
    const db = new IndependentSqlite(join(dir, 'vault.db'), { readonly: true });
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${'00'.repeat(32)}'"`);
    expect(() => db.prepare('SELECT count(*) FROM meta').get()).toThrow();
    db.close();
  });
});
