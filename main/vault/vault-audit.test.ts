// The O(1) check of the audit chain at every unlock (its last entry, the head the database keeps and
// the anchor in the key file), each finding provoked on its own in a real vault; and the alarm entry a
// later finding adds, which a connection refused for damage does not take.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, listAudit } from '../audit/audit-log';
import { openEncrypted, refuseWrites, type Db } from '../db/connection';
import { readAuditHead, writeAuditHead } from '../db/repositories/audit-repo';
import { tempDirs } from '../../test/support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../../test/support/vault-fixtures';
import { readKeyFile, type KeyFile } from './key-file';
import { checkAuditHead, recordAuditAlarm } from './vault-audit';
import { VaultSession } from './vault-session';
import { whileAltered } from '../../test/support/insider-edit';

const dirs = tempDirs('bro-vault-audit-');
const AT = '2026-11-23T09:00:00.000Z';
let session: VaultSession;
let db: Db;

beforeAll(async () => {
  session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, healthCheck: false });
  await session.create('NO', PASSPHRASE);
  db = session.current().db;
  // Entry 1 is the vault's making; five more make six.
  for (let i = 2; i <= 6; i += 1) {
    appendAudit(db, { at: AT, actor: 'user-1', action: 'update', objectType: 'document', objectId: `doc-${i}` });
  }
});
afterAll(() => {
  session.lock();
  dirs.cleanup();
});

/** The anchor the key file would hold for the database's head now. */
function anchorNow(): NonNullable<KeyFile['auditAnchor']> {
  const head = readAuditHead(db);
  return { seq: head.seq, mac: head.mac, legacySeq: head.legacySeq ?? 0, at: AT };
}

describe('the audit check at unlock', () => {
  it('passes an untouched chain against its anchor, and names a key file without one', () => {
    const { seq } = readAuditHead(db);
    expect(seq).toBe(6);
    expect(listAudit(db, { limit: 6 }).at(-1)).toMatchObject({ seq: 1, action: 'create', objectType: 'vault' });
    expect(checkAuditHead(db, anchorNow())).toEqual({ ok: true, entries: 6 });
    expect(checkAuditHead(db, undefined)).toEqual({
      ok: false,
      entries: 6,
      firstBrokenSeq: 1,
      finding: 'anchorMissing',
    });
    // Only a vault this opening has just taken past migration 10 (a version 1 key file) has none yet.
    expect(checkAuditHead(db, undefined, false)).toEqual({ ok: true, entries: 6 });
  });

  it('names the chain rewritten when a vault past migration 10 lost its legacy mark', () => {
    const anchor = anchorNow();
    const report = whileAltered(
      db,
      () => db.prepare("DELETE FROM meta WHERE key = 'audit_legacy_seq'").run(),
      () => checkAuditHead(db, anchor),
    );
    expect(report).toEqual({ ok: false, entries: 6, firstBrokenSeq: 1, finding: 'rewritten' });
  });

  it('passes a database that has no audit log yet, with no entries', () => {
    const key = Buffer.alloc(32, 3);
    const bare = openEncrypted(join(dirs.make(), 'vault.db'), key, 'quick');
    try {
      bare.exec('CREATE TABLE filler (t TEXT)');
      expect(checkAuditHead(bare, anchorNow())).toEqual({ ok: true, entries: 0 });
    } finally {
      bare.close();
    }
  });

  it('names a chain rewritten from the legacy mark on when the mark differs from the key file’s', () => {
    const anchor = anchorNow();
    expect(anchor.legacySeq).toBe(0);
    expect(checkAuditHead(db, { ...anchor, legacySeq: 4 })).toEqual({
      ok: false,
      entries: 6,
      firstBrokenSeq: 1,
      finding: 'rewritten',
    });
  });

  it('names the last entry rewritten when its content no longer matches its MAC', () => {
    const report = whileAltered(
      db,
      () => db.prepare("UPDATE audit_log SET object_id = 'doc-x' WHERE seq = 6").run(),
      () => checkAuditHead(db, anchorNow()),
    );
    expect(report).toEqual({ ok: false, entries: 6, firstBrokenSeq: 6, finding: 'rewritten' });
  });

  it('names a cut tail when the head is ahead of the last entry', () => {
    const report = whileAltered(
      db,
      () => db.prepare('DELETE FROM audit_log WHERE seq >= 5').run(),
      () => checkAuditHead(db, undefined),
    );
    expect(report).toEqual({ ok: false, entries: 4, firstBrokenSeq: 5, finding: 'tailCut' });
  });

  it('names a cut tail when the head sits on the last entry with another MAC', () => {
    const head = readAuditHead(db);
    const report = whileAltered(
      db,
      () => {
        db.prepare('DELETE FROM audit_log WHERE seq = 6').run();
        writeAuditHead(db, { seq: 5, mac: head.mac, legacySeq: 0 });
      },
      () => checkAuditHead(db, undefined),
    );
    expect(report).toEqual({ ok: false, entries: 5, firstBrokenSeq: 6, finding: 'tailCut' });
  });

  it('names a vault.db behind its key file, from the first entry it lacks', () => {
    expect(checkAuditHead(db, { ...anchorNow(), seq: 9 })).toEqual({
      ok: false,
      entries: 6,
      firstBrokenSeq: 7,
      finding: 'behindKeyFile',
    });
  });

  it('names a chain rebuilt beside the key file: the anchored entry carries another MAC', () => {
    expect(checkAuditHead(db, { ...anchorNow(), seq: 3, mac: 'f'.repeat(64) })).toEqual({
      ok: false,
      entries: 6,
      firstBrokenSeq: 3,
      finding: 'divergesFromKeyFile',
    });
  });
});

describe('an alarm for a later finding', () => {
  it('is logged and anchored in the key file', () => {
    recordAuditAlarm(db, session.files.keys, AT, 'tailCut');
    const [latest] = listAudit(db, { limit: 1 });
    expect(latest).toMatchObject({ action: 'audit_alarm', objectType: 'audit', objectId: 'tailCut' });
    expect(readKeyFile(session.files.keys).auditAnchor).toMatchObject({ seq: latest?.seq, mac: latest?.hash });
  });

  it('is only shown, not written, on a connection refused for damage', async () => {
    const other = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, healthCheck: false });
    await other.create('DK', PASSPHRASE);
    const refused = other.current().db;
    const before = readAuditHead(refused);
    const keyFile = readKeyFile(other.files.keys);
    refuseWrites(refused, 'quick_check');
    expect(() => recordAuditAlarm(refused, other.files.keys, AT, 'rewritten')).not.toThrow();
    expect(readAuditHead(refused)).toEqual(before);
    expect(readKeyFile(other.files.keys)).toEqual(keyFile);
    other.lock();
  });
});
