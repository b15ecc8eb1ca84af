import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningIdentity } from './identity';
import { engine, OID, sha256, toArrayBuffer } from './crypto';

export type CmsOptions = {
  /** CAdES (ASiC) must carry signing-time; PAdES baseline B must not (the time is the PDF's /M entry). */
  signingTime: Date | null;
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
function signingCertificateV2(identity: SigningIdentity): pkijs.Attribute {
  const { der, cert } = identity.certificate;
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

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = (a[i] as number) - (b[i] as number);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/**
 * DER sorts SET OF by encoding. OpenSSL re-encodes the signed attributes before checking the signature,
 * so an unsorted set would verify in some tools and fail in others.
 */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((item) => ({ item, der: new Uint8Array(item.toSchema().toBER(false)) }));
  return encoded.sort((a, b) => compareBytes(a.der, b.der)).map(({ item }) => item);
}

/**
 * A detached CMS SignedData over the concatenation of `contentParts` (CAdES-BES / baseline B
 * attributes): content-type, message-digest, signing-certificate-v2 and, when asked, signing-time.
 * SHA-256 throughout; ECDSA or RSA PKCS#1 v1.5 by key type. Certificates: the signer's, then its chain.
 */
export async function createDetachedCms(
  contentParts: Uint8Array[],
  identity: SigningIdentity,
  options: CmsOptions,
): Promise<Uint8Array> {
  const { cert } = identity.certificate;
  const attributes = [
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(...contentParts)) })),
    signingCertificateV2(identity),
    ...(options.signingTime ? [attribute(OID.signingTime, timeValue(options.signingTime))] : []),
  ];
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: derSorted(attributes) }),
      }),
    ],
    certificates: [cert, ...identity.chain.map((item) => item.cert)],
  });
  await signedData.sign(identity.privateKey, 0, 'SHA-256', undefined, engine);
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
