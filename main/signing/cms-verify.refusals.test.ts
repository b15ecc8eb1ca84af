// Issue 17: removing the signing-certificate-v2 check survived the tests, and six CMS refusal keys were
// never asserted. Each test builds a real, signed CMS that breaks exactly one rule and requires exactly
// that refusal, so dropping a check (or letting another check answer for it) fails here.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyDetachedCms } from './cms-verify';
import { OID, sha256, toArrayBuffer } from './crypto';
import type { SigningIdentity } from './identity';
import { SIGNATURE_ALGORITHM_OID } from './signer';
import { makeIdentity } from '../../test/fixtures/signing/signing-fixtures';
import { party } from '../../test/fixtures/signing/webcrypto-pki';

const CONTENT = [new TextEncoder().encode('Oppfølgingsplan for Ola Testmann, versjon 2')];
const SHA1 = '1.3.14.3.2.26';
const MD5 = '1.2.840.113549.2.5';

let identity: SigningIdentity;
let other: SigningIdentity;
beforeAll(async () => {
  const notBefore = new Date('2026-01-01T00:00:00Z');
  [identity, other] = await Promise.all([
    makeIdentity({ notBefore }),
    makeIdentity({ commonName: 'Falsk enhet', notBefore }),
  ]);
});

type Tweak = {
  /** Attributes by OID; undefined keeps the default, null leaves it out. */
  attributes?: Record<string, asn1js.AsnType[] | null>;
  noSignedAttributes?: boolean;
  digestAlgorithm?: string;
  signerInfos?: number;
  eContent?: Uint8Array;
  certificates?: SigningIdentity[];
  /** Name the signer by its subject key identifier instead of issuer and serial number. */
  bySubjectKeyId?: Uint8Array;
  signatureAlgorithm?: string;
  /** Replaces the signature value (after signing). */
  signature?: (real: Uint8Array) => Uint8Array;
  crls?: pkijs.CertificateRevocationList[];
  contentType?: string;
  /** Who signs (default: identity). */
  signer?: SigningIdentity;
  /** Certificates carried before the signer's (any choice of the CMS certificate set). */
  carriedFirst?: (pkijs.Certificate | pkijs.OtherCertificateFormat)[];
  /** Attributes added after the chosen ones (e.g. a second attribute of one type). */
  extraAttributes?: pkijs.Attribute[];
};

const attr = (type: string, values: asn1js.AsnType[]) => new pkijs.Attribute({ type, values });

/** ESS signing-certificate-v2 naming `cert`'s DER, optionally with an explicit hash algorithm. */
function signingCertificateV2(der: Uint8Array, hashAlgorithm?: string): asn1js.AsnType {
  const hashValue = hashAlgorithm === MD5 ? new Uint8Array(16) : sha256(der);
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      ...(hashAlgorithm ? [new pkijs.AlgorithmIdentifier({ algorithmId: hashAlgorithm }).toSchema()] : []),
      new asn1js.OctetString({ valueHex: toArrayBuffer(hashValue) }),
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function defaultAttributes(signer: SigningIdentity): Record<string, asn1js.AsnType[] | null> {
  return {
    [OID.contentType]: [new asn1js.ObjectIdentifier({ value: OID.data })],
    [OID.messageDigest]: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(...CONTENT)) })],
    [OID.signingCertificateV2]: [signingCertificateV2(signer.certificate.der)],
  };
}

/** A detached CMS over CONTENT signed by `identity`, as cms-sign builds it, with one rule broken. */
async function buildCms(tweak: Tweak = {}): Promise<Uint8Array> {
  const signer = tweak.signer ?? identity;
  const { cert } = signer.certificate;
  const chosen = { ...defaultAttributes(signer), ...tweak.attributes };
  const attributes = [
    ...Object.entries(chosen).flatMap(([type, values]) => (values ? [attr(type, values)] : [])),
    ...(tweak.extraAttributes ?? []),
  ];
  const signedAttrs = tweak.noSignedAttributes
    ? undefined
    : new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  const toBeSigned = signedAttrs ? new Uint8Array(signedAttrs.toSchema().toBER(false)) : sha256(...CONTENT);
  if (signedAttrs) toBeSigned[0] = 0x31;
  const real = await signer.sign(toBeSigned);
  const signature = tweak.signature ? tweak.signature(real) : real;
  const digestAlgorithm = () =>
    new pkijs.AlgorithmIdentifier({
      algorithmId: tweak.digestAlgorithm ?? OID.sha256,
      algorithmParams: new asn1js.Null(),
    });
  const signerInfo = () =>
    new pkijs.SignerInfo({
      version: 1,
      sid: tweak.bySubjectKeyId
        ? new asn1js.Primitive({
            idBlock: { tagClass: 3, tagNumber: 0 },
            valueHex: toArrayBuffer(tweak.bySubjectKeyId),
          })
        : new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
      digestAlgorithm: digestAlgorithm(),
      ...(signedAttrs ? { signedAttrs } : {}),
      signatureAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: tweak.signatureAlgorithm ?? SIGNATURE_ALGORITHM_OID[signer.algorithm],
      }),
      signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
    });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithm()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.data,
      ...(tweak.eContent ? { eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(tweak.eContent) }) } : {}),
    }),
    signerInfos: Array.from({ length: tweak.signerInfos ?? 1 }, signerInfo),
    certificates: [
      ...(tweak.carriedFirst ?? []),
      ...(tweak.certificates ?? [signer]).map((item) => item.certificate.cert),
    ],
    ...(tweak.crls ? { crls: tweak.crls } : {}),
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: tweak.contentType ?? OID.signedData,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

async function refusalOf(cms: Uint8Array): Promise<string[]> {
  return (await verifyDetachedCms(cms, CONTENT, { file: 'plan.pdf' })).problems.map((p) => p.messageKey);
}

describe('detached CMS verification refuses', () => {
  it('nothing in the CMS this test builds when no rule is broken', async () => {
    const result = await verifyDetachedCms(await buildCms(), CONTENT);
    expect(result.problems).toEqual([]);
    expect(result.signer?.der).toEqual(identity.certificate.der);
  });

  it('a signature without the signing-certificate attribute (signingCertificateAttributeMissing)', async () => {
    const cms = await buildCms({ attributes: { [OID.signingCertificateV2]: null } });
    expect(await refusalOf(cms)).toEqual(['signing.problem.signingCertificateAttributeMissing']);
  });

  it('a signing-certificate-v2 naming another certificate (signingCertificateAttributeMismatch)', async () => {
    const cms = await buildCms({
      attributes: { [OID.signingCertificateV2]: [signingCertificateV2(other.certificate.der)] },
    });
    expect(await refusalOf(cms)).toEqual(['signing.problem.signingCertificateAttributeMismatch']);
  });

  it('a signing-certificate-v2 hashed with an algorithm it does not support (unsupportedAlgorithm)', async () => {
    const cms = await buildCms({
      attributes: { [OID.signingCertificateV2]: [signingCertificateV2(identity.certificate.der, MD5)] },
    });
    expect(await refusalOf(cms)).toEqual(['signing.problem.unsupportedAlgorithm']);
  });

  it('a SHA-1 message digest (unsupportedAlgorithm)', async () => {
    expect(await refusalOf(await buildCms({ digestAlgorithm: SHA1 }))).toEqual([
      'signing.problem.unsupportedAlgorithm',
    ]);
  });

  it('two signers where one is expected (signerCount)', async () => {
    expect(await refusalOf(await buildCms({ signerInfos: 2 }))).toEqual(['signing.problem.signerCount']);
  });

  it('a CMS that carries the content instead of pointing at it (signatureNotDetached)', async () => {
    expect(await refusalOf(await buildCms({ eContent: CONTENT[0] }))).toEqual(['signing.problem.signatureNotDetached']);
  });

  it('a CMS without the signer certificate (signerCertificateMissing)', async () => {
    expect(await refusalOf(await buildCms({ certificates: [other] }))).toEqual([
      'signing.problem.signerCertificateMissing',
    ]);
  });

  it('a signature without signed attributes (signedAttributesMissing)', async () => {
    expect(await refusalOf(await buildCms({ noSignedAttributes: true }))).toEqual([
      'signing.problem.signedAttributesMissing',
    ]);
  });

  it('a content-type attribute other than data (contentTypeMismatch)', async () => {
    const cms = await buildCms({
      attributes: { [OID.contentType]: [new asn1js.ObjectIdentifier({ value: OID.signedData })] },
    });
    expect(await refusalOf(cms)).toEqual(['signing.problem.contentTypeMismatch']);
  });

  it.each([
    ['no message digest', { attributes: { [OID.messageDigest]: null } }],
    [
      'two values in one attribute',
      {
        attributes: {
          [OID.contentType]: [
            new asn1js.ObjectIdentifier({ value: OID.data }),
            new asn1js.ObjectIdentifier({ value: OID.data }),
          ],
        },
      },
    ],
    [
      'a signing time that is not a time',
      { attributes: { [OID.signingTime]: [new asn1js.Utf8String({ value: 'i går' })] } },
    ],
  ] satisfies [string, Tweak][])('a malformed signature: %s (signatureMalformed)', async (_what, tweak) => {
    expect(await refusalOf(await buildCms(tweak))).toEqual(['signing.problem.signatureMalformed']);
  });

  it('bytes after the DER of a .p7s, and bytes that are no CMS at all (signatureMalformed)', async () => {
    const cms = await buildCms();
    expect(await refusalOf(new Uint8Array([...cms, 0]))).toEqual(['signing.problem.signatureMalformed']);
    expect(await refusalOf(new TextEncoder().encode('ikke en signatur'))).toEqual([
      'signing.problem.signatureMalformed',
    ]);
    // A PDF's /Contents is zero-padded: there the padding is allowed.
    const padded = await verifyDetachedCms(new Uint8Array([...cms, 0, 0]), CONTENT, { allowZeroPadding: true });
    expect(padded.problems).toEqual([]);
  });
});

/** A CRL issued (and really signed) by `identity`'s key, as a CA would publish it. */
async function crlOf(issuer: SigningIdentity): Promise<pkijs.CertificateRevocationList> {
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: issuer.certificate.cert.subject,
    thisUpdate: new pkijs.Time({ type: 0, value: new Date('2026-02-01T00:00:00Z') }),
    nextUpdate: new pkijs.Time({ type: 0, value: new Date('2026-04-01T00:00:00Z') }),
  });
  await crl.sign(issuer.privateKey, 'SHA-256');
  return crl;
}

function signingCertificateV1(der: Uint8Array): asn1js.AsnType {
  const hash = new Uint8Array(createHash('sha1').update(der).digest());
  const essCertId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(hash) })] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

const skiOf = (of: SigningIdentity) => {
  const extension = of.certificate.cert.extensions?.find((item) => item.extnID === '2.5.29.14');
  return new Uint8Array((extension?.parsedValue as asn1js.OctetString).valueBlock.valueHexView);
};

describe('detached CMS verification accepts and reports', () => {
  it('the signer named by issuer and serial among certificates of the same issuer name', async () => {
    // Both self-signed certificates carry the same name; only the serial number tells them apart.
    const twin = await makeIdentity({ notBefore: new Date('2026-01-01T00:00:00Z') });
    const result = await verifyDetachedCms(await buildCms({ certificates: [twin, identity] }), CONTENT);
    expect(result.problems).toEqual([]);
    expect(result.signer?.der).toEqual(identity.certificate.der);
    expect(result.certificates.map((item) => item.der)).toEqual([twin.certificate.der, identity.certificate.der]);
  });

  it('the signer named by its subject key identifier, and refuses a key identifier nobody has', async () => {
    const cms = await buildCms({ certificates: [other, identity], bySubjectKeyId: skiOf(identity) });
    const result = await verifyDetachedCms(cms, CONTENT);
    expect(result.problems).toEqual([]);
    expect(result.signer?.der).toEqual(identity.certificate.der);
    const unknown = await buildCms({ bySubjectKeyId: new Uint8Array(20).fill(7) });
    expect(await refusalOf(unknown)).toEqual(['signing.problem.signerCertificateMissing']);
  });

  it('the CRLs it carries, byte for byte, for revocation checking', async () => {
    const crl = await crlOf(identity);
    const result = await verifyDetachedCms(await buildCms({ crls: [crl] }), CONTENT);
    expect(result.problems).toEqual([]);
    expect(result.crls).toEqual([new Uint8Array(crl.toSchema().toBER(false))]);
    expect((await verifyDetachedCms(await buildCms(), CONTENT)).crls).toEqual([]);
  });

  it.each([
    ['UTCTime', new asn1js.UTCTime({ valueDate: new Date('2026-03-02T10:15:00Z') })],
    ['GeneralizedTime', new asn1js.GeneralizedTime({ valueDate: new Date('2026-03-02T10:15:00Z') })],
  ])('a signing time written as %s', async (_what, time) => {
    const result = await verifyDetachedCms(await buildCms({ attributes: { [OID.signingTime]: [time] } }), CONTENT);
    expect(result.problems).toEqual([]);
    expect(result.signingTime?.toISOString()).toBe('2026-03-02T10:15:00.000Z');
  });

  it('a signing-certificate (v1, SHA-1) attribute naming the signer, and refuses one naming another', async () => {
    const v1 = (der: Uint8Array) => ({
      [OID.signingCertificateV2]: null,
      [OID.signingCertificate]: [signingCertificateV1(der)],
    });
    expect(await refusalOf(await buildCms({ attributes: v1(identity.certificate.der) }))).toEqual([]);
    expect(await refusalOf(await buildCms({ attributes: v1(other.certificate.der) }))).toEqual([
      'signing.problem.signingCertificateAttributeMismatch',
    ]);
  });

  it('a signing-certificate-v2 that names SHA-256 explicitly', async () => {
    const attributes = { [OID.signingCertificateV2]: [signingCertificateV2(identity.certificate.der, OID.sha256)] };
    expect(await refusalOf(await buildCms({ attributes }))).toEqual([]);
  });
});

describe('detached CMS verification, more', () => {
  it('ignores a carried certificate that is not X.509 (another choice of the set)', async () => {
    const odd = new pkijs.OtherCertificateFormat({ otherCertFormat: '1.2.3.4', otherCert: new asn1js.Null() });
    const result = await verifyDetachedCms(await buildCms({ carriedFirst: [odd] }), CONTENT);
    expect(result.problems).toEqual([]);
    expect(result.certificates.map((item) => item.der)).toEqual([identity.certificate.der]);
  });

  it('matches a key identifier only against certificates that state one', async () => {
    const plain = (await party('Uten nøkkel-ID', 5)).cert.cert;
    const cms = await buildCms({ carriedFirst: [plain], bySubjectKeyId: skiOf(identity) });
    const result = await verifyDetachedCms(cms, CONTENT);
    expect(result.problems).toEqual([]);
    expect(result.signer?.der).toEqual(identity.certificate.der);
  });

  it('refuses a CMS that carries no certificate at all (signerCertificateMissing)', async () => {
    expect(await refusalOf(await buildCms({ certificates: [] }))).toEqual(['signing.problem.signerCertificateMissing']);
  });

  it('refuses a DER object that is no CMS, and reports no certificates or CRLs from it', async () => {
    const result = await verifyDetachedCms(identity.certificate.der, CONTENT);
    expect(result).toEqual({
      problems: [{ check: 'signature', messageKey: 'signing.problem.signatureMalformed' }],
      signer: null,
      certificates: [],
      crls: [],
      signingTime: null,
    });
  });

  it('refuses a signing-certificate-v2 whose hash algorithm names nothing (unsupportedAlgorithm)', async () => {
    const empty = new asn1js.Sequence({
      value: [
        new asn1js.Sequence({
          value: [
            new asn1js.Sequence({
              value: [new asn1js.Sequence(), new asn1js.OctetString({ valueHex: new ArrayBuffer(32) })],
            }),
          ],
        }),
      ],
    });
    expect(await refusalOf(await buildCms({ attributes: { [OID.signingCertificateV2]: [empty] } }))).toEqual([
      'signing.problem.unsupportedAlgorithm',
    ]);
  });

  it('accepts an RSA signature whose algorithm is given as plain rsaEncryption', async () => {
    const rsa = await makeIdentity({ algorithm: 'rsa-3072', notBefore: new Date('2026-01-01T00:00:00Z') });
    const cms = await buildCms({ signer: rsa, signatureAlgorithm: '1.2.840.113549.1.1.1' });
    expect((await verifyDetachedCms(cms, CONTENT)).problems).toEqual([]);
  });
});

describe('detached CMS verification refuses, naming the file', () => {
  it('content that differs from what was signed (contentModified)', async () => {
    const changed = [new TextEncoder().encode('Oppfølgingsplan for Ola Testmann, versjon 3')];
    const cms = await buildCms();
    expect((await verifyDetachedCms(cms, changed, { file: 'plan.pdf' })).problems).toEqual([
      { check: 'signature', file: 'plan.pdf', messageKey: 'signing.problem.contentModified' },
    ]);
    expect((await verifyDetachedCms(cms, changed)).problems).toEqual([
      { check: 'signature', messageKey: 'signing.problem.contentModified' },
    ]);
  });

  it.each([
    ['one bit of it changed', (real: Uint8Array) => real.map((byte, i) => (i === real.length - 1 ? byte ^ 1 : byte))],
    ['bytes that are no signature at all', () => new Uint8Array([1, 2, 3])],
  ])('a signature value with %s (signatureValueInvalid)', async (_what, signature) => {
    expect(await refusalOf(await buildCms({ signature }))).toEqual(['signing.problem.signatureValueInvalid']);
  });

  it('a signature made with SHA-1 (unsupportedAlgorithm)', async () => {
    const cms = await buildCms({ signatureAlgorithm: '1.2.840.10045.4.1' });
    expect(await refusalOf(cms)).toEqual(['signing.problem.unsupportedAlgorithm']);
  });

  it.each([
    ['a content type other than signed data', { contentType: OID.data }],
    [
      'the message digest given twice',
      {
        extraAttributes: [
          attr(OID.messageDigest, [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(...CONTENT)) })]),
        ],
      },
    ],
    [
      'a signing-certificate-v2 without a hash',
      { attributes: { [OID.signingCertificateV2]: [new asn1js.Sequence({ value: [new asn1js.Sequence()] })] } },
    ],
  ] satisfies [string, Tweak][])('a malformed CMS: %s (signatureMalformed)', async (_what, tweak) => {
    expect(await refusalOf(await buildCms(tweak))).toEqual(['signing.problem.signatureMalformed']);
  });

  it('zero padding that hides other bytes, even where padding is allowed (signatureMalformed)', async () => {
    const cms = await buildCms();
    const result = await verifyDetachedCms(new Uint8Array([...cms, 0, 1, 0]), CONTENT, { allowZeroPadding: true });
    expect(result.problems.map((p) => p.messageKey)).toEqual(['signing.problem.signatureMalformed']);
  });
});
