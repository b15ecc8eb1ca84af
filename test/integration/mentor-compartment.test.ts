import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../main/ipc/app-error';
import { MentorCompartment } from '../../main/vault/compartment';
import { VaultSession } from '../../main/vault/vault-session';
import { openNewVault } from '../support/open-vault';
import { tempDirs } from '../support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-compartment-');
/** The vault's own KDF is cheap; the compartment keeps its production cost (what these tests open). */
const FAST_VAULT = { kdfCost: FAST_KDF };
afterEach(() => dirs.cleanup());

const MENTOR_PASSPHRASE = 'Mentorordningen sitt eget passord';
const NOTE = {
  place: 'Fiktivby fengsel, besøksrom 2',
  date: '2026-11-20',
  durationMinutes: 60,
  notes: 'Samtale om fremtidsplaner med Ola Testmann',
};

describe('mentor compartment (NO pkt 13.5, 13.10)', () => {
  it('keeps conversation records from a coordinator session that has the vault passphrase only', async () => {
    const dir = dirs.make();
    const session = await openNewVault(dir, 'NO', FAST_VAULT);
    const mentorScheme = new MentorCompartment(session);
    await mentorScheme.create(MENTOR_PASSPHRASE);
    mentorScheme.save(session.current().db, 'course-1', NOTE);
    expect(mentorScheme.read(session.current().db, 'course-1').records[0]?.payload).toEqual(NOTE);
    session.current().db.pragma('wal_checkpoint(TRUNCATE)');
    session.lock();

    // A coordinator unlocks the vault with the vault passphrase: the compartment stays shut.
    const coordinator = new VaultSession({ dir });
    await coordinator.unlock(PASSPHRASE);
    const coordinatorView = new MentorCompartment(coordinator);
    expect(coordinatorView.state()).toBe('locked');
    expect(() => coordinatorView.read(coordinator.current().db, 'course-1')).toThrow(AppError);
    const raw = coordinator.current().db.prepare('SELECT * FROM mentor_conversations').all();
    expect(JSON.stringify(raw)).not.toContain('Testmann');
    expect(Buffer.from((raw[0] as { ciphertext: Uint8Array }).ciphertext).includes(Buffer.from('Testmann'))).toBe(
      false,
    );

    await expect(coordinatorView.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'wrong_passphrase' });
    coordinator.lock();
    for (const file of readdirSync(dir))
      expect(readFileSync(join(dir, file)).includes(Buffer.from('Testmann'))).toBe(false);
  });

  it('opens for the mentor scheme with its own passphrase and shuts again when the vault locks', async () => {
    const dir = dirs.make();
    const session = await openNewVault(dir, 'NO', FAST_VAULT);
    const compartment = new MentorCompartment(session);
    await compartment.create(MENTOR_PASSPHRASE);
    compartment.save(session.current().db, 'course-1', NOTE);
    compartment.lock();
    expect(compartment.state()).toBe('locked');
    await compartment.unlock(MENTOR_PASSPHRASE);
    expect(compartment.read(session.current().db, 'course-1').records).toHaveLength(1);
    session.lock();
    expect(compartment.state()).toBe('locked');
  });

  it('survives a change of the vault passphrase', async () => {
    const dir = dirs.make();
    const session = await openNewVault(dir, 'NO', FAST_VAULT);
    const compartment = new MentorCompartment(session);
    await compartment.create(MENTOR_PASSPHRASE);
    await session.changePassphrase(PASSPHRASE, 'Et nytt og langt hvelvpassord');
    compartment.lock();
    await compartment.unlock(MENTOR_PASSPHRASE);
    expect(compartment.state()).toBe('unlocked');
    session.lock();
  });
});
