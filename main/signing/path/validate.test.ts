import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CA_EXTENSIONS, LEAF_EXTENSIONS, TestPki, type KeyKind } from '../../../test/fixtures/signing/pki';
import { parseCertificate, type ParsedCertificate } from '../certificate';
import { parseCrl } from '../crl';
import { MAX_CARRIED_CERTIFICATES, MAX_PATH_LENGTH } from './build';
import { SIGNING_EKUS } from './policy';
import { validatePath, type PathInput } from './validate';

let pki: TestPki;
let dir: string;
const now = new Date(Date.now() + 60_000);
const cert = (stem: string): ParsedCertificate => parseCertificate(pki.der(stem));

function leaf(name: string, extensions: string[], key: KeyKind = 'p256', issuer = 'int') {
  pki.cert({ name, issuer, key, extensions });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bro-path-'));
  pki = new TestPki(dir);
  pki.cert({ name: 'root', extensions: CA_EXTENSIONS, days: 90 });
  pki.cert({ name: 'int', issuer: 'root', extensions: CA_EXTENSIONS, days: 60 });
  leaf('rsa2047', LEAF_EXTENSIONS, 'rsa2047');
  leaf('p384', LEAF_EXTENSIONS, 'p384');
  leaf('no-key-usage', ['basicConstraints=critical,CA:FALSE']);
  for (const [name, eku] of [
    ['eku-document', '1.3.6.1.5.5.7.3.36'],
    ['eku-adobe', '1.2.840.113583.1.1.5'],
    ['eku-any', 'anyExtendedKeyUsage'],
    ['eku-client', 'clientAuth'],
    ['eku-server-email', 'serverAuth,emailProtection'],
  ])
    leaf(name as string, [...LEAF_EXTENSIONS, `extendedKeyUsage=${eku}`]);
  pki.cert({
    name: 'root-pathlen1',
    extensions: ['basicConstraints=critical,CA:TRUE,pathlen:1', 'keyUsage=critical,keyCertSign,cRLSign'],
  });
  pki.cert({ name: 'int-under-pathlen1', issuer: 'root-pathlen1', extensions: CA_EXTENSIONS });
  leaf('leaf-pathlen1', LEAF_EXTENSIONS, 'p256', 'int-under-pathlen1');
  // A ladder of intermediates for the depth limit: root → step1 → … → step8.
  let issuer = 'root';
  for (let step = 1; step <= MAX_PATH_LENGTH; step++) {
    pki.cert({ name: `step${step}`, issuer, extensions: CA_EXTENSIONS });
    issuer = `step${step}`;
  }
  leaf('deep-ok', LEAF_EXTENSIONS, 'p256', `step${MAX_PATH_LENGTH - 2}`);
  leaf('deep-too-far', LEAF_EXTENSIONS, 'p256', `step${MAX_PATH_LENGTH - 1}`);
  pki.cert({
    name: 'int-no-certsign',
    issuer: 'root',
    extensions: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,digitalSignature'],
  });
  leaf('under-no-certsign', LEAF_EXTENSIONS, 'p256', 'int-no-certsign');
  pki.cert({ name: 'int-tls', issuer: 'root', extensions: [...CA_EXTENSIONS, 'extendedKeyUsage=serverAuth'] });
  leaf('under-tls', LEAF_EXTENSIONS, 'p256', 'int-tls');
  leaf('unknown-critical', [...LEAF_EXTENSIONS, '1.3.6.1.4.1.99999.1=critical,ASN1:NULL']);
  for (let i = 0; i < MAX_CARRIED_CERTIFICATES; i++) pki.cert({ name: `filler${i}`, extensions: LEAF_EXTENSIONS });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function input(signer: string, carried: string[], anchor = 'root'): PathInput {
  return {
    signer: cert(signer),
    carried: carried.map(cert),
    anchors: [{ certificate: cert(anchor), requireRevocation: false }],
    crls: [],
    now,
  };
}

const verdictOf = async (signer: string, carried: string[] = ['int'], anchor = 'root') => {
  const verdict = await validatePath(input(signer, carried, anchor));
  return { indication: verdict.indication, subIndication: verdict.subIndication };
};
const PASSED = { indication: 'TOTAL-PASSED', subIndication: null };

describe('certification path validation at its boundaries', () => {
  it('accepts RSA 2048 (corpus) but refuses RSA 2047, accepts P-384', async () => {
    expect(await verdictOf('rsa2047')).toEqual({
      indication: 'INDETERMINATE',
      subIndication: 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
    });
    expect(await verdictOf('p384')).toEqual(PASSED);
  });

  it('allows a signer without keyUsage, and the signing EKUs Bro names; refuses TLS-client-only', async () => {
    expect([...SIGNING_EKUS]).toEqual([
      '1.3.6.1.5.5.7.3.4',
      '1.3.6.1.5.5.7.3.36',
      '2.5.29.37.0',
      '1.2.840.113583.1.1.5',
    ]);
    for (const name of ['no-key-usage', 'eku-document', 'eku-adobe', 'eku-any', 'eku-server-email'])
      expect({ name, ...(await verdictOf(name)) }).toEqual({ name, ...PASSED });
    expect(await verdictOf('eku-client')).toEqual({
      indication: 'INDETERMINATE',
      subIndication: 'SIG_CONSTRAINTS_FAILURE',
    });
    expect((await validatePath(input('eku-client', ['int']))).problems.map((p) => p.messageKey)).toEqual([
      'trust.problem.signerExtendedKeyUsage',
    ]);
  });

  it('names what is wrong with a CA, an unknown critical extension, and a certificate not valid yet', async () => {
    const keys = async (signer: string, carried: string[], at = now) =>
      (await validatePath({ ...input(signer, carried), now: at })).problems.map((p) => p.messageKey);
    expect(await keys('under-no-certsign', ['int-no-certsign'])).toEqual(['trust.problem.issuerKeyUsage']);
    expect(await keys('under-tls', ['int-tls'])).toEqual(['trust.problem.issuerExtendedKeyUsage']);
    expect(await keys('unknown-critical', ['int'])).toEqual(['trust.problem.unknownCriticalExtension']);
    const yesterday = new Date(now.getTime() - 2 * 24 * 3_600_000);
    expect(new Set(await keys('p384', ['int'], yesterday))).toEqual(new Set(['trust.problem.notYetValid']));
  });

  it('allows exactly pathLen intermediates below a CA', async () => {
    expect(await verdictOf('leaf-pathlen1', ['int-under-pathlen1'], 'root-pathlen1')).toEqual(PASSED);
  });

  it(`builds paths of up to ${MAX_PATH_LENGTH} certificates and no longer`, async () => {
    const ladder = Array.from({ length: MAX_PATH_LENGTH }, (_, i) => `step${i + 1}`);
    const ok = await validatePath(input('deep-ok', ladder));
    expect(ok.chain).toHaveLength(MAX_PATH_LENGTH);
    expect(ok.indication).toBe('TOTAL-PASSED');
    expect(await verdictOf('deep-too-far', ladder)).toEqual({
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    });
  });

  it(`uses at most ${MAX_CARRIED_CERTIFICATES} distinct carried certificates, duplicates counting once`, async () => {
    const fillers = Array.from({ length: MAX_CARRIED_CERTIFICATES }, (_, i) => `filler${i}`);
    const withDuplicates = [...fillers.slice(0, MAX_CARRIED_CERTIFICATES - 1), 'filler0', 'filler0', 'int'];
    expect(await verdictOf('leaf-pathlen1', [], 'root-pathlen1')).toMatchObject({
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    });
    expect(await verdictOf('p384', withDuplicates)).toEqual(PASSED);
    expect(await verdictOf('p384', [...fillers, 'int'])).toEqual({
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    });
  });

  it('requires a CRL under a trust-store CA, and treats a CRL from another issuer as absent', async () => {
    pki.crl('int', 'int.crl');
    pki.crl('root', 'root.crl');
    const base = input('p384', ['int']);
    const anchors = [{ certificate: cert('root'), requireRevocation: true }];
    const crl = (file: string) => parseCrl(pki.crlDer(file));
    expect(await validatePath({ ...base, anchors })).toMatchObject({ subIndication: 'TRY_LATER' });
    expect(await validatePath({ ...base, anchors, crls: [crl('int.crl'), crl('root.crl')] })).toMatchObject(PASSED);
    // The root's CRL presented as if it were the intermediate's: wrong issuer name, so not used.
    expect(await validatePath({ ...base, anchors, crls: [crl('root.crl'), crl('root.crl')] })).toMatchObject({
      subIndication: 'TRY_LATER',
    });
  });
});
