import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normaliseFingerprint } from '../../shared/domain/verification';
import { getStoredIdentity } from '../../main/db/repositories/signing-repo';
import { pdfPageTexts, waitForPoppler } from '../support/poppler';
import { decodeIdentity } from '../../main/signing';
import { createTestCa, issueTestP12, opensslFingerprint, opensslIn } from '../fixtures/signing/signing-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { snapshotFiles } from '../support/snapshot';
import { tempDirs } from '../support/temp-dir';
import { bytesOf, exportArea, finalisedPlan, makeCase } from './export-fixtures';

const apps = serviceApps();
const temp = tempDirs('bro-export-identity-');
let s: ServiceApp;
let area: ReturnType<typeof exportArea>;
let dir: string;

const PASSWORD = 'Fiktivt sertifikatpassord 2026';

const openssl = (...args: string[]): string => opensslIn(dir)(...args);

const fingerprintOf = (file: string): string => opensslFingerprint(openssl, file);

/** A fictional CA and a unit certificate it issued, as an OpenSSL 3 PKCS#12 with the chain. */
function unitP12(): Uint8Array {
  createTestCa(openssl, dir);
  return issueTestP12(openssl, dir, { name: 'unit', commonName: 'Fiktivby fengsel', password: PASSWORD });
}

beforeAll(async () => {
  await waitForPoppler();
  s = await apps.make('NO');
  area = exportArea(s, () => new Date());
  dir = temp.make();
}, 300_000);
afterAll(() => {
  apps.cleanup();
  temp.cleanup();
});

/** Whether any file of the vault folder holds these bytes as they are. */
function vaultFilesContain(needle: Uint8Array): boolean {
  return Object.keys(snapshotFiles(s.vaultDir)).some((name) =>
    readFileSync(join(s.vaultDir, name)).includes(Buffer.from(needle)),
  );
}

describe('signing identity in the vault', () => {
  it('creates one self-signed identity naming the unit, with a printable fingerprint, and refuses a silent replacement', async () => {
    expect(await area.call('signing.identity', {})).toEqual({ identity: null });
    const created = await area.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel, avdeling Ø' });
    expect(created.certificate).toMatchObject({
      commonName: 'Fiktivby fengsel, avdeling Ø',
      organization: 'Kriminalomsorgen',
      selfSigned: true,
    });
    expect(created.fingerprintFormatted).toMatch(/^([0-9A-F]{2}:){7}[0-9A-F]{2}( ([0-9A-F]{2}:){7}[0-9A-F]{2}){3}$/);
    expect(normaliseFingerprint(created.fingerprintFormatted)).toBe(created.certificate.fingerprint);
    expect(await area.call('signing.identity', {})).toEqual({ identity: created });

    const pem = await area.call('signing.certificate', {});
    writeFileSync(join(dir, 'own.pem'), pem.pem);
    expect(fingerprintOf('own.pem')).toBe(created.certificate.fingerprint);
    expect(pem.pem).not.toMatch(/PRIVATE KEY/);

    const refused = await area.call('signing.generateIdentity', { unitName: 'Et annet navn' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'already_exists', messageKey: 'export.identity.exists' });
    expect((await area.call('signing.identity', {})).identity?.certificate.fingerprint).toBe(
      created.certificate.fingerprint,
    );
  });

  it('keeps the private key only inside the encrypted vault, never in a file or a channel answer', async () => {
    const stored = getStoredIdentity(s.app.session.current().db);
    if (!stored) throw new Error('no identity stored');
    const key = decodeIdentity(stored.identity).privateKeyPkcs8;
    expect(vaultFilesContain(key)).toBe(false);
    expect(vaultFilesContain(new TextEncoder().encode(Buffer.from(key).toString('base64').slice(0, 40)))).toBe(false);
    const answers = JSON.stringify([
      await area.call('signing.identity', {}),
      await area.call('signing.certificate', {}),
    ]);
    expect(answers).not.toContain(Buffer.from(key).toString('base64').slice(0, 40));
  });

  it('replaces it with an RSA-3072 identity only when asked to, and signs with the new one', async () => {
    const rsa = await area.call('signing.generateIdentity', {
      unitName: 'Fiktivby fengsel',
      algorithm: 'rsa-3072',
      replace: true,
    });
    const caseId = await makeCase(s, 'KOMPIS-9001');
    const plan = await finalisedPlan(s, caseId);
    const file = await area.call('export.pdf', { documentId: plan.id, recipient: 'kdi' });
    const report = await area.call('verify.file', { fileName: file.fileName, fileBase64: file.fileBase64 });
    expect(report).toMatchObject({ status: 'valid_untrusted', signer: { fingerprint: rsa.certificate.fingerprint } });
    const audit = await s.call('audit.list', { objectId: rsa.certificate.fingerprint });
    expect(audit.entries.map((e) => e.action)).toEqual(['update']);
  });

  it('imports the unit identity from a PKCS#12 file with its chain, and refuses a wrong password without a change', async () => {
    const p12 = Buffer.from(unitP12()).toString('base64');
    const rows = s.rows();
    const wrong = await area
      .call('signing.importPkcs12', { fileBase64: p12, password: 'feil passord', replace: true })
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'wrong_passphrase', messageKey: 'signing.pkcs12.wrongPassword' });
    expect(s.rows()).toEqual(rows);
    const imported = await area.call('signing.importPkcs12', { fileBase64: p12, password: PASSWORD, replace: true });
    expect(imported).toMatchObject({
      source: 'pkcs12',
      chainLength: 1,
      certificate: { commonName: 'Fiktivby fengsel', selfSigned: false },
    });
    expect(imported.certificate.fingerprint).toBe(fingerprintOf('unit.pem'));

    const caseId = await makeCase(s, 'KOMPIS-9002');
    const file = await area.call('export.asice', { documentId: (await finalisedPlan(s, caseId)).id, recipient: 'kdi' });
    await area.call('signing.trust', { label: 'Fiktiv test-CA', fingerprint: fingerprintOf('ca.pem') });
    expect(await area.call('verify.file', { fileName: file.fileName, fileBase64: file.fileBase64 })).toMatchObject({
      status: 'valid',
      trusted: true,
    });
  });

  it('prints the fingerprint in four groups on a sheet for the receiver', async () => {
    const { identity } = await area.call('signing.identity', {});
    const sheet = await area.call('signing.fingerprintSheet', {});
    const text = (await pdfPageTexts(bytesOf(sheet.pdfBase64))).join('\n');
    for (const group of identity?.fingerprintFormatted.split(' ') ?? ['missing']) expect(text).toContain(group);
    expect(text).toContain('UGRADERT');
    // A sheet, not a case document (audit 9): it names its unit, and nothing on it reads as a case or a draft.
    expect(text.toLocaleUpperCase('nb')).toContain('ENHET');
    for (const caseWord of ['SAKSREFERANSE', 'VERSJON', 'IKKE FERDIGSTILT', 'UTKAST'])
      expect(text.toLocaleUpperCase('nb')).not.toContain(caseWord);
  });
});

describe('trust list', () => {
  it('trusts certificates and fingerprints with a label, and removes them again', async () => {
    const before = (await area.call('signing.trustList', {})).entries.length;
    const byCertificate = await area.call('signing.trust', {
      label: 'Egen enhet',
      certificateBase64: Buffer.from(readFileSync(join(dir, 'own.pem'))).toString('base64'),
    });
    expect(byCertificate).toMatchObject({
      label: 'Egen enhet',
      fingerprint: fingerprintOf('own.pem'),
      certificate: { selfSigned: true },
    });
    const typed = byCertificate.fingerprintFormatted.toLowerCase();
    const relabelled = await area.call('signing.trust', {
      label: 'Egen enhet (telefonkontrollert)',
      fingerprint: typed,
    });
    expect(relabelled).toMatchObject({ fingerprint: byCertificate.fingerprint, certificate: { selfSigned: true } });
    expect((await area.call('signing.trustList', {})).entries).toHaveLength(before + 1);

    const garbage = await area
      .call('signing.trust', {
        label: 'Ødelagt',
        certificateBase64: Buffer.from('ikke et sertifikat').toString('base64'),
      })
      .catch((e: unknown) => e);
    expect(garbage).toMatchObject({ code: 'unreadable' });
    // Refused at the boundary for giving both, not for anything else about the input.
    const both = await area
      .call('signing.trust', { label: 'Begge', fingerprint: typed, certificateBase64: 'AAAA' })
      .catch((e: unknown) => e);
    expect(both).toBeInstanceOf(z.ZodError);
    expect((both as z.ZodError).issues).toEqual([
      expect.objectContaining({ path: ['certificateBase64'], message: 'give either a certificate or a fingerprint' }),
    ]);

    expect(await area.call('signing.untrust', { fingerprint: typed })).toEqual({ removed: true });
    expect(await area.call('signing.untrust', { fingerprint: typed }).catch((e: unknown) => e)).toMatchObject({
      code: 'not_found',
    });
    expect((await area.call('signing.trustList', {})).entries).toHaveLength(before);
  });
});
