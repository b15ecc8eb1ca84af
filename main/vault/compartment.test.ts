// The mentor compartment inside a real vault: its own passphrase, its own delay, records sealed to
// their id and course. Fictional content only.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { MentorCompartment } from './compartment';
import { readKeyFile } from './key-file';
import { VaultSession } from './vault-session';

const temp = tempDirs('bro-compartment-');
afterAll(() => temp.cleanup());

const PASSPHRASE = 'Fiktiv-hvelv-passord-2026';
const MENTOR = 'Mentorordningens eget lange passord';
const FAST_KDF = { logN: 10, r: 8, p: 1 };
const T0 = new Date('2026-11-23T10:00:00.000Z');

async function openVault() {
  let now = T0;
  const time = { now: () => now, advance: (s: number) => (now = new Date(now.getTime() + s * 1000)) };
  const session = new VaultSession({ dir: temp.make(), kdfCost: FAST_KDF, healthCheck: false, now: time.now });
  await session.create('NO', PASSPHRASE);
  const compartment = new MentorCompartment(session, time.now, FAST_KDF);
  return { session, compartment, time };
}

describe('the mentor compartment', () => {
  it('is none until created, then open; locking the vault locks it, and unlocking the vault does not open it', async () => {
    const { session, compartment } = await openVault();
    expect(compartment.state()).toBe('none');
    await compartment.create(MENTOR);
    expect(compartment.state()).toBe('unlocked');
    expect(readKeyFile(session.files.keys).compartments?.mentor?.kdf).toMatchObject({ logN: 10 });
    session.lock();
    expect(compartment.state()).toBe('locked');
    await session.unlock(PASSPHRASE);
    expect(compartment.state()).toBe('locked');
    expect(() => compartment.read(session.current().db, randomUUID())).toThrow(
      expect.objectContaining({ code: 'forbidden', messageKey: 'error.compartment_locked' }),
    );
    await compartment.unlock(MENTOR);
    expect(compartment.state()).toBe('unlocked');
    session.lock();
  });

  it('refuses a wrong passphrase with the delay and the count, then lets the right one in after it', async () => {
    const { session, compartment, time } = await openVault();
    await compartment.create(MENTOR);
    compartment.lock();
    await expect(compartment.unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'wrong_passphrase',
      messageKey: 'error.wrong_passphrase',
      params: { seconds: 1, attempts: 1 },
    });
    await expect(compartment.unlock(MENTOR)).rejects.toMatchObject({
      code: 'throttled',
      messageKey: 'error.throttled',
      params: { seconds: 1 },
    });
    expect(compartment.state()).toBe('locked');
    time.advance(1);
    await expect(compartment.unlock(PASSPHRASE)).rejects.toMatchObject({ params: { seconds: 2, attempts: 2 } });
    time.advance(2);
    await compartment.unlock(MENTOR);
    expect(compartment.state()).toBe('unlocked');
    // The right passphrase cleared the delay: a new wrong one counts from one again.
    compartment.lock();
    await expect(compartment.unlock(PASSPHRASE)).rejects.toMatchObject({ params: { attempts: 1 } });
    session.lock();
  });

  it('keeps records sealed to their id and course, readable back only with the compartment open', async () => {
    const { session, compartment, time } = await openVault();
    await compartment.create(MENTOR);
    const { db } = session.current();
    const course = randomUUID();
    const first = compartment.save(db, course, { notes: 'Samtale om skolegang' });
    time.advance(60);
    const second = compartment.save(db, course, { notes: 'Samtale om arbeid' }, 'fast-id');
    expect(first).toMatchObject({ courseId: course, createdAt: T0.toISOString() });
    expect(second.id).toBe('fast-id');
    expect(compartment.read(db, course).records).toEqual([first, second]);
    expect(compartment.read(db, randomUUID()).records).toEqual([]);
    const raw = db.prepare('SELECT ciphertext FROM mentor_conversations WHERE id = ?').get([second.id]) as {
      ciphertext: Uint8Array;
    };
    expect(Buffer.from(raw.ciphertext).toString('utf8')).not.toContain('arbeid');
    // A record moved to another course no longer opens: the course is bound into its seal.
    const other = randomUUID();
    db.prepare('UPDATE mentor_conversations SET course_id = ? WHERE id = ?').run([other, second.id]);
    expect(compartment.read(db, other)).toEqual({ records: [], damaged: [second.id] });
    session.lock();
  });

  it('is refused a second time, keeping the first passphrase, and cannot be opened before it exists', async () => {
    const { session, compartment } = await openVault();
    await expect(compartment.unlock(MENTOR)).rejects.toMatchObject({
      code: 'not_found',
      messageKey: 'error.compartment_missing',
    });
    await compartment.create(MENTOR);
    await expect(compartment.create(PASSPHRASE)).rejects.toMatchObject({
      code: 'already_exists',
      messageKey: 'error.compartment_exists',
    });
    compartment.lock();
    await compartment.unlock(MENTOR);
    expect(compartment.state()).toBe('unlocked');
    session.lock();
    // Locked with the vault, whether or not it exists.
    expect(compartment.state()).toBe('locked');
    expect(new MentorCompartment(session, undefined, FAST_KDF).state()).toBe('locked');
  });

  it('is neither made nor opened when the vault locks while its passphrase is being derived', async () => {
    const { session, compartment } = await openVault();
    const creating = compartment.create(MENTOR);
    await new Promise((resolve) => setImmediate(resolve));
    session.lock();
    await expect(creating).rejects.toMatchObject({ code: 'locked', messageKey: 'error.locked' });
    await session.unlock(PASSPHRASE);
    expect(compartment.state()).toBe('none');
    await compartment.create(MENTOR);
    compartment.lock();
    const unlocking = compartment.unlock(MENTOR);
    await new Promise((resolve) => setImmediate(resolve));
    session.lock();
    await expect(unlocking).rejects.toMatchObject({ code: 'locked', messageKey: 'error.locked' });
    await session.unlock(PASSPHRASE);
    expect(compartment.state()).toBe('locked');
    session.lock();
  });

  it('dates records by the clock when none is given', async () => {
    const { session } = await openVault();
    const compartment = new MentorCompartment(session, undefined, FAST_KDF);
    await compartment.create(MENTOR);
    const before = Date.now();
    const record = compartment.save(session.current().db, randomUUID(), { notes: 'Samtale' });
    expect(Date.parse(record.createdAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(record.createdAt)).toBeLessThanOrEqual(Date.now());
    session.lock();
  });

  it('is refused while the vault is locked', async () => {
    const { session, compartment } = await openVault();
    session.lock();
    // Locked, not "none": whether a compartment exists is not told while the vault is locked.
    expect(compartment.state()).toBe('locked');
    await expect(compartment.create(MENTOR)).rejects.toMatchObject({ code: 'locked' });
    await expect(compartment.unlock(MENTOR)).rejects.toMatchObject({ code: 'locked' });
  });
});
