import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS, legacyHash } from '../../main/audit/audit-key';
import { listAudit, verifyAuditChain } from '../../main/audit/audit-log';
import { loadMigrations } from '../../main/db/migrate';
import { insertAuditRow, readAuditHead } from '../../main/db/repositories/audit-repo';
import { readKeyFile } from '../../main/vault/key-file';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-migration-10-');
afterEach(() => dirs.cleanup());

const all = loadMigrations();
const FAST_KDF = { logN: 10, r: 8, p: 1 };
const AT = '2026-11-20T09:00:00.000Z';

/** A vault at schema 9 whose audit log was written by the SHA-256 chain of before migration 10. */
async function legacyVault(entries: number): Promise<string> {
  const dir = dirs.make();
  const old = new VaultSession({ dir, kdfCost: FAST_KDF, migrations: all.slice(0, 9) });
  await old.create('NO', PASSPHRASE);
  const { db } = old.current();
  let prevHash = GENESIS;
  for (let seq = 1; seq <= entries; seq += 1) {
    const fields = { seq, at: AT, actor: 'user-1', action: 'update', objectType: 'document', objectId: `doc-${seq}` };
    const hash = legacyHash(prevHash, fields);
    insertAuditRow(db, { ...fields, prevHash, hash });
    prevHash = hash;
  }
  old.lock();
  return dir;
}

describe('migration 10: the keyed, anchored audit chain', () => {
  it('keeps the SHA-256 entries of an existing vault, marks them as legacy and links the keyed chain to their head', async () => {
    const dir = await legacyVault(5);
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, migrations: all });
    const status = await session.unlock(PASSPHRASE);
    expect(status.auditFindings).toBeUndefined();
    const { db } = session.current();
    expect(readAuditHead(db)).toMatchObject({ seq: 6, legacySeq: 5 });
    const entries = listAudit(db).reverse();
    expect(entries.map((e) => e.objectId).slice(0, 5)).toEqual(['doc-1', 'doc-2', 'doc-3', 'doc-4', 'doc-5']);
    expect(entries[5]).toMatchObject({ action: 'unlock', prevHash: entries[4]?.hash });
    expect(verifyAuditChain(db, readKeyFile(session.files.keys).auditAnchor)).toEqual({ ok: true, entries: 6 });
    session.lock();
    expect(readKeyFile(session.files.keys).auditAnchor).toMatchObject({ seq: 6, legacySeq: 5 });
  });

  it('still finds a legacy entry changed after the migration', async () => {
    const dir = await legacyVault(3);
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, migrations: all });
    await session.unlock(PASSPHRASE);
    const { db } = session.current();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET action = 'delete' WHERE seq = 2").run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenSeq: 2, finding: 'rewritten' });
    session.lock();
  });

  it('starts a new vault with no legacy part, its making the first keyed entry', async () => {
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, migrations: all });
    await session.create('DK', PASSPHRASE);
    expect(readAuditHead(session.current().db)).toMatchObject({ seq: 1, legacySeq: 0 });
    const anchor = readKeyFile(session.files.keys).auditAnchor;
    expect(verifyAuditChain(session.current().db, anchor)).toEqual({ ok: true, entries: 1 });
    session.lock();
  });
});
