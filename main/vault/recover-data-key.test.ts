// The raw data key for an administrator, from the passphrase or the recovery key of a real vault.
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { openEncrypted } from '../db/connection';
import { readMeta } from '../db/repositories/meta-repo';
import { deriveKey, newKdfParams } from './kdf';
import { readKeyFile } from './key-file';
import { recoverDataKey } from './recover-data-key';
import { formatRecoveryKey, newRecoveryKey } from './recovery-key';
import { prepareRotation, rewrapped } from './rotate-key';
import { readableKeyFile } from './vault-attempts';
import { VaultSession } from './vault-session';

const temp = tempDirs('bro-recover-key-');
afterAll(() => temp.cleanup());

const PASSPHRASE = 'Fiktiv-hvelv-passord-2026';
const FAST_KDF = { logN: 10, r: 8, p: 1 };

async function lockedVault(): Promise<{ dir: string; recoveryKey: string; vaultId: string }> {
  const dir = temp.make();
  const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
  const { recoveryKey } = await session.create('NO', PASSPHRASE);
  session.lock();
  return { dir, recoveryKey, vaultId: readKeyFile(session.files.keys).vaultId };
}

describe('the data key of a locked vault', () => {
  it('is the same from the passphrase and from the recovery key, and opens vault.db', async () => {
    const { dir, recoveryKey, vaultId } = await lockedVault();
    const fromPassphrase = await recoverDataKey(dir, { passphrase: PASSPHRASE });
    const fromRecovery = await recoverDataKey(dir, { recoveryKey: recoveryKey.toLowerCase() });
    expect(fromPassphrase).toHaveLength(32);
    expect(fromRecovery).toEqual(fromPassphrase);
    const db = openEncrypted(`${dir}/vault.db`, fromPassphrase, 'quick');
    try {
      expect(readMeta(db, 'vault_id')).toBe(vaultId);
    } finally {
      db.close();
    }
    expect(readableKeyFile(`${dir}/vault-keys.json`)?.vaultId).toBe(vaultId);
  });

  it('is refused for a wrong passphrase, naming the passphrase', async () => {
    const { dir } = await lockedVault();
    await expect(recoverDataKey(dir, { passphrase: 'Et helt annet passord 4711' })).rejects.toMatchObject({
      code: 'wrong_passphrase',
      messageKey: 'error.wrong_passphrase',
    });
  });

  it('is refused for another vault’s recovery key or text that is no recovery key, naming the recovery key', async () => {
    const { dir } = await lockedVault();
    for (const recoveryKey of [formatRecoveryKey(newRecoveryKey()), 'not a recovery key']) {
      await expect(recoverDataKey(dir, { recoveryKey })).rejects.toMatchObject({
        code: 'wrong_passphrase',
        messageKey: 'error.wrong_recovery_key',
      });
    }
  });

  it('opens only the vault whose recovery key it is, of two made alike', async () => {
    const a = await lockedVault();
    const b = await lockedVault();
    // b's recovery key opens b's wrap only: bound to b's id by HKDF and to its purpose by the AAD.
    await expect(recoverDataKey(a.dir, { recoveryKey: b.recoveryKey })).rejects.toMatchObject({
      messageKey: 'error.wrong_recovery_key',
    });
    await expect(recoverDataKey(b.dir, { recoveryKey: b.recoveryKey })).resolves.toHaveLength(32);
  });
});

describe('the data key after a key rotation a crash interrupted', () => {
  it('is the new one once the new database was moved into place', async () => {
    const dir = temp.make();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
    await session.create('NO', PASSPHRASE);
    const NEW = 'Et helt annet passord 4711';
    const kdf = newKdfParams(FAST_KDF);
    const next = { kek: await deriveKey(NEW, kdf), kdf, dataKey: randomBytes(32), recovery: newRecoveryKey() };
    const keyFile = rewrapped(readKeyFile(session.files.keys), next);
    prepareRotation(session.current().db, session.files, {
      dataKey: next.dataKey,
      keyFile,
      at: new Date().toISOString(),
    });
    session.lock();
    // The crash came after step 3 (the database moved), before the new key file was.
    renameSync(session.files.rotatingDatabase, session.files.database);
    expect(await recoverDataKey(dir, { passphrase: NEW })).toEqual(next.dataKey);
    expect(existsSync(session.files.nextKeys)).toBe(false);
  });

  it('is the old one, and the stale copy goes, when the crash came before the database moved', async () => {
    const { dir } = await lockedVault();
    const key = await recoverDataKey(dir, { passphrase: PASSPHRASE });
    writeFileSync(join(dir, 'vault.db.rotating'), 'half a copy');
    expect(await recoverDataKey(dir, { passphrase: PASSPHRASE })).toEqual(key);
    expect(existsSync(join(dir, 'vault.db.rotating'))).toBe(false);
  });

  it('is not looked for in a folder that is no vault, and nothing there is removed', async () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'vault.db.rotating'), 'someone else’s file');
    await expect(recoverDataKey(dir, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(join(dir, 'vault.db.rotating'))).toBe(true);
  });
});
