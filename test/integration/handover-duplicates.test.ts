// The same handover content is imported once: a re-zipped copy of an imported package is refused, and a
// package carrying a sender document version the case already received adds nothing for it. A merge
// raises the case's own grading to the sender case's grading, never lowers it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '../fixtures/signing/signing-fixtures';
import { completePlan } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { b64, handoverSaver, seedSender, TRANSFER, vaultState, zipEntries } from './handover-fixtures';

const apps = serviceApps();
let a: ServiceApp;
let b: ServiceApp;
let seeded: Awaited<ReturnType<typeof seedSender>>;
let pkg: Uint8Array;
let caseId: string;
const REF = 'KOMPIS-HO-DUP-1';

const sendPlan = async (documentId: string, fromCase = seeded.caseId) => {
  const saved = await handoverSaver(a)({
    caseId: fromCase,
    choices: [{ documentId, include: true, reason: 'Gjeldende plan' }],
  });
  if (!saved.bytes) throw new Error('not saved');
  return saved.bytes;
};
const documentsOf = async (id: string) => (await b.call('cases.get', { id })).documents;
const mergeInto = async (bytes: Uint8Array, target: string, fileName = 'h.asice') => {
  const result = await b.call('handover.import', { fileName, fileBase64: b64(bytes), mergeIntoCaseId: target });
  if (result.outcome !== 'imported') throw new Error(JSON.stringify(result.reason));
  return result;
};

beforeAll(async () => {
  [a, b] = await Promise.all([apps.make('NO'), apps.make('NO')]);
  const identity = await a.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
  await b.call('signing.trust', { label: 'Fiktivby fengsel', fingerprint: identity.certificate.fingerprint });
  seeded = await seedSender(a, REF);
  await a.call('transfer.save', { caseId: seeded.caseId, transfer: TRANSFER });
  pkg = await sendPlan(seeded.sent.id);
  const imported = await b.call('handover.import', { fileName: 'h.asice', fileBase64: b64(pkg) });
  if (imported.outcome !== 'imported') throw new Error(JSON.stringify(imported.reason));
  caseId = imported.caseId;
}, 300_000);
afterAll(() => apps.cleanup());

describe('the same handover content is imported once', () => {
  it('refuses a re-zipped copy of an imported package as a duplicate, in the preview and the import, writing nothing', async () => {
    const rezipped = await writeZip(await zipEntries(pkg));
    expect(Buffer.compare(Buffer.from(rezipped), Buffer.from(pkg))).not.toBe(0);
    const input = { fileName: 'h-copy.asice', fileBase64: b64(rezipped) };
    const before = vaultState(b);
    expect(await b.call('handover.preview', input)).toMatchObject({
      outcome: 'refused',
      reason: { messageKey: 'handover.import.duplicate' },
    });
    expect(await b.call('handover.import', { ...input, mergeIntoCaseId: caseId })).toMatchObject({
      outcome: 'refused',
      reason: { messageKey: 'handover.import.duplicate' },
    });
    expect(vaultState(b)).toEqual(before);
    expect(await documentsOf(caseId)).toHaveLength(1);
  });

  it('a second package with the same sender version, merged, adds no document and says it was already there', async () => {
    const again = await sendPlan(seeded.sent.id);
    const input = { fileName: 'h2.asice', fileBase64: b64(again) };
    const preview = await b.call('handover.preview', input);
    if (preview.outcome !== 'acceptable') throw new Error(JSON.stringify(preview.reason));
    expect(preview.existingCaseId).toBe(caseId);
    expect(preview.contents.documents).toMatchObject([{ version: seeded.sent.currentVersion, alreadyReceived: true }]);
    const merged = await mergeInto(again, caseId, 'h2.asice');
    expect(merged).toMatchObject({ merged: true, documentIds: [], alreadyReceived: 1 });
    expect(await documentsOf(caseId)).toHaveLength(1);
    const view = await b.call('transfer.get', { caseId });
    expect(view.receivedFrom).toHaveLength(1);
  });

  it('a package with a new version of a document the case already received still adds it', async () => {
    const current = await a.call('documents.get', { id: seeded.sent.id });
    if (current.data.kind !== 'follow_up_plan') throw new Error('not a plan');
    const content = { ...current.data.content, divisionOfWork: 'Ny fordeling etter overføringsmøtet.' };
    await a.call('documents.save', { id: seeded.sent.id, content });
    const finalised = await a.call('documents.finalise', { id: seeded.sent.id });
    const newer = await sendPlan(seeded.sent.id);
    const preview = await b.call('handover.preview', { fileName: 'h3.asice', fileBase64: b64(newer) });
    if (preview.outcome !== 'acceptable') throw new Error(JSON.stringify(preview.reason));
    expect(preview.contents.documents).toMatchObject([{ version: finalised.version.version, alreadyReceived: false }]);
    const merged = await mergeInto(newer, caseId, 'h3.asice');
    expect(merged).toMatchObject({ alreadyReceived: 0 });
    expect(merged.documentIds).toHaveLength(1);
    expect(await documentsOf(caseId)).toHaveLength(2);
    const view = await b.call('transfer.get', { caseId });
    expect(view.receivedFrom.map((row) => row.senderVersion).sort()).toEqual(
      [seeded.sent.currentVersion, finalised.version.version].sort(),
    );
  });
});

describe("a merge raises the case's own grading to the sender case's grading, never lowers it", () => {
  const senderCase = async (reference: string, level: 'UGRADERT' | 'KONFIDENSIELT') => {
    const { id } = await a.call('cases.create', {
      name: 'Per Fiktiv Sender',
      caseReference: reference,
      unit: 'Fiktivby fengsel',
      status: 'samfunnsstraff',
      grading: { level },
    });
    const doc = await a.call('documents.create', {
      caseId: id,
      kind: 'follow_up_plan',
      content: completePlan({ grading: { level: 'UGRADERT' } }),
    });
    await a.call('documents.finalise', { id: doc.document.id });
    await a.call('transfer.save', { caseId: id, transfer: TRANSFER });
    return sendPlan(doc.document.id, id);
  };
  const localCase = (reference: string, level: 'UGRADERT' | 'KONFIDENSIELT', exemptionBasis?: string) =>
    b.call('cases.create', {
      name: 'Per Lokal Annen',
      caseReference: reference,
      unit: 'Nordby fengsel',
      status: 'fengsel',
      grading: { level, ...(exemptionBasis ? { exemptionBasis } : {}) },
    });

  it('a KONFIDENSIELT sender case merged into a local UGRADERT case leaves it KONFIDENSIELT, audited as an update', async () => {
    const bytes = await senderCase('KOMPIS-HO-GRAD-1', 'KONFIDENSIELT');
    const local = await localCase('KOMPIS-HO-GRAD-1', 'UGRADERT');
    await mergeInto(bytes, local.id);
    const kase = (await b.call('cases.get', { id: local.id })).case;
    expect(kase.grading.level).toBe('KONFIDENSIELT');
    expect(kase.effectiveGrading).toBe('KONFIDENSIELT');
    expect(kase.name).toBe('Per Lokal Annen');
    const listed = await b.call('cases.list', { grading: 'KONFIDENSIELT' });
    expect(listed.rows.map((row) => row.id)).toContain(local.id);
    const audit = (await b.call('audit.list', { limit: 20 })).entries.map(
      (entry) => `${entry.action} ${entry.objectType} ${entry.objectId}`,
    );
    expect(audit).toContain(`update case ${local.id}`);
    expect(audit).not.toContain(`downgrade case ${local.id}`);
  });

  it("keeps the local case's exemption from public access when the merge raises its level", async () => {
    const bytes = await senderCase('KOMPIS-HO-GRAD-3', 'KONFIDENSIELT');
    const local = await localCase('KOMPIS-HO-GRAD-3', 'UGRADERT', 'offl. § 13, jf. fvl. § 13');
    await mergeInto(bytes, local.id);
    const kase = (await b.call('cases.get', { id: local.id })).case;
    expect(kase.grading).toEqual({ level: 'KONFIDENSIELT', exemptionBasis: 'offl. § 13, jf. fvl. § 13' });
  });

  it('a UGRADERT sender case merged into a local KONFIDENSIELT case leaves it KONFIDENSIELT', async () => {
    const bytes = await senderCase('KOMPIS-HO-GRAD-2', 'UGRADERT');
    const local = await localCase('KOMPIS-HO-GRAD-2', 'KONFIDENSIELT');
    await mergeInto(bytes, local.id);
    const kase = (await b.call('cases.get', { id: local.id })).case;
    expect(kase.grading.level).toBe('KONFIDENSIELT');
    expect(kase.effectiveGrading).toBe('KONFIDENSIELT');
    const audit = (await b.call('audit.list', { limit: 20 })).entries.map(
      (entry) => `${entry.action} ${entry.objectType} ${entry.objectId}`,
    );
    expect(audit).not.toContain(`update case ${local.id}`);
  });

  it('finds the local case whose reference differs only in letter case, and offers it as the merge', async () => {
    const bytes = await senderCase('KOMPIS-HO-CASE-1', 'UGRADERT');
    const local = await localCase('kompis-ho-case-1', 'UGRADERT');
    const preview = await b.call('handover.preview', { fileName: 'case.asice', fileBase64: b64(bytes) });
    if (preview.outcome !== 'acceptable') throw new Error(JSON.stringify(preview.reason));
    expect(preview.existingCaseId).toBe(local.id);
    // Imported without the merge ticked, it is refused rather than made a second case of the person.
    const casesBefore = (await b.call('cases.list', {})).total;
    const plain = await b.call('handover.import', { fileName: 'case.asice', fileBase64: b64(bytes) });
    expect(plain.outcome).toBe('refused');
    expect((await b.call('cases.list', {})).total).toBe(casesBefore);
  });
});
