import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { buildAsice } from './asice-build';
import { verifyAsice } from './asice-verify';
import { loadIdentity } from './identity';
import { signPdf } from './pades-sign';
import { verifyPdf } from './pades-verify';
import { importPkcs12 } from './pkcs12';
import {
  createTestCa,
  EC_P256_KEY,
  issueTestP12,
  makePdf,
  opensslCmsVerify,
  opensslFingerprint,
  opensslIn,
  writeMetaInf,
} from '../../test/fixtures/signing/signing-fixtures';

const temp = tempDirs('bro-signing-p12-');
afterAll(() => temp.cleanup());

const PASSWORD = 'Riktig hest batteri stift';
let dir: string;
let caFingerprint: string;

const openssl = (...args: string[]): string => opensslIn(dir)(...args);

const fingerprintOfPem = (file: string): string => opensslFingerprint(openssl, file);

/** A leaf issued by the test CA, exported as PKCS#12 with the chain (OpenSSL 3 defaults unless `pkcs12Args`). */
const issueP12 = (name: string, keyArgs: string[], pkcs12Args: string[] = []): Uint8Array =>
  issueTestP12(openssl, dir, { name, keyArgs, pkcs12Args, password: PASSWORD });

beforeAll(() => {
  dir = temp.make();
  createTestCa(openssl, dir);
  caFingerprint = fingerprintOfPem('ca.pem');
});

describe('PKCS#12 import', () => {
  it.each([
    ['rsa', ['-newkey', 'rsa:2048']],
    ['ec', EC_P256_KEY],
  ])('imports a %s identity with its CA chain from an OpenSSL 3 .p12', async (name, keyArgs) => {
    const bytes = await importPkcs12(issueP12(name, keyArgs), PASSWORD);
    const identity = await loadIdentity(bytes);
    expect(identity.summary.fingerprint).toBe(fingerprintOfPem(`${name}.pem`));
    expect(identity.summary).toMatchObject({ commonName: name, organization: 'Kriminalomsorgen', selfSigned: false });
    expect(identity.chain.map((item) => item.der.length)).toHaveLength(1);
    expect(identity.keyType).toBe(name === 'ec' ? 'ecdsa' : 'rsa');
  });

  it('signs with an imported identity so that trusting the CA makes the PDF valid', async () => {
    const identity = await loadIdentity(await importPkcs12(issueP12('chain', ['-newkey', 'rsa:2048']), PASSWORD));
    const signed = await signPdf(await makePdf(1), identity, { signingTime: new Date() });
    expect((await verifyPdf(signed)).status).toBe('valid_untrusted');
    const report = await verifyPdf(signed, { trust: { fingerprints: [caFingerprint] } });
    expect(report).toMatchObject({ status: 'valid', trusted: true });
  });

  it('makes a container whose signature openssl verifies against the CA', async () => {
    const identity = await loadIdentity(await importPkcs12(issueP12('asic', EC_P256_KEY), PASSWORD));
    const container = await buildAsice(
      [{ name: 'plan.json', bytes: new TextEncoder().encode('{"plan":"fiktiv"}') }],
      identity,
      { signingTime: new Date() },
    );
    await writeMetaInf(container, dir);
    const manifest = { signature: 'signature.p7s', content: 'ASiCManifest.xml', caFile: 'ca.pem' };
    expect(opensslCmsVerify(dir, manifest)).toMatchObject({
      status: 0,
      stderr: expect.stringContaining('Verification successful'),
    });
    const ca = identity.chain[0]?.der ?? new Uint8Array();
    expect((await verifyAsice(container, { trust: { certificates: [ca] } })).status).toBe('valid');
  });

  it('does not trust a look-alike CA that copies the real CA name', async () => {
    const real = new Uint8Array(readFileSync(join(dir, 'ca.pem')));
    createTestCa(openssl, dir, 'fake-ca');
    const subjectOf = (pem: string) => openssl('x509', '-in', pem, '-noout', '-subject');
    expect(subjectOf('fake-ca.pem')).toBe(subjectOf('ca.pem'));
    const p12 = issueTestP12(openssl, dir, { name: 'mallory', ca: 'fake-ca', password: PASSWORD });
    const mallory = await loadIdentity(await importPkcs12(p12, PASSWORD));
    const signed = await signPdf(await makePdf(1), mallory, { signingTime: new Date() });
    const realCa = new Uint8Array(Buffer.from(real.toString().replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    const report = await verifyPdf(signed, { trust: { certificates: [realCa], fingerprints: [caFingerprint] } });
    expect(report).toMatchObject({ status: 'valid_untrusted', trusted: false });
  });

  it('gives a clear wrong-password error', async () => {
    const p12 = issueP12('wrongpw', EC_P256_KEY);
    await expect(importPkcs12(p12, 'feil passord')).rejects.toMatchObject({
      code: 'wrong_passphrase',
      messageKey: 'signing.pkcs12.wrongPassword',
    });
    await expect(importPkcs12(p12, '')).rejects.toMatchObject({
      code: 'wrong_passphrase',
      messageKey: 'signing.pkcs12.passwordRequired',
    });
  });

  it('refuses a legacy 3DES .p12 with a key that says so, and a file that is not PKCS#12', async () => {
    const legacy = issueP12(
      'legacy',
      ['-newkey', 'rsa:2048'],
      ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'],
    );
    await expect(importPkcs12(legacy, PASSWORD)).rejects.toMatchObject({
      code: 'unreadable',
      messageKey: 'signing.pkcs12.unsupportedEncryption',
    });
    await expect(importPkcs12(new TextEncoder().encode('not a p12'), PASSWORD)).rejects.toMatchObject({
      code: 'unreadable',
      messageKey: 'signing.pkcs12.unreadable',
    });
  });
});
