import { createHash } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { toArrayBuffer } from './crypto';
import { generateSelfSignedIdentity, type SelfSignedRequest } from './self-signed';

/** What a unit's self-signed certificate contains, read back from its DER as a receiver reads it. */

const C = '2.5.4.6';
const O = '2.5.4.10';
const CN = '2.5.4.3';

async function generate(request: Partial<SelfSignedRequest> = {}): Promise<pkijs.Certificate> {
  const bytes = await generateSelfSignedIdentity({ commonName: 'Fiktiv enhet', algorithm: 'ecdsa-p256', ...request });
  return pkijs.Certificate.fromBER(toArrayBuffer(bytes.certificate));
}

/** Each RDN of a name as [type, text]. */
const rdns = (name: pkijs.RelativeDistinguishedNames) =>
  name.typesAndValues.map((item) => [item.type, (item.value as asn1js.Utf8String).valueBlock.value]);

describe('the name of a self-signed unit certificate', () => {
  it('is C, O and CN, each its own RDN, as subject and issuer alike', async () => {
    const cert = await generate({ country: 'NO', organization: 'Fiktiv etat' });
    const expected = [
      [C, 'NO'],
      [O, 'Fiktiv etat'],
      [CN, 'Fiktiv enhet'],
    ];
    expect(rdns(cert.subject)).toEqual(expected);
    expect(rdns(cert.issuer)).toEqual(expected);
  });

  it('leaves out the country and the organisation when they are not given', async () => {
    expect(rdns((await generate()).subject)).toEqual([[CN, 'Fiktiv enhet']]);
    expect(rdns((await generate({ country: 'DK' })).subject)).toEqual([
      [C, 'DK'],
      [CN, 'Fiktiv enhet'],
    ]);
  });
});

describe('the validity of a self-signed unit certificate', () => {
  it('starts five minutes before now (clock skew) unless told otherwise, and lasts the days asked for', async () => {
    const before = Date.now();
    const cert = await generate({ validityDays: 30 });
    const notBefore = cert.notBefore.value.getTime();
    // UTCTime keeps whole seconds.
    expect(notBefore).toBeGreaterThanOrEqual(before - 5 * 60_000 - 1000);
    expect(notBefore).toBeLessThanOrEqual(Date.now() - 5 * 60_000);
    expect(cert.notAfter.value.getTime() - notBefore).toBe(30 * 86_400_000);
  });

  it('writes dates before 2050 as UTCTime and from 2050 on as GeneralizedTime (RFC 5280)', async () => {
    const cert = await generate({ notBefore: new Date('2049-12-31T12:00:00Z'), validityDays: 1 });
    expect(cert.notBefore).toMatchObject({ type: 0, value: new Date('2049-12-31T12:00:00Z') });
    expect(cert.notAfter).toMatchObject({ type: 1, value: new Date('2050-01-01T12:00:00Z') });
  });
});

describe('the extensions of a self-signed unit certificate', () => {
  it('says critically that it is no CA and signs documents; its key identifier is the SHA-1 of its key', async () => {
    const cert = await generate();
    const byOid = new Map((cert.extensions ?? []).map((ext) => [ext.extnID, ext]));
    expect([...byOid.keys()]).toEqual(['2.5.29.19', '2.5.29.15', '2.5.29.14']);
    expect(byOid.get('2.5.29.19')).toMatchObject({ critical: true, parsedValue: { cA: false } });
    expect(byOid.get('2.5.29.15')?.critical).toBe(true);
    const keyUsage = byOid.get('2.5.29.15')?.parsedValue as asn1js.BitString;
    expect([...new Uint8Array(keyUsage.valueBlock.valueHexView)]).toEqual([0xc0]);
    const keyId = byOid.get('2.5.29.14');
    expect(keyId?.critical).toBe(false);
    const expected = createHash('sha1')
      .update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)
      .digest('hex');
    const written = (keyId?.parsedValue as asn1js.OctetString).valueBlock.valueHexView;
    expect(Buffer.from(written).toString('hex')).toBe(expected);
  });
});

describe('a request Bro cannot make a certificate from', () => {
  it('is refused as invalid input, naming each field at fault once', async () => {
    const request = { commonName: ' ', country: 'SE', algorithm: 'dsa' } as unknown as SelfSignedRequest;
    await expect(generateSelfSignedIdentity(request)).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'error.invalid_input',
      fields: ['commonName', 'country', 'algorithm'],
    });
  });
});
