import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePlan, GRADING } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;
let caseId: string;

beforeAll(async () => {
  s = await apps.make('NO');
  caseId = (
    await s.call('cases.create', {
      name: 'Kari Fiktiv',
      caseReference: 'KOMPIS-400001',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: GRADING,
    })
  ).id;
});
afterAll(() => apps.cleanup());

async function finalisedPlan() {
  const doc = await s.call('documents.create', { caseId, kind: 'follow_up_plan', content: completePlan() });
  await s.call('documents.finalise', { id: doc.document.id });
  return doc.document.id;
}

describe('distribution log and change summary (NO pkt 11)', () => {
  it('records which final version went to whom, and stops warning once region and KDI have it', async () => {
    const id = await finalisedPlan();
    const before = (await s.call('documents.check', { id })).findings.filter(
      (f) => f.ruleId === 'no.plan.copyRegionKdi',
    );
    expect(before.map((f) => f.params.recipient)).toEqual(['region', 'kdi']);
    const sha = 'a'.repeat(64);
    const entry = await s.call('distribution.record', {
      documentId: id,
      version: 2,
      recipient: 'kdi',
      sentOn: '2026-03-02',
      format: 'signed_pdf',
      fileSha256: sha,
    });
    expect(entry).toMatchObject({
      documentId: id,
      version: 2,
      recipient: 'kdi',
      format: 'signed_pdf',
      fileSha256: sha,
    });
    await s.call('distribution.record', {
      documentId: id,
      version: 2,
      recipient: 'region',
      sentOn: '2026-03-02',
      format: 'paper',
    });
    expect((await s.call('distribution.list', { documentId: id })).entries.map((e) => e.recipient)).toEqual([
      'kdi',
      'region',
    ]);
    const after = (await s.call('documents.check', { id })).findings.filter(
      (f) => f.ruleId === 'no.plan.copyRegionKdi',
    );
    expect(after).toEqual([]);
    const actions = (await s.call('audit.list', { objectId: id })).entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'distribute')).toHaveLength(2);
  });

  it('refuses to record a draft version as sent', async () => {
    const doc = await s.call('documents.create', { caseId, kind: 'follow_up_plan', content: completePlan() });
    const error = await s.fail('distribution.record', {
      documentId: doc.document.id,
      version: 1,
      recipient: 'kdi',
      sentOn: '2026-03-02',
      format: 'paper',
    });
    expect(error).toMatchObject({ code: 'conflict', messageKey: 'error.version_not_final', fields: ['version'] });
    expect(
      await s.fail('distribution.record', {
        documentId: doc.document.id,
        version: 9,
        recipient: 'kdi',
        sentOn: '2026-03-02',
        format: 'paper',
      }),
    ).toMatchObject({ code: 'not_found' });
  });

  it('refuses a sending dated after today or before the version was finalised, changing nothing', async () => {
    // The service app's today is 2026-03-02; the plan is finalised that day.
    const id = await finalisedPlan();
    const send = (sentOn: string) =>
      s.fail('distribution.record', { documentId: id, version: 2, recipient: 'kdi', sentOn, format: 'paper' });
    const before = s.rows();
    expect(await send('2026-03-03')).toMatchObject({
      code: 'invalid_input',
      messageKey: 'error.sent_in_future',
      fields: ['sentOn'],
    });
    expect(await send('2026-03-01')).toMatchObject({
      code: 'invalid_input',
      messageKey: 'error.sent_before_final',
      params: { version: 2, date: '2026-03-02' },
      fields: ['sentOn'],
    });
    expect(s.rows()).toEqual(before);
    // The copy item is still there: nothing went.
    const copies = (await s.call('documents.check', { id })).findings.filter(
      (f) => f.ruleId === 'no.plan.copyRegionKdi',
    );
    expect(copies.map((f) => f.params.recipient)).toEqual(['region', 'kdi']);
  });

  it('refuses the same sending recorded twice, so the log does not claim two', async () => {
    const id = await finalisedPlan();
    const sending = {
      documentId: id,
      version: 2,
      recipient: 'kdi' as const,
      sentOn: '2026-03-02',
      format: 'paper' as const,
    };
    await s.call('distribution.record', sending);
    const before = s.rows();
    expect(await s.fail('distribution.record', sending)).toMatchObject({
      code: 'conflict',
      messageKey: 'error.sent_already_recorded',
      params: { version: 2, date: '2026-03-02' },
    });
    expect(s.rows()).toEqual(before);
    // Another form, or another recipient, is another sending.
    await s.call('distribution.record', { ...sending, format: 'signed_pdf' });
    await s.call('distribution.record', { ...sending, recipient: 'region' });
    expect((await s.call('distribution.list', { documentId: id })).entries).toHaveLength(3);
  });

  it('lists exactly the fields changed since the version last sent to KDI', async () => {
    const id = await finalisedPlan();
    expect(await s.call('documents.changesSinceSent', { id })).toEqual({
      recipient: 'kdi',
      lastSentVersion: null,
      currentVersion: 2,
      currentIsDraft: false,
      changes: [],
    });
    await s.call('distribution.record', {
      documentId: id,
      version: 2,
      recipient: 'kdi',
      sentOn: '2026-03-02',
      format: 'signed_container',
    });
    await s.call('documents.save', { id, content: completePlan({ cooperation: 'PST deltar i oppfølgingen.' }) });
    await s.call('documents.save', {
      id,
      content: completePlan({
        cooperation: 'PST deltar i oppfølgingen.',
        releasePlanning: 'Løslatelsesmøte avtalt.',
        grading: { level: 'KONFIDENSIELT' },
      }),
    });
    const summary = await s.call('documents.changesSinceSent', { id, recipient: 'kdi' });
    // Versions 3 and 4 are drafts: the summary says so, as they cannot be sent yet.
    expect(summary).toEqual({
      recipient: 'kdi',
      lastSentVersion: 2,
      currentVersion: 4,
      currentIsDraft: true,
      changes: [
        {
          path: 'releasePlanning',
          change: 'changed',
          before: 'Bolig avklares med kommunen.',
          after: 'Løslatelsesmøte avtalt.',
        },
        {
          path: 'cooperation',
          change: 'changed',
          before: 'Politiet følger opp ved løslatelse.',
          after: 'PST deltar i oppfølgingen.',
        },
        { path: 'grading.level', change: 'changed', before: 'BEGRENSET', after: 'KONFIDENSIELT' },
      ],
    });
    const region = await s.call('documents.changesSinceSent', { id, recipient: 'region' });
    expect(region).toMatchObject({ lastSentVersion: null, changes: [] });
  });
});
