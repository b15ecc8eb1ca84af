// Certificates taken into trust: pinned signers (signing.trust) and the organisation's store
// (trust.add). What the verifier could not rely on is refused, whole files only, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pemFromDer } from '../../main/services/pem';
import { caExtensions, issue, LEAF, TLS, pkcs8Of, type Party } from '../fixtures/signing/identity-fixtures';
import { at, DAY, NOW } from '../fixtures/signing/webcrypto-pki';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
afterAll(() => apps.cleanup());

const pem = (party: Party) => pemFromDer(party.cert.der, 'CERTIFICATE');
const base64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');

let ca: Party;
let otherCa: Party;
let unit: Party;
let s: ServiceApp;

beforeAll(async () => {
  ca = await issue({ name: 'Fiktiv test-CA', extensions: caExtensions() });
  otherCa = await issue({ name: 'Fiktiv annen CA', extensions: caExtensions() });
  unit = await issue({ name: 'Fiktivby fengsel', issuer: ca, extensions: LEAF });
  s = await apps.make('NO', NOW.toISOString());
});

async function refusedTrust(certificatePem: string) {
  const rows = s.rows();
  const error = await s.fail('signing.trust', { label: 'Fiktivby fengsel', certificateBase64: base64(certificatePem) });
  expect(s.rows()).toEqual(rows);
  return error;
}

describe('signing.trust', () => {
  it('refuses a PEM file of several certificates rather than pin the first', async () => {
    expect(await refusedTrust(pem(otherCa) + pem(unit))).toMatchObject({
      code: 'invalid_input',
      messageKey: 'signing.pem.severalBlocks',
    });
  });

  it('refuses a PEM file that holds a private key besides the certificate', async () => {
    const key = pemFromDer(await pkcs8Of(unit.keys), 'PRIVATE KEY');
    expect(await refusedTrust(pem(unit) + key)).toMatchObject({ messageKey: 'signing.pem.severalBlocks' });
  });

  it('refuses a certificate that is neither a CA nor a signing certificate', async () => {
    const tls = await issue({ name: 'server.fiktiv.test', issuer: ca, extensions: TLS });
    expect(await refusedTrust(pem(tls))).toMatchObject({ messageKey: 'signing.trust.notSignerOrCa' });
  });

  it('refuses an expired certificate, and one not yet valid', async () => {
    const expired = await issue({ name: 'Fiktivby fengsel', issuer: ca, extensions: LEAF, notAfter: at(-DAY) });
    expect(await refusedTrust(pem(expired))).toMatchObject({
      messageKey: 'signing.trust.expired',
      params: { date: at(-DAY).toISOString().slice(0, 10) },
    });
    const early = await issue({ name: 'Fiktivby fengsel', issuer: ca, extensions: LEAF, notBefore: at(DAY) });
    expect(await refusedTrust(pem(early))).toMatchObject({ messageKey: 'signing.trust.notYetValid' });
  });

  it('pins a unit certificate and a CA certificate, each a file of one block', async () => {
    for (const party of [unit, ca]) {
      const pinned = await s.call('signing.trust', { label: 'Fiktiv', certificateBase64: base64(pem(party)) });
      expect(pinned.certificate?.subject).toContain(party === unit ? 'Fiktivby fengsel' : 'Fiktiv test-CA');
    }
  });

  it('audits pinning a known fingerprint again as an update (a relabel), not a second creation', async () => {
    const area = await apps.make('NO', NOW.toISOString());
    const fingerprint = 'ab'.repeat(32);
    await area.call('signing.trust', { label: 'Fiktivby fengsel', fingerprint });
    await area.call('signing.trust', { label: 'Fiktivby fengsel (telefonkontrollert)', fingerprint });
    const entries = (await area.call('audit.list', { objectId: fingerprint })).entries;
    expect(entries.map((entry) => entry.action)).toEqual(['update', 'create']); // newest first
  });
});

describe('trust.add', () => {
  async function refusedAdd(fileName: string, text: string) {
    const area = await apps.make('NO', NOW.toISOString());
    const rows = area.rows();
    const error = await area.fail('trust.add', { files: [{ fileName, fileBase64: base64(text) }] });
    expect(area.rows()).toEqual(rows);
    expect((await area.call('trust.list', {})).entries).toEqual([]);
    return error;
  }

  it('refuses an expired CA certificate', async () => {
    const expired = await issue({ name: 'Fiktiv utgått CA', extensions: caExtensions(), notAfter: at(-DAY) });
    expect(await refusedAdd('utgatt.pem', pem(expired))).toMatchObject({
      code: 'invalid_input',
      messageKey: 'trust.store.expired',
      params: { file: 'utgatt.pem', date: at(-DAY).toISOString().slice(0, 10) },
    });
  });

  it('refuses, whole, a PEM whose second block is cut short', async () => {
    const cut = pem(otherCa).slice(0, -40);
    expect(await refusedAdd('halv.pem', pem(ca) + cut)).toMatchObject({
      code: 'unreadable',
      messageKey: 'trust.store.unreadable',
      params: { file: 'halv.pem' },
    });
  });

  it('refuses, whole, a PEM that holds a block of another kind', async () => {
    const key = pemFromDer(await pkcs8Of(ca.keys), 'PRIVATE KEY');
    expect(await refusedAdd('med-nokkel.pem', pem(ca) + key)).toMatchObject({ messageKey: 'trust.store.unreadable' });
  });

  it('still adds every block of a whole PEM file', async () => {
    const area = await apps.make('NO', NOW.toISOString());
    const added = await area.call('trust.add', {
      files: [{ fileName: 'cas.pem', fileBase64: base64(pem(ca) + pem(otherCa)) }],
    });
    expect(added.added).toHaveLength(2);
  });
});
