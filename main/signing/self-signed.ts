import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { z } from 'zod';
import { AppError } from '../ipc/app-error';
import { CLOCK_SKEW_MS } from './certificate';
import { engine, OID, subtle } from './crypto';
import type { SigningIdentityBytes } from './identity';

export const SigningAlgorithmSchema = z.enum(['ecdsa-p256', 'rsa-3072']);
export type SigningAlgorithm = z.infer<typeof SigningAlgorithmSchema>;

export const SelfSignedRequestSchema = z.object({
  /** The unit, e.g. "Bredtveit fengsel, radikaliseringskontakt". X.520 limits CN to 64 characters. */
  commonName: z.string().trim().min(1).max(64),
  organization: z.string().trim().min(1).max(64).optional(),
  country: z.enum(['NO', 'DK']).optional(),
  algorithm: SigningAlgorithmSchema,
  notBefore: z.date().optional(),
  validityDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(5 * 365),
});
export type SelfSignedRequest = z.input<typeof SelfSignedRequestSchema>;

const DAY_MS = 86_400_000;

function keyGenParams(algorithm: SigningAlgorithm): webcrypto.EcKeyGenParams | webcrypto.RsaHashedKeyGenParams {
  return algorithm === 'ecdsa-p256'
    ? { name: 'ECDSA', namedCurve: 'P-256' }
    : { name: 'RSASSA-PKCS1-v1_5', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
}

function randomSerial(): asn1js.Integer {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] as number) & 0x7f) | 0x01; // positive, no leading zero byte
  return new asn1js.Integer({ valueHex: bytes.buffer });
}

/** One attribute per RDN (pkijs would put them all in one multi-valued RDN). Order: C, O, CN. */
function subjectName(request: {
  commonName: string;
  organization?: string;
  country?: string;
}): pkijs.RelativeDistinguishedNames {
  const rdns: asn1js.Set[] = [];
  const add = (type: string, value: pkijs.AttributeValueType) =>
    rdns.push(new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] }));
  if (request.country) add(OID.country, new asn1js.PrintableString({ value: request.country }));
  if (request.organization) add(OID.organization, new asn1js.Utf8String({ value: request.organization }));
  add(OID.commonName, new asn1js.Utf8String({ value: request.commonName }));
  const der = new asn1js.Sequence({ value: rdns }).toBER(false);
  return pkijs.RelativeDistinguishedNames.fromBER(der);
}

/** RFC 5280 wants UTCTime until 2049 and GeneralizedTime from 2050. */
function certificateTime(date: Date): pkijs.Time {
  return new pkijs.Time({ type: date.getUTCFullYear() < 2050 ? 0 : 1, value: date });
}

function extensions(spki: pkijs.PublicKeyInfo): pkijs.Extension[] {
  // keyUsage: digitalSignature (bit 0) and nonRepudiation (bit 1); six unused bits.
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 });
  const keyId = createHash('sha1').update(spki.subjectPublicKey.valueBlock.valueHexView).digest();
  return [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      // Stryker disable next-line ObjectLiteral: cA FALSE is the DER default, so pkijs writes the same empty SEQUENCE without it
      extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false),
    }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsage.toBER(false) }),
    new pkijs.Extension({
      extnID: '2.5.29.14',
      critical: false,
      extnValue: new asn1js.OctetString({ valueHex: new Uint8Array(keyId).buffer }).toBER(false),
    }),
  ];
}

/**
 * Creates a key pair and a self-signed certificate naming the unit, for units without a CA-issued
 * identity. The receiver checks the certificate's fingerprint out of band.
 */
export async function generateSelfSignedIdentity(request: SelfSignedRequest): Promise<SigningIdentityBytes> {
  const parsed = SelfSignedRequestSchema.safeParse(request);
  if (!parsed.success) {
    // Stryker disable next-line StringLiteral: every field of the request is top-level, so each path has one element
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
    throw new AppError('invalid_input', 'error.invalid_input', undefined, fields);
  }
  const { algorithm, validityDays } = parsed.data;
  const keys = (await subtle.generateKey(keyGenParams(algorithm), true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const notBefore = parsed.data.notBefore ?? new Date(Date.now() - CLOCK_SKEW_MS);
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = randomSerial();
  certificate.subject = subjectName(parsed.data);
  certificate.issuer = subjectName(parsed.data);
  certificate.notBefore = certificateTime(notBefore);
  certificate.notAfter = certificateTime(new Date(notBefore.getTime() + validityDays * DAY_MS));
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  certificate.extensions = extensions(certificate.subjectPublicKeyInfo);
  await certificate.sign(keys.privateKey, 'SHA-256', engine);
  return {
    privateKeyPkcs8: new Uint8Array(await subtle.exportKey('pkcs8', keys.privateKey)),
    // Stryker disable next-line BooleanLiteral: after sign() pkijs keeps the signed TBS bytes, which re-encoding reproduces exactly
    certificate: new Uint8Array(certificate.toSchema(true).toBER(false)),
    chain: [],
  };
}
