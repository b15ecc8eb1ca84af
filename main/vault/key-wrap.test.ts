// AES-256-GCM key wraps: a wrong key or a moved wrap gives nothing, a field of the wrong size is damage.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unwrapKey, WrappedKeySchema, wrapKey } from './key-wrap';

const kek = randomBytes(32);
const key = randomBytes(32);

describe('a wrapped key', () => {
  it('gives the key back with the right key-encryption key and purpose', () => {
    const wrapped = wrapKey(kek, key, 'vault-a/passphrase');
    expect(WrappedKeySchema.parse(wrapped)).toEqual(wrapped);
    expect(wrapped.alg).toBe('A256GCM');
    expect(Buffer.from(wrapped.ciphertext, 'base64')).not.toEqual(key);
    expect(unwrapKey(kek, wrapped, 'vault-a/passphrase')).toEqual(key);
    expect(wrapKey(kek, key, 'vault-a/passphrase').iv).not.toBe(wrapped.iv);
  });

  it('gives nothing with another key, another purpose, or a changed tag or ciphertext', () => {
    const wrapped = wrapKey(kek, key, 'vault-a/passphrase');
    expect(unwrapKey(randomBytes(32), wrapped, 'vault-a/passphrase')).toBeNull();
    expect(unwrapKey(kek, wrapped, 'vault-a/recovery')).toBeNull();
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    expect(unwrapKey(kek, { ...wrapped, tag: flip(wrapped.tag) }, 'vault-a/passphrase')).toBeNull();
    expect(unwrapKey(kek, { ...wrapped, ciphertext: flip(wrapped.ciphertext) }, 'vault-a/passphrase')).toBeNull();
    expect(unwrapKey(kek, { ...wrapped, iv: flip(wrapped.iv) }, 'vault-a/passphrase')).toBeNull();
  });

  it('refuses a field of another size or spelling as damage, before any key is tried', () => {
    const wrapped = wrapKey(kek, key, 'aad');
    const b64 = (bytes: number) => randomBytes(bytes).toString('base64');
    for (const bad of [
      { iv: b64(11) },
      { iv: b64(13) },
      { ciphertext: b64(31) },
      { ciphertext: b64(33) },
      { tag: b64(15) },
      { tag: b64(12) },
      { tag: `${wrapped.tag}==` },
      { iv: `${wrapped.iv}==` },
      { ciphertext: wrapped.ciphertext.replace(/=$/, '') },
      { iv: `${wrapped.iv}\n` },
      { iv: wrapped.iv.replace(/.$/, '!') },
      { tag: '' },
      { alg: 'A128GCM' },
    ]) {
      expect(WrappedKeySchema.safeParse({ ...wrapped, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
