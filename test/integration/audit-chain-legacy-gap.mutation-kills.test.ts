// Issue 17 (main/audit survivor): the chain check's sequence test (each row's seq one past the last)
// was never needed by a test, since every edit so far also broke a link. Before the keyed chain, links
// were plain SHA-256, which anyone who can open the vault can recompute: an insider deletes an entry
// from that part and re-links the next one. Each remaining row is then valid on its own and linked to
// the one before; only the missing number shows the deletion.
import { afterAll, describe, expect, it } from 'vitest';
import { GENESIS, legacyHash } from '../../main/audit/audit-key';
import { verifyAuditChain } from '../../main/audit/audit-log';
import { loadMigrations } from '../../main/db/migrate';
import { insertAuditRow } from '../../main/db/repositories/audit-repo';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-audit-legacy-gap-');
afterAll(() => dirs.cleanup());

const AT = '2026-11-20T09:00:00.000Z';
const migrations = loadMigrations();
const fields = (seq: number) => ({
  seq,
  at: AT,
  actor: 'user-1',
  action: 'update',
  objectType: 'document',
  objectId: `doc-${seq}`,
});

describe('a legacy (SHA-256) part of the audit log', () => {
  it('with an entry deleted and the next one re-linked is reported rewritten at the first number out of turn', async () => {
    const dir = dirs.make();
    // A vault from before the keyed chain (schema 9) with three entries.
    const old = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false, migrations: migrations.slice(0, 9) });
    await old.create('NO', PASSPHRASE);
    const db = old.current().db;
    const hashes = [GENESIS];
    for (const seq of [1, 2, 3]) {
      const hash = legacyHash(hashes[seq - 1] ?? GENESIS, fields(seq));
      insertAuditRow(db, { ...fields(seq), prevHash: hashes[seq - 1] ?? GENESIS, hash });
      hashes.push(hash);
    }
    // The insider's edit: entry 2 goes, entry 3 is linked to entry 1 with a recomputed hash.
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    const relinked = legacyHash(hashes[1] ?? GENESIS, fields(3));
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = 3').run([hashes[1] ?? GENESIS, relinked]);
    old.lock();

    // Opened by this version: the legacy part is kept as it was found, and keyed entries follow it.
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false, migrations });
    await session.unlock(PASSPHRASE);
    expect(verifyAuditChain(session.current().db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      finding: 'rewritten',
    });
    session.lock();
  });
});
