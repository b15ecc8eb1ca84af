// How a certificate is read and shown (certificate.ts): exactly one DER certificate, the names a user
// sees in the report, and whether it was valid at a moment (both ends of the validity included).
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateStateAt, describeCertificate, fingerprintOf, formatName, parseCertificate } from './certificate';
import { sha256, toHex } from './crypto';
import { at, DAY, party, type Party } from '../../test/fixtures/signing/webcrypto-pki';

let ca: Party;
let unit: Party;
beforeAll(async () => {
  ca = await party(
    [
      ['2.5.4.6', 'NO'],
      ['2.5.4.10', 'Kriminalomsorgen'],
      ['2.5.4.3', 'Fiktiv CA'],
    ],
    1,
  );
  unit = await party(
    [
      ['2.5.4.6', 'NO'],
      ['2.5.4.8', 'Vestland'],
      ['2.5.4.7', 'Bergen'],
      ['2.5.4.10', 'Kriminalomsorgen'],
      ['2.5.4.11', 'Avdeling B'],
      ['2.5.4.5', '12345'],
      ['1.2.840.113549.1.9.1', 'enhet@example.invalid'],
      ['2.5.4.3', 'Enhet, "Nord" + <Sør>; a\\b'],
      ['2.5.4.12', 'Rådgiver'],
    ],
    0x1f2e,
    ca,
  );
});

describe('a certificate file', () => {
  it('is read only when it is exactly one DER certificate', () => {
    const { der } = unit.cert;
    const parsed = parseCertificate(der);
    expect(parsed.der).toEqual(der);
    expect(describeCertificate(parsed)).toEqual(describeCertificate(unit.cert));
    expect(() => parseCertificate(new Uint8Array([...der, 0]))).toThrow();
    expect(() => parseCertificate(new TextEncoder().encode('ikke et sertifikat'))).toThrow();
  });

  it('is fingerprinted as SHA-256 of its exact bytes, as openssl x509 -fingerprint prints it', () => {
    expect(fingerprintOf(unit.cert.der)).toBe(toHex(sha256(unit.cert.der)));
  });
});

describe('a certificate is described', () => {
  it('by its names, most specific first, with the RFC 4514 escapes and short keys', () => {
    expect(formatName(unit.cert.cert.subject)).toBe(
      '2.5.4.12=Rådgiver, CN=Enhet\\, \\"Nord\\" \\+ \\<Sør\\>\\; a\\\\b, E=enhet@example.invalid, ' +
        'SERIALNUMBER=12345, OU=Avdeling B, O=Kriminalomsorgen, L=Bergen, ST=Vestland, C=NO',
    );
  });

  it('with common name, organisation, issuer, serial, fingerprint, dates and whether it signed itself', () => {
    expect(describeCertificate(unit.cert)).toEqual({
      commonName: 'Enhet, "Nord" + <Sør>; a\\b',
      organization: 'Kriminalomsorgen',
      subject: formatName(unit.cert.cert.subject),
      issuer: 'CN=Fiktiv CA, O=Kriminalomsorgen, C=NO',
      serialNumber: '1f2e',
      fingerprint: fingerprintOf(unit.cert.der),
      notBefore: at(-30 * DAY).toISOString(),
      notAfter: at(300 * DAY).toISOString(),
      selfSigned: false,
    });
    expect(describeCertificate(ca.cert)).toMatchObject({ selfSigned: true, commonName: 'Fiktiv CA' });
  });

  it('with a question mark for a name value that is not text', async () => {
    const odd = await party(
      [
        ['2.5.4.10', 'Kriminalomsorgen'],
        ['2.5.4.3', new asn1js.Integer({ value: 7 })],
      ],
      4,
    );
    expect(formatName(odd.cert.cert.subject)).toBe('CN=?, O=Kriminalomsorgen');
    expect(describeCertificate(odd.cert).commonName).toBe('?');
  });

  it('without a common name or organisation when the certificate has none', async () => {
    const bare = await party([['2.5.4.11', 'Avdeling C']], 3);
    expect(describeCertificate(bare.cert)).toMatchObject({ commonName: null, organization: null });
  });
});

describe('a certificate is valid at a moment', () => {
  it('from its first to its last second, inclusive, and unknown when there is no moment', () => {
    const { cert } = unit.cert;
    expect(certificateStateAt(cert, null)).toBe('unknown');
    expect(certificateStateAt(cert, at(-30 * DAY - 1000))).toBe('not_yet_valid');
    expect(certificateStateAt(cert, at(-30 * DAY))).toBe('valid');
    expect(certificateStateAt(cert, at(300 * DAY))).toBe('valid');
    expect(certificateStateAt(cert, at(300 * DAY + 1000))).toBe('expired');
  });
});
