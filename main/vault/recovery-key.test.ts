// The recovery key as printed and typed back, and the wrapping key it gives for one vault.
import { hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, newRecoveryKey, parseRecoveryKey, recoveryWrappingKey } from './recovery-key';

describe('the recovery key', () => {
  it('is 256 random bits printed as 52 Crockford base32 characters in groups of four', () => {
    const key = newRecoveryKey();
    expect(key).toHaveLength(32);
    expect(newRecoveryKey()).not.toEqual(key);
    const text = formatRecoveryKey(key);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryKey(text)).toEqual(key);
  });

  it('prints known bytes as the same characters every time', () => {
    expect(formatRecoveryKey(Buffer.alloc(32, 0))).toBe(`${'0000-'.repeat(12)}0000`);
    expect(formatRecoveryKey(Buffer.alloc(32, 0xff))).toBe(`${'ZZZZ-'.repeat(12)}ZZZG`);
    const counting = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
    const text = formatRecoveryKey(counting);
    expect(text.slice(0, 14)).toBe('000G-40R4-0M30');
    expect(parseRecoveryKey(text)).toEqual(counting);
  });

  it('encodes whole groups of five bits without a padding character, and nothing as nothing', () => {
    // 40 bits are exactly eight characters (Crockford base32 of "Hello").
    expect(formatRecoveryKey(Buffer.from('Hello'))).toBe('91JP-RV3F');
    expect(formatRecoveryKey(Buffer.alloc(0))).toBe('');
  });

  it('is read back whatever the case, spaces or dashes, with O, I and L read as 0, 1 and 1', () => {
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff));
    const text = formatRecoveryKey(key);
    expect(parseRecoveryKey(text.toLowerCase())).toEqual(key);
    expect(parseRecoveryKey(text.replace(/-/g, ' '))).toEqual(key);
    expect(parseRecoveryKey(` ${text.replace(/-/g, '')}\n`)).toEqual(key);
    const lookalikes = text.replace(/0/g, 'O').replace(/1/g, (_m, i: number) => (i % 2 ? 'I' : 'l'));
    expect(lookalikes).not.toBe(text);
    expect(parseRecoveryKey(lookalikes)).toEqual(key);
  });

  it('is refused when a character is missing, extra or outside the alphabet', () => {
    const text = formatRecoveryKey(randomBytes(32)).replace(/-/g, '');
    expect(parseRecoveryKey(text.slice(1))).toBeNull();
    expect(parseRecoveryKey(`${text}0`)).toBeNull();
    expect(parseRecoveryKey(`U${text.slice(1)}`)).toBeNull();
    expect(parseRecoveryKey(`${text.slice(0, 51)}!`)).toBeNull();
    expect(parseRecoveryKey('')).toBeNull();
  });

  it('gives each vault its own wrapping key, HKDF-SHA-256 over the vault id', () => {
    const key = randomBytes(32);
    const wrapping = recoveryWrappingKey(key, 'vault-a');
    expect(wrapping).toHaveLength(32);
    expect(wrapping).toEqual(Buffer.from(hkdfSync('sha256', key, Buffer.from('vault-a'), 'bro recovery wrap v1', 32)));
    expect(recoveryWrappingKey(key, 'vault-b')).not.toEqual(wrapping);
  });
});
