import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import { z } from 'zod';
import type { SignerSummary } from '../../shared/domain/verification';
import { AppError } from '../ipc/app-error';
import { describeCertificate, parseCertificate, type ParsedCertificate } from './certificate';
import { OID, subtle, toArrayBuffer, type CryptoKey } from './crypto';
import { ecdsaRawToDer, type Signer } from './signer';

/**
 * A signing identity as bytes, for the encrypted vault: PKCS#8 private key DER, the signer's
 * certificate DER and the issuing chain (nearest issuer first). This module never writes it to disk.
 */
export type SigningIdentityBytes = {
  privateKeyPkcs8: Uint8Array;
  certificate: Uint8Array;
  chain: Uint8Array[];
};

/** A loaded software identity: a Signer whose private key is a non-extractable CryptoKey. */
export type SigningIdentity = Signer & {
  privateKey: CryptoKey;
  keyType: 'ecdsa' | 'rsa';
};

type KeyAlgorithm = {
  keyType: 'ecdsa' | 'rsa';
  importParams: webcrypto.EcKeyImportParams | webcrypto.RsaHashedImportParams;
};

function keyAlgorithmOf(pkcs8: Uint8Array): KeyAlgorithm {
  const info = pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(pkcs8));
  const oid = info.privateKeyAlgorithm.algorithmId;
  if (oid === OID.rsaEncryption) {
    return { keyType: 'rsa', importParams: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } };
  }
  if (oid === OID.ecPublicKey) {
    // Absent when the key names no curve; when present, an asn1js block, which always has a valueBlock.
    const params = info.privateKeyAlgorithm.algorithmParams as { valueBlock: { toString(): string } } | undefined;
    const curve = params?.valueBlock.toString();
    if (curve === OID.p256) return { keyType: 'ecdsa', importParams: { name: 'ECDSA', namedCurve: 'P-256' } };
    if (curve === OID.p384) return { keyType: 'ecdsa', importParams: { name: 'ECDSA', namedCurve: 'P-384' } };
  }
  throw new AppError('unreadable', 'signing.identity.unsupportedKey');
}

export function signParams(identity: Pick<SigningIdentity, 'keyType'>): webcrypto.Algorithm | webcrypto.EcdsaParams {
  return identity.keyType === 'ecdsa' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
}

/** Proves the private key belongs to the certificate by signing and verifying a probe. */
async function assertKeyMatches(
  privateKey: CryptoKey,
  algorithm: KeyAlgorithm,
  certificate: ParsedCertificate,
): Promise<void> {
  const spki = certificate.cert.subjectPublicKeyInfo.toSchema().toBER(false);
  // Stryker disable next-line BooleanLiteral,ArrowFunction: whether this throwaway public key is extractable is never observed; undefined fails `!publicKey` as null does
  const publicKey = await subtle.importKey('spki', spki, algorithm.importParams, false, ['verify']).catch(() => null);
  if (!publicKey) throw new AppError('unreadable', 'signing.identity.keyMismatch');
  const probe = webcrypto.getRandomValues(new Uint8Array(32));
  const params = signParams(algorithm);
  const signature = await subtle.sign(params, privateKey, probe);
  if (!(await subtle.verify(params, publicKey, signature, probe))) {
    throw new AppError('unreadable', 'signing.identity.keyMismatch');
  }
}

function parseOrRefuse(der: Uint8Array): ParsedCertificate {
  try {
    return parseCertificate(der);
  } catch {
    throw new AppError('unreadable', 'signing.identity.certificateUnreadable');
  }
}

/** Loads stored identity bytes back into a usable identity. Throws AppError on anything inconsistent. */
export async function loadIdentity(bytes: SigningIdentityBytes): Promise<SigningIdentity> {
  let algorithm: KeyAlgorithm;
  try {
    algorithm = keyAlgorithmOf(bytes.privateKeyPkcs8);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unreadable', 'signing.identity.keyUnreadable');
  }
  const certificate = parseOrRefuse(bytes.certificate);
  const chain = bytes.chain.map(parseOrRefuse);
  const privateKey = await subtle
    .importKey('pkcs8', toArrayBuffer(bytes.privateKeyPkcs8), algorithm.importParams, false, ['sign'])
    .catch(
      // Stryker disable next-line ArrowFunction: undefined fails `!privateKey` as null does
      () => null,
    );
  if (!privateKey) throw new AppError('unreadable', 'signing.identity.keyUnreadable');
  // Stryker disable next-line ConditionalExpression: an EC key's algorithm has no modulusLength, and undefined < 2048 is false
  if (algorithm.keyType === 'rsa' && (privateKey.algorithm as webcrypto.RsaHashedKeyAlgorithm).modulusLength < 2048) {
    throw new AppError('unreadable', 'signing.identity.unsupportedKey');
  }
  await assertKeyMatches(privateKey, algorithm, certificate);
  const { keyType } = algorithm;
  const params = signParams(algorithm);
  return {
    privateKey,
    keyType,
    algorithm: keyType === 'ecdsa' ? 'ecdsa-sha256' : 'rsa-pkcs1-sha256',
    certificate,
    chain,
    summary: describeCertificate(certificate),
    sign: async (data) => {
      const signature = new Uint8Array(await subtle.sign(params, privateKey, toArrayBuffer(data)));
      return keyType === 'ecdsa' ? ecdsaRawToDer(signature) : signature;
    },
  };
}

const IdentityBlobSchema = z.object({
  version: z.literal(1),
  privateKeyPkcs8: z.base64(),
  certificate: z.base64(),
  chain: z.array(z.base64()).max(10),
});

/** One opaque blob for the vault to encrypt and store. Contains the private key: never log or write it. */
export function encodeIdentity(bytes: SigningIdentityBytes): Uint8Array {
  const blob: z.infer<typeof IdentityBlobSchema> = {
    version: 1,
    privateKeyPkcs8: Buffer.from(bytes.privateKeyPkcs8).toString('base64'),
    certificate: Buffer.from(bytes.certificate).toString('base64'),
    chain: bytes.chain.map((der) => Buffer.from(der).toString('base64')),
  };
  return new TextEncoder().encode(JSON.stringify(blob));
}

export function decodeIdentity(blob: Uint8Array): SigningIdentityBytes {
  let parsed: z.infer<typeof IdentityBlobSchema>;
  try {
    parsed = IdentityBlobSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(blob)));
  } catch {
    throw new AppError('unreadable', 'signing.identity.blobUnreadable');
  }
  const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
  return {
    privateKeyPkcs8: bytes(parsed.privateKeyPkcs8),
    certificate: bytes(parsed.certificate),
    chain: parsed.chain.map(bytes),
  };
}

/** What a screen shows about an identity (no key material): subject, validity, fingerprint. */
export function describeIdentityCertificate(certificateDer: Uint8Array): SignerSummary {
  return describeCertificate(parseOrRefuse(certificateDer));
}
