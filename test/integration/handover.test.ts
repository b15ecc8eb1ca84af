import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAsice } from '../../main/signing';
import { HandoverManifestSchema } from '../../shared/domain/transfer';
import { completePlan } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import {
  b64,
  handoverSaver,
  MENTOR_MARK,
  MENTOR_PASSPHRASE,
  PLAN_MARK,
  REFERENCE,
  seedSender,
  vaultState,
  TRANSFER,
  zipEntries,
} from './handover-fixtures';

const apps = serviceApps();
let a: ServiceApp;
let b: ServiceApp;
let seeded: Awaited<ReturnType<typeof seedSender>>;
let aFingerprint: string;
let conversationId: string;
let pkg: Uint8Array;

beforeAll(async () => {
  [a, b] = await Promise.all([apps.make('NO'), apps.make('NO')]);
  aFingerprint = (await a.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' })).certificate.fingerprint;
  await b.call('signing.generateIdentity', { unitName: 'Nordby fengsel' });
  seeded = await seedSender(a);
  await a.call('compartment.create', { passphrase: MENTOR_PASSPHRASE });
  const course = await a.call('documents.create', { caseId: seeded.caseId, kind: 'mentor_course' });
  const conversation = await a.call('conversations.save', {
    courseId: course.document.id,
    mentorId: '3f2b1c4e-8a7d-4e2f-9b1a-0c6d5e4f3a21',
    place: 'Fiktivby fengsel, besøksrom 2',
    date: '2026-03-01',
    durationMinutes: 45,
    notes: MENTOR_MARK,
    grading: { level: 'UGRADERT' },
  });
  conversationId = conversation.id;
}, 300_000);
afterAll(() => apps.cleanup());

const choices = () => [
  { documentId: seeded.sent.id, include: true, reason: 'Gjeldende plan; tiltakene må videreføres' },
  { documentId: seeded.notChosen.id, include: false, reason: 'Erstattet av gjeldende plan' },
];

function auditActions(entries: { action: string; objectType: string; objectId: string }[]) {
  return entries.map((entry) => `${entry.action} ${entry.objectType} ${entry.objectId}`);
}

describe('unit A records the transfer and sends the handover package (NO pkt 8, 12)', () => {
  it('refuses a package before a transfer is recorded, writing nothing', async () => {
    const before = vaultState(a);
    await expect(handoverSaver(a)({ caseId: seeded.caseId, choices: choices() })).rejects.toMatchObject({
      messageKey: 'handover.error.noTransfer',
    });
    expect(vaultState(a)).toEqual(before);
  });

  it('records the transfer and lists its due items with their provisions', async () => {
    await a.call('transfer.save', { caseId: seeded.caseId, transfer: TRANSFER });
    const due = await a.call('due.list', { caseId: seeded.caseId, today: '2026-03-12' });
    const transfer = due.items.filter((item) => item.kind.startsWith('no_transfer_'));
    expect(transfer.map((item) => [item.kind, item.dueDate, item.status, item.citation.text])).toEqual([
      ['no_transfer_contact', '2026-03-10', 'overdue', 'NO pkt 8'],
      // The day before is Bro's reading: pkt 8 gives no deadline (audit 9).
      ['no_transfer_package', '2026-03-19', 'upcoming', 'Bro (NO pkt 8)'],
      ['no_transfer_meeting', '2026-03-20', 'upcoming', 'NO pkt 12'],
    ]);
    const view = await a.call('transfer.get', { caseId: seeded.caseId });
    expect(view.transfer).toMatchObject({ receivingUnit: 'Nordby fengsel', contactBeforeDecision: false });
  });

  it('records the contact made and the meeting held on the transfer, which clears their due items', async () => {
    const other = await apps.make('NO');
    const { caseId } = await seedSender(other, 'KOMPIS-HO-EDIT-1');
    await other.call('transfer.save', { caseId, transfer: TRANSFER });
    const kinds = async () =>
      (await other.call('due.list', { caseId, today: '2026-03-12' })).items
        .map((item) => item.kind)
        .filter((kind) => kind.startsWith('no_transfer_'));
    expect(await kinds()).toEqual(['no_transfer_contact', 'no_transfer_package', 'no_transfer_meeting']);
    // A contact or meeting dated after today has not taken place: refused, and nothing changes.
    const before = other.rows();
    for (const early of [{ contactMadeOn: '2026-03-05' }, { meetingOn: '2026-03-11' }]) {
      expect(await other.fail('transfer.save', { caseId, transfer: { ...TRANSFER, ...early } })).toMatchObject({
        code: 'invalid_input',
        messageKey: 'handover.error.futureDate',
      });
    }
    expect(other.rows()).toEqual(before);
    other.setNow('2026-03-12T10:00:00.000Z');
    // "Contact before the decision" must agree with the dates: none, or one after the decision, is refused.
    for (const contact of [{}, { contactMadeOn: '2026-03-11' }]) {
      expect(
        await other.fail('transfer.save', {
          caseId,
          transfer: { ...TRANSFER, ...contact, contactBeforeDecision: true },
        }),
      ).toMatchObject({ code: 'invalid_input', messageKey: 'handover.error.contactBeforeDecision' });
    }
    await other.call('transfer.save', {
      caseId,
      transfer: { ...TRANSFER, contactMadeOn: '2026-03-05', contactBeforeDecision: true },
    });
    await other.call('documents.create', { caseId, kind: 'follow_up_plan', content: completePlan() });
    const held = { ...TRANSFER, contactMadeOn: '2026-03-05', contactBeforeDecision: true, meetingOn: '2026-03-11' };
    expect((await other.call('transfer.save', { caseId, transfer: held })).transfer).toMatchObject(held);
    expect(await kinds()).toEqual(['no_transfer_package']);
  });

  it('never puts a mentor conversation record in a package, even when asked for it', async () => {
    const before = vaultState(a);
    const asked = [...choices(), { documentId: conversationId, include: true, reason: 'Bedt om' }];
    await expect(handoverSaver(a)({ caseId: seeded.caseId, choices: asked })).rejects.toMatchObject({
      messageKey: 'handover.error.notInCase',
    });
    expect(vaultState(a)).toEqual(before);
  });

  it('refuses, writing nothing, a chosen draft and a chosen document without a reason', async () => {
    const before = vaultState(a);
    const save = handoverSaver(a);
    await expect(
      save({ caseId: seeded.caseId, choices: [{ documentId: seeded.draft.id, include: true, reason: 'Utkast' }] }),
    ).rejects.toMatchObject({ messageKey: 'handover.error.notFinalised' });
    await expect(
      save({ caseId: seeded.caseId, choices: [{ documentId: seeded.sent.id, include: true, reason: '  ' }] }),
    ).rejects.toMatchObject({ messageKey: 'handover.error.reasonRequired' });
    expect(vaultState(a)).toEqual(before);
  });

  it('a cancelled save dialog signs, writes and logs nothing', async () => {
    const before = vaultState(a);
    const { output } = await handoverSaver(a, null)({ caseId: seeded.caseId, choices: choices() });
    expect(output.saved).toBe(false);
    expect(vaultState(a)).toEqual(before);
  });

  it('refuses a package saved into the vault folder, directly or through a symlink: signs, writes and logs nothing', async () => {
    const link = join(dirname(a.vaultDir), 'link-to-vault');
    symlinkSync(a.vaultDir, link);
    try {
      const before = vaultState(a);
      for (const chosen of [join(a.vaultDir, 'vault.db'), join(link, 'overforing.asice')]) {
        await expect(
          handoverSaver(a, chosen)({ caseId: seeded.caseId, choices: choices() }),
          chosen,
        ).rejects.toMatchObject({ code: 'invalid_input', messageKey: 'files.error.insideVault' });
      }
      expect(vaultState(a)).toEqual(before);
    } finally {
      rmSync(link);
    }
  });

  it('signs one ASiC-E with the case, the chosen version as PDF and schema-valid JSON, and a manifest of what stayed', async () => {
    const { output, bytes } = await handoverSaver(a)({ caseId: seeded.caseId, choices: choices() });
    if (!output.saved || !bytes) throw new Error('not saved');
    pkg = bytes;
    expect(output).toMatchObject({ documents: 1, grading: { level: 'KONFIDENSIELT' } });
    const report = await verifyAsice(pkg, { trust: { fingerprints: [aFingerprint] } });
    expect(report).toMatchObject({ status: 'valid', indication: 'TOTAL-PASSED' });
    const entries = await zipEntries(pkg);
    expect(entries.map((entry) => entry.name).sort()).toEqual([
      'META-INF/ASiCManifest.xml',
      'META-INF/signature.p7s',
      'bro-handover.json',
      'case.json',
      'documents/01-follow_up_plan.json',
      'documents/01-follow_up_plan.pdf',
      'mimetype',
    ]);
    const file = (name: string) => entries.find((entry) => entry.name === name)?.bytes ?? new Uint8Array();
    const manifest = HandoverManifestSchema.parse(JSON.parse(Buffer.from(file('bro-handover.json')).toString()));
    expect(manifest.grading.level).toBe('KONFIDENSIELT');
    expect(manifest.documents).toMatchObject([
      { kind: 'follow_up_plan', senderDocumentId: seeded.sent.id, version: 2, reason: choices()[0]?.reason },
    ]);
    const leftOut = manifest.leftOut.map((entry) => [entry.senderDocumentId, entry.reason, entry.note ?? null]);
    expect(leftOut).toEqual(
      expect.arrayContaining([
        [seeded.notChosen.id, 'not_chosen', 'Erstattet av gjeldende plan'],
        [seeded.draft.id, 'not_finalised', null],
      ]),
    );
    expect(manifest.mentorCompartment).toBe('never_included');
    // The JSON validates against the published schema (npm run schemas), with an independent validator.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join('build', 'schemas', 'follow_up_plan.schema.json'), 'utf8')) as object;
    const json = JSON.parse(Buffer.from(file('documents/01-follow_up_plan.json')).toString()) as unknown;
    expect(ajv.validate(schema, json), JSON.stringify(ajv.errors)).toBe(true);
    expect(Buffer.from(file('documents/01-follow_up_plan.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const everything = Buffer.concat(entries.map((entry) => Buffer.from(entry.bytes))).toString('utf8');
    expect(everything).toContain(PLAN_MARK);
    expect(everything).not.toContain(MENTOR_MARK);
    expect(everything).not.toContain('En eldre plan som ikke sendes');
  });

  it("logs the package in A's distribution, export and audit logs, and the package is no longer due", async () => {
    const sha = (await import('node:crypto')).createHash('sha256').update(pkg).digest('hex');
    const distribution = await a.call('distribution.list', { documentId: seeded.sent.id });
    expect(distribution.entries).toEqual([
      expect.objectContaining({ recipient: 'other_unit', format: 'signed_container', version: 2, fileSha256: sha }),
    ]);
    expect((await a.call('distribution.list', { documentId: seeded.notChosen.id })).entries).toEqual([]);
    const view = await a.call('transfer.get', { caseId: seeded.caseId });
    expect(view.packages).toMatchObject([{ fileSha256: sha, documents: 1, leftOut: 3, grading: 'KONFIDENSIELT' }]);
    const audit = auditActions((await a.call('audit.list', { limit: 50 })).entries);
    expect(audit).toEqual(
      expect.arrayContaining([
        `create case_transfer ${seeded.caseId}`,
        `export document ${seeded.sent.id}`,
        `distribute document ${seeded.sent.id}`,
        `export handover_package ${view.packages[0]?.id}`,
      ]),
    );
    expect(audit.join('\n')).not.toContain('Nordby');
    const due = await a.call('due.list', { caseId: seeded.caseId, today: '2026-03-12' });
    expect(due.items.map((item) => item.kind)).not.toContain('no_transfer_package');
  });

  it('asks for a package again when the receiving unit changes: the one made informed the other unit', async () => {
    const packageDue = async () =>
      (await a.call('due.list', { caseId: seeded.caseId, today: '2026-03-12' })).items.some(
        (item) => item.kind === 'no_transfer_package',
      );
    await a.call('transfer.save', { caseId: seeded.caseId, transfer: { ...TRANSFER, receivingUnit: 'Sørby fengsel' } });
    expect(await packageDue()).toBe(true);
    await a.call('transfer.save', { caseId: seeded.caseId, transfer: TRANSFER });
    expect(await packageDue()).toBe(false);
  });
});

describe('unit B verifies, previews and imports the package', () => {
  const input = (extra: Record<string, unknown> = {}) => ({
    fileName: 'handover.asice',
    fileBase64: b64(pkg),
    ...extra,
  });

  it('refuses a signer not on the trust list without the explicit choice, writing nothing', async () => {
    const before = vaultState(b);
    const result = await b.call('handover.import', input());
    expect(result).toMatchObject({ outcome: 'refused', reason: { messageKey: 'export.import.untrusted' } });
    expect(result.report.status).toBe('valid_untrusted');
    expect(vaultState(b)).toEqual(before);
  });

  it('once B trusts A, shows what arrives before anything is written', async () => {
    await b.call('signing.trust', { label: 'Fiktivby fengsel', fingerprint: aFingerprint });
    const before = vaultState(b);
    const preview = await b.call('handover.preview', input());
    if (preview.outcome !== 'acceptable') throw new Error(JSON.stringify(preview.reason));
    expect(preview.report).toMatchObject({ status: 'valid', trusted: true });
    expect(preview.contents).toMatchObject({
      caseReference: REFERENCE,
      sendingUnit: 'Fiktivby fengsel',
      receivingUnit: 'Nordby fengsel',
      documents: [{ kind: 'follow_up_plan', version: 2 }],
    });
    expect(preview.existingCaseId).toBeNull();
    expect(vaultState(b)).toEqual(before);
  });

  it('creates the case with its document marked as received from A, and B continues it as new versions', async () => {
    const result = await b.call('handover.import', input());
    if (result.outcome !== 'imported') throw new Error(JSON.stringify(result.reason));
    const kase = await b.call('cases.get', { id: result.caseId });
    expect(kase.case.caseReference).toBe(REFERENCE);
    // The case is followed up here now: it belongs to the receiving unit, not the sender's.
    expect(kase.case.unit).toBe('Nordby fengsel');
    expect((await b.call('cases.units', {})).units).toContain('Nordby fengsel');
    expect(kase.documents).toMatchObject([{ kind: 'follow_up_plan', status: 'final', currentVersion: 1 }]);
    const view = await b.call('transfer.get', { caseId: result.caseId });
    expect(view.receivedFrom).toMatchObject([
      {
        documentId: result.documentIds[0],
        sendingUnit: 'Fiktivby fengsel',
        signerFingerprint: aFingerprint,
        signerTrusted: true,
        senderVersion: 2,
      },
    ]);
    const docId = result.documentIds[0] ?? '';
    const current = await b.call('documents.get', { id: docId });
    if (current.data.kind !== 'follow_up_plan') throw new Error('not a plan');
    const content = { ...current.data.content, divisionOfWork: 'Nordby fengsel overtar koordineringen.' };
    await b.call('documents.save', { id: docId, content });
    const finalised = await b.call('documents.finalise', { id: docId });
    expect(finalised.version).toMatchObject({ version: 3, status: 'final' });
    const audit = auditActions((await b.call('audit.list', { limit: 50 })).entries);
    expect(audit).toEqual(
      expect.arrayContaining([
        `create case ${result.caseId}`,
        `import document ${docId}`,
        `finalise document ${docId}`,
        expect.stringMatching(/^import handover_receipt /),
      ]),
    );
  });

  it('never overwrites: the same package again is a duplicate; a new package needs the explicit merge target', async () => {
    const before = vaultState(b);
    expect(await b.call('handover.import', input())).toMatchObject({
      reason: { messageKey: 'handover.import.duplicate' },
    });
    const next = await handoverSaver(a)({ caseId: seeded.caseId, choices: choices() });
    if (!next.bytes) throw new Error('not saved');
    const second = { fileName: 'h2.asice', fileBase64: b64(next.bytes) };
    const preview = await b.call('handover.preview', second);
    if (preview.outcome !== 'acceptable') throw new Error('refused');
    expect(preview.existingCaseId).not.toBeNull();
    expect(await b.call('handover.import', second)).toMatchObject({
      reason: { messageKey: 'handover.import.caseExists' },
    });
    const other = await b.call('cases.create', {
      name: 'Annen Fiktiv',
      caseReference: 'KOMPIS-ANNEN-1',
      unit: 'Nordby fengsel',
      status: 'fengsel',
      grading: { level: 'UGRADERT' },
    });
    const mid = vaultState(b);
    expect(await b.call('handover.import', { ...second, mergeIntoCaseId: other.id })).toMatchObject({
      reason: { messageKey: 'handover.import.mergeMismatch' },
    });
    expect(vaultState(b)).toEqual(mid);
    expect(before.rows.handover_receipts).not.toBeUndefined();
    const merged = await b.call('handover.import', { ...second, mergeIntoCaseId: preview.existingCaseId ?? '' });
    expect(merged).toMatchObject({ outcome: 'imported', merged: true, caseId: preview.existingCaseId });
    const listed = await b.call('cases.list', {});
    expect(listed.rows.filter((row) => row.caseReference === REFERENCE)).toHaveLength(1);
  });
});

describe('purging a case that went through a handover', () => {
  it('takes the transfer, the packages sent and the received package with it (no row left to name the case)', async () => {
    const view = await b.call('cases.list', {});
    const received = view.rows.find((row) => row.caseReference === REFERENCE);
    if (!received) throw new Error('no received case');
    // The confirmation names them: the received package as a received file, the transfer and package sent.
    const receipts = b.app.session
      .current()
      .db.prepare('SELECT count(*) FROM handover_receipts WHERE case_id = ?', { pluck: true })
      .get([received.id]);
    expect(receipts).toBe(2); // the first package and the one merged into the case above
    expect(await b.call('cases.purgePreview', { caseId: received.id })).toMatchObject({ receivedFiles: 2 });
    expect((await a.call('cases.purgePreview', { caseId: seeded.caseId })).handoverRecords).toBeGreaterThanOrEqual(2);
    const idsOf = (s: ServiceApp, table: string, caseId: string) =>
      s.app.session.current().db.prepare(`SELECT id FROM ${table} WHERE case_id = ?`, { pluck: true }).all([caseId]);
    const packages = idsOf(a, 'handover_packages', seeded.caseId) as string[];
    const receiptIds = idsOf(b, 'handover_receipts', received.id) as string[];
    // Open cases are deleted, with their reason, before they are purged.
    await b.call('cases.delete', { id: received.id, reason: 'Registrert ved en feil' });
    await b.call('cases.purge', { caseId: received.id, confirmReference: REFERENCE, reason: 'registered_in_error' });
    await a.call('cases.delete', { id: seeded.caseId, reason: 'Registrert ved en feil' });
    await a.call('cases.purge', { caseId: seeded.caseId, confirmReference: REFERENCE, reason: 'registered_in_error' });
    for (const s of [a, b]) {
      const db = s.app.session.current().db;
      for (const table of ['case_transfers', 'handover_packages', 'handover_receipts', 'handover_received_documents'])
        expect(db.prepare(`SELECT count(*) FROM ${table}`, { pluck: true }).get(), table).toBe(0);
    }
    // The audit log names each package and receipt that went, as it named their making (audit 9).
    const purged = async (s: ServiceApp, id: string) =>
      (await s.call('audit.list', { objectId: id })).entries.map((e) => e.objectType);
    for (const id of packages) expect(await purged(a, id)).toContain('handover_package_purged');
    for (const id of receiptIds) expect(await purged(b, id)).toContain('handover_receipt_purged');
    expect(packages.length + receiptIds.length).toBeGreaterThanOrEqual(3);
  });
});
