import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, listAudit, verifyAuditChain } from '../../main/audit/audit-log';
import { runCli } from '../../main/cli/run';
import { AppError } from '../../main/ipc/app-error';
import { MentorCompartment } from '../../main/vault/compartment';
import { deriveKey } from '../../main/vault/kdf';
import { readKeyFile, wrapAad } from '../../main/vault/key-file';
import { wrapKey } from '../../main/vault/key-wrap';
import { recoverDataKey } from '../../main/vault/recover-data-key';
import { prepareRotation } from '../../main/vault/rotate-key';
import { vaultFiles } from '../../main/vault/vault-files';
import { VaultSession } from '../../main/vault/vault-session';
import { captureIo } from '../support/cli-harness';
import { serviceApps } from '../support/service-app';
import { tempDirs } from '../support/temp-dir';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-rotate-');
afterEach(() => dirs.cleanup());

const FAST_KDF = { logN: 10, r: 8, p: 1 };
const AT = '2026-11-23T10:00:00.000Z';
const MENTOR = 'Mentorordningens eget lange passord';

function fast(dir: string): VaultSession {
  return new VaultSession({ dir, kdfCost: FAST_KDF });
}

async function vaultWithNote(): Promise<{ dir: string; recoveryKey: string }> {
  const dir = join(dirs.make(), 'vault');
  const session = fast(dir);
  const { recoveryKey } = await session.create('NO', PASSPHRASE);
  const { db } = session.current();
  db.prepare("INSERT INTO meta (key, value) VALUES ('note', 'Ola Testmann, fiktiv')").run();
  appendAudit(db, { at: AT, actor: 'user-1', action: 'create', objectType: 'document', objectId: 'doc-1' });
  session.lock();
  return { dir, recoveryKey };
}

function note(session: VaultSession): unknown {
  return session.current().db.prepare("SELECT value FROM meta WHERE key = 'note'", { pluck: true }).get();
}

async function refused(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe('data-key rotation', () => {
  it('re-encrypts under a new data key, passphrase and recovery key; the data, the compartment and the audit chain carry over', async () => {
    const { dir, recoveryKey: oldRecovery } = await vaultWithNote();
    const oldKey = await recoverDataKey(dir, { passphrase: PASSPHRASE });
    const before = join(dirs.make(), 'copy-before');
    mkdirSync(before);
    copyFileSync(join(dir, 'vault.db'), join(before, 'vault.db'));
    copyFileSync(join(dir, 'vault-keys.json'), join(before, 'vault-keys.json'));

    const session = fast(dir);
    await session.unlock(PASSPHRASE);
    const compartment = new MentorCompartment(session, () => new Date(AT), FAST_KDF);
    await compartment.create(MENTOR);
    const { recoveryKey } = await session.rotateKey(PASSPHRASE, OTHER_PASSPHRASE);
    expect(recoveryKey).not.toBe(oldRecovery);
    expect(note(session)).toBe('Ola Testmann, fiktiv');
    appendAudit(session.current().db, {
      at: AT,
      actor: 'user-1',
      action: 'update',
      objectType: 'document',
      objectId: 'doc-1',
    });
    session.lock();

    expect(await refused(fast(dir).unlock(PASSPHRASE))).toBe('wrong_passphrase');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const newKey = await recoverDataKey(dir, { passphrase: OTHER_PASSPHRASE });
    expect(newKey.equals(oldKey)).toBe(false);
    expect(await refused(recoverDataKey(dir, { recoveryKey: oldRecovery }))).toBe('wrong_passphrase');
    expect((await recoverDataKey(dir, { recoveryKey })).equals(newKey)).toBe(true);

    const reopened = fast(dir);
    await reopened.unlock(OTHER_PASSPHRASE);
    expect(note(reopened)).toBe('Ola Testmann, fiktiv');
    const { db } = reopened.current();
    expect(verifyAuditChain(db, readKeyFile(reopened.files.keys).auditAnchor)).toMatchObject({ ok: true });
    expect(listAudit(db).map((e) => e.action)).toContain('key_rotated');
    const again = new MentorCompartment(reopened, () => new Date(AT), FAST_KDF);
    await again.unlock(MENTOR);
    expect(again.state()).toBe('unlocked');
    reopened.lock();

    // A copy made before the rotation still opens with the old secrets, and only with them.
    const old = fast(before);
    await old.unlock(PASSPHRASE);
    expect(note(old)).toBe('Ola Testmann, fiktiv');
    old.lock();
    expect(existsSync(join(dir, 'vault.db.rotating'))).toBe(false);
  });

  it('refuses a wrong current passphrase and a weak new one, and changes nothing', async () => {
    const { dir } = await vaultWithNote();
    const key = await recoverDataKey(dir, { passphrase: PASSPHRASE });
    const session = fast(dir);
    await session.unlock(PASSPHRASE);
    expect(await refused(session.rotateKey('ikke det rette passordet', OTHER_PASSPHRASE))).toBe('wrong_passphrase');
    expect(await refused(session.rotateKey(PASSPHRASE, 'Vinteren2027'))).toBe('weak_passphrase');
    session.lock();
    expect((await recoverDataKey(dir, { passphrase: PASSPHRASE })).equals(key)).toBe(true);
  });

  it('after a crash before the swap, opens the old pair; after the database swap, completes with the new', async () => {
    for (const swapped of [false, true]) {
      const { dir } = await vaultWithNote();
      const files = vaultFiles(dir);
      const session = fast(dir);
      await session.unlock(PASSPHRASE);
      const dataKey = randomBytes(32);
      const old = readKeyFile(files.keys);
      const kek = await deriveKey(PASSPHRASE, old.kdf);
      const passphrase = wrapKey(kek, dataKey, wrapAad(old.vaultId, 'passphrase'));
      const keyFile = { ...old, wraps: { ...old.wraps, passphrase } };
      prepareRotation(session.current().db, files, { dataKey: Buffer.from(dataKey), keyFile, at: AT });
      session.lock();
      if (swapped) renameSync(files.rotatingDatabase, files.database);
      expect(existsSync(files.nextKeys)).toBe(true);
      const reopened = fast(dir);
      await reopened.unlock(PASSPHRASE);
      expect(note(reopened)).toBe('Ola Testmann, fiktiv');
      expect(listAudit(reopened.current().db).some((e) => e.action === 'key_rotated')).toBe(swapped);
      reopened.lock();
      expect((await recoverDataKey(dir, { passphrase: PASSPHRASE })).equals(dataKey)).toBe(swapped);
      expect(existsSync(files.rotatingDatabase) || existsSync(files.nextKeys)).toBe(false);
    }
  });

  it('rotates from the command line and prints the new recovery key once', async () => {
    const { dir } = await vaultWithNote();
    const { io, out } = captureIo({ BRO_PASSPHRASE: PASSPHRASE, BRO_NEW_PASSPHRASE: OTHER_PASSPHRASE });
    expect(await runCli(['vault', 'rotate-key', '--vault', dir, '--json'], io)).toBe(0);
    const { rotated, recoveryKey } = JSON.parse(out.join('')) as { rotated: boolean; recoveryKey: string };
    expect(rotated).toBe(true);
    const key = await recoverDataKey(dir, { recoveryKey });
    expect((await recoverDataKey(dir, { passphrase: OTHER_PASSPHRASE })).equals(key)).toBe(true);
  });

  it('rotates through the settings channel, stays unlocked, and the new passphrase opens the vault', async () => {
    const apps = serviceApps();
    try {
      const s = await apps.make('NO');
      const { recoveryKey } = await s.call('vault.rotateKey', { current: PASSPHRASE, next: OTHER_PASSPHRASE });
      expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
      expect(await s.call('vault.status', {})).toMatchObject({ state: 'unlocked' });
      await s.call('vault.lock', {});
      expect(await s.fail('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ code: 'wrong_passphrase' });
      s.setNow('2026-03-02T10:05:00.000Z');
      expect(await s.call('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({ state: 'unlocked' });
    } finally {
      apps.cleanup();
    }
  });
});
