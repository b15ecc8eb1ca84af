// NO pkt 6: a report missing a recipient or a copy is pointed at its list of addressees.
import { describe, expect, it } from 'vitest';
import type { ConcernReportContent } from '../domain';
import { newConcernReportDraft } from '../templates/drafts';
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
