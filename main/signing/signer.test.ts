import { createPublicKey, verify, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecdsaRawToDer } from './signer';

/** ECDSA r‖s as WebCrypto (and a PKCS#11 token) gives it, turned into the DER a CMS carries. */

const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const DATA = new TextEncoder().encode('Oppfolgingsplan for Ola Testmann');

describe('ecdsaRawToDer', () => {
  it('turns a WebCrypto signature into a DER signature that OpenSSL verifies', async () => {
    const keys = await webcrypto.subtle.generateKey(P256, true, ['sign', 'verify']);
    const raw = new Uint8Array(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, DATA));
    expect(raw).toHaveLength(64);
    const der = ecdsaRawToDer(raw);
    expect(der[0]).toBe(0x30);
    const spki = Buffer.from(await webcrypto.subtle.exportKey('spki', keys.publicKey));
    const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    expect(verify('sha256', DATA, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
    const other = new Uint8Array(der);
    other[other.length - 1] = (other[other.length - 1] as number) ^ 0x01;
    expect(verify('sha256', DATA, { key: publicKey, dsaEncoding: 'der' }, other)).toBe(false);
  });

  it.each([
    ['nothing at all', 0],
    ['an odd number of bytes', 63],
    ['a single byte', 1],
  ])('refuses %s rather than signing with a made-up value', (_what, length) => {
    expect(() => ecdsaRawToDer(new Uint8Array(length).fill(1))).toThrow('raw ECDSA signature of odd length');
  });
});
