import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { toArrayBuffer } from '../crypto';
import {
  basicConstraints,
  caUsageProblem,
  EXT,
  keyUsageBits,
  mayIssueCrl,
  signerUsageProblem,
  unknownCriticalExtension,
  weakKey,
  weakSignatureAlgorithm,
} from './policy';

/**
 * Bro's certificate policy, one certificate at a time: key usage bits, CA constraints, extended key
 * usages, critical extensions, key sizes and curves. Certificates are made here with exactly the
 * extensions each case needs and read back from their DER, as a verifier meets them.
 */

const { subtle } = webcrypto;
const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

type Spec = {
  keyUsage?: number[];
  ca?: { cA: boolean; pathLen?: number };
  ekus?: string[];
  extra?: { oid: string; critical: boolean }[];
  /** Extensions with exactly these value bytes (encodings pkijs would not write). */
  raw?: { oid: string; value: Uint8Array }[];
  key?: webcrypto.CryptoKeyPair;
  /** A subject public key info written as given, with no private key behind it. */
  spki?: pkijs.PublicKeyInfo;
};

/** A BIT STRING of keyUsage with the given bit numbers set (bit 0 is the most significant of byte 0). */
function keyUsageValue(bits: number[]): asn1js.BitString {
  const bytes = new Uint8Array(Math.floor(Math.max(...bits) / 8) + 1);
  for (const bit of bits) bytes[Math.floor(bit / 8)]! |= 0x80 >> (bit % 8);
  return new asn1js.BitString({ valueHex: bytes.buffer, unusedBits: 0 });
}

async function certificate(spec: Spec = {}): Promise<pkijs.Certificate> {
  const keys = spec.key ?? ((await subtle.generateKey(P256, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: 1 });
  const name = new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: 'Fiktiv' }) }),
    ],
  });
  cert.subject = name;
  cert.issuer = name;
  cert.notBefore = new pkijs.Time({ type: 0, value: new Date('2026-01-01T00:00:00Z') });
  cert.notAfter = new pkijs.Time({ type: 0, value: new Date('2027-01-01T00:00:00Z') });
  const extensions: pkijs.Extension[] = [];
  if (spec.keyUsage)
    extensions.push(
      new pkijs.Extension({
        extnID: EXT.keyUsage,
        critical: true,
        extnValue: keyUsageValue(spec.keyUsage).toBER(false),
      }),
    );
  if (spec.ca) {
    const constraints = new pkijs.BasicConstraints({
      cA: spec.ca.cA,
      ...(spec.ca.pathLen === undefined ? {} : { pathLenConstraint: spec.ca.pathLen }),
    });
    extensions.push(
      new pkijs.Extension({
        extnID: EXT.basicConstraints,
        critical: true,
        extnValue: constraints.toSchema().toBER(false),
      }),
    );
  }
  if (spec.ekus)
    extensions.push(
      new pkijs.Extension({
        extnID: EXT.extKeyUsage,
        extnValue: new pkijs.ExtKeyUsage({ keyPurposes: spec.ekus }).toSchema().toBER(false),
      }),
    );
  for (const { oid, critical } of spec.extra ?? [])
    extensions.push(new pkijs.Extension({ extnID: oid, critical, extnValue: new asn1js.Null().toBER(false) }));
  for (const { oid, value } of spec.raw ?? [])
    extensions.push(new pkijs.Extension({ extnID: oid, critical: true, extnValue: toArrayBuffer(value) }));
  if (extensions.length > 0) cert.extensions = extensions;
  if (spec.spki) cert.subjectPublicKeyInfo = spec.spki;
  else await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  const signing = (await subtle.generateKey(P256, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  await cert.sign(signing.privateKey, 'SHA-256');
  return pkijs.Certificate.fromBER(toArrayBuffer(new Uint8Array(cert.toSchema(true).toBER(false))));
}

describe('keyUsageBits', () => {
  it('is null without the extension (every usage allowed)', async () => {
    expect(keyUsageBits(await certificate())).toBeNull();
  });

  it.each([[[0]], [[1]], [[5, 6]], [[7]], [[8]], [[0, 8]]])('reads bits %j, in both bytes', async (bits) => {
    expect(keyUsageBits(await certificate({ keyUsage: bits }))).toEqual(new Set(bits));
  });
});

describe('basicConstraints', () => {
  it('is not a CA without the extension, or with cA false', async () => {
    expect(basicConstraints(await certificate())).toEqual({ ca: false, pathLen: null });
    expect(basicConstraints(await certificate({ ca: { cA: false } }))).toEqual({ ca: false, pathLen: null });
  });

  it('reads cA and the path length, which may be 0 or absent', async () => {
    expect(basicConstraints(await certificate({ ca: { cA: true, pathLen: 0 } }))).toEqual({ ca: true, pathLen: 0 });
    expect(basicConstraints(await certificate({ ca: { cA: true, pathLen: 3 } }))).toEqual({ ca: true, pathLen: 3 });
    expect(basicConstraints(await certificate({ ca: { cA: true } }))).toEqual({ ca: true, pathLen: null });
  });

  it('reads a path length of 0 written in four bytes (not DER, but BER allows it) as 0', async () => {
    // SEQUENCE { BOOLEAN TRUE, INTEGER 00 00 00 00 }: asn1js keeps integers of four bytes as raw bytes.
    const value = Uint8Array.from([0x30, 0x09, 0x01, 0x01, 0xff, 0x02, 0x04, 0x00, 0x00, 0x00, 0x00]);
    const cert = await certificate({ raw: [{ oid: EXT.basicConstraints, value }] });
    expect(basicConstraints(cert)).toEqual({ ca: true, pathLen: 0 });
  });
});

describe('signerUsageProblem', () => {
  it.each([
    ['no key usage or EKU', {}, null],
    ['digitalSignature', { keyUsage: [0] }, null],
    ['nonRepudiation', { keyUsage: [1] }, null],
    ['keyCertSign only', { keyUsage: [5] }, 'trust.problem.signerKeyUsage'],
    ['a TLS server EKU only', { ekus: [SERVER_AUTH] }, 'trust.problem.signerExtendedKeyUsage'],
    ['a TLS EKU beside emailProtection', { ekus: [SERVER_AUTH, EMAIL_PROTECTION] }, null],
    ['documentSigning', { keyUsage: [0], ekus: ['1.3.6.1.5.5.7.3.36'] }, null],
  ] as const)('%s', async (_what, spec, problem) => {
    expect(signerUsageProblem(await certificate(spec as Spec))).toBe(problem);
  });
});

describe('caUsageProblem', () => {
  it.each([
    ['not a CA', {}, 'trust.problem.issuerNotCa'],
    ['cA false', { ca: { cA: false } }, 'trust.problem.issuerNotCa'],
    ['a CA', { ca: { cA: true } }, null],
    ['a CA with keyCertSign', { ca: { cA: true }, keyUsage: [5, 6] }, null],
    ['a CA whose key usage lacks keyCertSign', { ca: { cA: true }, keyUsage: [0, 6] }, 'trust.problem.issuerKeyUsage'],
    ['a CA limited to TLS', { ca: { cA: true }, ekus: [SERVER_AUTH] }, 'trust.problem.issuerExtendedKeyUsage'],
    ['a CA for TLS and signing', { ca: { cA: true }, ekus: [SERVER_AUTH, EMAIL_PROTECTION] }, null],
  ] as const)('%s', async (_what, spec, problem) => {
    expect(caUsageProblem(await certificate(spec as Spec))).toBe(problem);
  });
});

describe('mayIssueCrl', () => {
  it('without key usage, or with cRLSign; not with keyCertSign alone', async () => {
    expect(mayIssueCrl(await certificate())).toBe(true);
    expect(mayIssueCrl(await certificate({ keyUsage: [6] }))).toBe(true);
    expect(mayIssueCrl(await certificate({ keyUsage: [5] }))).toBe(false);
  });
});

describe('unknownCriticalExtension', () => {
  it('only a critical extension Bro does not process', async () => {
    expect(unknownCriticalExtension(await certificate())).toBe(false);
    expect(unknownCriticalExtension(await certificate({ ca: { cA: true }, keyUsage: [5] }))).toBe(false);
    expect(unknownCriticalExtension(await certificate({ extra: [{ oid: '1.2.3.4.5', critical: false }] }))).toBe(false);
    expect(unknownCriticalExtension(await certificate({ extra: [{ oid: '1.2.3.4.5', critical: true }] }))).toBe(true);
  });
});

describe('weakKey', () => {
  const ec = (namedCurve: string) =>
    subtle.generateKey({ name: 'ECDSA', namedCurve }, true, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>;
  const rsa = (modulusLength: number) =>
    subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    ) as Promise<webcrypto.CryptoKeyPair>;

  it('accepts P-256, P-384 and RSA of 2048 bits; refuses P-521 and RSA of 1024 bits', async () => {
    expect(weakKey(await certificate({ key: await ec('P-256') }))).toBe(false);
    expect(weakKey(await certificate({ key: await ec('P-384') }))).toBe(false);
    expect(weakKey(await certificate({ key: await ec('P-521') }))).toBe(true);
    expect(weakKey(await certificate({ key: await rsa(2048) }))).toBe(false);
    expect(weakKey(await certificate({ key: await rsa(1024) }))).toBe(true);
  });

  /** An RSA public key whose modulus INTEGER holds exactly `modulus` (leading zero bytes included). */
  const rsaSpki = (modulus: Uint8Array | null) =>
    new pkijs.PublicKeyInfo({
      algorithm: new pkijs.AlgorithmIdentifier({ algorithmId: RSA_ENCRYPTION, algorithmParams: new asn1js.Null() }),
      subjectPublicKey: new asn1js.BitString({
        valueHex: modulus
          ? new asn1js.Sequence({
              value: [new asn1js.Integer({ valueHex: toArrayBuffer(modulus) }), new asn1js.Integer({ value: 65537 })],
            }).toBER(false)
          : new Uint8Array([0xde, 0xad, 0xbe, 0xef]).buffer,
      }),
    });
  const modulus = (zeros: number, significant: number) =>
    Uint8Array.from([...new Array<number>(zeros).fill(0), 0x80, ...new Array<number>(significant - 1).fill(0xa5)]);

  it('counts RSA modulus bits after any leading zero bytes, however many the encoding carries', async () => {
    expect(weakKey(await certificate({ spki: rsaSpki(modulus(2, 256)) }))).toBe(false);
    expect(weakKey(await certificate({ spki: rsaSpki(modulus(2, 255)) }))).toBe(true);
    expect(weakKey(await certificate({ spki: rsaSpki(modulus(0, 255)) }))).toBe(true);
  });

  it('refuses an RSA key whose modulus is all zeros, or whose key bits are no RSA key at all', async () => {
    expect(weakKey(await certificate({ spki: rsaSpki(new Uint8Array(300)) }))).toBe(true);
    expect(weakKey(await certificate({ spki: rsaSpki(null) }))).toBe(true);
  });

  it('refuses a key of another algorithm', async () => {
    const cert = await certificate();
    cert.subjectPublicKeyInfo.algorithm.algorithmId = '1.3.101.112'; // Ed25519
    expect(weakKey(cert)).toBe(true);
  });
});

describe('weakSignatureAlgorithm', () => {
  it.each([
    ['1.2.840.113549.1.1.11', false], // sha256WithRSAEncryption
    ['1.2.840.113549.1.1.12', false], // sha384WithRSAEncryption
    ['1.2.840.10045.4.3.2', false], // ecdsa-with-SHA256
    ['1.2.840.10045.4.3.4', false], // ecdsa-with-SHA512
    ['1.2.840.113549.1.1.5', true], // sha1WithRSAEncryption
    ['1.2.840.10045.4.1', true], // ecdsa-with-SHA1
    ['1.2.3.4', true], // unknown
  ])('%s weak: %s', (algorithmId, weak) => {
    expect(weakSignatureAlgorithm(new pkijs.AlgorithmIdentifier({ algorithmId }))).toBe(weak);
  });
});
