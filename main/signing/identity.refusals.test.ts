// Issue 17: identity, PKCS#12 and PDF-signing refusals no test named. Real keys (node:crypto,
// openssl) and real files in a temp folder; each input breaks one thing.
import { generateKeyPairSync, type webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { loadIdentity, type SigningIdentityBytes } from './identity';
import { signPdf } from './pades-sign';
import { importPkcs12 } from './pkcs12';
import { generateSelfSignedIdentity } from './self-signed';
import { createTestCa, issueTestP12, makeIdentity, opensslIn } from '../../test/fixtures/signing/signing-fixtures';
import {
  issue,
  LEAF,
  newKeys,
  pkcs8Of,
  privateKeyInfo,
  rsaKeys,
  splitPkcs8,
} from '../../test/fixtures/signing/identity-fixtures';

const temp = tempDirs('bro-identity-refusals-');
afterAll(() => temp.cleanup());

let valid: SigningIdentityBytes;
beforeAll(async () => {
  valid = await generateSelfSignedIdentity({
    commonName: 'Testfengsel avdeling C',
    organization: 'Kriminalomsorgen',
    algorithm: 'ecdsa-p256',
  });
});

const pkcs8 = (key: { export(options: { type: 'pkcs8'; format: 'der' }): Buffer }) =>
  new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));

describe('loading a signing identity refuses', () => {
  it('a key type Bro does not sign with: Ed25519, and RSA under 2048 bits (unsupportedKey)', async () => {
    const ed25519 = pkcs8(generateKeyPairSync('ed25519').privateKey);
    const rsa1024 = pkcs8(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey);
    for (const privateKeyPkcs8 of [ed25519, rsa1024]) {
      await expect(loadIdentity({ ...valid, privateKeyPkcs8 })).rejects.toMatchObject({
        code: 'unreadable',
        messageKey: 'signing.identity.unsupportedKey',
      });
    }
  });

  it('bytes that are no private key (keyUnreadable)', async () => {
    await expect(
      loadIdentity({ ...valid, privateKeyPkcs8: new TextEncoder().encode('ikke en nøkkel') }),
    ).rejects.toMatchObject({ code: 'unreadable', messageKey: 'signing.identity.keyUnreadable' });
  });

  it('bytes that are no certificate, as the certificate or in the chain (certificateUnreadable)', async () => {
    const garbage = new TextEncoder().encode('ikke et sertifikat');
    for (const bytes of [
      { ...valid, certificate: garbage },
      { ...valid, chain: [garbage] },
    ]) {
      await expect(loadIdentity(bytes)).rejects.toMatchObject({
        code: 'unreadable',
        messageKey: 'signing.identity.certificateUnreadable',
      });
    }
    expect((await loadIdentity(valid)).summary.commonName).toBe('Testfengsel avdeling C');
  });
});

describe('importing a PKCS#12 file refuses', () => {
  let dir: string;
  let openssl: (...args: string[]) => string;
  beforeAll(() => {
    dir = temp.make();
    openssl = opensslIn(dir);
    createTestCa(openssl, dir);
    issueTestP12(openssl, dir, { name: 'enhet', password: 'fiktivt-passord' });
  });

  function export12(name: string, args: string[]): Uint8Array {
    openssl('pkcs12', '-export', ...args, '-out', `${name}.p12`, '-passout', 'pass:fiktivt-passord');
    return new Uint8Array(readFileSync(join(dir, `${name}.p12`)));
  }

  it('a file with certificates but no private key (noKey)', async () => {
    const bytes = export12('uten-nokkel', ['-nokeys', '-in', 'enhet.pem', '-certfile', 'ca.pem']);
    await expect(importPkcs12(bytes, 'fiktivt-passord')).rejects.toMatchObject({
      code: 'unreadable',
      messageKey: 'signing.pkcs12.noKey',
    });
  });

  it('a file with a private key but no certificate for it (noMatchingCertificate)', async () => {
    const bytes = export12('uten-sertifikat', ['-nocerts', '-inkey', 'enhet.key']);
    await expect(importPkcs12(bytes, 'fiktivt-passord')).rejects.toMatchObject({
      code: 'unreadable',
      messageKey: 'signing.pkcs12.noMatchingCertificate',
    });
  });
});

describe('signing a PDF refuses', () => {
  it('a PDF without a page to carry the signature field (noPages)', async () => {
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    const identity = await makeIdentity();
    await expect(signPdf(empty, identity, { signingTime: new Date('2026-03-02T10:15:00Z') })).rejects.toMatchObject({
      code: 'unreadable',
      messageKey: 'signing.pdf.noPages',
    });
  });
});

describe('loading a signing identity refuses crafted keys and certificates', () => {
  const EC_CURVE_P256 = () => new asn1js.ObjectIdentifier({ value: '1.2.840.10045.3.1.7' });
  let p256Keys: webcrypto.CryptoKeyPair;
  let p256: Uint8Array;
  beforeAll(async () => {
    p256Keys = await newKeys();
    p256 = await pkcs8Of(p256Keys);
  });

  it('a P-256 key labelled with an algorithm Bro does not know, even with the P-256 curve beside it (unsupportedKey)', async () => {
    const relabelled = privateKeyInfo('1.2.3.4.5', EC_CURVE_P256(), splitPkcs8(p256).keyOctets);
    await expect(loadIdentity({ ...valid, privateKeyPkcs8: relabelled })).rejects.toMatchObject({
      code: 'unreadable',
      messageKey: 'signing.identity.unsupportedKey',
    });
  });

  it('an EC key that does not name its curve, and a P-521 key (unsupportedKey)', async () => {
    const noCurve = privateKeyInfo('1.2.840.10045.2.1', null, splitPkcs8(p256).keyOctets);
    const p521 = await pkcs8Of(await newKeys({ name: 'ECDSA', namedCurve: 'P-521' }));
    for (const privateKeyPkcs8 of [noCurve, p521]) {
      await expect(loadIdentity({ ...valid, privateKeyPkcs8 })).rejects.toMatchObject({
        code: 'unreadable',
        messageKey: 'signing.identity.unsupportedKey',
      });
    }
  });

  it('an RSA key whose octets no crypto library can read (keyUnreadable)', async () => {
    // A truncated DER header: pkijs leaves it unparsed, WebCrypto refuses it.
    const broken = privateKeyInfo('1.2.840.113549.1.1.1', new asn1js.Null(), Uint8Array.from([0x30, 0x82]));
    await expect(loadIdentity({ ...valid, privateKeyPkcs8: broken })).rejects.toMatchObject({
      code: 'unreadable',
      messageKey: 'signing.identity.keyUnreadable',
    });
  });

  it('a certificate whose key is of another kind or curve than the private key (keyMismatch)', async () => {
    const rsaCert = await issue({ name: 'Fiktiv RSA-enhet', keys: await rsaKeys(2048), extensions: LEAF });
    const p384Cert = await issue({
      name: 'Fiktiv P-384-enhet',
      keys: await newKeys({ name: 'ECDSA', namedCurve: 'P-384' }),
      extensions: LEAF,
    });
    for (const certificate of [rsaCert.cert.der, p384Cert.cert.der]) {
      await expect(loadIdentity({ privateKeyPkcs8: p256, certificate, chain: [] })).rejects.toMatchObject({
        code: 'unreadable',
        messageKey: 'signing.identity.keyMismatch',
      });
    }
  });
});
