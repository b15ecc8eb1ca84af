// What `bro vault check` and the integrity worker report for each way an insider can alter the audit
// log of a real vault: the finding and the first sequence number it names. Each finding is provoked
// exactly, on its own, against the full walk of the chain (verifyAuditChain).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, listAudit, verifyAuditChain } from '../../main/audit/audit-log';
import { backupKeyOf, fieldsOf, forgetAuditKey, GENESIS, legacyHash } from '../../main/audit/audit-key';
import type { Db } from '../../main/db/connection';
import { allAuditRows, readAuditHead, writeAuditHead } from '../../main/db/repositories/audit-repo';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';
import { whileAltered } from '../support/insider-edit';

const dirs = tempDirs('bro-audit-findings-');
const FAST_KDF = { logN: 10, r: 8, p: 1 };
const AT = '2026-11-23T09:00:00.000Z';
let session: VaultSession;
let db: Db;

beforeAll(async () => {
  session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF });
  await session.create('NO', PASSPHRASE);
  db = session.current().db;
});
afterAll(() => {
  session.lock();
  dirs.cleanup();
});

const anchorNow = () => {
  const head = readAuditHead(db);
  return { seq: head.seq, mac: head.mac, legacySeq: head.legacySeq ?? 0 };
};

function log(count: number): void {
  for (let i = 0; i < count; i++)
    appendAudit(db, { at: AT, actor: 'user-1', action: 'update', objectType: 'document', objectId: `doc-${i}` });
}

describe('audit log entries', () => {
  it('numbers entries from the last one, links each to the one before, and moves the head with them', () => {
    const before = listAudit(db, { limit: 1 })[0];
    const first = appendAudit(db, { at: AT, actor: 'user-1', action: 'create', objectType: 'case', objectId: 'c-1' });
    const second = appendAudit(db, { at: AT, actor: 'user-1', action: 'export', objectType: 'case', objectId: 'c-1' });
    expect(first.seq).toBe((before?.seq ?? 0) + 1);
    expect(first.prevHash).toBe(before?.hash ?? GENESIS);
    expect(second).toMatchObject({ seq: first.seq + 1, prevHash: first.hash });
    expect(second.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readAuditHead(db)).toMatchObject({ seq: second.seq, mac: second.hash });
    expect(listAudit(db, { objectId: 'c-1' }).map((e) => e.action)).toEqual(['export', 'create']);
    expect(listAudit(db, { limit: 1 })).toHaveLength(1);
  });

  it('refuses a name or free text in place of an id, and writes nothing', () => {
    const head = readAuditHead(db);
    for (const field of ['actor', 'objectType', 'objectId'] as const) {
      const entry = { at: AT, actor: 'user-1', action: 'update' as const, objectType: 'document', objectId: 'doc-1' };
      expect(() => appendAudit(db, { ...entry, [field]: 'Kari Nordmann' })).toThrow(
        new RangeError('audit fields must be ids, not free text'),
      );
      expect(() => appendAudit(db, { ...entry, [field]: '' })).toThrow(RangeError);
      expect(() => appendAudit(db, { ...entry, [field]: 'x'.repeat(81) })).toThrow(RangeError);
    }
    expect(readAuditHead(db)).toEqual(head);
  });

  it('reads back an action that is not in the list as an alteration of the table', () => {
    expect(() =>
      whileAltered(
        db,
        () => db.prepare("UPDATE audit_log SET action = 'erase' WHERE seq = 1").run(),
        () => listAudit(db),
      ),
    ).toThrow();
  });
});

describe('the full check of the chain', () => {
  beforeAll(() => log(6));

  it('passes an untouched log against the anchor its key file holds, and names a key file without one', () => {
    const entries = readAuditHead(db).seq;
    expect(entries).toBeGreaterThan(5);
    expect(verifyAuditChain(db, anchorNow())).toEqual({ ok: true, entries });
    expect(verifyAuditChain(db)).toEqual({ ok: false, entries, firstBrokenSeq: 1, finding: 'anchorMissing' });
  });

  it('names a cut tail when the head the database keeps is ahead of the last entry', () => {
    const { seq } = readAuditHead(db);
    const report = whileAltered(
      db,
      () => db.prepare('DELETE FROM audit_log WHERE seq >= ?').run([seq - 1]),
      () => verifyAuditChain(db),
    );
    expect(report).toEqual({ ok: false, entries: seq - 2, firstBrokenSeq: seq - 1, finding: 'tailCut' });
  });

  it('names a cut tail when the last entry was replaced and the head moved back onto another MAC', () => {
    const head = readAuditHead(db);
    const report = whileAltered(
      db,
      () => {
        db.prepare('DELETE FROM audit_log WHERE seq = ?').run([head.seq]);
        writeAuditHead(db, { seq: head.seq - 1, mac: head.mac, legacySeq: head.legacySeq ?? 0 });
      },
      () => verifyAuditChain(db),
    );
    expect(report).toEqual({ ok: false, entries: head.seq - 1, firstBrokenSeq: head.seq, finding: 'tailCut' });
  });

  it('raises no alarm when the head was moved back onto an earlier entry: no entry is missing', () => {
    log(3);
    const anchor = anchorNow();
    const entries = verifyAuditChain(db, anchor).entries;
    const earlier = listAudit(db, { limit: 3 })[2];
    if (!earlier) throw new Error('no earlier entry');
    const report = whileAltered(
      db,
      () => writeAuditHead(db, { seq: earlier.seq, mac: earlier.hash, legacySeq: readAuditHead(db).legacySeq ?? 0 }),
      () => verifyAuditChain(db, anchor),
    );
    expect(report).toEqual({ ok: true, entries });
  });

  it('names a vault.db behind its key file when entries and head were cut together', () => {
    const anchor = anchorNow();
    const report = whileAltered(
      db,
      () => {
        db.prepare('DELETE FROM audit_log WHERE seq > ?').run([anchor.seq - 2]);
        const last = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get([anchor.seq - 2]) as { hash: string };
        writeAuditHead(db, { seq: anchor.seq - 2, mac: last.hash, legacySeq: anchor.legacySeq });
      },
      () => verifyAuditChain(db, anchor),
    );
    expect(report).toEqual({
      ok: false,
      entries: anchor.seq - 2,
      firstBrokenSeq: anchor.seq - 1,
      finding: 'behindKeyFile',
    });
  });

  it('names a chain rebuilt beside the key file: the anchored entry carries another MAC', () => {
    const anchor = { ...anchorNow(), seq: 3, mac: 'f'.repeat(64) };
    expect(verifyAuditChain(db, anchor)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      finding: 'divergesFromKeyFile',
    });
    const real = db.prepare('SELECT hash FROM audit_log WHERE seq = 3').get() as { hash: string };
    expect(verifyAuditChain(db, { ...anchor, mac: real.hash })).toMatchObject({ ok: true });
  });

  it('names a rewritten chain when the legacy mark differs from the one the key file recorded', () => {
    const anchor = anchorNow();
    const moved = { ...anchor, legacySeq: anchor.legacySeq + 4 };
    expect(verifyAuditChain(db, moved)).toMatchObject({
      ok: false,
      firstBrokenSeq: anchor.legacySeq + 1,
      finding: 'rewritten',
    });
  });

  it('names the first entry whose content no longer matches its MAC, however the rest is kept', () => {
    const entries = readAuditHead(db).seq;
    const report = whileAltered(
      db,
      () => db.prepare("UPDATE audit_log SET object_id = 'doc-x' WHERE seq = 4").run(),
      () => verifyAuditChain(db),
    );
    expect(report).toEqual({ ok: false, entries, firstBrokenSeq: 4, finding: 'rewritten' });
  });
});

describe('the legacy mark and the head', () => {
  it('keeps the legacy mark the database recorded when it appends; a lost one becomes 0, not all before', () => {
    const original = readAuditHead(db).legacySeq;
    const setLegacy = (value: number | null) =>
      value === null
        ? db.prepare("DELETE FROM meta WHERE key = 'audit_legacy_seq'").run()
        : db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_legacy_seq', ?)").run([String(value)]);
    const entry = { at: AT, actor: 'user-1', action: 'update' as const, objectType: 'document', objectId: 'doc-l' };
    try {
      setLegacy(3);
      appendAudit(db, entry);
      expect(readAuditHead(db).legacySeq).toBe(3);
      setLegacy(null);
      appendAudit(db, entry);
      // Past migration 10 the mark is never missing; counting every entry before as SHA-256 chained
      // would make a chain re-linked with SHA-256 valid.
      expect(readAuditHead(db).legacySeq).toBe(0);
    } finally {
      setLegacy(original);
    }
    expect(verifyAuditChain(db, anchorNow())).toMatchObject({ ok: true });
  });

  it('before migration 10, an append with no mark records every entry before it as SHA-256 chained', async () => {
    const other = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF });
    await other.create('NO', PASSPHRASE);
    try {
      const otherDb = other.current().db;
      const entry = { at: AT, actor: 'user-1', action: 'update' as const, objectType: 'document', objectId: 'doc-m' };
      appendAudit(otherDb, entry);
      otherDb.pragma('user_version = 9');
      otherDb.prepare("DELETE FROM meta WHERE key = 'audit_legacy_seq'").run();
      appendAudit(otherDb, entry);
      const head = readAuditHead(otherDb);
      expect(head.seq).toBeGreaterThan(1);
      expect(head.legacySeq).toBe(head.seq - 1);
    } finally {
      other.lock();
    }
  });

  it('names a lost legacy mark as a chain rewritten from its first entry, on a vault past migration 10', () => {
    const entries = readAuditHead(db).seq;
    const anchor = anchorNow();
    const report = whileAltered(
      db,
      () => db.prepare("DELETE FROM meta WHERE key = 'audit_legacy_seq'").run(),
      () => [verifyAuditChain(db, anchor), verifyAuditChain(db)],
    );
    // With the anchor removed as well, the lost mark is still what is named first.
    expect(report).toEqual([
      { ok: false, entries, firstBrokenSeq: 1, finding: 'rewritten' },
      { ok: false, entries, firstBrokenSeq: 1, finding: 'rewritten' },
    ]);
  });

  it('names a missing anchor from migration 10 on, the very migration that started the anchor', () => {
    const entries = readAuditHead(db).seq;
    const at = (version: number) =>
      whileAltered(
        db,
        () => db.pragma(`user_version = ${version}`),
        () => verifyAuditChain(db),
      );
    expect(at(10)).toEqual({ ok: false, entries, firstBrokenSeq: 1, finding: 'anchorMissing' });
    expect(at(11)).toEqual({ ok: false, entries, firstBrokenSeq: 1, finding: 'anchorMissing' });
  });

  it('reads a vault from before migration 10 as all SHA-256 chained, with no mark and no anchor needed', () => {
    const entries = readAuditHead(db).seq;
    const report = whileAltered(
      db,
      () => {
        db.pragma('user_version = 9');
        const rows = allAuditRows(db);
        let prev = GENESIS;
        for (const row of rows) {
          const hash = legacyHash(prev, fieldsOf(row));
          db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run([prev, hash, row.seq]);
          prev = hash;
        }
        db.prepare("DELETE FROM meta WHERE key IN ('audit_legacy_seq', 'audit_head')").run();
      },
      () => verifyAuditChain(db),
    );
    expect(report).toEqual({ ok: true, entries });
    // Rolled back to the vault as it is: past migration 10, which needs its anchor again.
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, finding: 'anchorMissing' });
  });

  it('passes an empty log, with or without a head at zero', () => {
    for (const head of [true, false]) {
      const report = whileAltered(
        db,
        () => {
          db.prepare('DELETE FROM audit_log').run();
          if (head) writeAuditHead(db, { seq: 0, mac: '', legacySeq: 0 });
          else db.prepare("DELETE FROM meta WHERE key = 'audit_head'").run();
        },
        () => verifyAuditChain(db, { seq: 0, mac: '', legacySeq: 0 }),
      );
      expect(report).toEqual({ ok: true, entries: 0 });
    }
  });

  it('passes a log whose database kept no head yet (written before the head existed)', () => {
    const entries = readAuditHead(db).seq;
    const anchor = anchorNow();
    const report = whileAltered(
      db,
      () => db.prepare("DELETE FROM meta WHERE key = 'audit_head'").run(),
      () => verifyAuditChain(db, anchor),
    );
    expect(report).toEqual({ ok: true, entries });
  });

  it('passes against a key file that anchored nothing yet', () => {
    expect(verifyAuditChain(db, { seq: 0, mac: '', legacySeq: anchorNow().legacySeq })).toMatchObject({ ok: true });
  });

  it('names a rewritten entry whose stored link to the one before was changed, even with its MAC intact', () => {
    const entries = readAuditHead(db).seq;
    const report = whileAltered(
      db,
      () => db.prepare('UPDATE audit_log SET prev_hash = ? WHERE seq = 3').run(['e'.repeat(64)]),
      () => verifyAuditChain(db),
    );
    expect(report).toEqual({ ok: false, entries, firstBrokenSeq: 3, finding: 'rewritten' });
  });

  it('has no keys once the vault forgot them: nothing can be appended and no backup sealed', () => {
    const sealing = backupKeyOf(db);
    expect(sealing).toHaveLength(32);
    forgetAuditKey(db);
    expect(sealing.equals(Buffer.alloc(32))).toBe(true);
    expect(() =>
      appendAudit(db, { at: AT, actor: 'user-1', action: 'lock', objectType: 'vault', objectId: 'v' }),
    ).toThrow('the audit log of this connection has no chain key');
    expect(() => backupKeyOf(db)).toThrow('this connection has no backup key');
  });
});
