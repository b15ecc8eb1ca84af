import { describe, expect, it } from 'vitest';
import { bytesEqual } from './crypto';

// bytesEqual decides whether a digest, a certificate hash or a CRL serial matches: equal bytes only.

describe('bytesEqual', () => {
  it('holds for the same bytes and fails on one changed byte', () => {
    expect(bytesEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(bytesEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
  });

  it('fails when one array only starts the other, either way round', () => {
    const digest = new Uint8Array([0xab, 0xcd, 0xef]);
    expect(bytesEqual(digest.subarray(0, 2), digest)).toBe(false);
    expect(bytesEqual(new Uint8Array(0), digest)).toBe(false);
    expect(bytesEqual(digest, new Uint8Array([0xab]))).toBe(false);
  });
});
