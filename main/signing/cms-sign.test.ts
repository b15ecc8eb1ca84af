import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { crlBy, party, signerOf, type Party } from '../../test/fixtures/signing/webcrypto-pki';
import { createDetachedCms } from './cms-sign';
import { OID, toArrayBuffer } from './crypto';
import { EXT } from './path/policy';

/**
 * The CMS SignedData Bro writes, read back field by field: the signed attributes (their DER order,
 * the signing time's encoding at the RFC 5652 boundaries, signing-certificate-v2), the certificate
 * set and the CRLs. cms-verify tests hold the result against a verifier; here the structure itself.
 */

let ca: Party;
let leaf: Party;

beforeAll(async () => {
  ca = await party('Fiktiv CA', 1);
  leaf = await party(
    [
      ['2.5.4.3', 'Fiktiv enhet'],
      ['2.5.4.10', 'Fiktivby fengsel'],
    ],
    0x0102,
    ca,
  );
});

function signedDataOf(cms: Uint8Array): pkijs.SignedData {
  const info = pkijs.ContentInfo.fromBER(toArrayBuffer(cms));
  expect(info.contentType).toBe(OID.signedData);
  return new pkijs.SignedData({ schema: info.content });
}

function attributesOf(signed: pkijs.SignedData): pkijs.Attribute[] {
  return signed.signerInfos[0]?.signedAttrs?.attributes ?? [];
}

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('hex');
const CONTENT = [new TextEncoder().encode('{"plan":'), new TextEncoder().encode('"fiktiv"}')];

/** The tags of the SignedData's fields, read from the DER rather than through pkijs. */
function signedDataTags(cms: Uint8Array): string[] {
  const info = asn1js.fromBER(toArrayBuffer(cms)).result as asn1js.Sequence;
  const explicit = info.valueBlock.value[1] as asn1js.Constructed;
  const signedData = explicit.valueBlock.value[0] as asn1js.Sequence;
  return signedData.valueBlock.value.map(({ idBlock }) => `${idBlock.tagClass}:${idBlock.tagNumber}`);
}

/**
 * A CRL by `issuer` whose cRLNumber extension spells out critical FALSE: valid BER that a CA may
 * publish, which pkijs would re-encode without the FALSE, breaking the CRL's signature.
 */
async function crlWithExplicitNonCritical(issuer: Party): Promise<Uint8Array> {
  const algorithm = () => new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.10045.4.3.2' }).toSchema();
  const crlNumber = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: EXT.crlNumber }),
      new asn1js.Boolean({ value: false }),
      new asn1js.OctetString({ valueHex: new asn1js.Integer({ value: 7 }).toBER(false) }),
    ],
  });
  const tbs = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      algorithm(),
      issuer.cert.cert.subject.toSchema(),
      new asn1js.UTCTime({ valueDate: new Date('2026-03-01T00:00:00Z') }),
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [new asn1js.Sequence({ value: [crlNumber] })],
      }),
    ],
  });
  const signature = await signerOf(issuer).sign(new Uint8Array(tbs.toBER(false)));
  const crl = new asn1js.Sequence({
    value: [tbs, algorithm(), new asn1js.BitString({ valueHex: toArrayBuffer(signature) })],
  });
  return new Uint8Array(crl.toBER(false));
}

async function signingTimeValue(date: Date): Promise<asn1js.AsnType> {
  const signed = signedDataOf(await createDetachedCms(CONTENT, signerOf(leaf, [ca]), { signingTime: date }));
  const time = attributesOf(signed).find((a) => a.type === OID.signingTime);
  expect(time?.values).toHaveLength(1);
  return time?.values[0] as asn1js.AsnType;
}

describe('createDetachedCms', () => {
  it('signs the digest of the content parts together, with the four attributes in DER order', async () => {
    const signed = signedDataOf(
      await createDetachedCms(CONTENT, signerOf(leaf, [ca]), { signingTime: new Date('2026-03-02T10:15:00Z') }),
    );
    const attributes = attributesOf(signed);
    expect(new Set(attributes.map((a) => a.type))).toEqual(
      new Set([OID.contentType, OID.messageDigest, OID.signingCertificateV2, OID.signingTime]),
    );
    const digest = attributes.find((a) => a.type === OID.messageDigest)?.values[0] as asn1js.OctetString;
    expect(hex(digest.valueBlock.valueHexView)).toBe(
      createHash('sha256')
        .update(Buffer.concat(CONTENT.map((part) => Buffer.from(part))))
        .digest('hex'),
    );
    const encodings = attributes.map((a) => hex(a.toSchema().toBER(false)));
    expect(encodings).toEqual([...encodings].sort());
    expect(signed.encapContentInfo.eContent).toBeUndefined();
  });

  it("leaves the signing time out when it is null (PAdES: the time is the PDF's /M)", async () => {
    const signed = signedDataOf(await createDetachedCms(CONTENT, signerOf(leaf), { signingTime: null }));
    expect(attributesOf(signed).map((a) => a.type)).not.toContain(OID.signingTime);
    expect(attributesOf(signed)).toHaveLength(3);
  });

  it('binds the exact signer certificate: its SHA-256, its issuer as a directory name, its serial', async () => {
    const signed = signedDataOf(await createDetachedCms(CONTENT, signerOf(leaf, [ca]), { signingTime: null }));
    const attribute = attributesOf(signed).find((a) => a.type === OID.signingCertificateV2);
    const certs = (attribute?.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    expect(certs.valueBlock.value).toHaveLength(1);
    const essCertId = certs.valueBlock.value[0] as asn1js.Sequence;
    const [hash, issuerSerial] = essCertId.valueBlock.value as [asn1js.OctetString, asn1js.Sequence];
    expect(essCertId.valueBlock.value).toHaveLength(2);
    expect(hex(hash.valueBlock.valueHexView)).toBe(createHash('sha256').update(leaf.cert.der).digest('hex'));
    const [generalNames, serial] = issuerSerial.valueBlock.value as [asn1js.Sequence, asn1js.Integer];
    const directoryName = generalNames.valueBlock.value[0] as asn1js.Constructed;
    expect(directoryName.idBlock.tagClass).toBe(3);
    expect(directoryName.idBlock.tagNumber).toBe(4);
    const issuer = new pkijs.RelativeDistinguishedNames({ schema: directoryName.valueBlock.value[0] });
    expect(issuer.isEqual(leaf.cert.cert.issuer)).toBe(true);
    expect(hex(serial.valueBlock.valueHexView)).toBe('0102');
  });

  it.each([
    ['1950-01-01T00:00:00.000Z', 'UTCTime'],
    ['2049-12-31T23:59:59.000Z', 'UTCTime'],
    ['1949-12-31T23:59:59.000Z', 'GeneralizedTime'],
    ['2050-01-01T00:00:00.000Z', 'GeneralizedTime'],
  ])('encodes a signing time of %s as %s (RFC 5652)', async (iso, kind) => {
    const value = await signingTimeValue(new Date(iso));
    expect(value.constructor.name).toBe(kind);
    expect((value as asn1js.UTCTime).toDate().toISOString()).toBe(iso);
  });

  it('drops the milliseconds of the signing time', async () => {
    const value = (await signingTimeValue(new Date('2026-03-02T10:15:00.987Z'))) as asn1js.UTCTime;
    expect(value.toDate().toISOString()).toBe('2026-03-02T10:15:00.000Z');
  });

  it('carries the signer, then its chain, then further certificates, each once', async () => {
    const other = await party('Annen CA', 7);
    const signed = signedDataOf(
      await createDetachedCms(CONTENT, signerOf(leaf, [ca]), {
        signingTime: null,
        validation: { certs: [ca.cert.der, other.cert.der, leaf.cert.der, other.cert.der], crls: [] },
      }),
    );
    const ders = (signed.certificates ?? []).map((c) => hex((c as pkijs.Certificate).toSchema().toBER(false)));
    expect(ders).toEqual([hex(leaf.cert.der), hex(ca.cert.der), hex(other.cert.der)]);
    expect(signed.crls).toBeUndefined();
  });

  it('carries the CRLs it is given, in order', async () => {
    const [first, second] = [await crlBy(ca), await crlBy(ca, { thisUpdate: new Date('2026-02-01T00:00:00Z') })];
    const signed = signedDataOf(
      await createDetachedCms(CONTENT, signerOf(leaf, [ca]), {
        signingTime: null,
        validation: { certs: [], crls: [first.der, second.der] },
      }),
    );
    const crls = (signed.crls ?? []).map((c) => hex((c as pkijs.CertificateRevocationList).toSchema().toBER(false)));
    expect(crls).toEqual([hex(first.der), hex(second.der)]);
  });

  it('writes no crls field at all when there are no CRLs', async () => {
    const cms = await createDetachedCms(CONTENT, signerOf(leaf, [ca]), {
      signingTime: null,
      validation: { certs: [ca.cert.der], crls: [] },
    });
    // version, digestAlgorithms, encapContentInfo, [0] certificates, signerInfos; no empty [1].
    expect(signedDataTags(cms)).toEqual(['1:2', '1:17', '1:16', '3:0', '1:17']);
  });

  it('carries each CRL byte for byte, also one that pkijs would encode differently', async () => {
    const der = await crlWithExplicitNonCritical(ca);
    const signed = signedDataOf(
      await createDetachedCms(CONTENT, signerOf(leaf, [ca]), {
        signingTime: null,
        validation: { certs: [], crls: [der] },
      }),
    );
    const crls = (signed.crls ?? []).map((c) => hex((c as pkijs.CertificateRevocationList).toSchema().toBER(false)));
    expect(crls).toEqual([hex(der)]);
  });

  it('refuses validation material that is no certificate rather than leave it out', async () => {
    // Bytes that are no certificate (here sixteen zeros) stop the signing; they are not skipped as if already carried.
    const options = { signingTime: null, validation: { certs: [new Uint8Array(16)], crls: [] } };
    await expect(createDetachedCms(CONTENT, signerOf(leaf, [ca]), options)).rejects.toThrow();
  });

  it('has the signer sign the attributes as a SET, which its public key verifies', async () => {
    let signedBytes: Uint8Array | undefined;
    const signer = signerOf(leaf);
    const sign = signer.sign.bind(signer);
    signer.sign = (data) => {
      signedBytes = data;
      return sign(data);
    };
    const signed = signedDataOf(await createDetachedCms(CONTENT, signer, { signingTime: null }));
    const attrs = signed.signerInfos[0]?.signedAttrs;
    const expected = new Uint8Array(attrs!.toSchema().toBER(false));
    expected[0] = 0x31;
    expect(hex(signedBytes!)).toBe(hex(expected));
    expect(signed.signerInfos[0]?.signatureAlgorithm.algorithmId).toBe('1.2.840.10045.4.3.2');
    expect(signed.signerInfos[0]?.digestAlgorithm.algorithmId).toBe(OID.sha256);
  });
});
