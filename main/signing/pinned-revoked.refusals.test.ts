// A unit's certificate pinned as a trusted signer (or a pinned intermediate CA) whose issuer has since
// revoked it (a stolen key): content signed with the revoked key must not verify as valid. The path
// ended at the pinned certificate, and revocation was only checked below it (audit 4). Real P-256 keys,
// a real CA and CRL, a real ASiC-E container and PAdES PDF.
import { beforeAll, describe, expect, it } from 'vitest';
import { onePagePdf } from '../../test/fixtures/signing/pdf-sign-fixtures';
import {
  at,
  CRL_SIGN,
  crlBy,
  DAY,
  KEY_CERT_SIGN,
  NOW,
  party,
  signerOf,
  type Party,
} from '../../test/fixtures/signing/webcrypto-pki';
import { buildAsice } from './asice-build';
import { openAsiceForImport, verifyAsice } from './asice-verify';
import { fingerprintOf } from './certificate';
import { signPdf } from './pades-sign';
import { verifyPdf } from './pades-verify';

let ca: Party;
let unitX: Party;
let revokingCrl: Uint8Array;
let forged: Uint8Array;

beforeAll(async () => {
  ca = await party('Fiktiv Kriminalomsorg CA', 1, undefined, KEY_CERT_SIGN | CRL_SIGN);
  unitX = await party('Fiktiv enhet X', 42, ca);
  // The CA revoked unit X's certificate yesterday; its CRL is in the receiver's trust store.
  revokingCrl = (await crlBy(ca, { revoked: [{ serial: 42, at: at(-DAY) }] })).der;
  // Signed with the stolen key, claiming a time before the revocation.
  forged = await buildAsice(
    [{ name: 'notat.txt', bytes: new TextEncoder().encode('forfalsket') }],
    signerOf(unitX, [ca]),
    {
      signingTime: at(-2 * DAY),
    },
  );
});

describe('a pinned signer its CA has revoked', () => {
  it.each([
    ['pinned by certificate', () => ({ certificates: [unitX.cert.der] })],
    ['pinned by fingerprint', () => ({ fingerprints: [fingerprintOf(unitX.cert.der)] })],
  ])('%s: revoked, and not imported', async (_how, pin) => {
    const trust = { ...pin(), authorities: [ca.cert.der], crls: [revokingCrl] };
    const report = await verifyAsice(forged, { trust, now: NOW });
    expect(report.status).not.toBe('valid');
    expect(report.indication).toBe('TOTAL-FAILED');
    expect(report.subIndication).toBe('REVOKED');
    expect((await openAsiceForImport(forged, { trust, now: NOW })).accepted).toBe(false);
  });

  it('revoked when the revoking CRL comes only with the file', async () => {
    const file = await buildAsice(
      [{ name: 'notat.txt', bytes: new TextEncoder().encode('x') }],
      signerOf(unitX, [ca]),
      {
        signingTime: at(-2 * DAY),
        validation: { certs: [], crls: [revokingCrl] },
      },
    );
    const report = await verifyAsice(file, { trust: { certificates: [unitX.cert.der] }, now: NOW });
    expect(report.subIndication).toBe('REVOKED');
  });

  it('a PAdES PDF signed with the revoked key: revoked', async () => {
    const pdf = await signPdf(await onePagePdf(), signerOf(unitX, [ca]), { signingTime: at(-2 * DAY) });
    const trust = { certificates: [unitX.cert.der], authorities: [ca.cert.der], crls: [revokingCrl] };
    const report = await verifyPdf(pdf, { trust, now: NOW });
    expect(report.indication).toBe('TOTAL-FAILED');
    expect(report.subIndication).toBe('REVOKED');
  });

  it('still valid when pinned and no CRL of its issuer is at hand, or the CRL does not list it', async () => {
    const pinned = { certificates: [unitX.cert.der] };
    expect((await verifyAsice(forged, { trust: pinned, now: NOW })).indication).toBe('TOTAL-PASSED');
    const otherCrl = (await crlBy(ca, { revoked: [{ serial: 7, at: at(-DAY) }] })).der;
    const listed = { ...pinned, authorities: [ca.cert.der], crls: [otherCrl] };
    expect((await verifyAsice(forged, { trust: listed, now: NOW })).indication).toBe('TOTAL-PASSED');
  });

  it('a CRL from a look-alike CA (same name, another key) revokes nothing', async () => {
    const lookAlike = await party('Fiktiv Kriminalomsorg CA', 1, undefined, KEY_CERT_SIGN | CRL_SIGN);
    const fakeCrl = (await crlBy(lookAlike, { revoked: [{ serial: 42, at: at(-DAY) }] })).der;
    const trust = { certificates: [unitX.cert.der], authorities: [lookAlike.cert.der], crls: [fakeCrl] };
    expect((await verifyAsice(forged, { trust, now: NOW })).indication).toBe('TOTAL-PASSED');
  });
});

describe('a pinned intermediate CA its root has revoked', () => {
  it('ends no valid path', async () => {
    const root = await party('Fiktiv rot-CA', 2, undefined, KEY_CERT_SIGN | CRL_SIGN);
    const region = await party('Fiktiv region-CA', 3, root, KEY_CERT_SIGN | CRL_SIGN);
    const unitY = await party('Fiktiv enhet Y', 4, region);
    const crls = [(await crlBy(root, { revoked: [{ serial: 3, at: at(-DAY) }] })).der, (await crlBy(region)).der];
    const file = await buildAsice(
      [{ name: 'notat.txt', bytes: new TextEncoder().encode('x') }],
      signerOf(unitY, [region]),
      {
        signingTime: at(-2 * DAY),
      },
    );
    const report = await verifyAsice(file, {
      trust: { certificates: [region.cert.der], authorities: [root.cert.der], crls },
      now: NOW,
    });
    expect(report.indication).not.toBe('TOTAL-PASSED');
    expect(report.subIndication).toBe('REVOKED_CA_NO_POE');
  });
});
