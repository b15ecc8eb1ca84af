// Opening a real vault: the database must be the key file's own, and reading changes nothing.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { VaultSession } from './vault-session';

const temp = tempDirs('bro-vault-open-');
afterAll(() => temp.cleanup());

const PASSPHRASE = 'Fiktiv-hvelv-passord-2026';
const FAST_KDF = { logN: 10, r: 8, p: 1 };

async function lockedVault(): Promise<VaultSession> {
  const session = new VaultSession({ dir: temp.make(), kdfCost: FAST_KDF, healthCheck: false });
  await session.create('NO', PASSPHRASE);
  session.current().db.prepare("INSERT INTO meta (key, value) VALUES ('note', 'fiktiv')").run();
  session.lock();
  return session;
}

describe('opening a vault', () => {
  it('refuses a vault.db that is another vault’s as not opened by this key: no delay, no attempt kept, nothing changed', async () => {
    const session = await lockedVault();
    const other = await lockedVault();
    copyFileSync(other.files.database, session.files.database);
    const before = readFileSync(session.files.database);
    for (const open of [() => session.unlock(PASSPHRASE), () => session.inspect(PASSPHRASE)]) {
      await expect(open()).rejects.toMatchObject({ code: 'vault_corrupt', messageKey: 'error.vault_key_rejected' });
    }
    expect(readFileSync(session.files.database)).toEqual(before);
    expect(existsSync(session.files.throttle)).toBe(false);
    expect(session.status()).toMatchObject({ state: 'locked', failedAttempts: 0, retryAfterSeconds: 0 });
    expect(session.isUnlocked).toBe(false);
  });

  it('refuses an emptied vault.db instead of opening it as a new, empty vault', async () => {
    const session = await lockedVault();
    writeFileSync(session.files.database, '');
    await expect(session.unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'vault_corrupt',
      messageKey: 'error.vault_mismatch',
    });
    expect(session.isUnlocked).toBe(false);
    expect(existsSync(session.files.throttle)).toBe(false);
    expect(session.status()).toMatchObject({ failedAttempts: 0, retryAfterSeconds: 0 });
  });

  it('to read only changes no byte of the folder and switches nothing to WAL', async () => {
    const session = await lockedVault();
    const names = readdirSync(session.files.dir).sort();
    const before = readFileSync(session.files.database);
    const { db } = await session.inspect(PASSPHRASE);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'note'").get()).toEqual({ value: 'fiktiv' });
    db.close();
    expect(readFileSync(session.files.database)).toEqual(before);
    expect(readdirSync(session.files.dir).sort()).toEqual(names);
  });

  it('after refusing a database closes it, so the right vault.db opens in its place', async () => {
    const session = await lockedVault();
    const own = readFileSync(session.files.database);
    writeFileSync(session.files.database, '');
    await expect(session.unlock(PASSPHRASE)).rejects.toMatchObject({ messageKey: 'error.vault_mismatch' });
    writeFileSync(session.files.database, own);
    expect((await session.unlock(PASSPHRASE)).state).toBe('unlocked');
    session.lock();
  });
});
