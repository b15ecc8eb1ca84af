import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, OID, sha256, toArrayBuffer } from './crypto';
import { SIGNATURE_ALGORITHM_OID, type Signer } from './signer';

/** Certificates and CRLs (DER) that let a verifier check the chain offline, years later. */
export type ValidationMaterial = { certs: Uint8Array[]; crls: Uint8Array[] };

export type CmsOptions = {
  /** CAdES (ASiC) must carry signing-time; PAdES baseline B must not (the time is the PDF's /M entry). */
  signingTime: Date | null;
  /** Carried in the CMS: certs after the signer's chain, CRLs in `crls` (RevocationInfoChoices). */
  validation?: ValidationMaterial;
};

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** RFC 5652 wants UTCTime for 1950–2049 and GeneralizedTime outside it. */
function timeValue(date: Date): asn1js.AsnType {
  const year = date.getUTCFullYear();
  const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return year >= 1950 && year < 2050
    ? new asn1js.UTCTime({ valueDate: whole })
    : new asn1js.GeneralizedTime({ valueDate: whole });
}

/**
 * signing-certificate-v2 (RFC 5035): binds the signature to the exact signer certificate, so a
 * different certificate with the same key cannot be substituted. hashAlgorithm is omitted because
 * SHA-256 is its DEFAULT.
 */
function signingCertificateV2(signer: Signer): pkijs.Attribute {
  const { der, cert } = signer.certificate;
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
      }),
      new asn1js.Integer({ valueHex: toArrayBuffer(cert.serialNumber.valueBlock.valueHexView) }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(der)) }), issuerSerial],
  });
  const value = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  return attribute(OID.signingCertificateV2, value);
}

/**
 * DER sorts SET OF by encoding. OpenSSL re-encodes the signed attributes before checking the signature,
 * so an unsorted set would verify in some tools and fail in others.
 */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  // The four attributes createDetachedCms makes differ in DER length (26, 30 or 32, 49, 68 or more bytes),
  // and DER length octets sort as the lengths do, so their second byte decides every comparison.
  // Stryker disable next-line BooleanLiteral: a size-only encoding is zeros of the same length, and by the lengths alone the order is the same
  const encoded = attributes.map((item) => ({ item, der: Buffer.from(item.toSchema().toBER(false)) }));
  return encoded.sort((a, b) => Buffer.compare(a.der, b.der)).map(({ item }) => item);
}

/** The signer's certificate, its chain, then any further certificates, each once (by bytes). */
function certificateSet(signer: Signer, extra: Uint8Array[]): pkijs.Certificate[] {
  const seen: Uint8Array[] = [];
  const result: pkijs.Certificate[] = [];
  const add = (der: Uint8Array, cert?: pkijs.Certificate) => {
    if (seen.some((item) => bytesEqual(item, der))) return;
    seen.push(der);
    result.push(cert ?? pkijs.Certificate.fromBER(toArrayBuffer(der)));
  };
  for (const item of [signer.certificate, ...signer.chain]) add(item.der, item.cert);
  for (const der of extra) add(der);
  return result;
}

function parsedCrls(crls: Uint8Array[]): pkijs.CertificateRevocationList[] {
  return crls.map((der) => pkijs.CertificateRevocationList.fromBER(toArrayBuffer(der)));
}

const SHA256_ALGORITHM = () =>
  new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() });

/**
 * A detached CMS SignedData over the concatenation of `contentParts` (CAdES-BES / baseline B
 * attributes): content-type, message-digest, signing-certificate-v2 and, when asked, signing-time.
 * SHA-256 throughout; ECDSA or RSA PKCS#1 v1.5 by the signer's algorithm. The signer (a software key
 * or a token) signs the DER of the signed attributes. Certificates: the signer's, then its chain.
 */
export async function createDetachedCms(
  contentParts: Uint8Array[],
  signer: Signer,
  options: CmsOptions,
): Promise<Uint8Array> {
  const { cert } = signer.certificate;
  const attributes = [
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(...contentParts)) })),
    signingCertificateV2(signer),
    ...(options.signingTime ? [attribute(OID.signingTime, timeValue(options.signingTime))] : []),
  ];
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: derSorted(attributes) });
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] they travel in.
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toBeSigned[0] = 0x31;
  const signature = await signer.sign(toBeSigned);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: SHA256_ALGORITHM(),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SIGNATURE_ALGORITHM_OID[signer.algorithm] }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  const crls = parsedCrls(options.validation?.crls ?? []);
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [SHA256_ALGORITHM()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [signerInfo],
    certificates: certificateSet(signer, options.validation?.certs ?? []),
    ...(crls.length > 0 ? { crls } : {}),
  });
  // Not toSchema(true): that re-encodes each CRL from its parsed fields, which can change its bytes
  // (e.g. drop a spelled-out critical FALSE) and so break its signature. Certificates keep theirs either way.
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
