// A passphrase change is logged first and its key file written as the last step of the log's
// transaction: one whose entry cannot be written leaves the old passphrase in force. Real vault files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { FAST_KDF, OTHER_PASSPHRASE as OTHER, PASSPHRASE } from '../../test/support/vault-fixtures';
import { listAudit } from '../audit/audit-log';
import { VaultSession } from './vault-session';

const temp = tempDirs('bro-passphrase-log-');
afterAll(() => temp.cleanup());

describe('a passphrase change whose log entry cannot be written', () => {
  it('leaves the old passphrase in force, as the user is told, and logs nothing', async () => {
    const dir = temp.make();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
    await session.create('NO', PASSPHRASE);
    // Another program (the CLI) holds the database's write lock for longer than the wait.
    session.current().db.pragma('busy_timeout = 0');
    const other = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
    await other.unlock(PASSPHRASE);
    const logged = listAudit(session.current().db, { limit: 100 }).length;
    // The passphrase's wrap and KDF (a lock rewrites the anchor beside them).
    const wrap = () => {
      const { kdf, wraps } = JSON.parse(readFileSync(join(dir, 'vault-keys.json'), 'utf8')) as {
        kdf: unknown;
        wraps: { passphrase: unknown };
      };
      return { kdf, passphrase: wraps.passphrase };
    };
    const before = wrap();
    other.current().db.exec('BEGIN IMMEDIATE');
    await expect(session.changePassphrase(PASSPHRASE, OTHER)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    other.current().db.exec('ROLLBACK');
    other.lock();
    expect(wrap()).toEqual(before);
    expect(listAudit(session.current().db, { limit: 100 })).toHaveLength(logged);
    session.lock();
    const again = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
    await again.unlock(PASSPHRASE);
    expect(listAudit(again.current().db, { limit: 100 }).map((entry) => entry.action)).not.toContain(
      'passphrase_changed',
    );
    again.lock();
  });
});
