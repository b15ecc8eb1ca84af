import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CA_EXTENSIONS, LEAF_EXTENSIONS, TestPki, type KeyKind } from '../../../test/fixtures/signing/pki';
import {
  caExtensions,
  CA_WITHOUT_CERT_SIGN,
  issue,
  LEAF,
  newKeys,
  type Party,
} from '../../../test/fixtures/signing/identity-fixtures';
import { crlBy, DAY, NOW } from '../../../test/fixtures/signing/webcrypto-pki';
import { fingerprintOf, parseCertificate, type ParsedCertificate } from '../certificate';
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

describe('what a refused path says, on certificates crafted for each check', () => {
  let root: Party;
  let int: Party;
  let leaf: Party;
  const rootAnchor = () => [{ certificate: root.cert, requireRevocation: false }];
  const run = (signer: Party, carried: Party[], extra: Partial<PathInput> = {}) =>
    validatePath({
      signer: signer.cert,
      carried: carried.map((p) => p.cert),
      anchors: rootAnchor(),
      crls: [],
      now: NOW,
      ...extra,
    });
  const refusal = (sub: string, ...problems: [string, string][]) => ({
    indication: 'INDETERMINATE',
    subIndication: sub,
    problems: problems.map(([messageKey, subject]) => ({ check: 'certificate', messageKey, params: { subject } })),
  });

  beforeAll(async () => {
    root = await issue({ name: 'Fiktiv rot-CA', extensions: caExtensions() });
    int = await issue({ name: 'Fiktiv mellom-CA', issuer: root, extensions: caExtensions() });
    leaf = await issue({ name: 'Fiktiv enhet', issuer: int, extensions: LEAF });
  });

  it('passes the plain path signer → intermediate → anchor', async () => {
    expect(await run(leaf, [int])).toMatchObject({ indication: 'TOTAL-PASSED', subIndication: null, problems: [] });
  });

  it("names the signer's own unknown critical extension and weak key", async () => {
    const odd = await issue({
      name: 'Fiktiv enhet med ukjent utvidelse',
      issuer: int,
      extensions: [...LEAF, { oid: '1.3.6.1.4.1.99999.7', critical: true, value: new asn1js.Null().toBER(false) }],
    });
    expect(await run(odd, [int])).toMatchObject(
      refusal('SIG_CONSTRAINTS_FAILURE', [
        'trust.problem.unknownCriticalExtension',
        'CN=Fiktiv enhet med ukjent utvidelse',
      ]),
    );
    const p521 = await issue({
      name: 'Fiktiv enhet P-521',
      issuer: int,
      keys: await newKeys({ name: 'ECDSA', namedCurve: 'P-521' }),
      extensions: LEAF,
    });
    expect(await run(p521, [int])).toMatchObject(
      refusal('CRYPTO_CONSTRAINTS_FAILURE_NO_POE', ['trust.problem.weakKey', 'CN=Fiktiv enhet P-521']),
    );
  });

  it('names what is wrong with an intermediate: weak key, key usage, unknown critical extension', async () => {
    const weak = await issue({
      name: 'Fiktiv svak CA',
      issuer: root,
      keys: await newKeys({ name: 'ECDSA', namedCurve: 'P-521' }),
      extensions: caExtensions(),
    });
    expect(await run(await issue({ name: 'Under svak', issuer: weak, extensions: LEAF }), [weak])).toMatchObject(
      refusal('CRYPTO_CONSTRAINTS_FAILURE_NO_POE', ['trust.problem.weakKey', 'CN=Fiktiv svak CA']),
    );
    const noCertSign = await issue({ name: 'Fiktiv CA uten certSign', issuer: root, extensions: CA_WITHOUT_CERT_SIGN });
    expect(
      await run(await issue({ name: 'Under uten certSign', issuer: noCertSign, extensions: LEAF }), [noCertSign]),
    ).toMatchObject(
      refusal('CHAIN_CONSTRAINTS_FAILURE', ['trust.problem.issuerKeyUsage', 'CN=Fiktiv CA uten certSign']),
    );
    const odd = await issue({
      name: 'Fiktiv CA med ukjent utvidelse',
      issuer: root,
      extensions: [
        ...caExtensions(),
        { oid: '1.3.6.1.4.1.99999.8', critical: true, value: new asn1js.Null().toBER(false) },
      ],
    });
    expect(await run(await issue({ name: 'Under ukjent', issuer: odd, extensions: LEAF }), [odd])).toMatchObject(
      refusal('CHAIN_CONSTRAINTS_FAILURE', [
        'trust.problem.unknownCriticalExtension',
        'CN=Fiktiv CA med ukjent utvidelse',
      ]),
    );
  });

  it('refuses an intermediate below an anchor that allows none (pathLen 0)', async () => {
    const strict = await issue({ name: 'Fiktiv streng rot', extensions: caExtensions(0) });
    const below = await issue({ name: 'Fiktiv CA under streng', issuer: strict, extensions: caExtensions() });
    const signer = await issue({ name: 'Fiktiv enhet under streng', issuer: below, extensions: LEAF });
    const anchors = [{ certificate: strict.cert, requireRevocation: false }];
    expect(await run(signer, [below], { anchors })).toMatchObject(
      refusal('CHAIN_CONSTRAINTS_FAILURE', ['trust.problem.pathLength', 'CN=Fiktiv streng rot']),
    );
    const direct = await issue({ name: 'Fiktiv enhet rett under streng', issuer: strict, extensions: LEAF });
    expect(await run(direct, [], { anchors })).toMatchObject({ indication: 'TOTAL-PASSED' });
  });

  it("relies on every issuer's SHA-256 signature, but not on the anchor's own self-signature", async () => {
    const sha1Root = await issue({ name: 'Fiktiv SHA-1-rot', extensions: caExtensions(), hash: 'SHA-1' });
    const underSha1Root = await issue({
      name: 'Fiktiv CA under SHA-1-rot',
      issuer: sha1Root,
      extensions: caExtensions(),
    });
    const signer = await issue({ name: 'Fiktiv enhet under SHA-1-rot', issuer: underSha1Root, extensions: LEAF });
    const anchors = [{ certificate: sha1Root.cert, requireRevocation: false }];
    expect(await run(signer, [underSha1Root], { anchors })).toMatchObject({ indication: 'TOTAL-PASSED', problems: [] });
    const sha1Int = await issue({
      name: 'Fiktiv CA signert med SHA-1',
      issuer: root,
      extensions: caExtensions(),
      hash: 'SHA-1',
    });
    const below = await issue({ name: 'Fiktiv enhet under SHA-1-CA', issuer: sha1Int, extensions: LEAF });
    expect(await run(below, [sha1Int])).toMatchObject(
      refusal('CRYPTO_CONSTRAINTS_FAILURE_NO_POE', [
        'trust.problem.weakSignatureAlgorithm',
        'CN=Fiktiv CA signert med SHA-1',
      ]),
    );
  });

  it('judges validity at now: expired and not yet valid, each named', async () => {
    const expired = await issue({
      name: 'Fiktiv utløpt enhet',
      issuer: int,
      extensions: LEAF,
      notAfter: new Date(NOW.getTime() - DAY),
    });
    expect(await run(expired, [int])).toMatchObject(
      refusal('OUT_OF_BOUNDS_NO_POE', ['trust.problem.expired', 'CN=Fiktiv utløpt enhet']),
    );
    const early = await issue({
      name: 'Fiktiv framtidig enhet',
      issuer: int,
      extensions: LEAF,
      notBefore: new Date(NOW.getTime() + DAY),
    });
    expect(await run(early, [int])).toMatchObject(
      refusal('NOT_YET_VALID', ['trust.problem.notYetValid', 'CN=Fiktiv framtidig enhet']),
    );
  });

  it('tells a revoked intermediate from a revoked signer, and says when a CRL is out of date', async () => {
    const intSerial = Number(int.cert.cert.serialNumber.valueBlock.valueDec);
    const leafSerial = Number(leaf.cert.cert.serialNumber.valueBlock.valueDec);
    const rootCrl = await crlBy(root, { revoked: [{ serial: intSerial, at: new Date(NOW.getTime() - DAY) }] });
    const intCrl = await crlBy(int);
    expect(await run(leaf, [int], { crls: [rootCrl, intCrl] })).toMatchObject(
      refusal('REVOKED_CA_NO_POE', ['trust.problem.caRevoked', 'CN=Fiktiv mellom-CA']),
    );
    const revokedLeaf = await crlBy(int, { revoked: [{ serial: leafSerial, at: new Date(NOW.getTime() - DAY) }] });
    expect(await run(leaf, [int], { crls: [await crlBy(root), revokedLeaf] })).toMatchObject({
      indication: 'TOTAL-FAILED',
      subIndication: 'REVOKED',
    });
    const staleCrl = await crlBy(int, {
      thisUpdate: new Date(NOW.getTime() - 10 * DAY),
      nextUpdate: new Date(NOW.getTime() - DAY),
    });
    expect(await run(leaf, [int], { crls: [await crlBy(root), staleCrl] })).toMatchObject(
      refusal('REVOCATION_OUT_OF_BOUNDS_NO_POE', ['trust.problem.crlStale', 'CN=Fiktiv enhet']),
    );
  });

  it('takes a later path that passes over an earlier one that does not', async () => {
    // The same CA key certified twice: first without keyCertSign, then properly.
    const bad = await issue({
      name: 'Fiktiv mellom-CA',
      issuer: root,
      keys: int.keys,
      extensions: CA_WITHOUT_CERT_SIGN,
    });
    const verdict = await run(leaf, [bad, int]);
    expect(verdict).toMatchObject({ indication: 'TOTAL-PASSED', problems: [] });
    expect(verdict.chain.map((item) => fingerprintOf(item.der))).toEqual(
      [leaf, int, root].map((party) => fingerprintOf(party.cert.der)),
    );
    expect(await run(leaf, [bad])).toMatchObject(
      refusal('CHAIN_CONSTRAINTS_FAILURE', ['trust.problem.issuerKeyUsage', 'CN=Fiktiv mellom-CA']),
    );
  });
});
