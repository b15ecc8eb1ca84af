import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  caExtensions,
  CA_WITHOUT_CERT_SIGN,
  issue,
  LEAF,
  newKeys,
  type Party,
} from '../../../test/fixtures/signing/identity-fixtures';
import { fingerprintOf, type ParsedCertificate } from '../certificate';
import { toArrayBuffer } from '../crypto';
import { findPaths, type PathSearch } from './build';

/**
 * The path search on its own: which certification paths it finds from a signer to a trust anchor,
 * by issuer name and by signature, and where it stops when a crafted certificate set would make it
 * search for ever. Certificates are P-256, made with pkijs (fictional names).
 */

let root: Party;
let int: Party;
let leaf: Party;

const anchorsOf = (...parties: Party[]) =>
  new Map(parties.map((party) => [fingerprintOf(party.cert.der), party.cert] as const));
const search = (pool: Party[], anchors: Party[]): PathSearch => ({
  pool: pool.map((party) => party.cert),
  anchors: anchorsOf(...anchors),
});
/** The same certificate with its outer signature algorithm replaced by an OID no engine knows. */
function withUnknownSignatureAlgorithm(party: Party): Party {
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(party.cert.der));
  cert.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.3.4.5.6' });
  const der = new Uint8Array(cert.toSchema().toBER(false));
  return { keys: party.keys, cert: { der, cert: pkijs.Certificate.fromBER(toArrayBuffer(der)) } };
}
/** Each path as the fingerprints of its certificates, signer first. */
const shapes = (paths: ParsedCertificate[][]) => paths.map((path) => path.map((item) => fingerprintOf(item.der)));
const shape = (...parties: Party[]) => parties.map((party) => fingerprintOf(party.cert.der));

beforeAll(async () => {
  root = await issue({ name: 'Fiktiv rot-CA', extensions: caExtensions() });
  int = await issue({ name: 'Fiktiv mellom-CA', issuer: root, extensions: caExtensions() });
  leaf = await issue({ name: 'Fiktiv enhet', issuer: int, extensions: LEAF });
});

describe('finding certification paths', () => {
  it('finds signer → intermediate → anchor, and nothing without the intermediate', async () => {
    expect(shapes(await findPaths(leaf.cert, search([int], [root])))).toEqual([shape(leaf, int, root)]);
    expect(await findPaths(leaf.cert, search([], [root]))).toEqual([]);
  });

  it('does not take a look-alike intermediate (same name, other key) as the issuer, even when it comes first', async () => {
    const lookAlike = await issue({ name: 'Fiktiv mellom-CA', issuer: root, extensions: caExtensions() });
    expect(await findPaths(leaf.cert, search([lookAlike], [root]))).toEqual([]);
    expect(shapes(await findPaths(leaf.cert, search([lookAlike, int], [root])))).toEqual([shape(leaf, int, root)]);
  });

  it('follows the issuer name: a certificate made with the right key but naming another issuer has no path', async () => {
    const misnamed = await issue({
      name: 'Fiktiv enhet med feil utsteder',
      issuer: int,
      issuerName: 'Fiktiv annen CA',
      extensions: LEAF,
    });
    expect(await findPaths(misnamed.cert, search([int], [root]))).toEqual([]);
  });

  it('treats a signature that cannot be checked (unknown algorithm) as not made by the issuer', async () => {
    // The outer signature algorithm replaced by an OID no engine knows; the bytes are otherwise the leaf's.
    const unknown = withUnknownSignatureAlgorithm(leaf).cert;
    expect(await findPaths(unknown, search([int], [root]))).toEqual([]);
  });

  it('does not let a self-signed signer carried in its own set count as its own issuer', async () => {
    const keys = await newKeys();
    const self = await issue({ name: 'Fiktiv selvsignert enhet', keys, extensions: LEAF });
    const anchor = await issue({ name: 'Fiktiv selvsignert enhet', keys, extensions: caExtensions() });
    expect(shapes(await findPaths(self.cert, search([self], [anchor])))).toEqual([shape(self, anchor)]);
  });
});

describe('the limits of the path search', () => {
  it('considers at most 8 complete paths', async () => {
    // Nine certificates of one CA key (re-issued with other serials), each a trust anchor.
    const keys = await newKeys();
    const issuers: Party[] = [];
    for (let i = 0; i < 9; i++)
      issuers.push(await issue({ name: 'Fiktiv fornyet CA', keys, extensions: CA_WITHOUT_CERT_SIGN }));
    const signer = await issue({ name: 'Fiktiv enhet B', issuer: issuers[0], extensions: LEAF });
    const paths = await findPaths(signer.cert, search([], issuers));
    expect(shapes(paths)).toEqual(issuers.slice(0, 8).map((issuer) => shape(signer, issuer)));
  });

  it('stops after 200 signature checks, so a trust list of look-alike CAs cannot make it slow', async () => {
    // 200 anchors with the issuer's name but another key, then the real issuer: the 201st check.
    const wrongKeys = await newKeys();
    const keys = await newKeys();
    const lookAlikes: Party[] = [];
    for (let i = 0; i < 200; i++)
      lookAlikes.push(await issue({ name: 'Fiktiv travel CA', keys: wrongKeys, extensions: caExtensions() }));
    const real = await issue({ name: 'Fiktiv travel CA', keys, extensions: caExtensions() });
    const signer = await issue({ name: 'Fiktiv enhet C', issuer: real, extensions: LEAF });
    expect(await findPaths(signer.cert, search([], [...lookAlikes, real]))).toEqual([]);
    // One look-alike fewer: the real issuer is the 200th check, and still made.
    expect(shapes(await findPaths(signer.cert, search([], [...lookAlikes.slice(1), real])))).toEqual([
      shape(signer, real),
    ]);
  });

  it('checks each signature once, so a detour reached by many routes does not use up the 200 checks', async () => {
    // Five layers of three re-issued CAs (one key and name per layer): 3^5 routes lead to the top
    // layer, whose own signatures cannot be checked (unknown algorithm). Counted once per pair, the
    // detour costs 42 checks and the real issuer, carried last, is still reached.
    const top = await issue({ name: 'Fiktiv omvei-topp', extensions: caExtensions() });
    let issuer = top;
    const detour: Party[] = [];
    for (let layer = 5; layer >= 1; layer--) {
      const keys = await newKeys();
      const parties: Party[] = [];
      for (let i = 0; i < 3; i++)
        parties.push(await issue({ name: `Fiktiv omvei ${layer}`, keys, issuer, extensions: caExtensions() }));
      detour.unshift(...(layer === 5 ? parties.map(withUnknownSignatureAlgorithm) : parties));
      issuer = parties[0] as Party;
    }
    // The real issuer shares the first layer's name and key, so it made the signer's signature too.
    const anchor = await issue({ name: 'Fiktiv omvei-rot', extensions: caExtensions() });
    const real = await issue({ name: 'Fiktiv omvei 1', keys: issuer.keys, issuer: anchor, extensions: caExtensions() });
    const signer = await issue({ name: 'Fiktiv enhet D', issuer: real, extensions: LEAF });
    expect(shapes(await findPaths(signer.cert, search([...detour, top, real], [anchor])))).toEqual([
      shape(signer, real, anchor),
    ]);
  });
});
