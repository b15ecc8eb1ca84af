import { describe, expect, it } from 'vitest';
import { localToday } from './today';

describe('today for the rules', () => {
  it('is the local calendar day, also just after midnight', () => {
    expect(localToday(new Date(2026, 0, 5, 0, 15))).toBe('2026-01-05');
    expect(localToday(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });
});
