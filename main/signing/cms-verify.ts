import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { VerificationProblem } from '../../shared/domain/verification';
import { parseCertificate, type ParsedCertificate } from './certificate';
import { bytesEqual, digest, DIGESTS, engine, OID, toArrayBuffer } from './crypto';

export type CmsVerification = {
  /** Problems with the CMS itself (check 'signature'); empty when the signature holds. */
  problems: VerificationProblem[];
  signer: ParsedCertificate | null;
  /** Every certificate the CMS carries, signer included, with its exact DER. */
  certificates: ParsedCertificate[];
  /** CRLs carried in the SignedData `crls` field (exact DER), as revocation data for path validation. */
  crls: Uint8Array[];
  /** The signing-time attribute, if present. */
  signingTime: Date | null;
};

export type CmsVerifyOptions = {
  /** The file the signature covers, named in problems. */
  file?: string;
  /** A PDF /Contents is zero-padded after the DER; a .p7s must be exactly one DER object. */
  allowZeroPadding?: boolean;
};

class CmsProblem extends Error {
  constructor(readonly messageKey: string) {
    super(messageKey);
  }
}

function decode(cms: Uint8Array, allowZeroPadding: boolean): asn1js.AsnType {
  const asn1 = asn1js.fromBER(toArrayBuffer(cms));
  // Stryker disable next-line ConditionalExpression,UnaryOperator: without it the bytes after offset -1 (the last byte) are refused as trailing data, or a zero there passes on an error result that ContentInfo refuses as malformed
  if (asn1.offset === -1) throw new CmsProblem('signing.problem.signatureMalformed');
  const rest = cms.subarray(asn1.offset);
  if (rest.length > 0 && !(allowZeroPadding && rest.every((byte) => byte === 0))) {
    throw new CmsProblem('signing.problem.signatureMalformed');
  }
  return asn1.result;
}

/**
 * The certificates ([0]) or CRLs ([1]) exactly as encoded; pkijs would re-encode them, which could
 * change a fingerprint. Only plain X.509 entries (SEQUENCE); other choices are ignored.
 */
function rawSetMembers(contentInfo: asn1js.AsnType, tag: 0 | 1): Uint8Array[] {
  const signedData = (contentInfo as asn1js.Sequence).valueBlock.value[1] as asn1js.Constructed | undefined;
  const inner = signedData?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const set = inner?.valueBlock.value.find(
    (block) => block.idBlock.tagClass === 3 && block.idBlock.tagNumber === tag,
  ) as asn1js.Constructed | undefined;
  if (!set) return [];
  return set.valueBlock.value
    .filter((block) => block.idBlock.tagClass === 1 && block.idBlock.tagNumber === 16)
    .map((block) => new Uint8Array(block.valueBeforeDecodeView));
}

function findSigner(signerInfo: pkijs.SignerInfo, certificates: ParsedCertificate[]): ParsedCertificate | null {
  const sid = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return (
      certificates.find(({ cert }) => cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber)) ??
      null
    );
  }
  // subjectKeyIdentifier [0]: match the certificate's SKI extension.
  const keyId = new Uint8Array((sid as asn1js.Primitive).valueBlock.valueHexView);
  return (
    certificates.find(({ cert }) => {
      const ski = cert.extensions?.find((extension) => extension.extnID === '2.5.29.14');
      const value = ski?.parsedValue as asn1js.OctetString | undefined;
      return value ? bytesEqual(new Uint8Array(value.valueBlock.valueHexView), keyId) : false;
    }) ?? null
  );
}

function singleAttribute(attributes: pkijs.Attribute[], type: string): asn1js.AsnType | null {
  const found = attributes.filter((attribute) => attribute.type === type);
  if (found.length === 0) return null;
  // Stryker disable next-line OptionalChaining: found is not empty here, so found[0] exists
  if (found.length > 1 || found[0]?.values.length !== 1) throw new CmsProblem('signing.problem.signatureMalformed');
  return found[0].values[0] as asn1js.AsnType;
}

function octets(block: asn1js.AsnType | null | undefined): Uint8Array | null {
  return block instanceof asn1js.OctetString ? new Uint8Array(block.valueBlock.valueHexView) : null;
}

/** ESS signing-certificate(-v2): the first ESSCertID must hash to the signer certificate. */
function checkSigningCertificate(attributes: pkijs.Attribute[], signer: ParsedCertificate): void {
  const v2 = singleAttribute(attributes, OID.signingCertificateV2);
  const v1 = v2 ? null : singleAttribute(attributes, OID.signingCertificate);
  const value = v2 ?? v1;
  if (!value) throw new CmsProblem('signing.problem.signingCertificateAttributeMissing');
  const certs = (value as asn1js.Sequence).valueBlock?.value?.[0] as asn1js.Sequence | undefined;
  const first = certs?.valueBlock?.value?.[0] as asn1js.Sequence | undefined;
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: every ASN.1 block has a valueBlock; without an ESSCertID (or with a made-up part) no hash is found and the CMS is malformed either way
  const parts = first?.valueBlock?.value ?? [];
  let hashName = v2 ? 'sha256' : 'sha1';
  let index = 0;
  if (v2 && parts[0] instanceof asn1js.Sequence) {
    // Stryker disable next-line StringLiteral: no digest is known under '' or any other made-up name
    const oid = (parts[0].valueBlock.value[0] as asn1js.ObjectIdentifier | undefined)?.valueBlock.toString() ?? '';
    const known = DIGESTS[oid];
    if (!known) throw new CmsProblem('signing.problem.unsupportedAlgorithm');
    hashName = known.node;
    index = 1;
  }
  const certHash = octets(parts[index]);
  // Stryker disable next-line ConditionalExpression: comparing a missing hash throws, which verifyDetachedCms also reports as signatureMalformed
  if (!certHash) throw new CmsProblem('signing.problem.signatureMalformed');
  if (!bytesEqual(certHash, digest(hashName, signer.der)))
    throw new CmsProblem('signing.problem.signingCertificateAttributeMismatch');
}

function attributeTime(block: asn1js.AsnType | null): Date | null {
  if (block instanceof asn1js.UTCTime || block instanceof asn1js.GeneralizedTime) return block.toDate();
  if (block) throw new CmsProblem('signing.problem.signatureMalformed');
  return null;
}

type Parsed = { signedData: pkijs.SignedData; certificates: ParsedCertificate[]; crls: Uint8Array[] };

function parse(cms: Uint8Array, allowZeroPadding: boolean): Parsed {
  const asn1 = decode(cms, allowZeroPadding);
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: asn1 });
    if (contentInfo.contentType !== OID.signedData) throw new CmsProblem('signing.problem.signatureMalformed');
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    return {
      signedData,
      certificates: rawSetMembers(asn1, 0).map(parseCertificate),
      crls: rawSetMembers(asn1, 1),
    };
  } catch (error) {
    throw error instanceof CmsProblem ? error : new CmsProblem('signing.problem.signatureMalformed');
  }
}

/**
 * Verifies a detached CMS SignedData over the concatenation of `contentParts`: exactly one signer,
 * SHA-2 digest, content-type data, matching message-digest, signing-certificate(-v2) naming the
 * signer certificate, and the signature value under that certificate's key. Never throws.
 */
export async function verifyDetachedCms(
  cms: Uint8Array,
  contentParts: Uint8Array[],
  options: CmsVerifyOptions = {},
): Promise<CmsVerification> {
  const result: CmsVerification = { problems: [], signer: null, certificates: [], crls: [], signingTime: null };
  const fail = (messageKey: string, file?: string) =>
    result.problems.push({ check: 'signature', messageKey, ...(file === undefined ? {} : { file }) });
  try {
    const { signedData, certificates, crls } = parse(cms, options.allowZeroPadding ?? false);
    result.certificates = certificates;
    result.crls = crls;
    if (signedData.signerInfos.length !== 1) throw new CmsProblem('signing.problem.signerCount');
    if (signedData.encapContentInfo.eContent) throw new CmsProblem('signing.problem.signatureNotDetached');
    const signerInfo = signedData.signerInfos[0] as pkijs.SignerInfo;
    result.signer = findSigner(signerInfo, certificates);
    if (!result.signer) throw new CmsProblem('signing.problem.signerCertificateMissing');
    const digestAlgorithm = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
    if (!digestAlgorithm) throw new CmsProblem('signing.problem.unsupportedAlgorithm');
    const attributes = signerInfo.signedAttrs?.attributes;
    // Stryker disable next-line LogicalOperator: pkijs gives signed attributes an attribute list whenever it has them
    if (!signerInfo.signedAttrs || !attributes) throw new CmsProblem('signing.problem.signedAttributesMissing');
    const contentType = singleAttribute(attributes, OID.contentType);
    if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.data) {
      throw new CmsProblem('signing.problem.contentTypeMismatch');
    }
    result.signingTime = attributeTime(singleAttribute(attributes, OID.signingTime));
    const messageDigest = octets(singleAttribute(attributes, OID.messageDigest));
    // Stryker disable next-line ConditionalExpression: comparing a missing digest throws, which is reported as signatureMalformed below as well
    if (!messageDigest) throw new CmsProblem('signing.problem.signatureMalformed');
    if (!bytesEqual(messageDigest, digest(digestAlgorithm.node, ...contentParts))) {
      fail('signing.problem.contentModified', options.file);
    }
    checkSigningCertificate(attributes, result.signer);
    const signatureHash = engine.getHashAlgorithm(signerInfo.signatureAlgorithm) || digestAlgorithm.webcrypto;
    if (signatureHash.toUpperCase() === 'SHA-1') throw new CmsProblem('signing.problem.unsupportedAlgorithm');
    const check = engine.verifyWithPublicKey(
      signerInfo.signedAttrs.encodedValue,
      signerInfo.signature,
      result.signer.cert.subjectPublicKeyInfo,
      signerInfo.signatureAlgorithm,
      signatureHash,
    );
    // Stryker disable next-line ArrowFunction: undefined is as falsy as false in the test below
    const verified = await check.catch(() => false);
    if (!verified) fail('signing.problem.signatureValueInvalid');
  } catch (error) {
    fail(error instanceof CmsProblem ? error.messageKey : 'signing.problem.signatureMalformed');
  }
  return result;
}
