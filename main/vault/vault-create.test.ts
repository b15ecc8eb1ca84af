// Creating a vault in a real folder: owner-only, nothing made for a weak passphrase, and a database
// left by a creation that crashed is kept aside, not overwritten. Re-wrapping under a new passphrase.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { OTHER_PASSPHRASE } from '../../test/support/vault-fixtures';
import { readMeta } from '../db/repositories/meta-repo';
import { deriveKey, newKdfParams } from './kdf';
import { readKeyFile } from './key-file';
import { recoverDataKey } from './recover-data-key';
import { rewrapPassphraseIn } from './vault-create';
import { VaultSession } from './vault-session';

const temp = tempDirs('bro-vault-create-');
afterAll(() => temp.cleanup());

const PASSPHRASE = 'Fiktiv-hvelv-passord-2026';
const FAST_KDF = { logN: 10, r: 8, p: 1 };
const T0 = new Date('2026-11-23T10:00:00.000Z');

describe('creating a vault', () => {
  it('makes an owner-only folder with the key file of the chosen profile, its creation time also in the vault, and a recovery key shown once', async () => {
    const dir = join(temp.make(), 'nested', 'vault');
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false, now: () => T0 });
    const { recoveryKey } = await session.create('NO', PASSPHRASE);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    expect(readKeyFile(session.files.keys)).toMatchObject({ profile: 'NO', createdAt: T0.toISOString() });
    expect(readMeta(session.current().db, 'created_at')).toBe(T0.toISOString());
    expect(session.status()).toMatchObject({ state: 'unlocked', profile: 'NO' });
    expect(readFileSync(session.files.keys, 'utf8')).not.toContain(recoveryKey.replace(/-/g, ''));
    session.lock();
  });

  it('refuses a weak passphrase and makes nothing', async () => {
    const dir = join(temp.make(), 'vault');
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
    await expect(session.create('DK', 'Password1234')).rejects.toMatchObject({
      code: 'weak_passphrase',
      messageKey: 'error.weak_passphrase',
    });
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps a database a crashed creation left (no key file) aside under a dated name', async () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'vault.db'), 'left by a crash');
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false, now: () => T0 });
    await session.create('DK', PASSPHRASE);
    const orphan = `vault.db.orphan-${T0.getTime()}`;
    expect(readdirSync(dir)).toContain(orphan);
    expect(readFileSync(join(dir, orphan), 'utf8')).toBe('left by a crash');
    session.lock();
    expect((await session.unlock(PASSPHRASE)).state).toBe('unlocked');
    session.lock();
  });
});

describe('re-wrapping the data key under a new passphrase', () => {
  it('makes the new passphrase open the vault, and overwrites the key-encryption key it was given', async () => {
    const session = new VaultSession({ dir: temp.make(), kdfCost: FAST_KDF, healthCheck: false });
    await session.create('NO', PASSPHRASE);
    session.lock();
    const dataKey = await recoverDataKey(session.files.dir, { passphrase: PASSPHRASE });
    const kdf = newKdfParams(FAST_KDF);
    const kek = await deriveKey(OTHER_PASSPHRASE, kdf);
    rewrapPassphraseIn(session.files.keys, kek, kdf, dataKey);
    expect(kek.every((byte) => byte === 0)).toBe(true);
    expect((await session.unlock(OTHER_PASSPHRASE)).state).toBe('unlocked');
    session.lock();
  });
});
