import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../main/audit/audit-log';
import { runCli } from '../../main/cli/run';
import { insertReceived } from '../../main/db/repositories/received-repo';
import { AppError } from '../../main/ipc/app-error';
import { MentorCompartment } from '../../main/vault/compartment';
import { VaultSession } from '../../main/vault/vault-session';
import { assessPassphrase } from '../../shared/vault/passphrase-policy';
import { appFixture } from '../support/app-fixture';
import { captureIo } from '../support/cli-harness';
import { tempDirs } from '../support/temp-dir';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../support/vault-fixtures';

/**
 * One test per finding of issue 12, written against the interfaces that existed before the fix
 * (VaultSession, appendAudit, the CLI), so each can be run on the old code and seen to fail there.
 */
const dirs = tempDirs('bro-findings-');
const apps = appFixture();
afterEach(() => {
  dirs.cleanup();
  apps.cleanup();
});

const FAST_KDF = { logN: 10, r: 8, p: 1 };
const AT = '2026-11-23T10:00:00.000Z';

async function vault(entries = 0): Promise<string> {
  const dir = join(dirs.make(), 'vault');
  const session = new VaultSession({ dir, kdfCost: FAST_KDF });
  await session.create('NO', PASSPHRASE);
  const { db } = session.current();
  for (let i = 0; i < entries; i += 1)
    appendAudit(db, { at: AT, actor: 'user-1', action: 'update', objectType: 'document', objectId: `doc-${i}` });
  session.lock();
  return dir;
}

async function vaultCheck(dir: string, passphrase = PASSPHRASE): Promise<number> {
  return runCli(['vault', 'check', '--vault', dir], captureIo({ BRO_PASSPHRASE: passphrase }).io);
}

describe('issue 12 findings', () => {
  it('a cut audit tail (last 10 of 50, no-delete trigger re-created) fails vault check', async () => {
    const dir = await vault(50);
    const insider = new VaultSession({ dir, kdfCost: FAST_KDF });
    await insider.unlock(PASSPHRASE);
    const { db } = insider.current();
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.exec('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 10 FROM audit_log)');
    db.exec(
      "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    );
    insider.lock();
    expect(await vaultCheck(dir)).toBe(1);
  });

  it('a correct vault check does not erase the record of failed unlocks', async () => {
    const dir = await vault();
    await new VaultSession({ dir, kdfCost: FAST_KDF }).unlock('feil feil feil feil').catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await vaultCheck(dir)).toBe(0);
    expect(existsSync(join(dir, 'unlock-attempts.json'))).toBe(true);
  });

  it('40 parallel wrong guesses are not all tried', async () => {
    const dir = await vault();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF });
    await Promise.allSettled(Array.from({ length: 40 }, () => session.unlock('feil passord nummer x')));
    const attempts = JSON.parse(readFileSync(join(dir, 'unlock-attempts.json'), 'utf8')) as { failures: number };
    expect(attempts.failures).toBe(1);
  });

  it('two unlocks at once open one connection, and none answers after lock', async () => {
    const dir = await vault();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF });
    const opened: { db: { prepare(sql: string): { get(): unknown } } }[] = [];
    session.onChange((event) => {
      if (event.type === 'unlocked') opened.push(event.vault);
    });
    await Promise.allSettled([session.unlock(PASSPHRASE), session.unlock(PASSPHRASE)]);
    session.lock();
    expect(opened).toHaveLength(1);
    for (const open of opened) expect(() => open.db.prepare('SELECT 1').get()).toThrow();
  });

  it('change-passphrase racing compartment-create keeps the compartment key', async () => {
    const dir = await vault();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF });
    await session.unlock(PASSPHRASE);
    const compartment = new MentorCompartment(session, () => new Date(AT), FAST_KDF);
    await Promise.all([
      session.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE),
      compartment.create('Mentorordningens eget lange passord'),
    ]);
    session.lock();
    const keys = JSON.parse(readFileSync(join(dir, 'vault-keys.json'), 'utf8')) as {
      compartments?: { mentor?: unknown };
    };
    expect(keys.compartments?.mentor).toBeDefined();
  });

  it('a key file asking scrypt for 16 GiB is refused with its own message before deriving', async () => {
    const dir = await vault();
    const path = join(dir, 'vault-keys.json');
    const keyFile = JSON.parse(readFileSync(path, 'utf8')) as { kdf: object };
    writeFileSync(path, JSON.stringify({ ...keyFile, kdf: { ...keyFile.kdf, logN: 22, r: 32 } }));
    const error = await new VaultSession({ dir }).unlock(PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).messageKey).toBe('security.kdfOutOfBounds');
  });

  it('Password1234, Sommer2026! and Vinteren2027 are refused', () => {
    for (const passphrase of ['Password1234', 'Sommer2026!', 'Vinteren2027'])
      expect(assessPassphrase(passphrase).acceptable).toBe(false);
  });

  it('the grading banner counts an imported HEMMELIG document', async () => {
    const { app } = apps.make();
    await app.router.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE });
    insertReceived(app.session.current().db, {
      kind: 'observation',
      content: {},
      grading: 'HEMMELIG',
      caseReference: 'SAK-1',
      documentVersion: 1,
      recipient: null,
      exportedAt: AT,
      source: 'Fiktiv enhet',
      signerSubject: 'CN=Fiktiv',
      signerFingerprint: 'ab'.repeat(32),
      signerTrusted: true,
      signingTime: null,
      report: {},
      containerSha256: 'cd'.repeat(32),
      receivedAt: AT,
      container: new Uint8Array([1]),
    });
    expect(await app.router.invoke('vault.status', {})).toMatchObject({ value: { highestGrading: 'HEMMELIG' } });
  });
});
