import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CertificateTimeState, SignerSummary } from '../../shared/domain/verification';
import { OID, sha256, toArrayBuffer, toHex } from './crypto';

/** A certificate kept with its exact DER, because fingerprints must match what `openssl x509` prints. */
export type ParsedCertificate = { der: Uint8Array; cert: pkijs.Certificate };

/** Throws on anything that is not one DER certificate. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const asn1 = asn1js.fromBER(toArrayBuffer(der));
  // One DER object and nothing after it; a failed parse has offset -1, which is never the length.
  // Stryker disable next-line StringLiteral: the message is never shown, callers report their own catalog key
  if (asn1.offset !== der.byteLength) throw new Error('not a single DER certificate');
  return { der: new Uint8Array(der), cert: new pkijs.Certificate({ schema: asn1.result }) };
}

export function fingerprintOf(der: Uint8Array): string {
  return toHex(sha256(der));
}

const SHORT_NAMES: Readonly<Record<string, string>> = {
  [OID.commonName]: 'CN',
  [OID.organization]: 'O',
  [OID.organizationalUnit]: 'OU',
  [OID.country]: 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.5': 'SERIALNUMBER',
  '1.2.840.113549.1.9.1': 'E',
};

function attributeText(value: unknown): string {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: every value pkijs parses is an ASN.1 object with a valueBlock
  if (value && typeof value === 'object' && 'valueBlock' in value) {
    const block = (value as { valueBlock: { value?: unknown } }).valueBlock;
    if (typeof block.value === 'string') return block.value;
  }
  return '?';
}

/** The first value of an attribute (e.g. CN), or null. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((item) => item.type === oid);
  return found ? attributeText(found.value) : null;
}

/** RFC 4514 order (most specific first) with the usual escapes, for display. */
export function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((item) => {
      const key = SHORT_NAMES[item.type] ?? item.type;
      const text = attributeText(item.value).replace(/([,+"\\<>;])/g, '\\$1');
      return `${key}=${text}`;
    })
    .reverse()
    .join(', ');
}

function namesEqual(a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean {
  return a.isEqual(b);
}

export function describeCertificate({ der, cert }: ParsedCertificate): SignerSummary {
  return {
    commonName: nameAttribute(cert.subject, OID.commonName),
    organization: nameAttribute(cert.subject, OID.organization),
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    // Stryker disable next-line StringLiteral: a DER INTEGER has at least one byte, so the hex is never empty
    serialNumber: toHex(cert.serialNumber.valueBlock.valueHexView) || '0',
    fingerprint: fingerprintOf(der),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    selfSigned: namesEqual(cert.subject, cert.issuer),
  };
}

/**
 * Clock skew allowed between machines: a CRL or signing time up to this far "in the future", or a
 * certificate whose notBefore is, comes from a clock that runs ahead rather than from a forger.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

export function certificateStateAt(cert: pkijs.Certificate, at: Date | null): CertificateTimeState {
  if (!at) return 'unknown';
  if (at.getTime() < cert.notBefore.value.getTime()) return 'not_yet_valid';
  if (at.getTime() > cert.notAfter.value.getTime()) return 'expired';
  return 'valid';
}
