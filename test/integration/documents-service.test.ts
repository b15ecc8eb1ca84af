import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConcernReportContent } from '../../shared/domain';
import { newConcernReportDraft } from '../../shared/templates';
import { completePlan, GRADING } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;
let caseId: string;

function completeReport(overrides: Partial<ConcernReportContent> = {}): ConcernReportContent {
  return {
    ...newConcernReportDraft(GRADING),
    cause: 'Uttalelser som støtter voldelig ekstremisme.',
    measures: 'Økt tilsyn; samtaler.',
    whoHasBeenNotified: 'Regionen og KDI.',
    ...overrides,
  };
}

beforeAll(async () => {
  s = await apps.make('NO');
  const kase = await s.call('cases.create', {
    name: 'Ola Testmann',
    caseReference: 'KOMPIS-300001',
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: GRADING,
  });
  caseId = kase.id;
});
afterAll(() => apps.cleanup());

describe('documents service', () => {
  it('starts a follow-up plan from the built-in template and records which template it came from', async () => {
    const doc = await s.call('documents.create', { caseId, kind: 'follow_up_plan', templateId: 'no-follow-up-plan' });
    expect(doc.document).toMatchObject({
      caseId,
      kind: 'follow_up_plan',
      currentVersion: 1,
      status: 'draft',
      grading: 'BEGRENSET',
    });
    expect(doc.data).toMatchObject({
      kind: 'follow_up_plan',
      content: { template: { id: 'no-follow-up-plan', version: 1 }, grading: GRADING },
    });
    expect(doc.findings.map((f) => f.citation.text)).toContain('NO pkt 11');
    const wrong = await s.fail('documents.create', { caseId, kind: 'future_plan', templateId: 'no-follow-up-plan' });
    expect(wrong).toMatchObject({ code: 'invalid_input', messageKey: 'error.template_kind', fields: ['templateId'] });
  });

  it('starts an empty meeting draft of the requested type with the expected participant rows', async () => {
    const doc = await s.call('documents.create', { caseId, kind: 'meeting', meetingType: 'release' });
    expect(doc.data).toMatchObject({ kind: 'meeting', content: { meetingType: 'release' } });
    if (doc.data.kind !== 'meeting') throw new Error('not a meeting');
    expect(doc.data.content.participants.map((p) => p.agency)).toEqual([
      'kriminalomsorgen',
      'politi',
      'pst',
      'kriminalomsorgen',
    ]);
  });

  it('validates content against the kind of the stored document, naming the bad fields', async () => {
    const doc = await s.call('documents.create', { caseId, kind: 'observation' });
    const error = await s.fail('documents.save', { id: doc.document.id, content: { observer: 7, grading: GRADING } });
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual(expect.arrayContaining(['content.observer', 'content.seenOrHeard']));
  });

  it.each([
    ['cause', { cause: '' }],
    ['measures', { measures: '  ' }],
    ['whoHasBeenNotified', { whoHasBeenNotified: '' }],
  ] as const)('refuses to finalise a concern report without its %s, naming NO pkt 6', async (field, missing) => {
    const doc = await s.call('documents.create', { caseId, kind: 'concern_report', content: completeReport(missing) });
    const error = await s.fail('documents.finalise', { id: doc.document.id });
    expect(error).toMatchObject({
      code: 'rule_blocked',
      messageKey: 'error.rule_blocked',
      params: { citations: 'NO pkt 6', count: 1 },
    });
    expect(error.fields).toEqual([field]);
    expect((await s.call('documents.get', { id: doc.document.id })).document).toMatchObject({
      currentVersion: 1,
      status: 'draft',
    });
  });

  it('finalises a complete concern report as a new final version', async () => {
    const doc = await s.call('documents.create', { caseId, kind: 'concern_report', content: completeReport() });
    expect(await s.call('documents.check', { id: doc.document.id })).toEqual({ findings: [], canFinalise: true });
    const final = await s.call('documents.finalise', { id: doc.document.id });
    expect(final.document).toMatchObject({ currentVersion: 2, status: 'final' });
    expect(final.version).toMatchObject({ version: 2, status: 'final' });
    expect((await s.call('documents.finalise', { id: doc.document.id })).document.currentVersion).toBe(2);
  });

  it('keeps a finalised plan and adds a new draft version when it is edited', async () => {
    const doc = await s.call('documents.create', { caseId, kind: 'follow_up_plan', content: completePlan() });
    await s.call('documents.finalise', { id: doc.document.id });
    const edited = await s.call('documents.save', {
      id: doc.document.id,
      expectedVersion: 2,
      content: completePlan({ securityMeasures: 'Skjerpet kontroll av post.' }),
    });
    expect(edited.document).toMatchObject({ currentVersion: 3, status: 'draft' });
    const versions = await s.call('documents.versions', { id: doc.document.id });
    expect(versions.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'draft'],
      [2, 'final'],
      [3, 'draft'],
    ]);
    const v2 = await s.call('documents.get', { id: doc.document.id, version: 2 });
    expect(v2.data).toMatchObject({ content: { securityMeasures: 'Ordinære rutiner.' } });
    const diff = await s.call('documents.diff', { id: doc.document.id, from: 2 });
    expect(diff).toEqual({
      from: 2,
      to: 3,
      changes: [
        {
          path: 'securityMeasures',
          change: 'changed',
          before: 'Ordinære rutiner.',
          after: 'Skjerpet kontroll av post.',
        },
      ],
    });
    expect(
      await s.fail('documents.save', { id: doc.document.id, expectedVersion: 2, content: completePlan() }),
    ).toMatchObject({ code: 'conflict' });
  });

  it('adds no version when the same content is saved again', async () => {
    const doc = await s.call('documents.create', { caseId, kind: 'follow_up_plan', content: completePlan() });
    const again = await s.call('documents.save', { id: doc.document.id, content: completePlan() });
    expect(again.document.currentVersion).toBe(1);
  });

  it('refuses to finalise a draft that is the newest final version again, changing nothing', async () => {
    const doc = await s.call('documents.create', { caseId, kind: 'follow_up_plan', content: completePlan() });
    const id = doc.document.id;
    await s.call('documents.finalise', { id });
    // An edit saved, then undone: version 4 holds version 2's text again.
    await s.call('documents.save', { id, content: completePlan({ securityMeasures: 'Midlertidig endring.' }) });
    await s.call('documents.save', { id, content: completePlan() });
    const before = s.rows();
    expect(await s.fail('documents.finalise', { id })).toMatchObject({
      code: 'conflict',
      messageKey: 'error.finalise_unchanged',
      params: { version: 2 },
    });
    expect(s.rows()).toEqual(before);
    // A real change finalises.
    await s.call('documents.save', { id, content: completePlan({ securityMeasures: 'Skjerpet kontroll.' }) });
    expect((await s.call('documents.finalise', { id })).document).toMatchObject({ status: 'final', currentVersion: 6 });
  });

  it('lowers a grading only with a reason, kept in the version note and logged as a downgrade', async () => {
    const doc = await s.call('documents.create', {
      caseId,
      kind: 'follow_up_plan',
      content: completePlan({ grading: { level: 'KONFIDENSIELT' } }),
    });
    const lower = { id: doc.document.id, content: completePlan({ grading: { level: 'BEGRENSET' } }) };
    expect(await s.fail('documents.save', lower)).toMatchObject({
      code: 'invalid_input',
      messageKey: 'error.downgrade_reason_required',
      fields: ['downgradeReason'],
    });
    const saved = await s.call('documents.save', {
      ...lower,
      downgradeReason: 'Opplysningene er ikke lenger skjermingsverdige',
      note: 'Etter møte',
    });
    expect(saved.version.note).toBe('Opplysningene er ikke lenger skjermingsverdige\nEtter møte');
    expect(saved.document.grading).toBe('BEGRENSET');
    const actions = (await s.call('audit.list', { objectId: doc.document.id })).entries.map((e) => e.action);
    expect(actions).toEqual(['downgrade', 'update', 'create']);
    const raised = await s.call('documents.save', {
      id: doc.document.id,
      content: completePlan({ grading: { level: 'HEMMELIG' } }),
    });
    expect(raised.version.note).toBeNull();
    expect(raised.document.grading).toBe('HEMMELIG');
    // A later version at the same grading keeps it.
    const kept = await s.call('documents.save', {
      id: doc.document.id,
      content: completePlan({ grading: { level: 'HEMMELIG' }, securityMeasures: 'Skjerpede rutiner.' }),
    });
    expect([kept.document.currentVersion, kept.document.grading]).toEqual([
      raised.document.currentVersion + 1,
      'HEMMELIG',
    ]);
  });

  it('takes "Unntatt offentlighet" off only with a reason, kept in the version note and logged as a downgrade', async () => {
    const exempt = { level: 'BEGRENSET' as const, exemptionBasis: 'offl. § 13, jf. fvl. § 13' };
    const doc = await s.call('documents.create', {
      caseId,
      kind: 'follow_up_plan',
      content: completePlan({ grading: exempt }),
    });
    const open = { id: doc.document.id, content: completePlan({ grading: { level: 'BEGRENSET' } }) };
    const before = s.rows();
    expect(await s.fail('documents.save', open)).toMatchObject({
      code: 'invalid_input',
      messageKey: 'error.downgrade_reason_required',
    });
    expect(s.rows()).toEqual(before);
    const saved = await s.call('documents.save', { ...open, downgradeReason: 'Innsyn gitt etter klage' });
    expect(saved.version.note).toBe('Innsyn gitt etter klage');
    const actions = (await s.call('audit.list', { objectId: doc.document.id })).entries.map((e) => e.action);
    expect(actions).toEqual(['downgrade', 'update', 'create']);
  });

  it('soft-deletes a document with its reason and keeps its versions', async () => {
    const doc = await s.call('documents.create', { caseId, kind: 'future_plan' });
    await s.call('documents.delete', { id: doc.document.id, reason: 'Laget på feil sak' });
    expect(await s.fail('documents.get', { id: doc.document.id })).toMatchObject({ code: 'not_found' });
    const listed = await s.call('documents.list', { caseId, kind: 'future_plan', includeDeleted: true });
    expect(listed.documents).toMatchObject([{ id: doc.document.id, deleteReason: 'Laget på feil sak' }]);
    const stored = s.app.session
      .current()
      .db.prepare('SELECT count(*) AS n FROM document_versions WHERE document_id = ?')
      .get([doc.document.id]);
    expect(stored).toEqual({ n: 1 });
  });

  it('keeps the future plan and the follow-up plan as separate documents (NO pkt 10)', async () => {
    const future = await s.call('documents.create', { caseId, kind: 'future_plan' });
    const plan = await s.call('documents.create', { caseId, kind: 'follow_up_plan' });
    expect(future.document.id).not.toBe(plan.document.id);
    expect(future.data.kind).toBe('future_plan');
    expect(plan.data.kind).toBe('follow_up_plan');
  });

  it('refuses a Danish grading in a Norwegian vault', async () => {
    const error = await s.fail('documents.create', {
      caseId,
      kind: 'observation',
      grading: { level: 'TIL TJENESTEBRUG' },
    });
    expect(error).toMatchObject({
      code: 'invalid_input',
      messageKey: 'error.grading_profile',
      fields: ['content.grading.level'],
    });
  });
});
