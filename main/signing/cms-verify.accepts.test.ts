// The other side of cms-verify.refusals.test.ts: what a genuine CMS may carry and still be accepted
// (signers named several ways, carried CRLs, both signing-certificate versions), and the refusals that
// sit right next to those cases.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyDetachedCms } from './cms-verify';
import { OID, subtle, toArrayBuffer } from './crypto';
import type { SigningIdentity } from './identity';
import { makeIdentity } from '../../test/fixtures/signing/signing-fixtures';
import { party } from '../../test/fixtures/signing/webcrypto-pki';
import {
  buildCms as buildCmsBy,
  CONTENT,
  refusalOf,
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

/** A CMS signed by `identity` unless the tweak names another signer. */
const buildCms = (tweak: Tweak = {}) => buildCmsBy(identity, tweak);

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

/** A self-signed X.509 v1 certificate: no extensions at all, so no key identifier to compare. */
async function v1Certificate(): Promise<pkijs.Certificate> {
  const keys = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const name = new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({
        type: OID.commonName,
        value: new asn1js.Utf8String({ value: 'Gammel enhet' }),
      }),
    ],
  });
  const cert = new pkijs.Certificate({
    version: 0,
    serialNumber: new asn1js.Integer({ value: 11 }),
    subject: name,
    issuer: name,
    notBefore: new pkijs.Time({ type: 0, value: new Date('2026-01-01T00:00:00Z') }),
    notAfter: new pkijs.Time({ type: 0, value: new Date('2027-01-01T00:00:00Z') }),
  });
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(keys.privateKey, 'SHA-256');
  return pkijs.Certificate.fromBER(cert.toSchema(true).toBER(false));
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

  it('matches a key identifier past a certificate without any extensions (X.509 v1)', async () => {
    const old = await v1Certificate();
    expect(old.extensions).toBeUndefined();
    const result = await verifyDetachedCms(
      await buildCms({ carriedFirst: [old], bySubjectKeyId: skiOf(identity) }),
      CONTENT,
    );
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
