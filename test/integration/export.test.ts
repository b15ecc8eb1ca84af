import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FollowUpPlanContentSchema } from '../../shared/domain';
import { VerificationReportSchema } from '../../shared/domain/verification';
import { pdfPageTexts, waitForPoppler } from '../support/poppler';
import { opensslCmsVerify, run } from '../fixtures/signing/signing-fixtures';
import { ExportEnvelopeSchema } from '../../main/services/export-envelope';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { tempDirs } from '../support/temp-dir';
import { bytesOf, exportArea, finalisedPlan, makeCase, NORDIC, planWith, unpack } from './export-fixtures';

const apps = serviceApps();
const temp = tempDirs('bro-export-');
let s: ServiceApp;
let area: ReturnType<typeof exportArea>;
let caseId: string;
let plan: { id: string; version: number };

beforeAll(async () => {
  await waitForPoppler();
  s = await apps.make('NO');
  area = exportArea(s);
  caseId = await makeCase(s);
  plan = await finalisedPlan(s, caseId);
  await area.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel, radikaliseringskontakt' });
}, 300_000);
afterAll(() => {
  apps.cleanup();
  temp.cleanup();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function writeTemp(name: string, bytes: Uint8Array): string {
  const path = join(temp.make(), name);
  writeFileSync(path, bytes);
  return path;
}

describe('signed PDF export (PAdES) of a vault document', () => {
  it('is valid and wholly signed for pdfsig, and for our verifier', async () => {
    const file = await area.call('export.pdf', { documentId: plan.id, recipient: 'kdi' });
    const bytes = bytesOf(file.fileBase64);
    const result = run('/usr/bin/pdfsig', [writeTemp(file.fileName, bytes)]);
    const output = result.stdout + result.stderr;
    expect(output).toContain('Signature Validation: Signature is Valid.');
    expect(output).toContain('Total document signed');
    expect(output).toContain('Signature Type: ETSI.CAdES.detached');
    expect(/Certificate Validation: (.*)/.exec(output)?.[1] ?? '').toMatch(
      /issuer is unknown|isn't Trusted|untrusted/i,
    );
    const report = await area.call('verify.file', { fileName: file.fileName, fileBase64: file.fileBase64 });
    expect(report).toMatchObject({ format: 'pdf', status: 'valid_untrusted', problems: [] });
    expect(report.signer?.commonName).toBe('Fiktivby fengsel, radikaliseringskontakt');
  });

  it('logs the export with the SHA-256 of exactly the bytes handed out, in the export, distribution and audit logs', async () => {
    const file = await area.call('export.pdf', { documentId: plan.id, recipient: 'region' });
    expect(file.sha256).toBe(sha256(bytesOf(file.fileBase64)));
    const log = await area.call('export.log', { documentId: plan.id });
    expect(log.entries.find((e) => e.id === file.exportId)).toMatchObject({
      version: plan.version,
      format: 'pdf',
      recipient: 'region',
      grading: 'BEGRENSET',
      draft: false,
      fileSha256: file.sha256,
      distributionId: file.distributionId,
    });
    const sent = (await s.call('distribution.list', { documentId: plan.id })).entries.find(
      (e) => e.id === file.distributionId,
    );
    expect(sent).toMatchObject({
      version: plan.version,
      recipient: 'region',
      format: 'signed_pdf',
      fileSha256: file.sha256,
    });
    const audit = await s.call('audit.list', { objectId: plan.id });
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['export', 'distribute']));
  });

  it('keeps æ, ø, å, Æ, Ø, Å and é in the text of the exported PDF', async () => {
    const file = await area.call('export.pdf', { documentId: plan.id, recipient: 'kdi' });
    const text = (await pdfPageTexts(bytesOf(file.fileBase64))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(NORDIC);
    expect(text).toContain('Ola Testmann Ærlig');
    expect(text).toContain('Fiktivby fengsel avd. Øst');
    expect(text).toContain('Risiko- og sårbarhetsfaktorer');
  });

  it('prints the grading in the header and footer of every page of a long plan, with "side N av M"', async () => {
    const long = Array.from(
      { length: 160 },
      (_, i) => `Tiltak ${i + 1}: samtaler med kontaktbetjent om skole, arbeid og bolig – Åse følger opp.`,
    ).join('\n');
    const id = (await finalisedPlan(s, caseId, planWith(long, { measuresDuringSentence: long }))).id;
    const file = await area.call('export.pdf', {
      documentId: id,
      recipient: 'kdi',
      grading: { level: 'KONFIDENSIELT' },
    });
    const pages = await pdfPageTexts(bytesOf(file.fileBase64));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    pages.forEach((page, i) => {
      expect(page.match(/KONFIDENSIELT/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(page).toContain(`side ${i + 1} av ${pages.length}`);
    });
  });

  it('refuses an export graded below its contents, naming the rule', async () => {
    const error = await area
      .call('export.pdf', { documentId: plan.id, recipient: 'kdi', grading: { level: 'UGRADERT' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rule_blocked', messageKey: 'export.gradingTooLow', fields: ['grading'] });
  });
  it('keeps the content’s exemption from public access when the export is graded higher', async () => {
    const exempt = { level: 'BEGRENSET' as const, exemptionBasis: 'offl. § 13, jf. fvl. § 13' };
    const id = (await finalisedPlan(s, caseId, planWith('Kort plan.', { grading: exempt }))).id;
    const file = await area.call('export.pdf', {
      documentId: id,
      recipient: 'pst',
      grading: { level: 'KONFIDENSIELT' },
    });
    expect(file.grading).toEqual({ level: 'KONFIDENSIELT', exemptionBasis: 'offl. § 13, jf. fvl. § 13' });
    const [first] = await pdfPageTexts(bytesOf(file.fileBase64));
    expect(first).toContain('Unntatt offentlighet, offl. § 13, jf. fvl. § 13');
  });
});

describe('signed container export (ASiC-E)', () => {
  it('passes openssl cms -verify over its manifest and carries JSON that validates against the published schema', async () => {
    const file = await area.call('export.asice', { documentId: plan.id, recipient: 'kdi' });
    const container = bytesOf(file.fileBase64);
    const dir = temp.make();
    const names = await unpack(container, dir);
    expect(names).toEqual([
      'mimetype',
      'follow_up_plan.pdf',
      'follow_up_plan.json',
      'bro-export.json',
      'META-INF/ASiCManifest.xml',
      'META-INF/signature.p7s',
    ]);
    const identity = await area.call('signing.certificate', {});
    writeFileSync(join(dir, 'signer.pem'), identity.pem);
    const manifest = {
      signature: 'META-INF/signature.p7s',
      content: 'META-INF/ASiCManifest.xml',
      caFile: 'signer.pem',
    };
    expect(opensslCmsVerify(dir, manifest)).toMatchObject({
      status: 0,
      stderr: expect.stringContaining('Verification successful'),
    });

    const schema = z.fromJSONSchema(JSON.parse(readFileSync('build/schemas/follow_up_plan.schema.json', 'utf8')));
    const json: unknown = JSON.parse(readFileSync(join(dir, 'follow_up_plan.json'), 'utf8'));
    expect(schema.safeParse(json).success).toBe(true);
    expect(FollowUpPlanContentSchema.parse(json).riskAndVulnerabilityFactors).toBe(NORDIC);
    expect(schema.safeParse({ ...(json as object), grading: { level: 'TOPP HEMMELIG' } }).success).toBe(false);
    const envelope = ExportEnvelopeSchema.parse(JSON.parse(readFileSync(join(dir, 'bro-export.json'), 'utf8')));
    expect(envelope).toMatchObject({
      kind: 'follow_up_plan',
      schema: 'https://schemas.bro.invalid/follow_up_plan.schema.json',
      caseReference: 'KOMPIS-4711',
      documentVersion: plan.version,
      recipient: 'kdi',
    });
    expect(JSON.parse(readFileSync('build/schemas/follow_up_plan.schema.json', 'utf8')).$id).toBe(envelope.schema);

    const report = VerificationReportSchema.parse(
      await area.call('verify.file', { fileName: file.fileName, fileBase64: file.fileBase64 }),
    );
    expect(report).toMatchObject({ format: 'asice', status: 'valid_untrusted' });
    expect(report.files.map((f) => f.state)).toEqual(['signed', 'signed', 'signed']);
    expect(
      (await area.call('export.log', { documentId: plan.id })).entries.find((e) => e.id === file.exportId)?.fileSha256,
    ).toBe(sha256(container));
  });

  it('never puts the future plan into the follow-up plan’s export (NO pkt 10)', async () => {
    const future = await s.call('documents.create', {
      caseId,
      kind: 'future_plan',
      content: {
        personResponse: 'accepted',
        plan: 'FREMTIDSPLAN-EGEN-TEKST',
        notes: '',
        grading: { level: 'BEGRENSET' },
      },
    });
    expect(future.document.kind).toBe('future_plan');
    const file = await area.call('export.asice', { documentId: plan.id, recipient: 'kdi' });
    const dir = temp.make();
    await unpack(bytesOf(file.fileBase64), dir);
    const everything = ['follow_up_plan.json', 'bro-export.json']
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('\n');
    const pdfText = (await pdfPageTexts(readFileSync(join(dir, 'follow_up_plan.pdf')))).join('\n');
    expect(everything + pdfText).not.toContain('FREMTIDSPLAN-EGEN-TEKST');
  });
});

describe('print', () => {
  it('previews and prints a draft marked as draft, logs the print but not the preview, and does not count it as sent; a draft is never sent', async () => {
    const draft = await s.call('documents.create', {
      caseId,
      kind: 'visit_routine',
      content: {
        mentorName: 'Jens Opdigtet',
        mentorContact: '',
        visitFrequency: 'Hver tirsdag',
        visitBooking: '',
        visitConduct: '',
        visitRoom: 'Besøksrom Ø2',
        itemsMentorMayBring: 'Bøker og blader',
        otherMatters: '',
        contactPerson: { isLocalContact: true, name: '', otherArrangement: '' },
        grading: { level: 'BEGRENSET' },
      },
    });
    const id = draft.document.id;
    expect(await area.call('export.pdf', { documentId: id, recipient: 'kdi' }).catch((e: unknown) => e)).toMatchObject({
      code: 'conflict',
      messageKey: 'export.notFinal',
    });
    const preview = await area.call('export.print', { documentId: id, recipient: 'other_unit' });
    expect(preview).toMatchObject({ draft: true, mimeType: 'application/pdf' });
    const text = (await pdfPageTexts(bytesOf(preview.fileBase64))).join('\n');
    expect(text).toContain('Ikke ferdigstilt (utkast)');
    expect(text).toContain('Besøksrom Ø2');
    expect(text).not.toContain('/ByteRange');
    expect((await area.call('export.log', { documentId: id })).entries, 'the preview is not a print').toEqual([]);
    // The service app has no printer, as in the browser shell: the page prints, and the print is logged as it is handed over.
    expect(await s.call('files.print', { documentId: id, recipient: 'other_unit' })).toEqual({
      outcome: 'unavailable',
    });
    expect((await area.call('export.log', { documentId: id })).entries).toMatchObject([
      { format: 'print', draft: true, recipient: 'other_unit', distributionId: null },
    ]);
    expect((await s.call('distribution.list', { documentId: id })).entries).toEqual([]);
  });

  it('exports no mentor conversation record with a mentor course (NO pkt 13.5)', async () => {
    const { offeredNoCourse } = await import('../../shared/rules/test-fixtures');
    const course = await s.call('documents.create', {
      caseId,
      kind: 'mentor_course',
      content: offeredNoCourse({ grading: { level: 'BEGRENSET' } }),
    });
    await s.call('compartment.create', { passphrase: 'Mentorordningens eget lange passord' });
    await s.call('conversations.save', {
      courseId: course.document.id,
      mentorId: '3f2b1c4e-8a7d-4e2f-9b1a-0c6d5e4f3a21',
      place: 'SAMTALESTED-HEMMELIG',
      date: '2026-03-01',
      durationMinutes: 60,
      notes: 'SAMTALE-NOTAT-HEMMELIG',
      grading: { level: 'BEGRENSET' },
    });
    const printed = await area.call('export.print', { documentId: course.document.id });
    const text = (await pdfPageTexts(bytesOf(printed.fileBase64))).join('\n');
    expect(text).toContain('KDI');
    expect(text).not.toMatch(/SAMTALE-NOTAT-HEMMELIG|SAMTALESTED-HEMMELIG/);
  });
});
