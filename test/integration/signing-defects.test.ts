// The five defects of issue 10, tried as an attacker would. Each failed on the code before the fix.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAsice, verifyAsice } from '../../main/signing';
import { readZip } from '../../main/signing/zip-read';
import { fileSigner, generateCorpus, replaceCarried } from '../fixtures/signing/generate-corpus';
import type { TestPki } from '../fixtures/signing/pki';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { snapshotFiles } from '../support/snapshot';
import { bytesOf, exportArea, finalisedPlan, makeCase, NORDIC } from './export-fixtures';

let dir: string;
let pki: TestPki;
const base = new Date(Math.floor(Date.now() / 1000) * 1000);
const signingTime = new Date(base.getTime() + 30 * 60_000);
const now = new Date(base.getTime() + 60 * 60_000);
const DAY = 24 * 3_600_000;
const FILE = { name: 'notat.txt', bytes: new TextEncoder().encode('Fiktivt notat.\n') };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bro-defects-'));
  ({ pki } = generateCorpus(dir, base));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A container signed by `signer`, carrying exactly `carried` besides it (duplicates kept). */
async function signed(signer: string, carried: string[], time = signingTime): Promise<Uint8Array> {
  const container = await buildAsice([FILE], fileSigner(pki, signer), { signingTime: time });
  return replaceCarried(
    container,
    carried.map((stem) => pki.der(stem)),
  );
}

/** Trust as the vault's trusted-signer list gives it: pinned certificates, revocation not required. */
const pinned = (...stems: string[]) => ({ certificates: stems.map((stem) => pki.der(stem)) });

describe('issue 10 defects', () => {
  it('1. does not trust an attacker who carries his certificate twice and a CA-issued one, the CA being trusted', async () => {
    const report = await verifyAsice(await signed('attacker', ['attacker', 'attacker', 'leaf', 'int']), {
      trust: pinned('root'),
      now,
    });
    expect(report).toMatchObject({
      status: 'valid_untrusted',
      trusted: false,
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
      signer: { commonName: 'attacker' },
    });
  });

  it('1. does not trust an attacker who carries a trusted self-signed CA:TRUE certificate', async () => {
    const report = await verifyAsice(await signed('attacker', ['attacker', 'pinned-ca', 'pinned-ca']), {
      trust: pinned('pinned-ca'),
      now,
    });
    expect(report).toMatchObject({ status: 'valid_untrusted', trusted: false, signer: { commonName: 'attacker' } });
  });

  it('2. ends quickly on two certificates that issue each other, with no chain found', async () => {
    const container = await signed('leaf-loop', ['loop-x', 'loop-y', 'loop-x']);
    const started = performance.now();
    const report = await verifyAsice(container, { trust: pinned('root'), now });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(report).toMatchObject({
      trusted: false,
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    });
  }, 10_000);

  it('3. judges validity now: an expired certificate with a backdated signing time is not trusted', async () => {
    const report = await verifyAsice(await signed('leaf-expired', ['int']), {
      trust: pinned('root'),
      now: new Date(base.getTime() + 2 * DAY),
    });
    expect(report).toMatchObject({
      status: 'valid_untrusted',
      trusted: false,
      indication: 'INDETERMINATE',
      subIndication: 'OUT_OF_BOUNDS_NO_POE',
      // The claimed time is shown as the signer's claim, never used to judge validity.
      signingTime: signingTime.toISOString(),
    });
  });

  it.each([
    ['a TLS-only certificate (keyAgreement, serverAuth)', 'leaf-tls', ['int'], 'root', 'SIG_CONSTRAINTS_FAILURE'],
    ['an RSA-1024 signer', 'leaf-rsa1024', ['int'], 'root', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'],
    ['a SHA-1-signed CA', 'leaf-sha1', ['int-sha1'], 'root', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'],
    ['a violated pathLen', 'leaf-pathlen', ['int-pathlen'], 'root-pathlen0', 'CHAIN_CONSTRAINTS_FAILURE'],
  ])('4. refuses %s under a trusted CA', async (_label, signer, carried, anchor, subIndication) => {
    const report = await verifyAsice(await signed(signer, carried), { trust: pinned(anchor), now });
    expect(report).toMatchObject({
      status: 'valid_untrusted',
      trusted: false,
      indication: 'INDETERMINATE',
      subIndication,
    });
  });

  it('still trusts the good chain under the same pinned CA (the fixtures are sound)', async () => {
    const report = await verifyAsice(await signed('leaf', ['int']), { trust: pinned('root'), now });
    expect(report).toMatchObject({ status: 'valid', trusted: true, indication: 'TOTAL-PASSED' });
  });
});

describe('issue 10 defect 1 on the import path', () => {
  const apps = serviceApps();
  let sender: ServiceApp;
  let kdi: ServiceApp;
  let container: Uint8Array;

  beforeAll(async () => {
    [sender, kdi] = await Promise.all([apps.make('NO'), apps.make('NO')]);
    pki.openssl(
      'pkcs12',
      '-export',
      '-inkey',
      'leaf.key',
      '-in',
      'leaf.pem',
      '-certfile',
      'int.pem',
      '-out',
      'leaf.p12',
      '-passout',
      'pass:Fiktivt passord',
    );
    const senderArea = exportArea(sender, () => now);
    await senderArea.call('signing.importPkcs12', {
      fileBase64: readFileSync(pki.path('leaf.p12')).toString('base64'),
      password: 'Fiktivt passord',
    });
    const plan = await finalisedPlan(sender, await makeCase(sender));
    container = bytesOf((await senderArea.call('export.asice', { documentId: plan.id, recipient: 'kdi' })).fileBase64);
    await exportArea(kdi, () => now).call('signing.trust', {
      label: 'Fiktiv rot-CA',
      certificateBase64: readFileSync(pki.path('root.pem')).toString('base64'),
    });
  }, 300_000);
  afterAll(() => apps.cleanup());

  it('refuses a changed container re-signed by an attacker carrying the unit certificate, and writes nothing', async () => {
    const zip = await readZip(container);
    if (!zip.ok) throw new Error(zip.messageKey);
    const changed = zip.entries
      .filter((entry) => entry.name !== 'mimetype' && !entry.name.startsWith('META-INF/'))
      .map((entry) => ({
        name: entry.name,
        bytes: entry.name.endsWith('.json')
          ? new TextEncoder().encode(new TextDecoder().decode(entry.bytes).replace(NORDIC, 'Endret av en angriper'))
          : entry.bytes,
      }));
    const forged = await replaceCarried(
      await buildAsice(changed, fileSigner(pki, 'attacker'), { signingTime }),
      ['attacker', 'attacker', 'leaf', 'int'].map((stem) => pki.der(stem)),
    );
    const kdiArea = exportArea(kdi, () => now);
    const before = { rows: kdi.rows(), files: snapshotFiles(kdi.vaultDir) };
    const result = await kdiArea.call('import.file', {
      fileName: 'plan.asice',
      fileBase64: Buffer.from(forged).toString('base64'),
      acceptUntrusted: false,
    });
    expect(result).toMatchObject({
      outcome: 'refused',
      report: { trusted: false, signer: { commonName: 'attacker' } },
    });
    expect({ rows: kdi.rows(), files: snapshotFiles(kdi.vaultDir) }).toEqual(before);
    // The genuine container from the same unit imports: the CA on the trust list is enough for it.
    const genuine = await kdiArea.call('import.file', {
      fileName: 'plan.asice',
      fileBase64: Buffer.from(container).toString('base64'),
      acceptUntrusted: false,
    });
    expect(genuine.outcome).toBe('imported');
  });

  it('refuses a container signed with an RSA-1024 key even when untrusted signers are accepted, and writes nothing', async () => {
    const zip = await readZip(container);
    if (!zip.ok) throw new Error(zip.messageKey);
    const dataFiles = zip.entries
      .filter((entry) => entry.name !== 'mimetype' && !entry.name.startsWith('META-INF/'))
      .map((entry) => ({ name: entry.name, bytes: entry.bytes }));
    const weak = await buildAsice(dataFiles, fileSigner(pki, 'leaf-rsa1024'), { signingTime });
    const before = { rows: kdi.rows(), files: snapshotFiles(kdi.vaultDir) };
    const result = await exportArea(kdi, () => now).call('import.file', {
      fileName: 'plan.asice',
      fileBase64: Buffer.from(weak).toString('base64'),
      acceptUntrusted: true,
    });
    expect(result).toMatchObject({
      outcome: 'refused',
      report: { subIndication: 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE' },
    });
    expect({ rows: kdi.rows(), files: snapshotFiles(kdi.vaultDir) }).toEqual(before);
  });
});
