import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { buildAsice } from './asice-build';
import { verifyAsice } from './asice-verify';
import { loadIdentity } from './identity';
import { signPdf } from './pades-sign';
import { verifyPdf } from './pades-verify';
import { fingerprintOf, type ParsedCertificate } from './certificate';
import { engine, toArrayBuffer } from './crypto';
import { chainFor, importPkcs12 } from './pkcs12';
import {
  createTestCa,
  EC_P256_KEY,
  flipByte,
  issueTestP12,
  makePdf,
  opensslCmsVerify,
  opensslFingerprint,
  opensslIn,
  run,
  writeMetaInf,
} from '../../test/fixtures/signing/signing-fixtures';
import {
  caExtensions,
  issue,
  LEAF,
  pkcs12Of,
  pkcs8Of,
  rsaKeys,
  type Party,
} from '../../test/fixtures/signing/identity-fixtures';

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

describe('PKCS#12 files made another way', () => {
  /** Re-exports `<name>.p12` without a MAC until a wrong password fails on padding, as it does 255 times in 256. */
  function exportWithoutMac(name: string): Uint8Array {
    for (let attempt = 0; ; attempt++) {
      openssl(
        'pkcs12',
        '-export',
        '-inkey',
        `${name}.key`,
        '-in',
        `${name}.pem`,
        '-certfile',
        'ca.pem',
        '-nomac',
        '-out',
        `${name}.p12`,
        '-passout',
        `pass:${PASSWORD}`,
      );
      const check = run(
        'openssl',
        ['pkcs12', '-in', `${name}.p12`, '-passin', 'pass:feil', '-nomacver', '-nodes', '-out', '/dev/null'],
        dir,
      );
      if (/bad decrypt/.test(check.stderr) || attempt === 5)
        return new Uint8Array(readFileSync(join(dir, `${name}.p12`)));
    }
  }

  it('imports a file without a MAC, where a wrong password shows as a failed decryption', async () => {
    issueP12('utenmac', EC_P256_KEY);
    const p12 = exportWithoutMac('utenmac');
    const identity = await loadIdentity(await importPkcs12(p12, PASSWORD));
    expect(identity.summary.fingerprint).toBe(fingerprintOfPem('utenmac.pem'));
    await expect(importPkcs12(p12, 'feil')).rejects.toMatchObject({
      code: 'wrong_passphrase',
      messageKey: 'signing.pkcs12.wrongPassword',
    });
  });

  it('refuses a file whose MAC does not check out, even with the right password', async () => {
    const p12 = issueP12('tuklet', EC_P256_KEY);
    await expect(importPkcs12(p12, PASSWORD)).resolves.toMatchObject({ chain: [expect.any(Uint8Array)] });
    // The last byte is the MAC's iteration count: the same password now gives another MAC key.
    await expect(importPkcs12(flipByte(p12, p12.length - 1), PASSWORD)).rejects.toMatchObject({
      code: 'wrong_passphrase',
      messageKey: 'signing.pkcs12.wrongPassword',
    });
  });
});

describe('PKCS#12 contents, crafted bag by bag', () => {
  let root: Party;
  let int: Party;
  let unit: Party;
  let unitKey: Uint8Array;
  beforeAll(async () => {
    root = await issue({ name: 'Fiktiv p12-rot', extensions: caExtensions() });
    int = await issue({ name: 'Fiktiv p12-mellom', issuer: root, extensions: caExtensions() });
    unit = await issue({ name: 'Fiktiv p12-enhet', issuer: int, extensions: LEAF });
    unitKey = await pkcs8Of(unit.keys);
  });

  it('reads a private key stored without encryption (a keyBag), with or without a MAC', async () => {
    for (const mac of [true, false]) {
      const p12 = await pkcs12Of([{ cert: unit.cert }, { key: unitKey }], { password: PASSWORD, mac });
      const bytes = await importPkcs12(p12, PASSWORD);
      expect(bytes).toEqual({ privateKeyPkcs8: unitKey, certificate: unit.cert.der, chain: [] });
      expect((await loadIdentity(bytes)).summary.commonName).toBe('Fiktiv p12-enhet');
    }
  });

  it("takes the certificate that matches the key wherever it is in the file, and that certificate's chain", async () => {
    const p12 = await pkcs12Of([{ cert: root.cert }, { cert: int.cert }, { key: unitKey }, { cert: unit.cert }], {
      password: PASSWORD,
      mac: true,
    });
    expect(await importPkcs12(p12, PASSWORD)).toEqual({
      privateKeyPkcs8: unitKey,
      certificate: unit.cert.der,
      chain: [int.cert.der, root.cert.der],
    });
  });

  it('refuses a file with two private keys (multipleKeys)', async () => {
    const other = await pkcs8Of(int.keys);
    const p12 = await pkcs12Of([{ key: unitKey }, { cert: unit.cert }, { key: other }], {
      password: PASSWORD,
      mac: true,
    });
    await expect(importPkcs12(p12, PASSWORD)).rejects.toMatchObject({
      code: 'unreadable',
      messageKey: 'signing.pkcs12.multipleKeys',
    });
  });

  it('says the key is unsupported (RSA 1024) rather than that no certificate matches it', async () => {
    const weak = await issue({ name: 'Fiktiv RSA-1024-enhet', keys: await rsaKeys(1024), extensions: LEAF });
    const p12 = await pkcs12Of([{ cert: root.cert }, { cert: weak.cert }, { key: await pkcs8Of(weak.keys) }], {
      password: PASSWORD,
      mac: true,
    });
    await expect(importPkcs12(p12, PASSWORD)).rejects.toMatchObject({
      code: 'unreadable',
      messageKey: 'signing.identity.unsupportedKey',
    });
  });

  it('skips a certificate bag holding an attribute certificate instead of reading it as X.509', async () => {
    const attributeCertBag = new pkijs.SafeBag({
      bagId: '1.2.840.113549.1.12.10.1.3',
      bagValue: new pkijs.CertBag({
        certId: '1.2.840.113549.1.9.22.3',
        certValue: new asn1js.OctetString({ valueHex: attributeCertificateOf(unit, int) }),
      }),
    });
    const p12 = await pkcs12Of([{ cert: unit.cert }, { key: unitKey }], { password: PASSWORD, mac: true });
    expect(await importPkcs12(await withBagFirst(p12, attributeCertBag), PASSWORD)).toEqual({
      privateKeyPkcs8: unitKey,
      certificate: unit.cert.der,
      chain: [],
    });
  });

  it('calls a PKCS#12 envelope around contents that are no PKCS#12 structure unreadable', async () => {
    const pfx = new pkijs.PFX({
      version: 3,
      authSafe: new pkijs.ContentInfo({
        contentType: '1.2.840.113549.1.7.1',
        content: new asn1js.OctetString({ valueHex: new TextEncoder().encode('ikke PKCS#12').buffer }),
      }),
    });
    await expect(importPkcs12(new Uint8Array(pfx.toSchema().toBER(false)), PASSWORD)).rejects.toMatchObject({
      code: 'unreadable',
      messageKey: 'signing.pkcs12.unreadable',
    });
  });
});

/** An RFC 5755 attribute certificate for `holder` (by name), its signature left unchecked. */
function attributeCertificateOf(holder: Party, issuer: Party): ArrayBuffer {
  const names = (party: Party) =>
    new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: party.cert.cert.subject })] });
  const ecdsaSha256 = () => new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.10045.4.3.2' });
  return new pkijs.AttributeCertificateV2({
    acinfo: new pkijs.AttributeCertificateInfoV2({
      version: 1,
      holder: new pkijs.Holder({ entityName: names(holder) }),
      issuer: new pkijs.V2Form({ issuerName: names(issuer) }),
      signature: ecdsaSha256(),
      serialNumber: new asn1js.Integer({ value: 7 }),
      attrCertValidityPeriod: new pkijs.AttCertValidityPeriod({
        notBeforeTime: new Date('2026-01-01T00:00:00Z'),
        notAfterTime: new Date('2027-01-01T00:00:00Z'),
      }),
      attributes: [],
    }),
    signatureAlgorithm: ecdsaSha256(),
    signatureValue: new asn1js.BitString({ valueHex: new Uint8Array(8).buffer }),
  })
    .toSchema()
    .toBER(false);
}

/** The PKCS#12 file re-made (same password, new MAC) with `bag` ahead of its own bags. */
async function withBagFirst(p12: Uint8Array, bag: pkijs.SafeBag): Promise<Uint8Array> {
  const password = toArrayBuffer(new TextEncoder().encode(PASSWORD));
  const pfx = pkijs.PFX.fromBER(toArrayBuffer(p12));
  await pfx.parseInternalValues({ password, checkIntegrity: true }, engine);
  const authenticatedSafe = pfx.parsedValue?.authenticatedSafe as pkijs.AuthenticatedSafe;
  await authenticatedSafe.parseInternalValues({ safeContents: [{}] }, engine);
  const contents = authenticatedSafe.parsedValue.safeContents[0].value as pkijs.SafeContents;
  contents.safeBags.unshift(bag);
  await authenticatedSafe.makeInternalValues({ safeContents: [{}] }, engine);
  const remade = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } });
  await remade.makeInternalValues(
    { password, iterations: 2048, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' },
    engine,
  );
  return new Uint8Array(remade.toSchema().toBER(false));
}

describe('the chain kept with an imported identity', () => {
  const fingerprints = (chain: ParsedCertificate[]) => chain.map((item) => fingerprintOf(item.der));
  const named = (name: string, issuerName: string) => issue({ name, issuerName, extensions: caExtensions() });

  it('ends at a self-signed root, even when another root carries the same name', async () => {
    const rootA = await issue({ name: 'Fiktiv kjede-rot', extensions: caExtensions() });
    const rootB = await issue({ name: 'Fiktiv kjede-rot', extensions: caExtensions() });
    const mid = await issue({ name: 'Fiktiv kjede-mellom', issuer: rootA, extensions: caExtensions() });
    const leaf = await issue({ name: 'Fiktiv kjede-enhet', issuer: mid, extensions: LEAF });
    expect(fingerprints(chainFor(leaf.cert, [mid.cert, rootA.cert, rootB.cert]))).toEqual(
      fingerprints([mid.cert, rootA.cert]),
    );
  });

  it('ends when two CAs name each other as issuer', async () => {
    const a = await named('Fiktiv løkke A', 'Fiktiv løkke B');
    const b = await named('Fiktiv løkke B', 'Fiktiv løkke A');
    const leaf = await issue({ name: 'Fiktiv løkke-enhet', issuerName: 'Fiktiv løkke A', extensions: LEAF });
    expect(fingerprints(chainFor(leaf.cert, [a.cert, b.cert]))).toEqual(fingerprints([a.cert, b.cert]));
  });

  it('keeps at most 10 issuers', async () => {
    const ladder: Party[] = [];
    for (let step = 1; step <= 12; step++) ladder.push(await named(`Fiktiv trinn ${step}`, `Fiktiv trinn ${step + 1}`));
    const leaf = await issue({ name: 'Fiktiv trinn-enhet', issuerName: 'Fiktiv trinn 1', extensions: LEAF });
    const certs = ladder.map((party) => party.cert);
    expect(fingerprints(chainFor(leaf.cert, certs))).toEqual(fingerprints(certs.slice(0, 10)));
  });
});
