// scrypt parameters and their bounds: a tampered key file must not make unlock allocate gigabytes.
import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assertKdfBounds, deriveKey, kdfWithinBounds, newKdfParams, PRODUCTION_KDF } from './kdf';

const FAST = { logN: 10, r: 8, p: 1 };

describe('new KDF parameters', () => {
  it('are scrypt at production cost with a fresh 16-byte salt each time', () => {
    const params = newKdfParams();
    expect(params).toMatchObject({ algorithm: 'scrypt', version: 1, logN: 17, r: 8, p: 1 });
    expect(PRODUCTION_KDF).toEqual({ logN: 17, r: 8, p: 1 });
    expect(Buffer.from(params.salt, 'base64')).toHaveLength(16);
    expect(newKdfParams().salt).not.toBe(params.salt);
    expect(newKdfParams(FAST)).toMatchObject(FAST);
  });
});

describe('the KDF bounds', () => {
  it.each([
    [{ logN: 10, r: 8, p: 1 }, true],
    [{ logN: 9, r: 8, p: 1 }, false],
    [{ logN: 20, r: 8, p: 4 }, true],
    [{ logN: 21, r: 1, p: 1 }, false],
    [{ logN: 10, r: 1, p: 1 }, true],
    [{ logN: 10, r: 0, p: 1 }, false],
    [{ logN: 10, r: 16, p: 1 }, true],
    [{ logN: 10, r: 17, p: 1 }, false],
    [{ logN: 10, r: 8, p: 0 }, false],
    [{ logN: 10, r: 8, p: 5 }, false],
    // 128 · 2^20 · 8 bytes is exactly 1 GiB; one step more is refused.
    [{ logN: 20, r: 9, p: 1 }, false],
    [{ logN: 19, r: 16, p: 1 }, true],
    [{ logN: 20, r: 16, p: 1 }, false],
  ])('judge %o within bounds: %s', (params, within) => {
    expect(kdfWithinBounds(params)).toBe(within);
    if (within) expect(() => assertKdfBounds(params)).not.toThrow();
    else
      expect(() => assertKdfBounds(params)).toThrow(
        expect.objectContaining({ code: 'vault_corrupt', messageKey: 'security.kdfOutOfBounds', params }),
      );
  });

  it.each([
    { logN: Number.NaN, r: 8, p: 1 },
    { logN: 10, r: Number.NaN, p: 1 },
    { logN: 10, r: 8, p: Number.NaN },
  ])('refuses a parameter that is not a number: %o', (params) => {
    expect(kdfWithinBounds(params)).toBe(false);
  });
});

describe('the derived key', () => {
  it('is scrypt with N = 2^logN over the NFC form of the passphrase, 32 bytes', async () => {
    const params = newKdfParams(FAST);
    const key = await deriveKey('Blåbærsyltetøy på brødskiva', params);
    const expected = scryptSync('Blåbærsyltetøy på brødskiva', Buffer.from(params.salt, 'base64'), 32, {
      N: 1024,
      r: 8,
      p: 1,
    });
    expect(key).toEqual(expected);
    // The same words typed with combining marks (NFD) give the same key.
    expect(await deriveKey('Blåbærsyltetøy på brødskiva'.normalize('NFD'), params)).toEqual(key);
    expect(await deriveKey('Blåbærsyltetøy på brødskivA', params)).not.toEqual(key);
  });

  it('uses r and p from the key file', async () => {
    const params = { ...newKdfParams(FAST), r: 2, p: 3 };
    const salt = Buffer.from(params.salt, 'base64');
    expect(await deriveKey('passord', params)).toEqual(scryptSync('passord', salt, 32, { N: 1024, r: 2, p: 3 }));
  });

  it('refuses parameters beyond the bounds before deriving anything', () => {
    expect(() => deriveKey('passord', { ...newKdfParams(FAST), logN: 24 })).toThrow(
      expect.objectContaining({ messageKey: 'security.kdfOutOfBounds' }),
    );
  });
});
