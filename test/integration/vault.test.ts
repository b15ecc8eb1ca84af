import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from '@signalapp/sqlcipher';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../main/db/connection';
import { AppError } from '../../main/ipc/app-error';
import { recoverDataKey } from '../../main/vault/recover-data-key';
import { context, write } from '../../main/services/service-context';
import { tempDirs } from '../support/temp-dir';
import { FAST_KDF, OTHER_PASSPHRASE, PASSPHRASE, session as productionSession } from '../support/vault-fixtures';

const dirs = tempDirs('bro-vault-');
afterEach(() => dirs.cleanup());

/**
 * These tests are about the vault file, passphrases and recovery keys, not key stretching: the cheap
 * KDF (brute-force.test.ts proves the production cost).
 */
const session: typeof productionSession = (dir, options = {}) =>
  productionSession(dir, { kdfCost: FAST_KDF, ...options });

const MARKER = 'Ola Testmann fra Fiktivby fengsel';

function writeNote(vault: ReturnType<typeof session>, text: string) {
  vault.current().db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('note', ?)").run([text]);
}
function readNote(vault: ReturnType<typeof session>) {
  return vault.current().db.prepare("SELECT value FROM meta WHERE key = 'note'", { pluck: true }).get();
}
async function expectAppError(promise: Promise<unknown> | (() => unknown), code: string): Promise<AppError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected AppError ${code}`);
}
function sha256(path: string) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('vault on a real SQLCipher file', () => {
  it('keeps what was written across lock and unlock', async () => {
    const dir = dirs.make();
    const vault = session(dir);
    const { recoveryKey } = await vault.create('NO', PASSPHRASE);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    writeNote(vault, MARKER);
    expect(vault.lock().state).toBe('locked');
    expect(() => vault.current()).toThrow(AppError);

    const again = session(dir);
    expect(again.status()).toMatchObject({ state: 'locked', profile: 'NO' });
    await again.unlock(PASSPHRASE);
    expect(readNote(again)).toBe(MARKER);
    again.lock();
  });

  it('refuses a wrong passphrase with a delay that grows and survives a restart, and deletes nothing', async () => {
    const dir = dirs.make();
    let clock = new Date('2026-11-23T10:00:00Z');
    const vault = session(dir, { now: () => clock });
    await vault.create('DK', PASSPHRASE);
    writeNote(vault, MARKER);
    vault.lock();
    const filesBefore = readdirSync(dir)
      .filter((f) => f.startsWith('vault'))
      .sort();

    const first = await expectAppError(vault.unlock('feil passord her'), 'wrong_passphrase');
    expect(first.params).toMatchObject({ seconds: 1, attempts: 1 });
    const throttled = await expectAppError(vault.unlock(PASSPHRASE), 'throttled');
    expect(throttled.params).toMatchObject({ seconds: 1 });

    clock = new Date(clock.getTime() + 1000);
    const second = await expectAppError(vault.unlock('feil igjen, dessverre'), 'wrong_passphrase');
    expect(second.params).toMatchObject({ seconds: 2, attempts: 2 });

    const restarted = session(dir, { now: () => clock });
    expect(restarted.status()).toMatchObject({ failedAttempts: 2, retryAfterSeconds: 2 });
    await expectAppError(restarted.unlock(PASSPHRASE), 'throttled');

    clock = new Date(clock.getTime() + 2000);
    await restarted.unlock(PASSPHRASE);
    expect(restarted.current().failedAttemptsBefore).toBe(2);
    expect(readNote(restarted)).toBe(MARKER);
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith('vault'))
        .sort(),
    ).toEqual(expect.arrayContaining(filesBefore));
    restarted.lock();
    expect(session(dir, { now: () => clock }).status().failedAttempts).toBe(0);
  });

  it('unlocks with the recovery key and sets a new passphrase', async () => {
    const dir = dirs.make();
    const vault = session(dir);
    const { recoveryKey } = await vault.create('NO', PASSPHRASE);
    writeNote(vault, MARKER);
    vault.lock();

    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    await vault.unlockWithRecoveryKey(typed, OTHER_PASSPHRASE);
    expect(readNote(vault)).toBe(MARKER);
    vault.lock();
    await expectAppError(session(dir).unlock(PASSPHRASE), 'wrong_passphrase');
  });

  it('refuses a wrong recovery key and counts it as a failed attempt', async () => {
    const dir = dirs.make();
    const vault = session(dir);
    const { recoveryKey } = await vault.create('NO', PASSPHRASE);
    vault.lock();
    const wrong = (recoveryKey[0] === 'A' ? 'B' : 'A') + recoveryKey.slice(1);
    const error = await expectAppError(vault.unlockWithRecoveryKey(wrong, OTHER_PASSPHRASE), 'wrong_passphrase');
    expect(error.messageKey).toBe('error.wrong_recovery_key');
    expect(vault.status().failedAttempts).toBe(1);
  });

  it('keeps the data when the passphrase changes, without re-encrypting the database', async () => {
    const dir = dirs.make();
    let clock = new Date('2026-11-23T10:00:00Z');
    const vault = session(dir, { now: () => clock });
    await vault.create('NO', PASSPHRASE);
    writeNote(vault, MARKER);
    vault.lock();
    const dataKey = await recoverDataKey(dir, { passphrase: PASSPHRASE });
    await vault.unlock(PASSPHRASE);
    await expectAppError(vault.changePassphrase('not the passphrase', OTHER_PASSPHRASE), 'wrong_passphrase');
    // The current-passphrase check is throttled like unlock: right at once, it is refused unseen.
    await expectAppError(vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE), 'throttled');
    clock = new Date(clock.getTime() + 5000);
    await expectAppError(vault.changePassphrase(PASSPHRASE, 'short'), 'weak_passphrase');
    await vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);
    vault.lock();
    expect(await recoverDataKey(dir, { passphrase: OTHER_PASSPHRASE })).toEqual(dataKey);

    await expectAppError(session(dir).unlock(PASSPHRASE), 'wrong_passphrase');
    const reopened = session(dir, { now: () => new Date(Date.now() + 5000) });
    await reopened.unlock(OTHER_PASSPHRASE);
    expect(readNote(reopened)).toBe(MARKER);
    reopened.lock();
  });

  it('holds no plaintext of what was written in any file of the vault folder', async () => {
    const dir = dirs.make();
    const vault = session(dir);
    await vault.create('NO', PASSPHRASE);
    writeNote(vault, MARKER);
    vault.current().db.pragma('wal_checkpoint(TRUNCATE)');
    vault.lock();
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file));
      expect({ file, hit: bytes.includes(Buffer.from(MARKER, 'utf8')) }).toEqual({ file, hit: false });
      expect({ file, hit: bytes.includes(Buffer.from('SQLite format 3')) }).toEqual({ file, hit: false });
    }
  });

  it('cannot be opened without the key', async () => {
    const dir = dirs.make();
    const vault = session(dir);
    await vault.create('NO', PASSPHRASE);
    vault.lock();
    const db = new Database(join(dir, 'vault.db'));
    expect(() => db.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    db.close();
    expect(() => openEncrypted(join(dir, 'vault.db'), Buffer.alloc(32, 7))).toThrow(AppError);
  });

  it('refuses a vault from a newer Bro and leaves it unchanged', async () => {
    const dir = dirs.make();
    const vault = session(dir);
    await vault.create('NO', PASSPHRASE);
    vault.current().db.pragma('user_version = 999');
    vault.current().db.pragma('journal_mode = DELETE');
    vault.lock();
    const before = readdirSync(dir).map((f) => [f, sha256(join(dir, f))]);
    const error = await expectAppError(session(dir).unlock(PASSPHRASE), 'vault_newer');
    expect(error.params).toMatchObject({ found: 999 });
    expect(readdirSync(dir).map((f) => [f, sha256(join(dir, f))])).toEqual(before);
  });

  it('finds a damaged database file after unlock, names the check that failed and writes nothing more to it', async () => {
    const dir = dirs.make();
    const vault = session(dir);
    await vault.create('NO', PASSPHRASE);
    const db = vault.current().db;
    db.exec(
      'CREATE TABLE filler (t TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000) INSERT INTO filler SELECT hex(randomblob(64)) FROM n;',
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    vault.lock();
    const path = join(dir, 'vault.db');
    const bytes = readFileSync(path);
    const offset = 4096 * 5 + 100;
    bytes[offset] = (bytes[offset] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    // Unlock reads only page 1 and the schema (O(1)); the full check finds the damage a moment later.
    const damaged = session(dir);
    await damaged.unlock(PASSPHRASE);
    expect(await damaged.settledHealth()).toEqual({ state: 'failed', check: 'cipher_integrity_check' });
    const files = () => readdirSync(dir).map((f) => [f, sha256(join(dir, f))]);
    const before = files();
    const ctx = context({ session: damaged, now: () => new Date() });
    const error = await expectAppError(() => write(ctx, () => writeNote(damaged, MARKER)), 'vault_corrupt');
    expect(error.messageKey).toBe('error.vault_damaged_no_writes');
    expect(error.params).toEqual({ check: 'cipher_integrity_check' });
    // A write that does not go through the services is refused by SQLite itself (query_only).
    expect(() => writeNote(damaged, MARKER)).toThrow(/readonly/);
    expect(files()).toEqual(before);
    damaged.lock();
  });

  it('refuses to create a vault where one exists, and a weak passphrase', async () => {
    const dir = dirs.make();
    await expectAppError(session(dir).create('NO', 'kort'), 'weak_passphrase');
    const vault = session(dir);
    await vault.create('NO', PASSPHRASE);
    vault.lock();
    await expectAppError(session(dir).create('DK', PASSPHRASE), 'already_exists');
  });
});
