import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToTrustStore } from '../../main/services/trust-store-service';
import { verifyPdf } from '../../main/signing/pades-verify';
import { readDss } from '../../main/signing/pades-ltv';
import { readZip } from '../../main/signing/zip-read';
import { createTestCa, issueTestP12, opensslIn } from '../fixtures/signing/signing-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { tempDirs } from '../support/temp-dir';
import { issueTestCrl } from '../support/test-crl';
import { exportArea, finalisedPlan, makeCase } from './export-fixtures';

const apps = serviceApps();
const temp = tempDirs('bro-export-ltv-');
let s: ServiceApp;
let documentId: string;
let ca: { crl: Uint8Array; caDer: Uint8Array };
let area: ReturnType<typeof exportArea>;

afterAll(() => {
  apps.cleanup();
  temp.cleanup();
});

const hex = (items: Uint8Array[]) => items.map((item) => Buffer.from(item).toString('hex'));
const bytesOf = (saved: { fileBase64: string }) => new Uint8Array(Buffer.from(saved.fileBase64, 'base64'));

beforeAll(async () => {
  const dir = temp.make();
  const openssl = opensslIn(dir);
  createTestCa(openssl, dir);
  ca = issueTestCrl(openssl, dir);
  const p12 = issueTestP12(openssl, dir, { name: 'enhet', password: 'fiktivt-passord', commonName: 'Fiktiv enhet' });
  // The real clock: the certificates and the CRL were made a moment ago.
  s = await apps.make('NO', new Date(Date.now() + 2000).toISOString());
  area = exportArea(s, () => new Date(Date.now() + 2000));
  await area.call('signing.importPkcs12', {
    fileBase64: Buffer.from(p12).toString('base64'),
    password: 'fiktivt-passord',
  });
  documentId = (await finalisedPlan(s, await makeCase(s, 'KOMPIS-7201'))).id;
}, 300_000);

describe('Exports carry long-term validation data when the trust store has CRLs', () => {
  it('a PDF exported before any CRL is in the store stays baseline B (no DSS)', async () => {
    const pdf = bytesOf(await area.call('export.pdf', { documentId, recipient: 'kdi' }));
    expect(await readDss(pdf)).toEqual({ certs: [], crls: [] });
  });

  it('with the CA and its CRL in the store, the PDF gets a DSS and verifies TOTAL-PASSED offline', async () => {
    addToTrustStore(area.deps, [
      { name: 'ca.der', bytes: ca.caDer },
      { name: 'ca.crl', bytes: ca.crl },
    ]);
    const pdf = bytesOf(await area.call('export.pdf', { documentId, recipient: 'kdi' }));
    const dss = await readDss(pdf);
    expect(hex(dss.crls)).toEqual(hex([ca.crl]));
    expect(hex(dss.certs)).toContain(hex([ca.caDer])[0]);
    // A receiver who trusts the CA but has no CRL of its own: the DSS supplies the revocation data.
    const report = await verifyPdf(pdf, { trust: { authorities: [ca.caDer] } });
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('valid');
  });

  it('the ASiC-E signature carries the CRL in the CMS crls field', async () => {
    const container = bytesOf(await area.call('export.asice', { documentId, recipient: 'kdi' }));
    const zip = await readZip(container);
    if (!zip.ok) throw new Error(zip.messageKey);
    const p7s = zip.entries.find((entry) => entry.name === 'META-INF/signature.p7s');
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(p7s!.bytes).slice().buffer);
    const signed = new pkijs.SignedData({ schema: info.content });
    expect(signed.crls).toHaveLength(1);
  });
});
