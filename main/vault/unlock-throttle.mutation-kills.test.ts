// Issue 17: a damaged attempts file that reset the unlock delay survived the tests, and the 15-minute
// cap was never checked. Real files in a temp folder.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import {
  delayAfterFailures,
  MAX_DELAY_SECONDS,
  readThrottle,
  recordFailure,
  secondsUntilRetry,
} from './unlock-throttle';

const temp = tempDirs('bro-throttle-kills-');
afterAll(() => temp.cleanup());

describe('unlock delay', () => {
  it.each([
    ['not JSON', '{"failures": 7, "lastFail'],
    ['a negative count', JSON.stringify({ failures: -3, lastFailureAt: '2026-03-02T10:00:00.000Z' })],
    ['no time', JSON.stringify({ failures: 9 })],
  ])('does not let a damaged attempts file (%s) unlock without a delay', (_what, text) => {
    const path = join(temp.make(), 'unlock-attempts.json');
    writeFileSync(path, text);
    const state = readThrottle(path);
    expect(state?.failures ?? 0).toBeGreaterThanOrEqual(1);
    expect(secondsUntilRetry(state, new Date())).toBeGreaterThanOrEqual(1);
  });

  it('counts a failure after a damaged file as at least the second one', () => {
    const path = join(temp.make(), 'unlock-attempts.json');
    writeFileSync(path, 'garbage');
    const now = new Date();
    expect(recordFailure(path, now).failures).toBeGreaterThanOrEqual(2);
    expect(secondsUntilRetry(readThrottle(path), now)).toBeGreaterThanOrEqual(2);
  });

  it('doubles the delay per failure and stops at 15 minutes', () => {
    expect([1, 2, 3, 10].map(delayAfterFailures)).toEqual([1, 2, 4, 512]);
    expect(MAX_DELAY_SECONDS).toBe(900);
    expect(delayAfterFailures(11)).toBe(900);
    expect(delayAfterFailures(60)).toBe(900);
    const lastFailureAt = '2026-03-02T10:00:00.000Z';
    const state = { failures: 40, lastFailureAt, unreported: 0, times: [] };
    expect(secondsUntilRetry(state, new Date('2026-03-02T10:00:00.000Z'))).toBe(900);
    expect(secondsUntilRetry(state, new Date('2026-03-02T10:15:00.000Z'))).toBe(0);
  });
});
