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

// Stryker disable next-line LogicalOperator,ConditionalExpression: parse() has already run these sets through pkijs, which admits only SEQUENCEs and the context-tagged choices [0] to [3]; none is universal but no SEQUENCE, or tagged 16 outside the universal class
const isSequence = (block: asn1js.AsnType) => block.idBlock.tagClass === 1 && block.idBlock.tagNumber === 16;

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
  return set.valueBlock.value.filter(isSequence).map((block) => new Uint8Array(block.valueBeforeDecodeView));
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

/** DER's only spellings (X.690 11.7, 11.8): asn1js reads any text under these tags, "i går" as 1899. */
const UTC_TIME = /^\d{12}Z$/;
const GENERALIZED_TIME = /^\d{14}(?:\.\d*[1-9])?Z$/;

function attributeTime(block: asn1js.AsnType | null): Date | null {
  if (block === null) return null;
  // asn1js's GeneralizedTime extends its UTCTime, so this admits both.
  // Stryker disable next-line ConditionalExpression: a block of another type fails the spelling test below or, spelled like a time, has no toDate; both end as signatureMalformed
  if (!(block instanceof asn1js.UTCTime)) throw new CmsProblem('signing.problem.signatureMalformed');
  const generalized = block instanceof asn1js.GeneralizedTime;
  const text = new TextDecoder().decode(block.valueBlock.valueHexView);
  if (!(generalized ? GENERALIZED_TIME : UTC_TIME).test(text))
    throw new CmsProblem('signing.problem.signatureMalformed');
  const time = block.toDate();
  // The instant must be the one spelled: a month 13 or a 30 February would roll over into another date.
  const digits = time
    .toISOString()
    .replace(/[-T:]/g, '')
    .slice(generalized ? 0 : 2, 14);
  if (digits !== text.slice(0, generalized ? 14 : 12)) throw new CmsProblem('signing.problem.signatureMalformed');
  return time;
}

/**
 * The signature algorithms a signer of Bro's files uses (signer.ts), and the bare key algorithms
 * other CMS tools (openssl cms, tokens) write instead; anything else is not guessed from the key.
 * SHA-1 ones are refused below by their hash.
 */
const SIGNATURE_ALGORITHMS: ReadonlySet<string> = new Set([
  OID.rsaEncryption,
  '1.2.840.113549.1.1.5', // sha1WithRSAEncryption
  '1.2.840.113549.1.1.10', // RSASSA-PSS
  '1.2.840.113549.1.1.11', // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12', // sha384WithRSAEncryption
  '1.2.840.113549.1.1.13', // sha512WithRSAEncryption
  OID.ecPublicKey,
  '1.2.840.10045.4.1', // ecdsa-with-SHA1
  '1.2.840.10045.4.3.2', // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3', // ecdsa-with-SHA384
  '1.2.840.10045.4.3.4', // ecdsa-with-SHA512
]);

type Parsed = { signedData: pkijs.SignedData; certificates: ParsedCertificate[]; crls: Uint8Array[] };

function parse(cms: Uint8Array, allowZeroPadding: boolean): Parsed {
  const asn1 = decode(cms, allowZeroPadding);
  // Stryker disable BlockStatement: the catch block below; every error there ends as signatureMalformed, and swallowed, parse returns undefined and destructuring it throws, which verifyDetachedCms reports as signatureMalformed before setting anything
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
  // Stryker restore BlockStatement
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
    if (!SIGNATURE_ALGORITHMS.has(signerInfo.signatureAlgorithm.algorithmId)) {
      throw new CmsProblem('signing.problem.unsupportedAlgorithm');
    }
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
