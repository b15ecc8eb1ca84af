// The coordinator's half-time limit setting: hours from 1 to 37 (a full week), to the hundredth.
import { describe, expect, it } from 'vitest';
import { isWorkloadLimit } from './dk-workload';

describe('a DK workload limit the settings accept', () => {
  it('accepts 1 and 37 hours and anything between to the hundredth of an hour', () => {
    for (const hours of [1, 18.5, 18.75, 36.99, 37]) expect(isWorkloadLimit(hours)).toBe(true);
  });

  it('refuses less than 1 hour, more than 37, finer than a hundredth, and what is not a number', () => {
    for (const hours of [0, 0.99, 37.01, 38, 18.755, 18.001, Number.NaN, Number.POSITIVE_INFINITY, -5]) {
      expect(isWorkloadLimit(hours)).toBe(false);
    }
  });
});
