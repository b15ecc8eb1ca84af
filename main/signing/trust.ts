import * as pkijs from 'pkijs';
import { normaliseFingerprint } from '../../shared/domain/verification';
import { fingerprintOf, parseCertificate, type ParsedCertificate } from './certificate';
import { engine } from './crypto';

/**
 * Whom the caller trusts: certificates (DER) and/or SHA-256 fingerprints in any common notation.
 * A trusted entry may be the signer itself or a CA that issued the signer's certificate.
 */
export type TrustList = {
  certificates?: readonly Uint8Array[];
  fingerprints?: readonly string[];
};

function trustedFingerprints(trust: TrustList): Set<string> {
  const fingerprints = new Set((trust.fingerprints ?? []).map(normaliseFingerprint));
  for (const der of trust.certificates ?? []) fingerprints.add(fingerprintOf(der));
  return fingerprints;
}

function parseQuietly(der: Uint8Array): ParsedCertificate | null {
  try {
    return parseCertificate(der);
  } catch {
    return null;
  }
}

/**
 * True when the signer is on the list, or when a chain from the signer (through the certificates the
 * signature carries) ends at a trusted CA whose signatures check out and which were valid at `at`.
 * No revocation check: Bro is offline and baseline B carries no revocation data.
 */
export async function isSignerTrusted(
  signer: ParsedCertificate,
  carried: ParsedCertificate[],
  trust: TrustList,
  at: Date,
): Promise<boolean> {
  const fingerprints = trustedFingerprints(trust);
  if (fingerprints.size === 0) return false;
  if (fingerprints.has(fingerprintOf(signer.der))) return true;
  const anchors = [
    ...(trust.certificates ?? []).map(parseQuietly).filter((item): item is ParsedCertificate => item !== null),
    ...carried.filter((item) => fingerprints.has(fingerprintOf(item.der))),
  ];
  if (anchors.length === 0) return false;
  const chain = new pkijs.CertificateChainValidationEngine({
    trustedCerts: anchors.map((item) => item.cert),
    certs: [...carried.filter((item) => item !== signer).map((item) => item.cert), signer.cert],
    checkDate: at,
  });
  const result = await chain.verify({}, engine).catch(() => null);
  return result?.result === true;
}
