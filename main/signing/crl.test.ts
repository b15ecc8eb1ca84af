// Revocation from CRLs (crl.ts): which CRL counts for a certificate and what it says. Real keys and
// real signatures (WebCrypto P-256), certificates and CRLs built as a CA would issue them.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeCrl, parseCrl, parseCrlQuietly, revocationState, type ParsedCrl } from './crl';
import { EXT } from './path/policy';
import {
  at,
  CRL_SIGN,
  crlBy,
  DAY,
  KEY_CERT_SIGN,
  MINUTE,
  NOW,
  party,
  type Party,
} from '../../test/fixtures/signing/webcrypto-pki';

let ca: Party;
let other: Party;
let noCrlSign: Party;
let leaf: Party;
beforeAll(async () => {
  ca = await party('Fiktiv CA', 1, undefined, KEY_CERT_SIGN | CRL_SIGN);
  [other, noCrlSign] = await Promise.all([
    party('Annen CA', 2, undefined, KEY_CERT_SIGN | CRL_SIGN),
    party('Fiktiv CA', 3, undefined, KEY_CERT_SIGN),
  ]);
  leaf = await party('Fiktiv enhet', 4242, ca);
});

const stateOf = async (crls: ParsedCrl[], issuer: Party = ca, now = NOW) =>
  revocationState(leaf.cert, issuer.cert, crls, now);

describe('revocation from a CRL the issuer signed', () => {
  it('is good when the CRL does not list the certificate, and says since when', async () => {
    expect(await stateOf([await crlBy(ca, { revoked: [{ serial: 99, at: at(-DAY) }] })])).toEqual({
      state: 'good',
      thisUpdate: at(-DAY),
    });
  });

  it('is revoked from the listed revocation date on, including that very moment', async () => {
    const revokedAt = at(-2 * DAY);
    const crl = await crlBy(ca, { thisUpdate: at(-3 * DAY), revoked: [{ serial: 4242, at: revokedAt }] });
    expect(await stateOf([crl])).toEqual({ state: 'revoked', revokedAt });
    expect(await stateOf([crl], ca, revokedAt)).toEqual({ state: 'revoked', revokedAt });
    expect((await stateOf([crl], ca, at(-2 * DAY - 1000))).state).toBe('good');
  });

  it('is stale once the CRL has passed its nextUpdate, and good up to that moment', async () => {
    const nextUpdate = at(-MINUTE);
    const crl = await crlBy(ca, { thisUpdate: at(-DAY), nextUpdate });
    expect(await stateOf([crl])).toEqual({ state: 'stale', nextUpdate });
    expect((await stateOf([crl], ca, nextUpdate)).state).toBe('good');
    expect((await stateOf([await crlBy(ca, { nextUpdate: null })])).state).toBe('good');
  });

  it('lets the freshest usable CRL decide, whatever the order it came in', async () => {
    const older = await crlBy(ca, { thisUpdate: at(-3 * DAY), revoked: [{ serial: 4242, at: at(-4 * DAY) }] });
    const newer = await crlBy(ca, { thisUpdate: at(-DAY) });
    expect((await stateOf([older, newer])).state).toBe('good');
    expect((await stateOf([newer, older])).state).toBe('good');
    const newerRevoking = await crlBy(ca, { thisUpdate: at(-DAY), revoked: [{ serial: 4242, at: at(-2 * DAY) }] });
    const olderGood = await crlBy(ca, { thisUpdate: at(-3 * DAY) });
    expect((await stateOf([olderGood, newerRevoking])).state).toBe('revoked');
    expect((await stateOf([newerRevoking, olderGood])).state).toBe('revoked');
  });

  it('does not let a newer forged CRL displace a genuine older one', async () => {
    const genuine = await crlBy(ca, { thisUpdate: at(-3 * DAY), revoked: [{ serial: 4242, at: at(-4 * DAY) }] });
    const forged = await crlBy(ca, { thisUpdate: at(-DAY), key: other.keys.privateKey });
    expect((await stateOf([genuine, forged])).state).toBe('revoked');
    expect((await stateOf([forged, genuine])).state).toBe('revoked');
  });

  it("of two CRLs issued at the same moment, lets the first given (the trust store's) decide", async () => {
    const revoking = await crlBy(ca, { revoked: [{ serial: 4242, at: at(-2 * DAY) }] });
    const clean = await crlBy(ca);
    expect((await stateOf([revoking, clean])).state).toBe('revoked');
    expect((await stateOf([clean, revoking])).state).toBe('good');
  });

  it('accepts a CRL issued up to five minutes ahead of the clock, and ignores one issued later', async () => {
    const revoking = (thisUpdate: Date) => crlBy(ca, { thisUpdate, revoked: [{ serial: 4242, at: at(-DAY) }] });
    expect((await stateOf([await revoking(at(4 * MINUTE))])).state).toBe('revoked');
    expect((await stateOf([await revoking(at(5 * MINUTE))])).state).toBe('revoked');
    expect(await stateOf([await revoking(at(6 * MINUTE))])).toEqual({ state: 'missing' });
  });

  it('understands a critical CRL number', async () => {
    const crl = await crlBy(ca, { extensions: [{ oid: EXT.crlNumber, critical: true }] });
    expect((await stateOf([crl])).state).toBe('good');
  });
});

describe('revocation is missing when no CRL can be used', () => {
  it.each([
    ['no CRL at all', async () => []],
    ['a CRL of an issuer with another name', async () => [await crlBy(other)]],
    ['a CRL under the right name signed by another key', async () => [await crlBy(ca, { key: other.keys.privateKey })]],
    [
      "a CRL signed by the issuer's key under another issuer name",
      async () => [await crlBy(other, { key: ca.keys.privateKey, revoked: [{ serial: 4242, at: at(-DAY) }] })],
    ],
    [
      'a CRL whose signature value is no signature at all',
      async () => [
        await crlBy(ca, { signatureValue: new Uint8Array([1, 2, 3]), revoked: [{ serial: 4242, at: at(-DAY) }] }),
      ],
    ],
    ['a CRL signed with SHA-1', async () => [await crlBy(ca, { hash: 'SHA-1' })]],
    [
      'a CRL with a critical extension Bro does not understand (a delta CRL)',
      async () => [await crlBy(ca, { extensions: [{ oid: '2.5.29.27', critical: true }] })],
    ],
  ] as const)('%s', async (_what, crls) => {
    const revoked = await stateOf(await crls());
    expect(revoked).toEqual({ state: 'missing' });
  });

  it('a CRL from an issuer whose key usage does not include cRLSign', async () => {
    const crl = await crlBy(noCrlSign, { revoked: [{ serial: 4242, at: at(-DAY) }] });
    expect(await stateOf([crl], noCrlSign)).toEqual({ state: 'missing' });
  });

  it('but a non-critical unknown extension does not make the CRL unusable', async () => {
    const crl = await crlBy(ca, { extensions: [{ oid: '2.5.29.27', critical: false }] });
    expect((await stateOf([crl])).state).toBe('good');
  });
});

describe('a CRL file', () => {
  it('is read only when it is exactly one DER CRL', async () => {
    const { der } = await crlBy(ca);
    expect(parseCrl(der).der).toEqual(der);
    expect(() => parseCrl(new Uint8Array([...der, 0]))).toThrow();
    expect(parseCrlQuietly(new Uint8Array([...der, 0]))).toBeNull();
    expect(parseCrlQuietly(new TextEncoder().encode('ikke en CRL'))).toBeNull();
    expect(parseCrlQuietly(der)?.der).toEqual(der);
  });

  it('is described by issuer, dates, number of revoked entries and fingerprint', async () => {
    const crl = await crlBy(ca, {
      revoked: [
        { serial: 7, at: at(-DAY) },
        { serial: 8, at: at(-DAY) },
      ],
    });
    const summary = describeCrl(crl);
    expect(summary).toEqual({
      issuer: 'CN=Fiktiv CA',
      thisUpdate: at(-DAY).toISOString(),
      nextUpdate: at(7 * DAY).toISOString(),
      revokedCount: 2,
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(describeCrl(await crlBy(ca, { nextUpdate: null }))).toMatchObject({ nextUpdate: null, revokedCount: 0 });
  });
});
