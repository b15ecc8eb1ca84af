// Issue 17: removing the signing-certificate-v2 check survived the tests, and six CMS refusal keys were
// never asserted. Each test builds a real, signed CMS that breaks exactly one rule and requires exactly
// that refusal, so dropping a check (or letting another check answer for it) fails here.
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyDetachedCms } from './cms-verify';
import { OID, sha256, toArrayBuffer } from './crypto';
import type { SigningIdentity } from './identity';
import { makeIdentity } from '../../test/fixtures/signing/signing-fixtures';
import {
  attr,
  buildCms as buildCmsBy,
  CONTENT,
  MD5,
  refusalOf,
  SHA1,
  signingCertificateV2,
  type Tweak,
} from '../../test/fixtures/signing/cms-builder';

let identity: SigningIdentity;
let other: SigningIdentity;
beforeAll(async () => {
  const notBefore = new Date('2026-01-01T00:00:00Z');
  [identity, other] = await Promise.all([
    makeIdentity({ notBefore }),
    makeIdentity({ commonName: 'Falsk enhet', notBefore }),
  ]);
});

/** A signing-time attribute of this ASN.1 type whose text is exactly `text` (asn1js reads any text). */
const spelledTime = (Type: typeof asn1js.UTCTime | typeof asn1js.GeneralizedTime, text: string): Tweak => ({
  attributes: { [OID.signingTime]: [new Type({ valueHex: toArrayBuffer(new TextEncoder().encode(text)) })] },
});

/** A CMS signed by `identity` unless the tweak names another signer. */
const buildCms = (tweak: Tweak = {}) => buildCmsBy(identity, tweak);

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
    // asn1js reads any text under the time tags (this one as 1899-11-30); DER allows one spelling.
    ['a UTCTime signing time whose text is no time', spelledTime(asn1js.UTCTime, 'i går')],
    ['a UTCTime signing time without its seconds and zone', spelledTime(asn1js.UTCTime, '2606011200')],
    ['a UTCTime signing time with text after its Z', spelledTime(asn1js.UTCTime, '260601120000Z0')],
    [
      'a UTCTime signing time in month 13 (Date would roll it into the next year)',
      spelledTime(asn1js.UTCTime, '261301120000Z'),
    ],
    ['a GeneralizedTime signing time on 30 February', spelledTime(asn1js.GeneralizedTime, '20260230120000Z')],
    ['a GeneralizedTime signing time in local time', spelledTime(asn1js.GeneralizedTime, '20260601120000')],
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

describe('detached CMS verification refuses, naming the file', () => {
  it('content that differs from what was signed (contentModified)', async () => {
    const changed = [new TextEncoder().encode('Oppfølgingsplan for Ola Testmann, versjon 3')];
    const cms = await buildCms();
    expect((await verifyDetachedCms(cms, changed, { file: 'plan.pdf' })).problems).toEqual([
      { check: 'signature', file: 'plan.pdf', messageKey: 'signing.problem.contentModified' },
    ]);
    // Strict: without a file the problem has no file key at all, not one set to undefined.
    expect((await verifyDetachedCms(cms, changed)).problems).toStrictEqual([
      { check: 'signature', messageKey: 'signing.problem.contentModified' },
    ]);
  });

  it('whatever fails unforeseen as signatureMalformed, never as an exception', async () => {
    // A content part that is no bytes (only a caller past the types could pass one) makes hashing throw.
    const parts = [null as unknown as Uint8Array];
    expect((await verifyDetachedCms(await buildCms(), parts)).problems).toStrictEqual([
      { check: 'signature', messageKey: 'signing.problem.signatureMalformed' },
    ]);
  });

  it.each([
    ['one bit of it changed', (real: Uint8Array) => real.map((byte, i) => (i === real.length - 1 ? byte ^ 1 : byte))],
    ['bytes that are no signature at all', () => new Uint8Array([1, 2, 3])],
  ])('a signature value with %s (signatureValueInvalid)', async (_what, signature) => {
    expect(await refusalOf(await buildCms({ signature }))).toEqual(['signing.problem.signatureValueInvalid']);
  });

  it('a signature algorithm it does not know, though the key would verify it (unsupportedAlgorithm)', async () => {
    const cms = await buildCms({ signatureAlgorithm: '1.2.3.4' });
    expect(await refusalOf(cms)).toEqual(['signing.problem.unsupportedAlgorithm']);
  });

  it('a signing time in either DER spelling, read as that instant', async () => {
    const at = (block: asn1js.BaseBlock) => buildCms({ attributes: { [OID.signingTime]: [block] } });
    const utc = await verifyDetachedCms(
      await at(new asn1js.UTCTime({ valueDate: new Date('2026-06-01T12:00:00Z') })),
      CONTENT,
    );
    const generalized = await verifyDetachedCms(
      await at(new asn1js.GeneralizedTime({ valueHex: toArrayBuffer(new TextEncoder().encode('20260601120000.5Z')) })),
      CONTENT,
    );
    expect(utc).toMatchObject({ problems: [], signingTime: new Date('2026-06-01T12:00:00Z') });
    expect(generalized).toMatchObject({ problems: [], signingTime: new Date('2026-06-01T12:00:00.500Z') });
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
