import { describe, expect, it } from 'vitest';
import { formatFingerprint } from '../../../shared/domain/verification';
import { isFingerprint } from './trust-input';

describe('a fingerprint typed into the trust list', () => {
  const hex = 'a1'.repeat(32);

  it('accepts the printed form from a fingerprint sheet, and plain hex in either case', () => {
    expect(isFingerprint(formatFingerprint(hex))).toBe(true);
    expect(isFingerprint(hex.toUpperCase())).toBe(true);
  });

  it('refuses a fingerprint with a digit missing or a letter mistyped', () => {
    expect(isFingerprint(hex.slice(1))).toBe(false);
    expect(isFingerprint(`${hex.slice(0, 63)}g`)).toBe(false);
  });
});
