// Which refused unlocks reach the audit log, and the delay check, over real attempts files.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { AppError } from '../ipc/app-error';
import { assertNotThrottled, keepRefusedAttempt, readableKeyFile } from './vault-attempts';
import { readThrottle, recordFailure } from './unlock-throttle';

const temp = tempDirs('bro-vault-attempts-');
afterAll(() => temp.cleanup());

const NOW = new Date('2026-03-02T10:00:00.000Z');
const attemptsFile = () => join(temp.make(), 'unlock-attempts.json');

describe('a refused unlock', () => {
  it.each([
    [new AppError('vault_corrupt', 'error.vault_keys_damaged', { part: 'digest' }), 'vault_keys_damaged'],
    [new AppError('busy', 'error.storage.busy.nothing'), 'storage.busy'],
    [new AppError('storage', 'error.storage.io.notThisChange'), 'storage.io'],
    [new AppError('vault_corrupt', 'error.storage.damaged.nothing'), 'storage.damaged'],
  ])('for another reason than the secret (%s) is kept by its class, with no delay', (error, reason) => {
    const path = attemptsFile();
    keepRefusedAttempt(error, path, NOW, 'cli');
    expect(readThrottle(path)).toMatchObject({
      failures: 0,
      attempts: [{ via: 'cli', reason, at: NOW.toISOString() }],
    });
  });

  it.each([
    [new AppError('internal', 'backup.error.verifyFailed'), 'backup.error.verifyFailed'],
    [new AppError('storage', 'error.compartment.nothingSaved'), 'compartment.nothingSaved'],
  ])('is kept under its key less only a leading "error." and a trailing outcome (%s)', (error, reason) => {
    const path = attemptsFile();
    keepRefusedAttempt(error, path, NOW, 'app');
    expect(readThrottle(path)?.attempts).toEqual([{ via: 'app', reason, at: NOW.toISOString() }]);
  });

  it.each([
    new AppError('throttled', 'error.throttled', { seconds: 4 }),
    new AppError('conflict', 'error.already_unlocked'),
    new AppError('locked', 'error.locked'),
    new AppError('weak_passphrase', 'error.weak_passphrase'),
    new AppError('vault_missing', 'error.vault_missing'),
    new AppError('wrong_passphrase', 'error.wrong_passphrase'),
    new AppError('vault_corrupt', 'error.vault_keys_unreadable'),
    new AppError('vault_corrupt', 'error.vault_key_rejected'),
    new AppError('vault_corrupt', 'error.vault_mismatch'),
    new AppError('vault_newer', 'error.vault_newer'),
    new Error('not an AppError'),
  ])('of the session’s own state, a wrong secret or a foreign folder (%s) writes nothing', (error) => {
    const path = attemptsFile();
    keepRefusedAttempt(error, path, NOW, 'app');
    expect(existsSync(path)).toBe(false);
  });
});

describe('the delay check', () => {
  it('lets an attempt through with no attempts file or once the delay has run out', () => {
    const path = attemptsFile();
    expect(() => assertNotThrottled(path, NOW)).not.toThrow();
    recordFailure(path, NOW);
    expect(() => assertNotThrottled(path, new Date(NOW.getTime() + 1000))).not.toThrow();
  });

  it('refuses while the delay runs, saying how many seconds are left', () => {
    const path = attemptsFile();
    recordFailure(path, NOW);
    recordFailure(path, NOW);
    recordFailure(path, NOW);
    expect(() => assertNotThrottled(path, new Date(NOW.getTime() + 1000))).toThrow(
      expect.objectContaining({ code: 'throttled', messageKey: 'error.throttled', params: { seconds: 3 } }),
    );
  });
});

describe('the key file for the status line', () => {
  it('is none when damaged, so unlock can say how', () => {
    const path = join(temp.make(), 'vault-keys.json');
    writeFileSync(path, '{"format": "bro-vault-keys", "vers');
    expect(readableKeyFile(path)).toBeNull();
  });

  it('passes on a failure that is not about the key file', () => {
    expect(() => readableKeyFile(join(temp.make(), 'vault-keys.json'))).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
  });
});
