import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerificationReportSchema, type VerificationReport } from '../../shared/domain/verification';
import { FollowUpPlanContentSchema } from '../../shared/domain';
import { buildAsice, type SigningIdentity } from '../../main/signing';
import { flipByte, makeIdentity, rawZip, writeZip, type ZipSpec } from '../fixtures/signing/signing-fixtures';
import { readZip } from '../../main/signing/zip-read';
import { loadVaultIdentity } from '../../main/services/signing-service';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { snapshotFiles } from '../support/snapshot';
import { bytesOf, exportArea, finalisedPlan, makeCase, NORDIC } from './export-fixtures';

const apps = serviceApps();
let sender: ServiceApp;
let kdi: ServiceApp;
let senderArea: ReturnType<typeof exportArea>;
let kdiArea: ReturnType<typeof exportArea>;
let container: Uint8Array;
let signedPdf: Uint8Array;
let senderIdentity: SigningIdentity;
let otherSigner: SigningIdentity;
let senderFingerprint: string;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

beforeAll(async () => {
  [sender, kdi] = await Promise.all([apps.make('NO'), apps.make('NO')]);
  senderArea = exportArea(sender);
  kdiArea = exportArea(kdi);
  const identity = await senderArea.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
  senderFingerprint = identity.certificate.fingerprint;
  const plan = await finalisedPlan(sender, await makeCase(sender));
  container = bytesOf((await senderArea.call('export.asice', { documentId: plan.id, recipient: 'kdi' })).fileBase64);
  signedPdf = bytesOf((await senderArea.call('export.pdf', { documentId: plan.id, recipient: 'kdi' })).fileBase64);
  senderIdentity = await loadVaultIdentity(sender.app.session.current().db);
  otherSigner = await makeIdentity({ commonName: 'Annen enhet' });
}, 300_000);
afterAll(() => apps.cleanup());

async function entries(bytes: Uint8Array): Promise<ZipSpec[]> {
  const zip = await readZip(bytes);
  if (!zip.ok) throw new Error(zip.messageKey);
  return zip.entries.map((entry) => ({ name: entry.name, bytes: entry.bytes }));
}

/** The container re-packed after `change` edits its entries (mimetype stays first and stored). */
async function tampered(change: (list: ZipSpec[]) => ZipSpec[] | Promise<ZipSpec[]>): Promise<Uint8Array> {
  return writeZip(await change(await entries(container)));
}

const flipIn = (name: string) => (list: ZipSpec[]) =>
  list.map((entry) =>
    entry.name === name ? { ...entry, bytes: flipByte(entry.bytes, Math.floor(entry.bytes.length / 2)) } : entry,
  );

/** Every row of the vault and every byte of its folder, to prove a refused import wrote nothing. */
function vaultState(app: ServiceApp) {
  return { rows: app.rows(), files: snapshotFiles(app.vaultDir) };
}

async function refusedWithoutWriting(
  bytes: Uint8Array,
  fileName: string,
  acceptUntrusted = true,
): Promise<{ report: VerificationReport; messageKey: string }> {
  const before = vaultState(kdi);
  const result = await kdiArea.call('import.file', { fileName, fileBase64: b64(bytes), acceptUntrusted });
  if (result.outcome !== 'refused') throw new Error('import should have been refused');
  expect(vaultState(kdi)).toEqual(before);
  return { report: result.report, messageKey: result.reason.messageKey };
}

describe('verifying a received file (KDI side)', () => {
  it('reports a container from an unknown signer as valid but untrusted, and as valid once the fingerprint is trusted', async () => {
    const report = await kdiArea.call('verify.file', { fileName: 'plan.asice', fileBase64: b64(container) });
    expect(VerificationReportSchema.parse(report)).toMatchObject({
      status: 'valid_untrusted',
      trusted: false,
      signer: { fingerprint: senderFingerprint },
    });
    const pdf = await kdiArea.call('verify.file', { fileName: 'plan.pdf', fileBase64: b64(signedPdf) });
    expect(pdf).toMatchObject({ format: 'pdf', status: 'valid_untrusted' });
  });

  it.each([
    ['a flipped byte in the PDF data file', flipIn('follow_up_plan.pdf'), 'digest', 'follow_up_plan.pdf'],
    ['a flipped byte in the JSON data file', flipIn('follow_up_plan.json'), 'digest', 'follow_up_plan.json'],
    ['a flipped byte in the manifest', flipIn('META-INF/ASiCManifest.xml'), 'signature', undefined],
    ['a flipped byte in the signature', flipIn('META-INF/signature.p7s'), 'signature', undefined],
    [
      'an added file',
      (list: ZipSpec[]) => [...list, { name: 'tillegg.txt', bytes: new TextEncoder().encode('lagt til etterpå') }],
      'coverage',
      'tillegg.txt',
    ],
    [
      'a removed file',
      (list: ZipSpec[]) => list.filter((e) => e.name !== 'bro-export.json'),
      'coverage',
      'bro-export.json',
    ],
  ] as const)('finds %s invalid, names what failed, and imports nothing', async (_label, change, check, file) => {
    const bytes = await tampered(change);
    const report = await kdiArea.call('verify.file', { fileName: 'plan.asice', fileBase64: b64(bytes) });
    expect(report.status).toBe('invalid');
    expect(report.problems.some((p) => p.check === check && (file === undefined || p.file === file))).toBe(true);
    const refused = await refusedWithoutWriting(bytes, 'plan.asice');
    expect(refused.messageKey).toBe('export.import.invalid');
  });

  it('finds another signer’s signature swapped in invalid, and imports nothing', async () => {
    const foreign = await buildAsice(
      [{ name: 'annet.json', bytes: new TextEncoder().encode('{"annet":true}') }],
      otherSigner,
      { signingTime: new Date() },
    );
    const foreignSignature = (await entries(foreign)).find((e) => e.name === 'META-INF/signature.p7s');
    if (!foreignSignature) throw new Error('no signature');
    const bytes = await tampered((list) => list.map((e) => (e.name === foreignSignature.name ? foreignSignature : e)));
    const report = await kdiArea.call('verify.file', { fileName: 'plan.asice', fileBase64: b64(bytes) });
    expect(report.status).toBe('invalid');
    expect(report.signer?.commonName).toBe('Annen enhet');
    expect(report.problems.map((p) => p.check)).toContain('signature');
    expect((await refusedWithoutWriting(bytes, 'plan.asice')).messageKey).toBe('export.import.invalid');
  });
});

describe('importing a received container', () => {
  it('refuses an untrusted signer unless the user accepts it, then stores the document with its source and signer', async () => {
    expect((await refusedWithoutWriting(container, 'plan.asice', false)).messageKey).toBe('export.import.untrusted');
    const result = await kdiArea.call('import.file', {
      fileName: 'plan.asice',
      fileBase64: b64(container),
      acceptUntrusted: true,
    });
    if (result.outcome !== 'imported') throw new Error(`refused: ${result.reason.messageKey}`);
    expect(result.received).toMatchObject({
      kind: 'follow_up_plan',
      caseReference: 'KOMPIS-4711',
      grading: 'BEGRENSET',
      source: 'Kriminalomsorgen, Fiktivby fengsel',
      signerTrusted: false,
      signer: { fingerprint: senderFingerprint },
    });
    const listed = await kdiArea.call('import.list', {});
    expect(listed.documents.map((d) => d.id)).toEqual([result.received.id]);
    const got = await kdiArea.call('import.get', { id: result.received.id });
    expect(got.data.kind).toBe('follow_up_plan');
    expect(FollowUpPlanContentSchema.parse(got.data.content).riskAndVulnerabilityFactors).toBe(NORDIC);
    const audit = await kdi.call('audit.list', { objectId: result.received.id });
    expect(audit.entries.map((e) => e.action)).toEqual(['import']);
    expect((await refusedWithoutWriting(container, 'plan.asice')).messageKey).toBe('export.import.duplicate');
  });

  it('imports from a trusted signer without asking', async () => {
    await kdiArea.call('signing.trust', { label: 'Fiktivby fengsel', fingerprint: senderFingerprint });
    const plan = await finalisedPlan(sender, await makeCase(sender, 'KOMPIS-4712'));
    const fresh = bytesOf(
      (await senderArea.call('export.asice', { documentId: plan.id, recipient: 'kdi' })).fileBase64,
    );
    const result = await kdiArea.call('import.file', { fileName: 'plan.asice', fileBase64: b64(fresh) });
    expect(result).toMatchObject({
      outcome: 'imported',
      report: { status: 'valid' },
      received: { signerTrusted: true, caseReference: 'KOMPIS-4712' },
    });
  });

  it('refuses a signed PDF (verifiable, not importable) and a PDF with bytes after its signature', async () => {
    expect((await refusedWithoutWriting(signedPdf, 'plan.pdf')).messageKey).toBe('export.import.notContainer');
    const appended = new Uint8Array([...signedPdf, ...new TextEncoder().encode('\n% lagt til etter signering\n')]);
    const { report } = await refusedWithoutWriting(appended, 'plan.pdf');
    expect(report.status).toBe('invalid');
    expect(report.problems.map((p) => p.messageKey)).toContain('signing.problem.pdfBytesAfterSignature');
  });

  it('refuses hostile containers: a path out of the container, duplicate names, a ZIP bomb', async () => {
    const mimetype = {
      name: 'mimetype',
      data: new TextEncoder().encode('application/vnd.etsi.asic-e+zip'),
      extra: Buffer.alloc(0),
    };
    const cases = [
      [
        [mimetype, { name: '../../utenfor.json', data: new TextEncoder().encode('{}') }],
        'signing.problem.zipParentPath',
      ],
      [
        [
          mimetype,
          { name: 'follow_up_plan.json', data: new Uint8Array([1]) },
          { name: 'follow_up_plan.json', data: new Uint8Array([2]) },
        ],
        'signing.problem.zipDuplicateName',
      ],
      [
        [mimetype, { name: 'bombe.bin', data: new Uint8Array(20 * 1024 * 1024), method: 8 as const }],
        'signing.problem.zipBomb',
      ],
    ] as const;
    for (const [zipEntries, problem] of cases) {
      const { report, messageKey } = await refusedWithoutWriting(rawZip([...zipEntries]), 'fiendtlig.asice');
      expect(messageKey).toBe('export.import.unreadable');
      expect(report.problems.map((p) => p.messageKey)).toEqual([problem]);
    }
  });

  it('refuses a validly signed container whose JSON fails its schema, naming the field', async () => {
    const files = await entries(container);
    const json = files.find((e) => e.name === 'follow_up_plan.json');
    if (!json) throw new Error('no json');
    const content = JSON.parse(new TextDecoder().decode(json.bytes)) as Record<string, unknown>;
    const broken = new TextEncoder().encode(JSON.stringify({ ...content, grading: { level: 'TOPP HEMMELIG' } }));
    const data = files
      .filter((e) => !e.name.startsWith('META-INF/') && e.name !== 'mimetype')
      .map((e) => (e.name === json.name ? { ...e, bytes: broken } : e));
    const resigned = await buildAsice(data, senderIdentity, { signingTime: new Date() });
    expect((await kdiArea.call('verify.file', { fileName: 'x.asice', fileBase64: b64(resigned) })).status).toBe(
      'valid',
    );
    const before = vaultState(kdi);
    const result = await kdiArea.call('import.file', { fileName: 'x.asice', fileBase64: b64(resigned) });
    expect(result).toMatchObject({
      outcome: 'refused',
      reason: { messageKey: 'export.import.schemaInvalid', fields: ['grading.level'] },
    });
    expect(vaultState(kdi)).toEqual(before);
    const foreign = await buildAsice(
      [{ name: 'notat.txt', bytes: new TextEncoder().encode('ikke fra Bro') }],
      senderIdentity,
      { signingTime: new Date() },
    );
    expect((await refusedWithoutWriting(foreign, 'x.asice')).messageKey).toBe('export.import.notBroExport');
  });

  it('refuses a document of the other jurisdiction profile', async () => {
    const dk = await apps.make('DK');
    const dkArea = exportArea(dk);
    const before = vaultState(dk);
    const result = await dkArea.call('import.file', {
      fileName: 'plan.asice',
      fileBase64: b64(container),
      acceptUntrusted: true,
    });
    expect(result).toMatchObject({ outcome: 'refused', reason: { messageKey: 'export.import.wrongProfile' } });
    expect(vaultState(dk)).toEqual(before);
  });
});
