import { normaliseFingerprint } from '../../shared/domain/verification';
import { fingerprintOf, parseCertificate, type ParsedCertificate } from './certificate';
import { parseCrlQuietly, type ParsedCrl } from './crl';
import { validatePath, type PathVerdict, type TrustAnchor } from './path/validate';

/**
 * Whom the caller trusts.
 * - `certificates` / `fingerprints`: pinned entries (the signer itself, or a CA). Revocation is
 *   checked when a CRL is at hand but not required, as before the trust store existed.
 * - `authorities`: the organisation's CA certificates from the trust store; a certificate they vouch
 *   for needs a current CRL.
 * - `crls`: CRLs from the trust store (DER).
 */
export type TrustList = {
  certificates?: readonly Uint8Array[];
  fingerprints?: readonly string[];
  authorities?: readonly Uint8Array[];
  crls?: readonly Uint8Array[];
};

/** Revocation data and certificates found in the file itself (CMS `certificates`/`crls`, PDF DSS). */
export type CarriedValidationData = {
  certificates: readonly ParsedCertificate[];
  crls: readonly Uint8Array[];
};

function parseQuietly(der: Uint8Array): ParsedCertificate | null {
  try {
    return parseCertificate(der);
  } catch {
    return null;
  }
}

function anchorsOf(trust: TrustList, carried: readonly ParsedCertificate[]): TrustAnchor[] {
  // Stryker disable next-line ArrayDeclaration: a stray element is never a 64-digit hex SHA-256, so no carried certificate matches it
  const pinned = new Set((trust.fingerprints ?? []).map(normaliseFingerprint));
  const parse = (list: readonly Uint8Array[] | undefined) =>
    // Stryker disable next-line ArrayDeclaration: a stray element is no DER certificate, so parseQuietly gives null and the filter drops it
    (list ?? []).map(parseQuietly).filter((item): item is ParsedCertificate => item !== null);
  // Later entries win when one certificate is listed twice, so the trust store's stricter rule holds.
  return [
    ...parse(trust.certificates).map((certificate) => ({ certificate, requireRevocation: false })),
    // A pinned fingerprint names a certificate the file must carry.
    ...carried
      .filter((item) => pinned.has(fingerprintOf(item.der)))
      .map((certificate) => ({ certificate, requireRevocation: false })),
    ...parse(trust.authorities).map((certificate) => ({ certificate, requireRevocation: true })),
  ];
}

/**
 * Validates the signer's certificate against the trust list at `now` (never at the claimed signing
 * time), with the certificates and CRLs the file carries as untrusted help for building the path.
 */
export function validateSigner(
  signer: ParsedCertificate,
  carried: CarriedValidationData,
  trust: TrustList,
  now: Date,
): Promise<PathVerdict> {
  // Stryker disable next-line ArrayDeclaration: a stray element is no CRL, so parseCrlQuietly gives null and the filter drops it
  const storeCrls = trust.crls ?? [];
  const crls = [...storeCrls, ...carried.crls].map(parseCrlQuietly).filter((item): item is ParsedCrl => item !== null);
  return validatePath({
    signer,
    carried: carried.certificates,
    anchors: anchorsOf(trust, carried.certificates),
    crls,
    now,
  });
}
