// Issue 17: vault refusals that no test named — creating over an existing vault, unlocking an open
// one, a key file from a newer Bro, a wrong current passphrase on change, and the mentor compartment
// created twice or opened before it exists. Real vault files in temp folders; each refusal changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { MentorCompartment } from '../../main/vault/compartment';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-vault-refusals-');
afterAll(() => dirs.cleanup());

/** A cheap KDF: these tests are about refusals, not key stretching. */
const FAST_KDF = { logN: 10, r: 8, p: 1 };
const NEW_PASSPHRASE = 'Et helt annet langt passord 2026';
const MENTOR_PASSPHRASE = 'Mentorordningens eget lange passord';

async function newVault(): Promise<VaultSession> {
  const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF });
  await session.create('NO', PASSPHRASE);
  return session;
}

describe('the vault refuses', () => {
  it('to create a vault where one exists, keeping the existing key file (vault_exists)', async () => {
    const session = await newVault();
    session.lock();
    const keys = readFileSync(session.files.keys);
    const again = new VaultSession({ dir: session.files.dir, kdfCost: FAST_KDF });
    await expect(again.create('DK', NEW_PASSPHRASE)).rejects.toMatchObject({
      code: 'already_exists',
      messageKey: 'error.vault_exists',
    });
    expect(readFileSync(session.files.keys)).toEqual(keys);
    expect((await again.unlock(PASSPHRASE)).state).toBe('unlocked');
    again.lock();
  });

  it('to unlock a vault that is already open (already_unlocked)', async () => {
    const session = await newVault();
    await expect(session.unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'error.already_unlocked',
    });
    expect(session.status().state).toBe('unlocked');
    session.lock();
  });

  it('a key file written by a newer Bro, naming both versions (vault_newer)', async () => {
    const session = await newVault();
    session.lock();
    const keyFile = JSON.parse(readFileSync(session.files.keys, 'utf8')) as { version: number };
    writeFileSync(session.files.keys, JSON.stringify({ ...keyFile, version: keyFile.version + 1 }));
    await expect(session.unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'vault_newer',
      messageKey: 'error.vault_newer',
      params: { found: keyFile.version + 1, supported: keyFile.version },
    });
  });

  it('to change the passphrase when the current one is wrong, keeping the old one (wrong_current_passphrase)', async () => {
    let clock = new Date('2026-03-02T10:00:00.000Z');
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, now: () => clock });
    await session.create('NO', PASSPHRASE);
    await expect(session.changePassphrase('ikke det riktige passordet', NEW_PASSPHRASE)).rejects.toMatchObject({
      messageKey: 'error.wrong_current_passphrase',
    });
    session.lock();
    clock = new Date('2026-03-02T11:00:00.000Z');
    expect((await session.unlock(PASSPHRASE)).state).toBe('unlocked');
    session.lock();
  });
});

describe('the mentor compartment refuses', () => {
  it('to be created a second time, keeping the first passphrase (compartment_exists)', async () => {
    const session = await newVault();
    const compartment = new MentorCompartment(session, () => new Date(), FAST_KDF);
    await compartment.create(MENTOR_PASSPHRASE);
    compartment.lock();
    await expect(compartment.create(NEW_PASSPHRASE)).rejects.toMatchObject({
      code: 'already_exists',
      messageKey: 'error.compartment_exists',
    });
    await compartment.unlock(MENTOR_PASSPHRASE);
    expect(compartment.state()).toBe('unlocked');
    session.lock();
  });

  it('to open before it has been created (compartment_missing)', async () => {
    const session = await newVault();
    const compartment = new MentorCompartment(session, () => new Date(), FAST_KDF);
    await expect(compartment.unlock(MENTOR_PASSPHRASE)).rejects.toMatchObject({
      code: 'not_found',
      messageKey: 'error.compartment_missing',
    });
    expect(compartment.state()).toBe('none');
    session.lock();
  });
});
