import { describe, expect, it } from 'vitest';
import type { ConcernReportContent } from '../domain';
import { newConcernReportDraft } from '../templates/drafts';
import { canFinalise } from './finding';
import { checkConcernReport } from './no-concern-report';
import { NO_GRADING } from './test-fixtures';

function completeReport(): ConcernReportContent {
  return {
    ...newConcernReportDraft(NO_GRADING),
    reportDate: '2025-03-01',
    cause: 'Uttalelser om vold mot en navngitt gruppe.',
    measures: 'Økt tilsyn vurderes.',
    whoHasBeenNotified: 'Regional radikaliseringskoordinator.',
  };
}

describe('NO pkt 6: concern report', () => {
  it('can be finalised with its three contents and police, PST, region and KDI addressed', () => {
    expect(checkConcernReport(completeReport())).toEqual([]);
  });

  it.each([
    ['cause', 'no.concernReport.cause'],
    ['measures', 'no.concernReport.measures'],
    ['whoHasBeenNotified', 'no.concernReport.notified'],
  ] as const)('cannot be finalised without %s, and the finding names NO pkt 6', (field, ruleId) => {
    const findings = checkConcernReport({ ...completeReport(), [field]: '  \n ' });
    expect(canFinalise(findings)).toBe(false);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId,
        severity: 'blocking',
        field,
        citation: { source: 'NO', point: '6', text: 'NO pkt 6' },
      }),
    ]);
  });

  it('must go to police and PST, with a copy to region and KDI', () => {
    const report = { ...completeReport(), addressees: [{ role: 'copy' as const, party: 'politi' as const, name: '' }] };
    const findings = checkConcernReport(report);
    expect(findings.map((f) => [f.ruleId, f.params.party])).toEqual([
      ['no.concernReport.recipient', 'politi'],
      ['no.concernReport.recipient', 'pst'],
      ['no.concernReport.copy', 'region'],
      ['no.concernReport.copy', 'kdi'],
    ]);
    expect(findings.every((f) => f.citation.text === 'NO pkt 6')).toBe(true);
  });
});

// NO pkt 6: a report missing a recipient or a copy is pointed at its list of addressees.
describe('NO concern report addressed to nobody', () => {
  it('points each missing recipient and copy at the addressees', () => {
    const findings = checkConcernReport({ ...completeReport(), addressees: [] });
    expect(findings.map((f) => [f.ruleId, f.messageKey, f.severity, f.field, f.params])).toEqual([
      ['no.concernReport.recipient', 'rules.no.concernReport.recipient', 'blocking', 'addressees', { party: 'politi' }],
      ['no.concernReport.recipient', 'rules.no.concernReport.recipient', 'blocking', 'addressees', { party: 'pst' }],
      ['no.concernReport.copy', 'rules.no.concernReport.copy', 'blocking', 'addressees', { party: 'region' }],
      ['no.concernReport.copy', 'rules.no.concernReport.copy', 'blocking', 'addressees', { party: 'kdi' }],
    ]);
  });
});
