// A document lowered with a reason keeps its earlier versions in the vault, readable and marked as they
// were: the case, the vault's banner and a backup's marking count them (DOMAIN.md: never lower than the
// highest grading of what it contains). They counted only current versions (audit 5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePlan, GRADING } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { storedGradings } from '../../main/db/repositories/cases-repo';

const apps = serviceApps();
let s: ServiceApp;
let caseId: string;

beforeAll(async () => {
  s = await apps.make('NO');
  const kase = await s.call('cases.create', {
    name: 'Kari Fiktiv',
    caseReference: 'KOMPIS-400001',
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: GRADING,
  });
  caseId = kase.id;
});
afterAll(() => apps.cleanup());

describe('a document lowered after a HEMMELIG version was finalised', () => {
  it('leaves the case, the banner and the backup marking at HEMMELIG while that version is kept', async () => {
    const doc = await s.call('documents.create', {
      caseId,
      kind: 'follow_up_plan',
      content: completePlan({ grading: { level: 'HEMMELIG' }, riskAndVulnerabilityFactors: 'Fiktiv kildeopplysning.' }),
    });
    const id = doc.document.id;
    await s.call('documents.finalise', { id });
    await s.call('documents.save', {
      id,
      content: completePlan({ grading: { level: 'BEGRENSET' } }),
      downgradeReason: 'Kildeopplysningen er tatt ut av planen',
    });
    expect((await s.call('documents.get', { id, version: 2 })).version.grading).toBe('HEMMELIG');
    expect((await s.call('documents.get', { id })).document.grading).toBe('BEGRENSET');
    expect((await s.call('cases.get', { id: caseId })).case.effectiveGrading).toBe('HEMMELIG');
    expect((await s.call('vault.status', {})).highestGrading).toBe('HEMMELIG');
    expect(storedGradings(s.app.session.current().db)).toContain('HEMMELIG');
    // Deleted with its case's other documents, the versions leave the case's grading.
    await s.call('documents.delete', { id, reason: 'Feilregistrert' });
    expect((await s.call('cases.get', { id: caseId })).case.effectiveGrading).toBe(GRADING.level);
  });
});
