// Whom the verifier trusts (trust.ts): pinned certificates and fingerprints, trust-store authorities
// that require a CRL, and the CRLs from the trust store and from the file. Real keys and signatures.
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from './certificate';
import { validateSigner, type CarriedValidationData, type TrustList } from './trust';
import {
  at,
  CRL_SIGN,
  crlBy,
  DAY,
  KEY_CERT_SIGN,
  NOW,
  party,
  type Party,
} from '../../test/fixtures/signing/webcrypto-pki';

let root: Party;
let leaf: Party;
let crl: Uint8Array;
let revoking: Uint8Array;
beforeAll(async () => {
  root = await party('Fiktiv rot-CA', 10, undefined, KEY_CERT_SIGN | CRL_SIGN);
  leaf = await party('Fiktiv enhet', 11, root);
  crl = (await crlBy(root)).der;
  revoking = (await crlBy(root, { revoked: [{ serial: 11, at: at(-DAY) }] })).der;
});

const garbage = new TextEncoder().encode('ikke et sertifikat');

async function verdict(trust: TrustList, carried: Partial<CarriedValidationData> = {}) {
  const result = await validateSigner(
    leaf.cert,
    { certificates: carried.certificates ?? [leaf.cert, root.cert], crls: carried.crls ?? [] },
    trust,
    NOW,
  );
  return {
    indication: result.indication,
    subIndication: result.subIndication,
    keys: result.problems.map((problem) => problem.messageKey),
    chain: result.chain.map((item) => item.der),
  };
}

const PASSED = { indication: 'TOTAL-PASSED', subIndication: null, keys: [] };
const NEEDS_CRL = { indication: 'INDETERMINATE', subIndication: 'TRY_LATER', keys: ['trust.problem.noRevocationData'] };
const NO_CHAIN = {
  indication: 'INDETERMINATE',
  subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
  keys: ['trust.problem.noChain'],
};

describe('the signer is trusted', () => {
  it('not at all when nobody is trusted', async () => {
    expect(await verdict({})).toMatchObject({ ...NO_CHAIN, chain: [] });
  });

  it('when the signer certificate itself is pinned: a path of one', async () => {
    expect(await verdict({ certificates: [leaf.cert.der] })).toEqual({ ...PASSED, chain: [leaf.cert.der] });
  });

  it('when its CA is pinned, without a CRL', async () => {
    expect(await verdict({ certificates: [root.cert.der] })).toEqual({
      ...PASSED,
      chain: [leaf.cert.der, root.cert.der],
    });
  });

  it('when its CA is a trust-store authority and a CRL comes from the trust store or the file', async () => {
    expect(await verdict({ authorities: [root.cert.der] })).toMatchObject(NEEDS_CRL);
    expect(await verdict({ authorities: [root.cert.der], crls: [crl] })).toMatchObject(PASSED);
    expect(await verdict({ authorities: [root.cert.der] }, { crls: [crl] })).toMatchObject(PASSED);
  });

  it('with the stricter rule when a CA is both pinned and a trust-store authority', async () => {
    expect(await verdict({ certificates: [root.cert.der], authorities: [root.cert.der] })).toMatchObject(NEEDS_CRL);
  });

  it('when a pinned fingerprint, in any notation, names a CA the file carries', async () => {
    const colons = fingerprintOf(root.cert.der).toUpperCase().match(/../g)?.join(':') ?? '';
    expect(await verdict({ fingerprints: [colons] })).toMatchObject(PASSED);
    expect(await verdict({ fingerprints: [colons] }, { certificates: [leaf.cert] })).toMatchObject(NO_CHAIN);
  });

  it('past unreadable entries in the trust list, which are ignored', async () => {
    expect(await verdict({ certificates: [garbage, root.cert.der] })).toMatchObject(PASSED);
    expect(await verdict({ authorities: [garbage, root.cert.der], crls: [garbage, crl] })).toMatchObject(PASSED);
  });
});

describe('the signer is refused', () => {
  it('when a trust-store CRL revokes it, even under a pinned CA', async () => {
    const revoked = { indication: 'TOTAL-FAILED', subIndication: 'REVOKED', keys: ['trust.problem.revoked'] };
    expect(await verdict({ authorities: [root.cert.der], crls: [revoking] })).toMatchObject(revoked);
    expect(await verdict({ certificates: [root.cert.der], crls: [revoking] })).toMatchObject(revoked);
    expect(await verdict({ certificates: [root.cert.der] }, { crls: [revoking] })).toMatchObject(revoked);
  });
});
