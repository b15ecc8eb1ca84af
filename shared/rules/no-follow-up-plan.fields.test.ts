// NO pkt 11: a problem with another agency noted in the plan is reported to KDI; the finding is shown
// at that problem's report date.
import { describe, expect, it } from 'vitest';
import { checkFollowUpPlan } from './no-follow-up-plan';
import { completePlan } from './test-fixtures';

describe('NO follow-up plan: an unreported agency problem', () => {
  it('is pointed at its own report date and numbered from one', () => {
    const agencyProblems = [
      { notedOn: '2025-03-01', agency: 'NAV', description: 'Ingen kontakt.', reportedToKdiOn: '2025-03-02' },
      { notedOn: '2025-03-05', agency: 'Kommunen', description: 'Ingen bolig.' },
    ];
    const findings = checkFollowUpPlan({ ...completePlan(), agencyProblems });
    expect(findings.map((f) => [f.ruleId, f.field, f.params.n])).toEqual([
      ['no.plan.agencyProblemReported', 'agencyProblems.1.reportedToKdiOn', 2],
    ]);
  });
});
