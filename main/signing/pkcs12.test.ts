import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { buildAsice } from './asice-build';
import { verifyAsice } from './asice-verify';
import { loadIdentity } from './identity';
import { signPdf } from './pades-sign';
import { verifyPdf } from './pades-verify';
import { importPkcs12 } from './pkcs12';
import { createTestCa, makePdf, opensslFingerprint, opensslIn, run } from './test-fixtures';
import { readZip } from './zip-read';

const temp = tempDirs('bro-signing-p12-');
afterAll(() => temp.cleanup());

const PASSWORD = 'Riktig hest batteri stift';
let dir: string;
let caFingerprint: string;

const openssl = (...args: string[]): string => opensslIn(dir)(...args);

const fingerprintOfPem = (file: string): string => opensslFingerprint(openssl, file);

/** A CA and a leaf issued by it, exported as PKCS#12 with the chain (OpenSSL 3 defaults unless `extra`). */
function issueP12(name: string, keyArgs: string[], extra: string[] = []): Uint8Array {
  openssl(
    'req',
    '-new',
    ...keyArgs,
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/O=Kriminalomsorgen/CN=${name}`,
  );
  openssl(
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    `${name}.pem`,
    '-days',
    '30',
    '-extfile',
    'leaf.cnf',
  );
  openssl(
    'pkcs12',
    '-export',
    '-inkey',
    `${name}.key`,
    '-in',
    `${name}.pem`,
    '-certfile',
    'ca.pem',
    '-out',
    `${name}.p12`,
    '-passout',
    `pass:${PASSWORD}`,
    ...extra,
  );
  return new Uint8Array(readFileSync(join(dir, `${name}.p12`)));
}

beforeAll(() => {
  dir = temp.make();
  createTestCa(openssl, dir);
  caFingerprint = fingerprintOfPem('ca.pem');
});

describe('PKCS#12 import', () => {
  it.each([
    ['rsa', ['-newkey', 'rsa:2048']],
    ['ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']],
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
    const identity = await loadIdentity(
      await importPkcs12(issueP12('asic', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']), PASSWORD),
    );
    const container = await buildAsice(
      [{ name: 'plan.json', bytes: new TextEncoder().encode('{"plan":"fiktiv"}') }],
      identity,
      { signingTime: new Date() },
    );
    const zip = await readZip(container);
    if (!zip.ok) throw new Error(zip.messageKey);
    for (const entry of zip.entries)
      if (entry.name.startsWith('META-INF/')) writeFileSync(join(dir, entry.name.slice(9)), entry.bytes);
    const result = run(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        'signature.p7s',
        '-content',
        'ASiCManifest.xml',
        '-CAfile',
        'ca.pem',
        '-out',
        '/dev/null',
      ],
      dir,
    );
    expect(result.stderr).toContain('Verification successful');
    const ca = identity.chain[0]?.der ?? new Uint8Array();
    expect((await verifyAsice(container, { trust: { certificates: [ca] } })).status).toBe('valid');
  });

  it('does not trust a look-alike CA that copies the real CA name', async () => {
    const real = new Uint8Array(readFileSync(join(dir, 'ca.pem')));
    openssl(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'fake-ca.key',
      '-out',
      'fake-ca.pem',
      '-days',
      '60',
      '-subj',
      '/O=Kriminalomsorgen/CN=Fiktiv test-CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    openssl(
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'mallory.key',
      '-out',
      'mallory.csr',
      '-subj',
      '/O=Kriminalomsorgen/CN=mallory',
    );
    openssl(
      'x509',
      '-req',
      '-in',
      'mallory.csr',
      '-CA',
      'fake-ca.pem',
      '-CAkey',
      'fake-ca.key',
      '-CAcreateserial',
      '-out',
      'mallory.pem',
      '-days',
      '30',
      '-extfile',
      'leaf.cnf',
    );
    openssl(
      'pkcs12',
      '-export',
      '-inkey',
      'mallory.key',
      '-in',
      'mallory.pem',
      '-certfile',
      'fake-ca.pem',
      '-out',
      'mallory.p12',
      '-passout',
      `pass:${PASSWORD}`,
    );
    const mallory = await loadIdentity(
      await importPkcs12(new Uint8Array(readFileSync(join(dir, 'mallory.p12'))), PASSWORD),
    );
    const signed = await signPdf(await makePdf(1), mallory, { signingTime: new Date() });
    const realCa = new Uint8Array(Buffer.from(real.toString().replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    const report = await verifyPdf(signed, { trust: { certificates: [realCa], fingerprints: [caFingerprint] } });
    expect(report).toMatchObject({ status: 'valid_untrusted', trusted: false });
  });

  it('gives a clear wrong-password error', async () => {
    const p12 = issueP12('wrongpw', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']);
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
