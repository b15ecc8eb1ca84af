import { KeyObject, verify, type webcrypto } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { formatFingerprint, normaliseFingerprint } from '../../shared/domain/verification';
import { AppError } from '../ipc/app-error';
import { decodeIdentity, describeIdentityCertificate, encodeIdentity, loadIdentity } from './identity';
import { generateSelfSignedIdentity } from './self-signed';
import { run } from '../../test/fixtures/signing/signing-fixtures';
import { caExtensions, issue, LEAF, newKeys, pkcs8Of, rsaKeys } from '../../test/fixtures/signing/identity-fixtures';

const temp = tempDirs('bro-signing-identity-');
afterAll(() => temp.cleanup());

function opensslText(der: Uint8Array): string {
  const path = join(temp.make(), 'cert.der');
  writeFileSync(path, der);
  return run('openssl', [
    'x509',
    '-inform',
    'DER',
    '-in',
    path,
    '-noout',
    '-text',
    '-fingerprint',
    '-sha256',
    '-nameopt',
    'utf8,sep_comma_plus_space',
  ]).stdout;
}

describe('self-signed signing identity', () => {
  it('creates an ECDSA P-256 certificate that names the unit, with a fingerprint openssl agrees with', async () => {
    const bytes = await generateSelfSignedIdentity({
      commonName: 'Ålesund fengsel – radikaliseringskontakt',
      organization: 'Kriminalomsorgen',
      country: 'NO',
      algorithm: 'ecdsa-p256',
    });
    const identity = await loadIdentity(bytes);
    const text = opensslText(bytes.certificate);
    expect(text).toContain('CN=Ålesund fengsel – radikaliseringskontakt');
    expect(text).toContain('O=Kriminalomsorgen');
    expect(text).toMatch(/ASN1 OID: prime256v1/);
    expect(text).toMatch(/Digital Signature, Non Repudiation/);
    expect(text).toMatch(/CA:FALSE/);
    const opensslFingerprint = /sha256 Fingerprint=([0-9A-F:]+)/.exec(text)?.[1] ?? '';
    expect(identity.summary.fingerprint).toBe(normaliseFingerprint(opensslFingerprint));
    expect(identity.summary).toMatchObject({
      commonName: 'Ålesund fengsel – radikaliseringskontakt',
      organization: 'Kriminalomsorgen',
      selfSigned: true,
    });
    expect(identity.keyType).toBe('ecdsa');
    expect(bytes.chain).toEqual([]);
  });

  it('creates an RSA-3072 certificate when asked', async () => {
    const bytes = await generateSelfSignedIdentity({
      commonName: 'Horserød Fængsel',
      organization: 'Kriminalforsorgen',
      country: 'DK',
      algorithm: 'rsa-3072',
    });
    expect(opensslText(bytes.certificate)).toMatch(/Public-Key: \(3072 bit\)/);
    expect((await loadIdentity(bytes)).keyType).toBe('rsa');
  });

  it('prints the fingerprint as colon-separated pairs in four groups of eight', () => {
    const hex = 'f5e457bccb7aec1c85736ed6f87a8bc6a84564b9a25291812b43c91eb85f8246';
    const printed = formatFingerprint(hex);
    expect(printed).toBe(
      'F5:E4:57:BC:CB:7A:EC:1C 85:73:6E:D6:F8:7A:8B:C6 A8:45:64:B9:A2:52:91:81 2B:43:C9:1E:B8:5F:82:46',
    );
    expect(normaliseFingerprint(printed)).toBe(hex);
  });

  it('refuses a name longer than a certificate allows', async () => {
    await expect(
      generateSelfSignedIdentity({ commonName: 'x'.repeat(65), algorithm: 'ecdsa-p256' }),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: ['commonName'] });
  });
});

describe('identity bytes for the vault', () => {
  it('round-trips through one blob and loads back into a key that signs for the certificate', async () => {
    const bytes = await generateSelfSignedIdentity({ commonName: 'Testfengsel', algorithm: 'ecdsa-p256' });
    const decoded = decodeIdentity(encodeIdentity(bytes));
    expect(decoded).toEqual(bytes);
    const identity = await loadIdentity(decoded);
    expect(identity.privateKey.extractable).toBe(false);
    expect(describeIdentityCertificate(decoded.certificate).fingerprint).toBe(identity.summary.fingerprint);
  });

  it('refuses a private key that does not belong to the certificate', async () => {
    const one = await generateSelfSignedIdentity({ commonName: 'Enhet en', algorithm: 'ecdsa-p256' });
    const two = await generateSelfSignedIdentity({ commonName: 'Enhet to', algorithm: 'ecdsa-p256' });
    const error = await loadIdentity({ ...one, certificate: two.certificate }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unreadable', messageKey: 'signing.identity.keyMismatch' });
  });

  it('refuses a damaged blob with a clear key instead of a raw error', () => {
    expect(() => decodeIdentity(new TextEncoder().encode('{"version":1}'))).toThrow(
      expect.objectContaining({ messageKey: 'signing.identity.blobUnreadable' }),
    );
  });
});

describe('identities of each key kind Bro signs with', () => {
  /** Loads `keys` with a self-made certificate for them and checks a signature over a fixed text. */
  async function loadAndSign(keys: webcrypto.CryptoKeyPair, name: string) {
    const issued = await issue({ name, keys, extensions: LEAF });
    const identity = await loadIdentity({
      privateKeyPkcs8: await pkcs8Of(keys),
      certificate: issued.cert.der,
      chain: [],
    });
    const data = new TextEncoder().encode('Fiktiv plan, versjon 1');
    const signature = await identity.sign(data);
    const publicKey = KeyObject.from(keys.publicKey);
    const verified =
      identity.keyType === 'ecdsa'
        ? verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, signature)
        : verify('sha256', data, publicKey, signature);
    return { keyType: identity.keyType, algorithm: identity.algorithm, verified };
  }

  it('loads a P-256 key as ECDSA with SHA-256, giving DER signatures the certificate verifies', async () => {
    expect(await loadAndSign(await newKeys(), 'Fiktiv P-256-enhet')).toEqual({
      keyType: 'ecdsa',
      algorithm: 'ecdsa-sha256',
      verified: true,
    });
  });

  it('loads a P-384 key as ECDSA with SHA-256', async () => {
    const keys = await newKeys({ name: 'ECDSA', namedCurve: 'P-384' });
    expect(await loadAndSign(keys, 'Fiktiv P-384-enhet')).toEqual({
      keyType: 'ecdsa',
      algorithm: 'ecdsa-sha256',
      verified: true,
    });
  });

  it('loads an RSA key as RSA PKCS#1 v1.5 with SHA-256', async () => {
    expect(await loadAndSign(await rsaKeys(2048), 'Fiktiv RSA-enhet')).toEqual({
      keyType: 'rsa',
      algorithm: 'rsa-pkcs1-sha256',
      verified: true,
    });
  });
});

describe('the identity blob, strictly', () => {
  it('keeps the issuing chain through a round trip', async () => {
    const ca = await issue({ name: 'Fiktiv blob-CA', extensions: caExtensions() });
    const unit = await issue({ name: 'Fiktiv blob-enhet', issuer: ca, extensions: LEAF });
    const bytes = { privateKeyPkcs8: await pkcs8Of(unit.keys), certificate: unit.cert.der, chain: [ca.cert.der] };
    const decoded = decodeIdentity(encodeIdentity(bytes));
    expect(decoded).toEqual(bytes);
    expect((await loadIdentity(decoded)).chain.map((item) => item.der)).toEqual([ca.cert.der]);
  });

  it('refuses a blob that is not valid UTF-8, even where only an ignored field is damaged', async () => {
    const bytes = await generateSelfSignedIdentity({ commonName: 'Fiktiv UTF-8-enhet', algorithm: 'ecdsa-p256' });
    const good = encodeIdentity(bytes);
    expect(decodeIdentity(good)).toEqual(bytes);
    // `{…,"note":"<0xFF>"}`: a byte that can never occur in UTF-8, in a field the schema does not know.
    const damaged = Uint8Array.from([
      ...good.subarray(0, good.length - 1),
      ...Buffer.from(',"note":"'),
      0xff,
      0x22,
      0x7d,
    ]);
    expect(() => decodeIdentity(damaged)).toThrow(
      expect.objectContaining({ code: 'unreadable', messageKey: 'signing.identity.blobUnreadable' }),
    );
  });
});
