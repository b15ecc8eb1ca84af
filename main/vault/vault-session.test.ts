// One vault session over a real SQLCipher file in a temp folder: what the user sees of wrong
// secrets (the key named, the delay and the count), of refusals (nothing written), and of lock.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { listAudit } from '../audit/audit-log';
import { recoverDataKey } from './recover-data-key';
import { formatRecoveryKey, newRecoveryKey } from './recovery-key';
import { readThrottle } from './unlock-throttle';
import { integrityChecksRunning, integrityChecksSettled } from './vault-health';
import { VaultSession } from './vault-session';

const temp = tempDirs('bro-vault-session-');
afterAll(() => temp.cleanup());

const PASSPHRASE = 'Fiktiv-hvelv-passord-2026';
const OTHER = 'Et helt annet passord 4711';
const FAST_KDF = { logN: 10, r: 8, p: 1 };
const T0 = new Date('2026-11-23T10:00:00.000Z');

/** A clock the test moves. */
function clock() {
  let now = T0;
  return { now: () => now, advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)) };
}

async function lockedVault(options: { entryPoint?: 'app' | 'cli' } = {}) {
  const time = clock();
  const dir = temp.make();
  const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false, now: time.now, ...options });
  const { recoveryKey } = await session.create('DK', PASSPHRASE);
  session.lock();
  return { session, time, recoveryKey, dir };
}

/** The vault folder's files and their bytes, to show a refusal changed nothing. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => statSync(`${dir}/${name}`).isFile())
      .map((name) => [name, readFileSync(`${dir}/${name}`).toString('base64')]),
  );
}

/**
 * Lets a session task that was just queued start and reach its first key derivation: scrypt answers
 * through the event loop, never while promise callbacks run, so the derivation is still under way.
 */
async function whileDeriving(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

describe('a vault session', () => {
  it('says none for an empty folder, and refuses to unlock it without creating anything', async () => {
    const dir = temp.make();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
    expect(session.status()).toEqual({ state: 'none' });
    await expect(session.unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'vault_missing',
      messageKey: 'error.vault_missing',
    });
    expect(readdirSync(dir)).toEqual([]);
    expect(() => session.current()).toThrow(expect.objectContaining({ code: 'locked', messageKey: 'error.locked' }));
  });

  it('shows a locked vault with its profile, no failures and no delay', async () => {
    const { session } = await lockedVault();
    expect(session.status()).toEqual({ state: 'locked', profile: 'DK', failedAttempts: 0, retryAfterSeconds: 0 });
    expect(session.isUnlocked).toBe(false);
  });

  it('refuses a wrong passphrase with its key, the delay and the count, writing nothing else', async () => {
    const { session, time, dir } = await lockedVault();
    const before = snapshot(dir);
    await expect(session.unlock(OTHER)).rejects.toMatchObject({
      code: 'wrong_passphrase',
      messageKey: 'error.wrong_passphrase',
      params: { seconds: 1, attempts: 1 },
    });
    const after = snapshot(dir);
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), 'unlock-attempts.json'].sort());
    for (const name of Object.keys(before)) expect(after[name], name).toBe(before[name]);
    expect(session.status()).toMatchObject({ state: 'locked', failedAttempts: 1, retryAfterSeconds: 1 });
    // While the delay runs even the right passphrase is refused, saying how long is left.
    await expect(session.unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'throttled',
      messageKey: 'error.throttled',
      params: { seconds: 1 },
    });
    time.advance(1);
    await expect(session.unlock(OTHER)).rejects.toMatchObject({ params: { seconds: 2, attempts: 2 } });
    time.advance(2);
    expect((await session.unlock(PASSPHRASE)).state).toBe('unlocked');
  });

  it('logs the failed attempts before an unlock, with their entry point, and then forgets the delay', async () => {
    const { session, time } = await lockedVault({ entryPoint: 'app' });
    await expect(session.unlock(OTHER)).rejects.toMatchObject({ code: 'wrong_passphrase' });
    time.advance(5);
    const status = await session.unlock(PASSPHRASE);
    expect(status).toEqual({ state: 'unlocked', profile: 'DK', schemaVersion: expect.any(Number) as number });
    expect(existsSync(session.files.throttle)).toBe(false);
    const failed = listAudit(session.current().db).filter((entry) => entry.action === 'unlock_failed');
    expect(failed.map((entry) => [entry.at, entry.objectId])).toEqual([[T0.toISOString(), 'app:wrong_passphrase']]);
    expect(session.current()).toMatchObject({ profile: 'DK', failedAttemptsBefore: 1 });
    session.lock();
    expect(session.status()).toMatchObject({ failedAttempts: 0, retryAfterSeconds: 0 });
  });

  it('calls a key file with a damaged wrap damaged: no delay, and the attempt kept for the log', async () => {
    const { session, dir } = await lockedVault();
    const keyFile = JSON.parse(readFileSync(session.files.keys, 'utf8')) as { wraps: { passphrase: { tag: string } } };
    const tag = keyFile.wraps.passphrase.tag;
    keyFile.wraps.passphrase.tag = (tag[0] === 'A' ? 'B' : 'A') + tag.slice(1);
    writeFileSync(session.files.keys, JSON.stringify(keyFile));
    const before = snapshot(dir);
    await expect(session.unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'vault_corrupt',
      messageKey: 'error.vault_keys_damaged',
    });
    expect(session.status()).toEqual({ state: 'locked', failedAttempts: 0, retryAfterSeconds: 0 });
    expect(readThrottle(session.files.throttle)?.attempts).toEqual([
      { via: 'cli', reason: 'vault_keys_damaged', at: T0.toISOString() },
    ]);
    expect(snapshot(dir)).toMatchObject(before);
  });

  it('refuses a wrong recovery key by name and counts it like a wrong passphrase', async () => {
    const { session } = await lockedVault();
    await expect(session.unlockWithRecoveryKey(formatRecoveryKey(newRecoveryKey()), OTHER)).rejects.toMatchObject({
      code: 'wrong_passphrase',
      messageKey: 'error.wrong_recovery_key',
      params: { seconds: 1, attempts: 1 },
    });
    expect(readThrottle(session.files.throttle)?.attempts.map((a) => a.reason)).toEqual(['wrong_recovery_key']);
  });

  it('refuses a weak new passphrase at recovery before trying the recovery key', async () => {
    const { session, recoveryKey, dir } = await lockedVault();
    const before = snapshot(dir);
    await expect(session.unlockWithRecoveryKey(recoveryKey, 'kort')).rejects.toMatchObject({
      code: 'weak_passphrase',
      messageKey: 'error.weak_passphrase',
    });
    expect(snapshot(dir)).toEqual(before);
    expect(session.isUnlocked).toBe(false);
  });

  it('with the recovery key sets the new passphrase, which then opens the vault', async () => {
    const { session, recoveryKey } = await lockedVault();
    expect((await session.unlockWithRecoveryKey(recoveryKey, OTHER)).state).toBe('unlocked');
    session.lock();
    await expect(session.unlock(PASSPHRASE)).rejects.toMatchObject({ messageKey: 'error.wrong_passphrase' });
  });
});

describe('the data key shown to an administrator', () => {
  it('is the vault’s key, logged in the vault, and leaves the vault locked', async () => {
    const { session, dir, recoveryKey } = await lockedVault();
    const key = await session.revealDataKey({ recoveryKey });
    expect(key).toEqual(await recoverDataKey(dir, { passphrase: PASSPHRASE }));
    expect(session.isUnlocked).toBe(false);
    await session.unlock(PASSPHRASE);
    expect(listAudit(session.current().db).map((entry) => entry.action)).toContain('key_shown');
    session.lock();
  });

  it('is refused for a wrong passphrase or recovery key, each by name', async () => {
    const { session, time } = await lockedVault();
    await expect(session.revealDataKey({ passphrase: OTHER })).rejects.toMatchObject({
      messageKey: 'error.wrong_passphrase',
      params: { attempts: 1 },
    });
    time.advance(1);
    await expect(session.revealDataKey({ recoveryKey: 'not a recovery key' })).rejects.toMatchObject({
      messageKey: 'error.wrong_recovery_key',
      params: { attempts: 2 },
    });
  });
});

describe('the data key shown to an administrator, with the integrity check on', () => {
  it('starts no check with the key it hands out, and tells listeners the user locked the vault', async () => {
    const { dir } = await lockedVault();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF });
    const events: string[] = [];
    session.onChange((event) => events.push(event.type === 'locked' ? `locked:${event.reason}` : event.type));
    await integrityChecksSettled();
    const key = await session.revealDataKey({ passphrase: PASSPHRASE });
    expect(key).toHaveLength(32);
    expect(integrityChecksRunning()).toBe(false);
    expect(events).toEqual(['unlocked', 'locked:user']);
    key.fill(0);
  });
});

describe('reading a vault without unlocking it', () => {
  it('opens it read-only with its profile and versions, keeping earlier failures for the next unlock', async () => {
    const { session, time } = await lockedVault();
    await expect(session.inspect(OTHER)).rejects.toMatchObject({
      messageKey: 'error.wrong_passphrase',
      params: { seconds: 1, attempts: 1 },
    });
    time.advance(1);
    const { db, profile, schemaVersion, supported } = await session.inspect(PASSPHRASE);
    db.close();
    expect(profile).toBe('DK');
    expect(schemaVersion).toBe(supported);
    expect(supported).toBeGreaterThan(0);
    expect(session.status()).toMatchObject({ failedAttempts: 0, retryAfterSeconds: 0 });
    await session.unlock(PASSPHRASE);
    expect(listAudit(session.current().db).filter((e) => e.action === 'unlock_failed')).toHaveLength(1);
    session.lock();
  });
});

describe('changing the passphrase', () => {
  it('refuses a wrong current passphrase with the delay, and a weak new one, keeping the old', async () => {
    const time = clock();
    const session = new VaultSession({ dir: temp.make(), kdfCost: FAST_KDF, healthCheck: false, now: time.now });
    await session.create('NO', PASSPHRASE);
    await expect(session.changePassphrase(PASSPHRASE, 'kort')).rejects.toMatchObject({
      code: 'weak_passphrase',
      messageKey: 'error.weak_passphrase',
    });
    await expect(session.changePassphrase(OTHER, OTHER)).rejects.toMatchObject({
      code: 'wrong_passphrase',
      messageKey: 'error.wrong_current_passphrase',
      params: { seconds: 1, attempts: 1 },
    });
    await expect(session.changePassphrase(PASSPHRASE, OTHER)).rejects.toMatchObject({ code: 'throttled' });
    time.advance(1);
    await session.changePassphrase(PASSPHRASE, OTHER);
    expect(listAudit(session.current().db).map((entry) => entry.action)).toContain('passphrase_changed');
    session.lock();
    expect((await session.unlock(OTHER)).state).toBe('unlocked');
    // The wrong current passphrase stays on record after the right one, for this unlock to log.
    const failed = listAudit(session.current().db).filter((entry) => entry.action === 'unlock_failed');
    expect(failed.map((entry) => entry.objectId)).toEqual(['cli:wrong_current_passphrase']);
    session.lock();
  });

  it('is abandoned when the vault locks while the current passphrase is checked: the old one still opens', async () => {
    const { session, dir } = await lockedVault();
    await session.unlock(PASSPHRASE);
    const before = snapshot(dir);
    const changing = session.changePassphrase(PASSPHRASE, OTHER);
    await whileDeriving();
    session.lock();
    await expect(changing).rejects.toMatchObject({ code: 'locked', messageKey: 'error.locked' });
    expect(session.isUnlocked).toBe(false);
    expect(snapshot(dir)['vault-keys.json']).toBe(before['vault-keys.json']);
    await expect(session.unlock(OTHER)).rejects.toMatchObject({ messageKey: 'error.wrong_passphrase' });
  });
});

describe('rotating the data key', () => {
  it('re-encrypts under a new key, reports progress, shows a new recovery key, and only the new passphrase opens', async () => {
    const { session, dir, recoveryKey } = await lockedVault();
    await session.unlock(PASSPHRASE);
    session.current().db.prepare("INSERT INTO meta (key, value) VALUES ('note', 'fiktiv')").run();
    const oldKey = await recoverDataKey(dir, { recoveryKey });
    const progress: [number, number][] = [];
    const rotated = await session.rotateKey(PASSPHRASE, OTHER, (done, total) => progress.push([done, total]));
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
    ]);
    expect(rotated.recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    expect(rotated.recoveryKey).not.toBe(recoveryKey);
    expect(session.isUnlocked).toBe(true);
    expect(session.current().db.prepare("SELECT value FROM meta WHERE key = 'note'").get()).toEqual({
      value: 'fiktiv',
    });
    session.lock();
    const newKey = await recoverDataKey(dir, { recoveryKey: rotated.recoveryKey });
    expect(newKey).not.toEqual(oldKey);
    expect(await recoverDataKey(dir, { passphrase: OTHER })).toEqual(newKey);
    await expect(session.unlock(PASSPHRASE)).rejects.toMatchObject({ messageKey: 'error.wrong_passphrase' });
  });

  it('is refused while locked, and for a wrong current passphrase, keeping the key', async () => {
    const { session, dir } = await lockedVault();
    await expect(session.rotateKey(PASSPHRASE, OTHER)).rejects.toMatchObject({
      code: 'locked',
      messageKey: 'error.locked',
    });
    await expect(session.changePassphrase(PASSPHRASE, OTHER)).rejects.toMatchObject({ code: 'locked' });
    await session.unlock(PASSPHRASE);
    const key = await recoverDataKey(dir, { passphrase: PASSPHRASE });
    await expect(session.rotateKey(OTHER, OTHER)).rejects.toMatchObject({
      messageKey: 'error.wrong_current_passphrase',
      params: { attempts: 1 },
    });
    session.lock();
    expect(await recoverDataKey(dir, { passphrase: PASSPHRASE })).toEqual(key);
  });

  it('is abandoned when the vault locks while the current passphrase is checked, keeping the key', async () => {
    const { session, dir } = await lockedVault();
    await session.unlock(PASSPHRASE);
    const key = await recoverDataKey(dir, { passphrase: PASSPHRASE });
    const rotating = session.rotateKey(PASSPHRASE, OTHER);
    await whileDeriving();
    session.lock();
    await expect(rotating).rejects.toMatchObject({ code: 'locked', messageKey: 'error.locked' });
    expect(existsSync(session.files.rotatingDatabase)).toBe(false);
    expect(await recoverDataKey(dir, { passphrase: PASSPHRASE })).toEqual(key);
  });

  it('that cannot prepare its copy fails with the cause, the vault open and unchanged on its old key', async () => {
    const { session, dir } = await lockedVault();
    await session.unlock(PASSPHRASE);
    const key = await recoverDataKey(dir, { passphrase: PASSPHRASE });
    const { db } = session.current();
    // A leftover the rotation cannot clear away: a folder where its copy goes.
    mkdirSync(session.files.rotatingDatabase);
    writeFileSync(join(session.files.rotatingDatabase, 'note.txt'), 'fiktiv');
    await expect(session.rotateKey(PASSPHRASE, OTHER)).rejects.toMatchObject({ code: 'ERR_FS_EISDIR' });
    // The same connection carries on: the database was never closed for a swap.
    expect(session.current().db).toBe(db);
    db.prepare("INSERT INTO meta (key, value) VALUES ('note', 'fiktiv')").run();
    session.lock();
    rmSync(session.files.rotatingDatabase, { recursive: true });
    expect(await recoverDataKey(dir, { passphrase: PASSPHRASE })).toEqual(key);
  });
});

describe('a finding of the full check after unlock', () => {
  it('that the unlock already found is logged and shown once', async () => {
    const { session: maker, dir } = await lockedVault();
    const database = join(dir, 'vault.db');
    copyFileSync(database, join(dir, 'earlier.db'));
    for (let i = 0; i < 4; i += 1) {
      await maker.unlock(PASSPHRASE);
      maker.lock();
    }
    // vault.db rolled back to an earlier copy: its audit chain is behind the key file's anchor.
    for (const suffix of ['-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
    copyFileSync(join(dir, 'earlier.db'), database);
    rmSync(join(dir, 'earlier.db'));
    const session = new VaultSession({ dir, kdfCost: FAST_KDF });
    const events: string[] = [];
    session.onChange((event) => events.push(event.type === 'checked' ? `checked:${event.health.state}` : event.type));
    expect((await session.unlock(PASSPHRASE)).auditFindings).toEqual(['behindKeyFile']);
    expect(await session.settledHealth()).toEqual({ state: 'passed' });
    expect(events).toEqual(['unlocked', 'checked:passed']);
    expect(session.status()).toMatchObject({ auditFindings: ['behindKeyFile'] });
    const alarms = listAudit(session.current().db).filter((entry) => entry.action === 'audit_alarm');
    expect(alarms.map((entry) => entry.objectId)).toEqual(['behindKeyFile']);
    session.lock();
  });
});

describe('locking', () => {
  it('while the passphrase is being checked keeps the vault locked, and counts no failure', async () => {
    const { session } = await lockedVault();
    const unlocking = session.unlock(PASSPHRASE);
    await new Promise((resolve) => setImmediate(resolve));
    session.lock();
    await expect(unlocking).rejects.toMatchObject({ code: 'locked', messageKey: 'error.locked' });
    expect(session.isUnlocked).toBe(false);
    expect(session.status()).toMatchObject({ state: 'locked', failedAttempts: 0 });
  });

  it('while a wrong passphrase is being checked says locked, not wrong, and keeps the vault locked', async () => {
    const { session } = await lockedVault();
    const unlocking = session.unlock(OTHER);
    await whileDeriving();
    session.lock();
    await expect(unlocking).rejects.toMatchObject({ code: 'locked', messageKey: 'error.locked' });
    expect(session.isUnlocked).toBe(false);
  });

  it('tells each listener once, with its reason, until it stops listening', async () => {
    const { session } = await lockedVault();
    const events: string[] = [];
    const stop = session.onChange((event) =>
      events.push(event.type === 'locked' ? `locked:${event.reason}` : event.type),
    );
    await session.unlock(PASSPHRASE);
    expect(session.lock('idle')).toMatchObject({ state: 'locked', profile: 'DK' });
    session.lock('idle');
    stop();
    await session.unlock(PASSPHRASE);
    session.lock();
    expect(events).toEqual(['unlocked', 'locked:idle']);
  });
});
