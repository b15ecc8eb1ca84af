// Received documents (kept at KDI or the region) are filed under a case reference, not a case id: a
// purge takes those of the person's case, matched as cases are (any letter case), and never those of
// another live case with the same reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesForPurge } from '../../main/db/repositories/purge-repo';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { exportArea, finalisedPlan, makeCase, planWith } from './export-fixtures';

const apps = serviceApps();
afterAll(() => apps.cleanup());

const MARK = 'Qworbleplan';
let sender: ServiceApp;
let senderArea: ReturnType<typeof exportArea>;

async function containerFor(reference: string, from = sender, area = senderArea): Promise<string> {
  const plan = await finalisedPlan(from, await makeCase(from, reference), planWith(`${MARK} ${reference}`));
  return (await area.call('export.asice', { documentId: plan.id, recipient: 'kdi' })).fileBase64;
}

async function kdiCase(kdi: ServiceApp, reference: string) {
  return kdi.call('cases.create', {
    name: 'Ola Testmann Ærlig',
    caseReference: reference,
    unit: 'KDI mentorordningen',
    status: 'loslatt',
    expectedReleaseDate: '2019-01-10',
    grading: { level: 'UGRADERT' },
  });
}

beforeAll(async () => {
  sender = await apps.make('NO');
  senderArea = exportArea(sender);
  await senderArea.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
}, 300_000);

describe('received documents and the purge of their case', () => {
  it('go with a case whose reference differs from theirs only in letter case, as cases are matched', async () => {
    const kdi = await apps.make('NO');
    const file = await containerFor('KOMPIS-4711');
    const kase = await kdiCase(kdi, 'kompis-4711');
    const imported = await kdi.call('import.file', { fileName: 'plan.asice', fileBase64: file, acceptUntrusted: true });
    expect(imported.outcome).toBe('imported');
    // The confirmation names the received file, and the purge removes it with its container.
    expect((await kdi.call('cases.purgePreview', { caseId: kase.id })).receivedFiles).toBe(1);
    await kdi.call('cases.purge', { caseId: kase.id, confirmReference: 'kompis-4711', reason: 'retention_expired' });
    expect((await kdi.call('import.list', {})).documents).toEqual([]);
    const db = kdi.app.session.current().db;
    expect(db.prepare('SELECT count(*) FROM received_documents', { pluck: true }).get()).toBe(0);
  });

  it('stay with the live case when a deleted case of the same reference is purged', async () => {
    const kdi = await apps.make('NO');
    const file = await containerFor('KOMPIS-6000');
    const wrong = await kdiCase(kdi, 'KOMPIS-6000');
    await kdi.call('cases.delete', { id: wrong.id, reason: 'Registrert i feil' });
    await kdiCase(kdi, 'KOMPIS-6000');
    await kdi.call('import.file', { fileName: 'plan.asice', fileBase64: file, acceptUntrusted: true });
    expect((await kdi.call('cases.purgePreview', { caseId: wrong.id })).receivedFiles).toBe(0);
    await kdi.call('cases.purge', { caseId: wrong.id, confirmReference: 'KOMPIS-6000', reason: 'registered_in_error' });
    const left = (await kdi.call('import.list', {})).documents;
    expect(left).toHaveLength(1);
    expect(JSON.stringify(left)).toContain('KOMPIS-6000');
  });

  it('go with a case whose reference changed after they arrived, but not a former reference another case now has', async () => {
    const kdi = await apps.make('NO');
    const kase = await kdiCase(kdi, 'KOMPIS-7100');
    for (const reference of ['KOMPIS-7100', 'KOMPIS-7200'])
      await kdi.call('import.file', {
        fileName: `${reference}.asice`,
        fileBase64: await containerFor(reference),
        acceptUntrusted: true,
      });
    const { id, effectiveGrading: _e, createdAt: _c, updatedAt: _u, ...fields } = kase;
    await kdi.call('cases.update', { id, ...fields, caseReference: 'KOMPIS-7200' });
    await kdi.call('cases.update', { id, ...fields, caseReference: 'KOMPIS-7300' });
    // The case view and a handover carry no trace of the references it had.
    expect(JSON.stringify((await kdi.call('cases.get', { id })).case)).not.toContain('KOMPIS-7100');
    expect((await kdi.call('cases.purgePreview', { caseId: id })).receivedFiles).toBe(2);
    // A new case now carries the first reference: the document filed under it is that person's.
    await kdiCase(kdi, 'kompis-7100');
    expect((await kdi.call('cases.purgePreview', { caseId: id })).receivedFiles).toBe(1);
    await kdi.call('cases.purge', { caseId: id, confirmReference: 'KOMPIS-7300', reason: 'retention_expired' });
    const left = (await kdi.call('import.list', {})).documents;
    expect(left.map((doc) => doc.caseReference)).toEqual(['KOMPIS-7100']);
  });

  it('go with a case whose reference differs from theirs in the letter case of Nordic letters or in Unicode form', async () => {
    const kdi = await apps.make('NO');
    const kase = await kdiCase(kdi, 'ålesund-øst-4711');
    // Another unit sends the decomposed form: one vault takes the two forms as one reference.
    const other = await apps.make('NO');
    const otherArea = exportArea(other);
    await otherArea.call('signing.generateIdentity', { unitName: 'Oppdiktet friomsorgskontor' });
    const files = [
      await containerFor('ÅLESUND-ØST-4711'),
      await containerFor('ÅLESUND-ØST-4711'.normalize('NFD'), other, otherArea),
      await containerFor('ALESUND-ØST-4711'),
    ];
    for (const fileBase64 of files)
      await kdi.call('import.file', { fileName: 'plan.asice', fileBase64, acceptUntrusted: true });
    // The two forms of its reference are the case's; A is not Å, so the third is another person's.
    expect((await kdi.call('cases.purgePreview', { caseId: kase.id })).receivedFiles).toBe(2);
    // The CLI's lookup by reference finds the case in any of those forms too.
    const db = kdi.app.session.current().db;
    expect(casesForPurge(db, 'ÅLESUND-ØST-4711'.normalize('NFD')).map((row) => row.id)).toEqual([kase.id]);
    await kdi.call('cases.purge', {
      caseId: kase.id,
      confirmReference: 'ålesund-øst-4711',
      reason: 'retention_expired',
    });
    const left = (await kdi.call('import.list', {})).documents;
    expect(left.map((doc) => doc.caseReference)).toEqual(['ALESUND-ØST-4711']);
  });
});
