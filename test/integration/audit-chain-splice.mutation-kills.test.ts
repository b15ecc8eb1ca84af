// Issue 17: with the link check dropped (each row's stored prev_hash trusted), the audit log check
// passed two histories spliced together, because each row is still valid on its own. Only a one-field
// edit was tested. Two copies of one real vault diverge; rows of one are written into the other.
import { cpSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain, type AuditAction } from '../../main/audit/audit-log';
import type { Db } from '../../main/db/connection';
import { readKeyFile } from '../../main/vault/key-file';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-audit-splice-');
afterAll(() => dirs.cleanup());

/** A cheap KDF: this test is about the log, not key stretching. */
const FAST_KDF = { logN: 10, r: 8, p: 1 };
const AT = '2026-11-23T09:00:00.000Z';
type Row = {
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  object_type: string;
  object_id: string;
  prev_hash: string;
  hash: string;
};

function log(db: Db, objectIds: string[]): void {
  for (const objectId of objectIds)
    appendAudit(db, { at: AT, actor: 'user-1', action: 'update', objectType: 'document', objectId });
}

const rows = (db: Db) => db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];

describe('audit chain links', () => {
  it('reports a log spliced from two histories of the same vault at the first row whose link breaks', async () => {
    const first = dirs.make();
    const a = new VaultSession({ dir: first, kdfCost: FAST_KDF });
    await a.create('NO', PASSPHRASE);
    log(a.current().db, ['doc-1', 'doc-2', 'doc-3']);
    a.lock();
    const second = dirs.make();
    cpSync(first, second, { recursive: true });
    await a.unlock(PASSPHRASE);
    const b = new VaultSession({ dir: second, kdfCost: FAST_KDF });
    await b.unlock(PASSPHRASE);
    log(a.current().db, ['doc-a1', 'doc-a2']);
    log(b.current().db, ['doc-b1', 'doc-b2', 'doc-b3', 'doc-b4']);
    const ours = rows(a.current().db);
    const theirs = rows(b.current().db);
    const fork = theirs.findIndex((row, i) => row.hash !== ours[i]?.hash);
    expect(fork).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(ours.length + 1);

    // Rows fork..end of history A replace the same seqs of history B; B's later rows stay.
    const db = b.current().db;
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
    const update = db.prepare(
      'UPDATE audit_log SET at = ?, actor = ?, action = ?, object_type = ?, object_id = ?, prev_hash = ?, hash = ? WHERE seq = ?',
    );
    for (const row of ours.slice(fork))
      update.run([row.at, row.actor, row.action, row.object_type, row.object_id, row.prev_hash, row.hash, row.seq]);

    const anchorOf = (session: VaultSession) => readKeyFile(session.files.keys).auditAnchor;
    expect(verifyAuditChain(a.current().db, anchorOf(a))).toEqual({ ok: true, entries: ours.length });
    expect(verifyAuditChain(db, anchorOf(b))).toMatchObject({ ok: false, firstBrokenSeq: ours.length + 1 });
    a.lock();
    b.lock();
  });
});
