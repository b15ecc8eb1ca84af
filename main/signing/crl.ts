import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CLOCK_SKEW_MS, fingerprintOf, formatName, type ParsedCertificate } from './certificate';
import { bytesEqual, engine, toArrayBuffer } from './crypto';
import { EXT, mayIssueCrl, weakSignatureAlgorithm } from './path/policy';

/** A CRL kept with its exact DER, so the trust store can identify it by fingerprint. */
export type ParsedCrl = { der: Uint8Array; crl: pkijs.CertificateRevocationList };

/** Throws on anything that is not one DER CRL. */
export function parseCrl(der: Uint8Array): ParsedCrl {
  const asn1 = asn1js.fromBER(toArrayBuffer(der));
  // One DER object and nothing after it; a failed parse has offset -1, which is never the length.
  // Stryker disable next-line StringLiteral: the message is never shown, callers report their own catalog key
  if (asn1.offset !== der.byteLength) throw new Error('not a single DER CRL');
  return { der: new Uint8Array(der), crl: new pkijs.CertificateRevocationList({ schema: asn1.result }) };
}

export function parseCrlQuietly(der: Uint8Array): ParsedCrl | null {
  try {
    return parseCrl(der);
  } catch {
    return null;
  }
}

export type CrlSummary = {
  issuer: string;
  thisUpdate: string;
  nextUpdate: string | null;
  revokedCount: number;
  fingerprint: string;
};

export function describeCrl({ der, crl }: ParsedCrl): CrlSummary {
  return {
    issuer: formatName(crl.issuer),
    thisUpdate: crl.thisUpdate.value.toISOString(),
    nextUpdate: crl.nextUpdate ? crl.nextUpdate.value.toISOString() : null,
    revokedCount: crl.revokedCertificates?.length ?? 0,
    fingerprint: fingerprintOf(der),
  };
}

/** Extensions of a complete, direct CRL that Bro may see as critical; delta and indirect CRLs are not used. */
const UNDERSTOOD_CRL_EXTENSIONS = new Set<string>([EXT.crlNumber, EXT.authorityKeyIdentifier]);

/** The CRL is usable for `issuer`: same name, signed by its key with a strong algorithm, issuer may sign CRLs. */
async function issuedBy(crl: pkijs.CertificateRevocationList, issuer: ParsedCertificate): Promise<boolean> {
  if (!crl.issuer.isEqual(issuer.cert.subject)) return false;
  if (!mayIssueCrl(issuer.cert) || weakSignatureAlgorithm(crl.signatureAlgorithm)) return false;
  const critical = crl.crlExtensions?.extensions.filter((item) => item.critical) ?? [];
  if (critical.some((item) => !UNDERSTOOD_CRL_EXTENSIONS.has(item.extnID))) return false;
  const verified = engine.verifyWithPublicKey(
    crl.tbsView,
    crl.signatureValue,
    issuer.cert.subjectPublicKeyInfo,
    crl.signatureAlgorithm,
  );
  // Stryker disable next-line ArrowFunction: a rejected check answering undefined is as falsy as false where it is used
  return verified.catch(() => false);
}

export type RevocationState =
  | { state: 'good'; thisUpdate: Date }
  | { state: 'revoked'; revokedAt: Date }
  | { state: 'stale'; nextUpdate: Date }
  | { state: 'missing' };

function serialOf(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.serialNumber.valueBlock.valueHexView);
}

/**
 * The revocation state of `cert` at `now` from the CRLs its issuer signed: the freshest usable CRL
 * decides. A certificate listed with a revocation date not after `now` is revoked; a CRL whose
 * nextUpdate has passed is stale (said plainly, never treated as good); no usable CRL is missing.
 */
export async function revocationState(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  crls: readonly ParsedCrl[],
  now: Date,
): Promise<RevocationState> {
  let best: pkijs.CertificateRevocationList | null = null;
  for (const { crl } of crls) {
    if (crl.thisUpdate.value.getTime() > now.getTime() + CLOCK_SKEW_MS) continue;
    if (best && crl.thisUpdate.value.getTime() <= best.thisUpdate.value.getTime()) continue;
    if (await issuedBy(crl, issuer)) best = crl;
  }
  if (!best) return { state: 'missing' };
  const serial = serialOf(cert.cert);
  const entry = best.revokedCertificates?.find((item) =>
    bytesEqual(new Uint8Array(item.userCertificate.valueBlock.valueHexView), serial),
  );
  if (entry && entry.revocationDate.value.getTime() <= now.getTime())
    return { state: 'revoked', revokedAt: entry.revocationDate.value };
  if (best.nextUpdate && best.nextUpdate.value.getTime() < now.getTime())
    return { state: 'stale', nextUpdate: best.nextUpdate.value };
  return { state: 'good', thisUpdate: best.thisUpdate.value };
}
