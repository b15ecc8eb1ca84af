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

describe('NO follow-up plan findings name the field to fill in', () => {
  const NO11 = { source: 'NO', point: '11', text: 'NO pkt 11' };

  it('points a plan without the participation record at it', () => {
    const findings = checkFollowUpPlan({ ...completePlan(), preparedWithoutPersonParticipation: false });
    expect(findings).toStrictEqual([
      {
        ruleId: 'no.plan.withoutParticipation',
        severity: 'blocking',
        messageKey: 'rules.no.plan.withoutParticipation',
        params: {},
        citation: NO11,
        field: 'preparedWithoutPersonParticipation',
      },
    ]);
  });

  it('points a plan without a unit head at the unit head', () => {
    const findings = checkFollowUpPlan({ ...completePlan(), responsibleUnitHead: '' });
    expect(findings.map((f) => [f.ruleId, f.field])).toEqual([['no.plan.unitHead', 'responsibleUnitHead']]);
  });

  it('points an unassessed plan at its completion assessment', () => {
    const plan = completePlan();
    const completionAssessment = { ...plan.completionAssessment, personalDataAssessed: false };
    expect(checkFollowUpPlan({ ...plan, completionAssessment }).map((f) => [f.ruleId, f.field])).toEqual([
      ['no.plan.completionAssessment', 'completionAssessment'],
    ]);
  });

  it('points a plan naming nobody involved at the list of those involved', () => {
    const findings = checkFollowUpPlan({ ...completePlan(), involved: [] });
    expect(findings.map((f) => [f.ruleId, f.severity, f.field])).toEqual([['no.plan.involved', 'warning', 'involved']]);
  });
});
