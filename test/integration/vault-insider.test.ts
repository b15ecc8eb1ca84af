import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, listAudit } from '../../main/audit/audit-log';
import { GENESIS, legacyHash } from '../../main/audit/audit-key';
import { runCli } from '../../main/cli/run';
import type { Db } from '../../main/db/connection';
import { loadMigrations } from '../../main/db/migrate';
import { insertAuditRow } from '../../main/db/repositories/audit-repo';
import { AppError } from '../../main/ipc/app-error';
import { readThrottle } from '../../main/vault/unlock-throttle';
import { VaultSession } from '../../main/vault/vault-session';
import { captureIo } from '../support/cli-harness';
import { relinkAsLegacyChain, stripAnchor } from '../support/insider-edit';
import { tempDirs } from '../support/temp-dir';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-insider-');
afterEach(() => dirs.cleanup());

const FAST_KDF = { logN: 10, r: 8, p: 1 };
const T0 = new Date('2026-11-23T10:00:00Z');

function fast(dir: string, now: () => Date = () => T0): VaultSession {
  return new VaultSession({ dir, kdfCost: FAST_KDF, now });
}

/** A vault with `count` audit entries of ordinary work after its creation, locked again. */
async function vaultWithEntries(count: number): Promise<string> {
  const dir = join(dirs.make(), 'vault');
  const session = fast(dir);
  await session.create('NO', PASSPHRASE);
  const { db } = session.current();
  for (let i = 0; i < count; i += 1) {
    appendAudit(db, {
      at: T0.toISOString(),
      actor: 'user-1',
      action: 'update',
      objectType: 'document',
      objectId: `doc-${i}`,
    });
  }
  session.lock();
  return dir;
}

/** What an insider with the passphrase and a SQLCipher shell could do to the open file. */
function tamper(session: VaultSession, sql: string, more: (db: Db) => void = () => undefined): void {
  const { db } = session.current();
  db.exec('DROP TRIGGER audit_log_no_delete');
  db.exec('DROP TRIGGER audit_log_no_update');
  db.exec(sql);
  more(db);
  db.exec(
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
  );
  db.exec(
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
  );
}

/** Re-links every entry with plain SHA-256, as a rewrite with today's (old) scheme would. */
function rechainWithSha256(db: Db): void {
  const rows = db
    .prepare(
      'SELECT seq, at, actor, action, object_type AS objectType, object_id AS objectId FROM audit_log ORDER BY seq',
    )
    .all() as {
    seq: number;
    at: string;
    actor: string;
    action: string;
    objectType: string;
    objectId: string;
  }[];
  let prev = '0'.repeat(64);
  for (const row of rows) {
    const hash = legacyHash(prev, row);
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run([prev, hash, row.seq]);
    prev = hash;
  }
  db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run([`${rows.length}:${prev}`]);
}

async function check(dir: string) {
  const { io, out } = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
  const code = await runCli(['vault', 'check', '--vault', dir, '--json'], io);
  return { code, report: JSON.parse(out.join('')) as { ok: boolean; audit: { ok: boolean; finding?: string } } };
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('the audit chain against a careful insider', () => {
  it('names a cut tail: the last 10 of 50 entries deleted and the no-delete trigger re-created', async () => {
    const dir = await vaultWithEntries(50);
    expect((await check(dir)).code).toBe(0);
    const insider = fast(dir);
    await insider.unlock(PASSPHRASE);
    const last = insider.current().db.prepare('SELECT max(seq) FROM audit_log', { pluck: true }).get() as number;
    tamper(insider, `DELETE FROM audit_log WHERE seq > ${last - 10}`);
    insider.lock();
    const { code, report } = await check(dir);
    expect(code).toBe(1);
    expect(report.audit).toMatchObject({ ok: false, finding: 'tailCut' });
  });

  it('names a rewritten chain even when the insider also rewrote the head the database keeps', async () => {
    const dir = await vaultWithEntries(50);
    const insider = fast(dir);
    await insider.unlock(PASSPHRASE);
    tamper(
      insider,
      "DELETE FROM audit_log WHERE object_id = 'doc-7'; UPDATE audit_log SET seq = seq - 1 WHERE seq > 8",
      rechainWithSha256,
    );
    insider.lock();
    const { code, report } = await check(dir);
    expect(code).toBe(1);
    expect(report.audit).toMatchObject({ ok: false, finding: 'rewritten' });
  });

  it('names a vault.db rolled back against its key file, at unlock and in vault check, and logs an alarm', async () => {
    const dir = await vaultWithEntries(5);
    const saved = join(dir, '..', 'old-vault.db');
    copyFileSync(join(dir, 'vault.db'), saved);
    const later = fast(dir);
    await later.unlock(PASSPHRASE);
    appendAudit(later.current().db, {
      at: T0.toISOString(),
      actor: 'user-1',
      action: 'export',
      objectType: 'document',
      objectId: 'doc-1',
    });
    later.lock();
    copyFileSync(saved, join(dir, 'vault.db'));
    rmSync(join(dir, 'vault.db-wal'), { force: true });
    rmSync(join(dir, 'vault.db-shm'), { force: true });

    const checked = await check(dir);
    expect(checked.code).toBe(1);
    expect(checked.report.audit).toMatchObject({ ok: false, finding: 'behindKeyFile' });
    const again = fast(dir);
    const status = await again.unlock(PASSPHRASE);
    expect(status.auditFindings).toEqual(['behindKeyFile']);
    const actions = listAudit(again.current().db, { limit: 2 }).map((e) => [e.action, e.objectId]);
    expect(actions).toEqual([
      ['unlock', expect.any(String)],
      ['audit_alarm', 'behindKeyFile'],
    ]);
    again.lock();
  });
});

describe('the audit chain against an insider with the raw data key and a text editor', () => {
  it('names a chain re-linked with SHA-256, its legacy mark and the key file anchor gone: vault check, unlock, health check', async () => {
    const dir = await vaultWithEntries(5);
    // `bro vault show-key` (logged as key_shown), then the entry of that and of one document deleted.
    const key = await fast(dir).revealDataKey({ passphrase: PASSPHRASE });
    const left = relinkAsLegacyChain(dir, key, "action = 'key_shown' OR object_id = 'doc-3'");
    key.fill(0);
    // The vault's making and four of the five documents' entries.
    expect(left).toBe(5);

    const checked = await check(dir);
    expect(checked.code).toBe(1);
    expect(checked.report.audit).toMatchObject({ ok: false, finding: 'rewritten' });
    const app = fast(dir);
    expect((await app.unlock(PASSPHRASE)).auditFindings).toEqual(['rewritten']);
    await app.settledHealth();
    const actions = listAudit(app.current().db, { limit: 2 }).map((e) => [e.action, e.objectId]);
    expect(actions).toEqual([
      ['unlock', expect.any(String)],
      ['audit_alarm', 'rewritten'],
    ]);
    app.lock();

    // The next unlock's O(1) check sees a keyed head again; the health check's walk still finds the chain.
    const later = fast(dir);
    expect((await later.unlock(PASSPHRASE)).auditFindings).toBeUndefined();
    await later.settledHealth();
    expect(later.status().auditFindings).toEqual(['rewritten']);
    expect(listAudit(later.current().db, { limit: 1 })[0]).toMatchObject({
      action: 'audit_alarm',
      objectId: 'rewritten',
    });
    later.lock();
    expect((await check(dir)).report.audit).toMatchObject({ ok: false, finding: 'rewritten' });
  });

  it('names a key file whose anchor (and digest) was removed, the chain untouched: vault check and unlock', async () => {
    const dir = await vaultWithEntries(5);
    stripAnchor(dir);
    const checked = await check(dir);
    expect(checked.code).toBe(1);
    expect(checked.report.audit).toMatchObject({ ok: false, finding: 'anchorMissing' });
    const { io, out } = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['vault', 'check', '--vault', dir], io)).toBe(1);
    expect(out.join('')).toContain('holds no record of the audit log');
    const app = fast(dir);
    expect((await app.unlock(PASSPHRASE)).auditFindings).toEqual(['anchorMissing']);
    expect(listAudit(app.current().db, { limit: 2 })[1]).toMatchObject({
      action: 'audit_alarm',
      objectId: 'anchorMissing',
    });
    app.lock();
  });

  it('names a legacy mark deleted alone: vault check and unlock', async () => {
    const dir = await vaultWithEntries(5);
    const insider = fast(dir);
    await insider.unlock(PASSPHRASE);
    tamper(insider, "DELETE FROM meta WHERE key = 'audit_legacy_seq'");
    insider.lock();
    const checked = await check(dir);
    expect(checked.code).toBe(1);
    expect(checked.report.audit).toMatchObject({ ok: false, firstBrokenSeq: 1, finding: 'rewritten' });
    const app = fast(dir);
    expect((await app.unlock(PASSPHRASE)).auditFindings).toEqual(['rewritten']);
    app.lock();
  });
});

describe('security events reach the audit log', () => {
  it('folds failed unlocks from any entry point into the log at the next unlock, with their times; vault check keeps them', async () => {
    const dir = await vaultWithEntries(0);
    let clock = new Date('2026-11-23T11:00:00Z');
    const cliSide = fast(dir, () => clock);
    await expectAppError(cliSide.unlock('feil feil feil feil'), 'wrong_passphrase');
    const firstAt = clock.toISOString();
    clock = new Date(clock.getTime() + 10_000);
    const { io } = captureIo({ BRO_PASSPHRASE: 'også feil, helt feil' });
    expect(await runCli(['vault', 'check', '--vault', dir], io)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await check(dir)).code).toBe(0);
    expect(readThrottle(join(dir, 'unlock-attempts.json'))).toMatchObject({ unreported: 2 });

    const app = fast(dir, () => new Date('2026-11-23T12:00:00Z'));
    await app.unlock(PASSPHRASE);
    const failed = listAudit(app.current().db).filter((e) => e.action === 'unlock_failed');
    expect(failed).toHaveLength(2);
    expect(failed.map((e) => e.at)).toContain(firstAt);
    app.lock();
  });

  it('logs passphrase change, recovery use and show-key, and throttles show-key like unlock', async () => {
    const dir = join(dirs.make(), 'vault');
    const creator = fast(dir);
    const { recoveryKey } = await creator.create('DK', PASSPHRASE);
    await creator.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);
    creator.lock();
    const recovered = fast(dir);
    await recovered.unlockWithRecoveryKey(recoveryKey, PASSPHRASE);
    recovered.lock();

    const wrong = captureIo({ BRO_PASSPHRASE: 'dette er ikke passordet' });
    expect(await runCli(['vault', 'show-key', '--vault', dir], wrong.io)).toBe(1);
    const tooSoon = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['vault', 'show-key', '--vault', dir], tooSoon.io)).toBe(1);
    expect(tooSoon.err.join('')).toContain('try again');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const shown = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['vault', 'show-key', '--vault', dir], shown.io)).toBe(0);

    const reader = fast(dir);
    await reader.unlock(PASSPHRASE);
    const actions = listAudit(reader.current().db)
      .map((e) => e.action)
      .reverse();
    expect(actions).toEqual([
      'create',
      'passphrase_changed',
      'recovery_unlock',
      'passphrase_changed',
      'unlock_failed',
      'key_shown',
      'unlock',
    ]);
    reader.lock();
  });
});

describe('one thing at a time', () => {
  it('makes 40 parallel wrong guesses wait for each other and their delays: only the first is tried', async () => {
    const dir = await vaultWithEntries(0);
    const session = fast(dir, () => new Date());
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => session.unlock('feil passord nummer x')));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as AppError).code : 'ok'));
    expect(codes.filter((c) => c === 'wrong_passphrase')).toHaveLength(1);
    expect(codes.filter((c) => c === 'throttled')).toHaveLength(39);
    expect(readThrottle(join(dir, 'unlock-attempts.json'))?.failures).toBe(1);
  });

  it('opens one connection for two unlocks at once, and lock closes it and overwrites the key', async () => {
    const dir = await vaultWithEntries(0);
    const session = fast(dir);
    const opened: { db: Db }[] = [];
    session.onChange((event) => {
      if (event.type === 'unlocked') opened.push(event.vault);
    });
    const results = await Promise.allSettled([session.unlock(PASSPHRASE), session.unlock(PASSPHRASE)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(opened).toHaveLength(1);
    const key = (session as unknown as { open: { dataKey: Buffer } }).open.dataKey;
    session.lock();
    expect(() => opened[0]?.db.prepare('SELECT 1').get()).toThrow();
    expect(key.equals(Buffer.alloc(32))).toBe(true);
  });

  it('keeps the mentor compartment readable when change-passphrase races compartment-create', async () => {
    const { MentorCompartment } = await import('../../main/vault/compartment');
    const dir = await vaultWithEntries(0);
    const session = fast(dir);
    await session.unlock(PASSPHRASE);
    const compartment = new MentorCompartment(session, () => T0, FAST_KDF);
    await Promise.all([
      session.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE),
      compartment.create('Mentorordningens passord 42'),
    ]);
    session.lock();
    const keys = JSON.parse(readFileSync(join(dir, 'vault-keys.json'), 'utf8')) as {
      compartments?: { mentor?: unknown };
    };
    expect(keys.compartments?.mentor).toBeDefined();
    await session.unlock(OTHER_PASSPHRASE);
    await compartment.unlock('Mentorordningens passord 42');
    expect(compartment.state()).toBe('unlocked');
    session.lock();
  });
});

describe('key-file bounds', () => {
  it.each([
    ['N = 2^34', { logN: 34, r: 8, p: 1 }],
    ['16 GiB of memory', { logN: 22, r: 32, p: 1 }],
    ['p = 1000', { logN: 14, r: 8, p: 1000 }],
  ])('refuses a tampered key file asking for %s with a clear message, before deriving anything', async (_, cost) => {
    const dir = await vaultWithEntries(0);
    const path = join(dir, 'vault-keys.json');
    const keyFile = JSON.parse(readFileSync(path, 'utf8')) as { kdf: object };
    writeFileSync(path, JSON.stringify({ ...keyFile, kdf: { ...keyFile.kdf, ...cost } }));
    const started = Date.now();
    const error = await expectAppError(fast(dir).unlock(PASSPHRASE), 'vault_corrupt');
    expect(error.messageKey).toBe('security.kdfOutOfBounds');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(readFileSync(path, 'utf8')).toContain(`"logN":${cost.logN}`);
  });

  it('reads a version 1 key file beside a vault from before the keyed chain, and writes version 2 with the anchor', async () => {
    // What legitimately has no anchor: a vault at schema 9 (SHA-256 entries), its key file version 1.
    const dir = join(dirs.make(), 'vault');
    const old = new VaultSession({ dir, kdfCost: FAST_KDF, now: () => T0, migrations: loadMigrations().slice(0, 9) });
    await old.create('NO', PASSPHRASE);
    let prevHash = GENESIS;
    for (let seq = 1; seq <= 3; seq += 1) {
      const fields = {
        seq,
        at: T0.toISOString(),
        actor: 'user-1',
        action: 'update',
        objectType: 'document',
        objectId: `doc-${seq}`,
      };
      const hash = legacyHash(prevHash, fields);
      insertAuditRow(old.current().db, { ...fields, prevHash, hash });
      prevHash = hash;
    }
    old.lock();
    const path = join(dir, 'vault-keys.json');
    expect(JSON.parse(readFileSync(path, 'utf8'))).not.toHaveProperty('auditAnchor');
    stripAnchor(dir, { version: 1 });

    const session = fast(dir);
    expect((await session.unlock(PASSPHRASE)).auditFindings).toBeUndefined();
    await session.settledHealth();
    expect(session.status().auditFindings).toBeUndefined();
    session.lock();
    const upgraded = JSON.parse(readFileSync(path, 'utf8')) as {
      version: number;
      auditAnchor: { seq: number; legacySeq: number };
      digest?: string;
    };
    expect(upgraded).toMatchObject({ version: 2, auditAnchor: { seq: 4, legacySeq: 3 }, digest: expect.any(String) });
    expect((await check(dir)).code).toBe(0);
  });

  it('does not upgrade a version 2 key file stripped of its anchor and labelled version 1: it names it first', async () => {
    const dir = await vaultWithEntries(3);
    stripAnchor(dir, { version: 1 });
    const session = fast(dir);
    expect((await session.unlock(PASSPHRASE)).auditFindings).toEqual(['anchorMissing']);
    const actions = listAudit(session.current().db, { limit: 2 }).map((e) => [e.action, e.objectId]);
    expect(actions).toEqual([
      ['unlock', expect.any(String)],
      ['audit_alarm', 'anchorMissing'],
    ]);
    session.lock();
    // The anchor written now covers the alarm: removing it again is named again.
    const path = join(dir, 'vault-keys.json');
    // The making, three entries, the unlock and the alarm.
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ version: 2, auditAnchor: { seq: 6 } });
  });
});
