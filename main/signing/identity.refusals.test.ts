// Issue 17: identity, PKCS#12 and PDF-signing refusals no test named. Real keys (node:crypto,
// openssl) and real files in a temp folder; each input breaks one thing.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { loadIdentity, type SigningIdentityBytes } from './identity';
import { signPdf } from './pades-sign';
import { importPkcs12 } from './pkcs12';
import { generateSelfSignedIdentity } from './self-signed';
import { createTestCa, issueTestP12, makeIdentity, opensslIn } from '../../test/fixtures/signing/signing-fixtures';

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
