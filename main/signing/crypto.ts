import { createHash, webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

/**
 * pkijs runs on Node's WebCrypto. The engine is set once for the process: pkijs looks it up
 * globally in places (chain validation, PFX) where it cannot be passed in.
 */
export const engine = new pkijs.CryptoEngine({
  name: 'node-webcrypto',
  crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'],
});
pkijs.setEngine('node-webcrypto', engine);

export const subtle: webcrypto.SubtleCrypto = webcrypto.subtle;

/** The WebCrypto key type; the node-side tsconfig has no DOM lib. */
export type CryptoKey = webcrypto.CryptoKey;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  country: '2.5.4.6',
} as const;

/** Digest algorithms we accept in signatures, by OID → WebCrypto and node:crypto names. */
export const DIGESTS: Readonly<Record<string, { webcrypto: string; node: string }>> = {
  [OID.sha256]: { webcrypto: 'SHA-256', node: 'sha256' },
  [OID.sha384]: { webcrypto: 'SHA-384', node: 'sha384' },
  [OID.sha512]: { webcrypto: 'SHA-512', node: 'sha512' },
};

export function sha256(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

export function digest(nodeName: string, ...parts: Uint8Array[]): Uint8Array {
  const hash = createHash(nodeName);
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

export function toHex(bytes: Uint8Array | ArrayBuffer): string {
  return Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString('hex');
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  // Stryker disable next-line EqualityOperator: the lengths are equal here, so one step past the end reads undefined from both, and undefined ^ undefined is 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** A copy as a standalone ArrayBuffer, which pkijs and asn1js want. */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
