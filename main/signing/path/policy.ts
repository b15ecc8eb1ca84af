import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { engine, OID } from '../crypto';

/**
 * Bro's certificate policy, as pure checks on one certificate. Each returns a `trust.*` message key
 * or null. Algorithms: RSA keys of at least 2048 bits, ECDSA on P-256 or P-384, and SHA-256 or
 * stronger in every signature (certificates, CRLs, the CMS itself).
 */

export const EXT = {
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  issuerAltName: '2.5.29.18',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  crlNumber: '2.5.29.20',
} as const;

/** Extensions Bro understands well enough to accept when marked critical (RFC 5280 § 4.2). */
const UNDERSTOOD = new Set<string>(Object.values(EXT));

/**
 * Extended key usages that allow signing documents: emailProtection (CMS/S-MIME signing, what
 * OpenSSL's smimesign purpose wants), documentSigning (RFC 9336), anyExtendedKeyUsage, and Adobe's
 * PDF signing purpose. serverAuth/clientAuth alone are TLS certificates and are refused.
 */
export const SIGNING_EKUS: ReadonlySet<string> = new Set([
  '1.3.6.1.5.5.7.3.4', // emailProtection
  '1.3.6.1.5.5.7.3.36', // documentSigning
  '2.5.29.37.0', // anyExtendedKeyUsage
  '1.2.840.113583.1.1.5', // Adobe Authentic Documents Trust (PDF signing)
]);

const STRONG_HASHES = new Set(['SHA-256', 'SHA-384', 'SHA-512']);

export const KEY_USAGE = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyCertSign: 5,
  cRLSign: 6,
} as const;

function extension(cert: pkijs.Certificate, oid: string): pkijs.Extension | undefined {
  return cert.extensions?.find((item) => item.extnID === oid);
}

/** The keyUsage bits, or null when the extension is absent (then every usage is allowed). */
export function keyUsageBits(cert: pkijs.Certificate): Set<number> | null {
  const value = extension(cert, EXT.keyUsage)?.parsedValue as asn1js.BitString | undefined;
  if (!value) return null;
  const bytes = new Uint8Array(value.valueBlock.valueHexView);
  const bits = new Set<number>();
  bytes.forEach((byte, index) => {
    // Stryker disable next-line EqualityOperator: a ninth pass would test the mask 0x80 >> 8 = 0, which is never set
    for (let bit = 0; bit < 8; bit++) if (byte & (0x80 >> bit)) bits.add(index * 8 + bit);
  });
  return bits;
}

export function basicConstraints(cert: pkijs.Certificate): { ca: boolean; pathLen: number | null } {
  const value = extension(cert, EXT.basicConstraints)?.parsedValue as pkijs.BasicConstraints | undefined;
  if (!value) return { ca: false, pathLen: null };
  const raw = value.pathLenConstraint;
  const pathLen = raw === undefined ? null : typeof raw === 'number' ? raw : raw.valueBlock.valueDec;
  return { ca: value.cA === true, pathLen };
}

function extendedKeyUsages(cert: pkijs.Certificate): string[] | null {
  const value = extension(cert, EXT.extKeyUsage)?.parsedValue as pkijs.ExtKeyUsage | undefined;
  return value ? value.keyPurposes : null;
}

/** The signature algorithm's hash must be SHA-256 or stronger. */
export function weakSignatureAlgorithm(algorithm: pkijs.AlgorithmIdentifier): boolean {
  // Stryker disable next-line StringLiteral: any text that names no strong hash keeps the answer "weak"
  let hash = '';
  try {
    hash = engine.getHashAlgorithm(algorithm).toUpperCase();
  } catch {
    // pkijs answers '' rather than throw for what it cannot read; should a later version throw, '' stands.
  }
  return !STRONG_HASHES.has(hash);
}

function rsaModulusBits(spki: pkijs.PublicKeyInfo): number {
  const key = spki.parsedKey as pkijs.RSAPublicKey | undefined;
  const modulus = key?.modulus ? new Uint8Array(key.modulus.valueBlock.valueHexView) : new Uint8Array();
  const start = modulus.findIndex((byte) => byte !== 0);
  if (start === -1) return 0;
  return (modulus.length - start - 1) * 8 + (32 - Math.clz32(modulus[start] as number));
}

/** RSA ≥ 2048 bits or an EC key on P-256/P-384; anything else is refused. */
export function weakKey(cert: pkijs.Certificate): boolean {
  const spki = cert.subjectPublicKeyInfo;
  const algorithm = spki.algorithm.algorithmId;
  if (algorithm === OID.rsaEncryption) return rsaModulusBits(spki) < 2048;
  if (algorithm === OID.ecPublicKey) {
    const curve = spki.algorithm.algorithmParams;
    // Stryker disable next-line StringLiteral: whatever stands in for a missing curve OID names neither P-256 nor P-384
    const name = curve instanceof asn1js.ObjectIdentifier ? curve.valueBlock.toString() : '';
    return name !== OID.p256 && name !== OID.p384;
  }
  return true;
}

/** A critical extension Bro does not process makes the certificate unusable (RFC 5280 § 4.2). */
export function unknownCriticalExtension(cert: pkijs.Certificate): boolean {
  return cert.extensions?.some((item) => item.critical && !UNDERSTOOD.has(item.extnID)) ?? false;
}

/** The signer: digitalSignature or nonRepudiation, and an EKU (when present) that allows signing. */
export function signerUsageProblem(cert: pkijs.Certificate): string | null {
  const usage = keyUsageBits(cert);
  if (usage && !usage.has(KEY_USAGE.digitalSignature) && !usage.has(KEY_USAGE.nonRepudiation))
    return 'trust.problem.signerKeyUsage';
  const ekus = extendedKeyUsages(cert);
  if (ekus && !ekus.some((oid) => SIGNING_EKUS.has(oid))) return 'trust.problem.signerExtendedKeyUsage';
  return null;
}

/** A CA in the path: CA:TRUE, keyCertSign when keyUsage is present, and an EKU (if any) that allows signing. */
export function caUsageProblem(cert: pkijs.Certificate): string | null {
  if (!basicConstraints(cert).ca) return 'trust.problem.issuerNotCa';
  const usage = keyUsageBits(cert);
  if (usage && !usage.has(KEY_USAGE.keyCertSign)) return 'trust.problem.issuerKeyUsage';
  const ekus = extendedKeyUsages(cert);
  if (ekus && !ekus.some((oid) => SIGNING_EKUS.has(oid))) return 'trust.problem.issuerExtendedKeyUsage';
  return null;
}

/** A CRL issuer must be allowed to sign CRLs when it states its key usage. */
export function mayIssueCrl(cert: pkijs.Certificate): boolean {
  const usage = keyUsageBits(cert);
  return usage === null || usage.has(KEY_USAGE.cRLSign);
}
