// The unlock delay and the record of failed attempts, over real attempts files in temp folders.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import {
  clearThrottle,
  delayAfterFailures,
  readThrottle,
  recordFailure,
  recordRefusedAttempt,
  secondsUntilRetry,
  unreportedAttempts,
} from './unlock-throttle';

const temp = tempDirs('bro-throttle-');
afterAll(() => temp.cleanup());

const attemptsFile = () => join(temp.make(), 'unlock-attempts.json');
const at = (seconds: number) => new Date(Date.UTC(2026, 2, 2, 10, 0, seconds));

describe('the unlock delay', () => {
  it('is none before any failure, and one second after the first', () => {
    expect(delayAfterFailures(0)).toBe(0);
    expect(delayAfterFailures(-1)).toBe(0);
    expect(secondsUntilRetry(null, at(0))).toBe(0);
    expect(secondsUntilRetry({ failures: 0, lastFailureAt: at(0).toISOString() }, at(0))).toBe(0);
    expect(secondsUntilRetry({ failures: 1, lastFailureAt: at(0).toISOString() }, at(0))).toBe(1);
  });

  it('counts down from the last failure in whole seconds, rounding up, and never below zero', () => {
    const state = { failures: 4, lastFailureAt: at(0).toISOString() };
    expect(secondsUntilRetry(state, at(0))).toBe(8);
    expect(secondsUntilRetry(state, new Date(at(2).getTime() + 1))).toBe(6);
    expect(secondsUntilRetry(state, at(8))).toBe(0);
    expect(secondsUntilRetry(state, at(30))).toBe(0);
  });

  it('is none with no failures, even when the last refusal is dated ahead of the clock', () => {
    expect(secondsUntilRetry({ failures: 0, lastFailureAt: at(30).toISOString() }, at(0))).toBe(0);
  });

  it('treats a damaged attempts file as one failure just now', () => {
    const path = attemptsFile();
    writeFileSync(path, '[]');
    const before = Date.now();
    const state = readThrottle(path);
    expect(state).toMatchObject({ failures: 1, unreported: 1, attempts: [] });
    expect(Date.parse(state?.lastFailureAt ?? '')).toBeGreaterThanOrEqual(before - 1);
    expect(state?.times).toEqual([state?.lastFailureAt]);
    expect(secondsUntilRetry(state, new Date())).toBe(1);
  });
});

describe('a wrong secret', () => {
  it('adds one failure, with its time and where it was tried, and keeps the earlier ones', () => {
    const path = attemptsFile();
    expect(readThrottle(path)).toBeNull();
    recordFailure(path, at(0), { via: 'app', reason: 'wrong_passphrase' });
    const second = recordFailure(path, at(5), { via: 'cli', reason: 'wrong_recovery_key' });
    expect(second).toEqual({
      failures: 2,
      lastFailureAt: at(5).toISOString(),
      unreported: 2,
      times: [at(0).toISOString(), at(5).toISOString()],
      attempts: [
        { via: 'app', reason: 'wrong_passphrase', at: at(0).toISOString() },
        { via: 'cli', reason: 'wrong_recovery_key', at: at(5).toISOString() },
      ],
    });
    expect(readThrottle(path)).toEqual(second);
    expect(secondsUntilRetry(readThrottle(path), at(5))).toBe(2);
  });

  it('keeps the latest hundred times and attempts, not every one', () => {
    const path = attemptsFile();
    const times = Array.from({ length: 100 }, (_, i) => at(i + 1).toISOString());
    const attempts = times.map((time) => ({ at: time, via: 'app', reason: 'wrong_passphrase' }));
    writeFileSync(path, JSON.stringify({ failures: 101, lastFailureAt: times[99], unreported: 100, times, attempts }));
    const state = recordFailure(path, at(101), { via: 'app', reason: 'wrong_passphrase' });
    expect(state.failures).toBe(102);
    expect(state.times).toHaveLength(100);
    expect(state.times[0]).toBe(at(2).toISOString());
    expect(state.attempts).toHaveLength(100);
    expect(state.attempts[99]?.at).toBe(at(101).toISOString());
    expect(readThrottle(path)?.attempts).toHaveLength(100);
  });
});

describe('an attempt refused for another reason', () => {
  it('is kept for the audit log without adding delay', () => {
    const path = attemptsFile();
    recordRefusedAttempt(path, at(0), { via: 'cli', reason: 'vault_keys_damaged' });
    expect(readThrottle(path)).toEqual({
      failures: 0,
      lastFailureAt: at(0).toISOString(),
      unreported: 0,
      times: [],
      attempts: [{ via: 'cli', reason: 'vault_keys_damaged', at: at(0).toISOString() }],
    });
    expect(secondsUntilRetry(readThrottle(path), at(0))).toBe(0);
    recordFailure(path, at(1), { via: 'app', reason: 'wrong_passphrase' });
    recordRefusedAttempt(path, at(2), { via: 'app', reason: 'storage.busy' });
    const state = readThrottle(path);
    expect(state).toMatchObject({ failures: 1, lastFailureAt: at(1).toISOString(), unreported: 1 });
    expect(state?.attempts.map((a) => a.reason)).toEqual(['vault_keys_damaged', 'wrong_passphrase', 'storage.busy']);
  });

  it('keeps at most the latest hundred refusals', () => {
    const path = attemptsFile();
    const attempts = Array.from({ length: 100 }, (_, i) => ({
      at: at(i).toISOString(),
      via: 'app',
      reason: 'storage.busy',
    }));
    writeFileSync(path, JSON.stringify({ failures: 0, lastFailureAt: at(0).toISOString(), attempts }));
    recordRefusedAttempt(path, at(100), { via: 'app', reason: 'storage.busy' });
    const kept = readThrottle(path)?.attempts ?? [];
    expect(kept).toHaveLength(100);
    expect(kept[0]?.at).toBe(at(1).toISOString());
    expect(kept[99]?.at).toBe(at(100).toISOString());
  });

  it('keeps no record, and does not fail, where the attempts file cannot be written', () => {
    const notAFolder = join(temp.make(), 'vault.db');
    writeFileSync(notAFolder, '');
    const path = join(notAFolder, 'unlock-attempts.json');
    expect(() => recordRefusedAttempt(path, at(0), { via: 'app', reason: 'storage.readonly' })).not.toThrow();
    expect(existsSync(path)).toBe(false);
  });
});

describe('after the right secret', () => {
  it('removes the attempts file once the failures are in the audit log', () => {
    const path = attemptsFile();
    recordFailure(path, at(0), { via: 'app', reason: 'wrong_passphrase' });
    clearThrottle(path);
    expect(existsSync(path)).toBe(false);
  });

  it('keeps failures not yet in the audit log as evidence, with no delay left', () => {
    const path = attemptsFile();
    recordFailure(path, at(0), { via: 'app', reason: 'wrong_passphrase' });
    recordFailure(path, at(1), { via: 'app', reason: 'wrong_passphrase' });
    clearThrottle(path, false);
    const state = readThrottle(path);
    expect(state).toMatchObject({ failures: 0, unreported: 2 });
    expect(secondsUntilRetry(state, at(1))).toBe(0);
    expect(unreportedAttempts(path)).toHaveLength(2);
  });

  it('keeps failures an older attempts file counted by time only as evidence too', () => {
    const path = attemptsFile();
    const times = [at(0).toISOString(), at(1).toISOString()];
    writeFileSync(path, JSON.stringify({ failures: 2, lastFailureAt: times[1], unreported: 2, times }));
    clearThrottle(path, false);
    expect(readThrottle(path)).toMatchObject({ failures: 0, unreported: 2 });
    expect(unreportedAttempts(path)).toHaveLength(2);
  });

  it('keeps a refusal that added no delay as evidence too', () => {
    const path = attemptsFile();
    recordRefusedAttempt(path, at(0), { via: 'app', reason: 'storage.busy' });
    clearThrottle(path, false);
    expect(unreportedAttempts(path)).toEqual([{ via: 'app', reason: 'storage.busy', at: at(0).toISOString() }]);
  });

  it('removes a file with nothing left to report even when the caller reported nothing', () => {
    const path = attemptsFile();
    writeFileSync(path, JSON.stringify({ failures: 0, lastFailureAt: at(0).toISOString(), unreported: 0 }));
    clearThrottle(path, false);
    expect(existsSync(path)).toBe(false);
    clearThrottle(path, false);
    expect(existsSync(path)).toBe(false);
  });
});

describe('the failed attempts for the audit log', () => {
  it('are none without an attempts file', () => {
    expect(unreportedAttempts(attemptsFile())).toEqual([]);
  });

  it('list failures an older attempts file counted by time only as wrong passphrases from an unknown place', () => {
    const path = attemptsFile();
    const times = [at(0), at(1), at(2)].map((d) => d.toISOString());
    writeFileSync(path, JSON.stringify({ failures: 3, lastFailureAt: times[2], unreported: 2, times }));
    expect(unreportedAttempts(path)).toEqual([
      { at: times[1], via: 'unknown', reason: 'wrong_passphrase' },
      { at: times[2], via: 'unknown', reason: 'wrong_passphrase' },
    ]);
  });

  it('list older failures before the recorded ones, without counting a recorded wrong secret twice', () => {
    const path = attemptsFile();
    const times = [at(0), at(1), at(2)].map((d) => d.toISOString());
    const attempts = [
      { at: times[2], via: 'app', reason: 'wrong_passphrase' },
      { at: times[2], via: 'cli', reason: 'storage.busy' },
    ];
    writeFileSync(path, JSON.stringify({ failures: 3, lastFailureAt: times[2], unreported: 3, times, attempts }));
    expect(unreportedAttempts(path)).toEqual([
      { at: times[0], via: 'unknown', reason: 'wrong_passphrase' },
      { at: times[1], via: 'unknown', reason: 'wrong_passphrase' },
      ...attempts,
    ]);
  });

  it('date failures beyond the kept times by the earliest kept time, or by the last failure', () => {
    const path = attemptsFile();
    const times = [at(4).toISOString()];
    writeFileSync(path, JSON.stringify({ failures: 2, lastFailureAt: times[0], unreported: 2, times }));
    expect(unreportedAttempts(path).map((a) => a.at)).toEqual([times[0], times[0]]);
    writeFileSync(path, JSON.stringify({ failures: 2, lastFailureAt: at(9).toISOString(), unreported: 1 }));
    expect(unreportedAttempts(path)).toEqual([{ at: at(9).toISOString(), via: 'unknown', reason: 'wrong_passphrase' }]);
  });
});

it('reads the attempts file back as written', () => {
  const path = attemptsFile();
  recordFailure(path, at(0));
  expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ failures: 1, attempts: [] });
});
