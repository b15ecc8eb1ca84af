import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { VerificationReportSchema } from '../../shared/domain/verification';
import { ASICE_MIMETYPE, buildAsice, MANIFEST_NAME, SIGNATURE_NAME, type AsiceDataFile } from './asice-build';
import { openAsiceForImport, verifyAsice } from './asice-verify';
import { sha256, toHex } from './crypto';
import type { SigningIdentity } from './identity';
import {
  flipByte,
  makeIdentity,
  makePdf,
  opensslCmsVerify,
  run,
  writeMetaInf,
  writeZip,
  type ZipSpec,
} from '../../test/fixtures/signing/signing-fixtures';
import { readZip } from './zip-read';

const temp = tempDirs('bro-signing-asice-');
afterAll(() => temp.cleanup());

const SIGNING_TIME = new Date('2026-03-02T10:15:00Z');
const NOW = new Date('2026-03-03T08:00:00Z');
const window = { notBefore: new Date('2026-01-01T00:00:00Z'), validityDays: 365 };

let signer: SigningIdentity;
let other: SigningIdentity;
let files: AsiceDataFile[];
let container: Uint8Array;

beforeAll(async () => {
  [signer, other] = await Promise.all([
    makeIdentity(window),
    makeIdentity({ ...window, commonName: 'Annen enhet', algorithm: 'rsa-3072' }),
  ]);
  files = [
    { name: 'oppfolgingsplan.pdf', bytes: await makePdf(3) },
    {
      name: 'oppfolgingsplan.json',
      bytes: new TextEncoder().encode(JSON.stringify({ kind: 'plan', person: 'Ola Testmann', version: 3 })),
    },
  ];
  container = await buildAsice(files, signer, { signingTime: SIGNING_TIME });
});

async function entries(bytes: Uint8Array): Promise<ZipSpec[]> {
  const zip = await readZip(bytes);
  if (!zip.ok) throw new Error(zip.messageKey);
  return zip.entries.map((entry) => ({ name: entry.name, bytes: entry.bytes }));
}

/** Re-packs the container after `change` edits its entries (mimetype stays first and stored). */
async function tampered(change: (list: ZipSpec[]) => ZipSpec[]): Promise<Uint8Array> {
  return writeZip(change(await entries(container)));
}

function replace(list: ZipSpec[], name: string, bytes: (old: Uint8Array) => Uint8Array): ZipSpec[] {
  return list.map((entry) => (entry.name === name ? { ...entry, bytes: bytes(entry.bytes) } : entry));
}

describe('signed container (ASiC-E with CAdES)', () => {
  it('starts with a stored mimetype entry without extra field, readable at offset 38', () => {
    const head = Buffer.from(container.subarray(0, 38 + ASICE_MIMETYPE.length));
    expect(head.readUInt32LE(0)).toBe(0x04034b50);
    expect(head.readUInt16LE(8)).toBe(0); // stored
    expect(head.readUInt16LE(28)).toBe(0); // no extra field
    expect(head.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(head.subarray(38).toString('latin1')).toBe(ASICE_MIMETYPE);
  });

  it('holds the data files, the manifest and the signature, in that order', async () => {
    expect((await entries(container)).map((entry) => entry.name)).toEqual([
      'mimetype',
      'oppfolgingsplan.pdf',
      'oppfolgingsplan.json',
      MANIFEST_NAME,
      SIGNATURE_NAME,
    ]);
    const manifest = new TextDecoder().decode(
      (await entries(container)).find((entry) => entry.name === MANIFEST_NAME)?.bytes,
    );
    expect(manifest).toContain('xmlns:asic="http://uri.etsi.org/02918/v1.2.1#"');
    expect(manifest).toContain('<asic:SigReference URI="META-INF/signature.p7s"');
    expect(manifest).toContain(
      `<ds:DigestValue>${Buffer.from(sha256(files[1]?.bytes ?? new Uint8Array())).toString('base64')}</ds:DigestValue>`,
    );
  });

  it('has a signature that openssl cms verifies over the manifest', async () => {
    const dir = temp.make();
    await writeMetaInf(container, dir);
    writeFileSync(join(dir, 'signer.der'), signer.certificate.der);
    run('openssl', ['x509', '-inform', 'DER', '-in', 'signer.der', '-out', 'signer.pem'], dir);
    const manifest = { signature: 'signature.p7s', content: 'ASiCManifest.xml', caFile: 'signer.pem' };
    expect(opensslCmsVerify(dir, manifest)).toMatchObject({
      status: 0,
      stderr: expect.stringContaining('Verification successful'),
    });
    const printed = run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'signature.p7s'], dir).stdout;
    for (const attribute of ['contentType', 'messageDigest', 'signingTime', 'id-smime-aa-signingCertificateV2'])
      expect(printed).toContain(attribute);
  });

  it('verifies in Bro as valid but untrusted, listing each file with its digest', async () => {
    const report = await verifyAsice(container, { now: NOW });
    expect(VerificationReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      format: 'asice',
      status: 'valid_untrusted',
      problems: [],
      warnings: [],
      signingTime: SIGNING_TIME.toISOString(),
    });
    expect(report.signer?.fingerprint).toBe(signer.summary.fingerprint);
    expect(report.files).toEqual(
      files.map((file) => ({
        name: file.name,
        size: file.bytes.length,
        sha256: toHex(sha256(file.bytes)),
        state: 'signed',
      })),
    );
  });

  it('is valid when the signer is trusted', async () => {
    expect(
      (await verifyAsice(container, { now: NOW, trust: { fingerprints: [signer.summary.fingerprint] } })).status,
    ).toBe('valid');
  });

  it('is byte-for-byte the same when built again with the same signing time (RSA)', async () => {
    const first = await buildAsice(files, other, { signingTime: SIGNING_TIME });
    const second = await buildAsice(files, other, { signingTime: SIGNING_TIME });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('is invalid when a data file changes, naming the file', async () => {
    const report = await verifyAsice(
      await tampered((list) => replace(list, 'oppfolgingsplan.json', (bytes) => flipByte(bytes, 5))),
      { now: NOW },
    );
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([
      { check: 'digest', file: 'oppfolgingsplan.json', messageKey: 'signing.problem.fileModified' },
    ]);
    expect(report.files.find((file) => file.name === 'oppfolgingsplan.json')?.state).toBe('modified');
  });

  it('is invalid when the manifest changes', async () => {
    const report = await verifyAsice(
      await tampered((list) => replace(list, MANIFEST_NAME, (bytes) => flipByte(bytes, bytes.length - 3))),
      { now: NOW },
    );
    expect(report.status).toBe('invalid');
    expect(report.problems).toContainEqual({
      check: 'signature',
      file: MANIFEST_NAME,
      messageKey: 'signing.problem.contentModified',
    });
  });

  it('is invalid when the signature changes', async () => {
    const report = await verifyAsice(
      await tampered((list) => replace(list, SIGNATURE_NAME, (bytes) => flipByte(bytes, bytes.length - 2))),
      { now: NOW },
    );
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([{ check: 'signature', messageKey: 'signing.problem.signatureValueInvalid' }]);
  });

  it('is invalid when a file is added', async () => {
    const report = await verifyAsice(
      await tampered((list) => [...list, { name: 'tillegg.txt', bytes: new TextEncoder().encode('lagt til etterpå') }]),
      { now: NOW },
    );
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([
      { check: 'coverage', file: 'tillegg.txt', messageKey: 'signing.problem.fileNotSigned' },
    ]);
    expect(report.files.find((file) => file.name === 'tillegg.txt')?.state).toBe('unsigned');
  });

  it('is invalid when a file is removed', async () => {
    const report = await verifyAsice(
      await tampered((list) => list.filter((entry) => entry.name !== 'oppfolgingsplan.pdf')),
      { now: NOW },
    );
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([
      { check: 'coverage', file: 'oppfolgingsplan.pdf', messageKey: 'signing.problem.fileMissing' },
    ]);
  });

  it("is invalid with another signer's signature over other content swapped in", async () => {
    const foreign = await buildAsice([{ name: 'annet.json', bytes: new TextEncoder().encode('{}') }], other, {
      signingTime: SIGNING_TIME,
    });
    const foreignSignature =
      (await entries(foreign)).find((entry) => entry.name === SIGNATURE_NAME)?.bytes ?? new Uint8Array();
    const report = await verifyAsice(await tampered((list) => replace(list, SIGNATURE_NAME, () => foreignSignature)), {
      now: NOW,
    });
    expect(report.status).toBe('invalid');
    expect(report.signer?.fingerprint).toBe(other.summary.fingerprint);
    expect(report.problems).toEqual([
      { check: 'signature', file: MANIFEST_NAME, messageKey: 'signing.problem.contentModified' },
    ]);
  });

  it('shows the other signer, untrusted, when someone re-signs the same files', async () => {
    const resigned = await buildAsice(files, other, { signingTime: SIGNING_TIME });
    const report = await verifyAsice(resigned, { now: NOW, trust: { fingerprints: [signer.summary.fingerprint] } });
    expect(report).toMatchObject({ status: 'valid_untrusted', signer: { commonName: 'Annen enhet' } });
  });

  it('is invalid when the certificate had expired at the signing time', async () => {
    const expired = await makeIdentity({
      commonName: 'Utløpt enhet',
      notBefore: new Date('2024-01-01T00:00:00Z'),
      validityDays: 30,
    });
    const report = await verifyAsice(await buildAsice(files, expired, { signingTime: SIGNING_TIME }), { now: NOW });
    expect(report).toMatchObject({
      status: 'invalid',
      problems: [{ check: 'certificate', messageKey: 'signing.problem.certificateExpiredAtSigning' }],
    });
  });

  it('refuses data file names that could escape or collide', async () => {
    for (const name of ['../plan.pdf', 'META-INF/x.xml', 'mimetype', 'a\\b.pdf', '/abs.pdf']) {
      await expect(
        buildAsice([{ name, bytes: new Uint8Array([1]) }], signer, { signingTime: SIGNING_TIME }),
      ).rejects.toMatchObject({ code: 'invalid_input' });
    }
    const twice = [
      { name: 'Plan.pdf', bytes: new Uint8Array([1]) },
      { name: 'plan.pdf', bytes: new Uint8Array([2]) },
    ];
    await expect(buildAsice(twice, signer, { signingTime: SIGNING_TIME })).rejects.toMatchObject({
      messageKey: 'signing.container.duplicateFileName',
    });
  });
});

describe('importing a received container', () => {
  it('hands over the data files of a valid container from a trusted signer', async () => {
    const result = await openAsiceForImport(container, {
      now: NOW,
      trust: { fingerprints: [signer.summary.fingerprint] },
    });
    expect(result.accepted).toBe(true);
    if (!result.accepted) return;
    expect(result.files.map((file) => [file.name, toHex(sha256(file.bytes))])).toEqual(
      files.map((file) => [file.name, toHex(sha256(file.bytes))]),
    );
  });

  it('hands over an untrusted signer’s files only when the user explicitly accepts', async () => {
    const refused = await openAsiceForImport(container, { now: NOW });
    expect(refused).toEqual({ accepted: false, report: expect.objectContaining({ status: 'valid_untrusted' }) });
    expect('files' in refused).toBe(false);
    expect((await openAsiceForImport(container, { now: NOW, acceptUntrusted: true })).accepted).toBe(true);
  });

  it('never hands over the files of a tampered container, even when untrusted signers are accepted', async () => {
    const bad = await tampered((list) => replace(list, 'oppfolgingsplan.pdf', (bytes) => flipByte(bytes, 100)));
    const result = await openAsiceForImport(bad, {
      now: NOW,
      acceptUntrusted: true,
      trust: { fingerprints: [signer.summary.fingerprint] },
    });
    expect(result).toEqual({ accepted: false, report: expect.objectContaining({ status: 'invalid' }) });
  });
});
