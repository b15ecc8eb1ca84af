import { describe, expect, it } from 'vitest';
import type { FollowUpPlanContent, Profile } from '../domain';
import { canFinalise } from './finding';
import { findingsFor, RULE_SETS } from './index';
import { checkFollowUpPlan } from './no-follow-up-plan';
import { completePlan } from './test-fixtures';

describe('NO pkt 11: follow-up plan', () => {
  it('can be finalised when complete', () => {
    expect(checkFollowUpPlan(completePlan())).toEqual([]);
  });

  it("records that it was prepared without the person's participation", () => {
    for (const value of [undefined, false]) {
      const findings = checkFollowUpPlan({ ...completePlan(), preparedWithoutPersonParticipation: value });
      expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual([
        ['no.plan.withoutParticipation', 'blocking', 'NO pkt 11'],
      ]);
    }
  });

  it('names the responsible unit head', () => {
    const findings = checkFollowUpPlan({ ...completePlan(), responsibleUnitHead: ' ' });
    expect(canFinalise(findings)).toBe(false);
    expect(findings[0]?.ruleId).toBe('no.plan.unitHead');
  });

  it('is assessed for personal data and grading on completion', () => {
    const plan = completePlan();
    const findings = checkFollowUpPlan({
      ...plan,
      completionAssessment: { ...plan.completionAssessment, gradingAssessed: false },
    });
    expect(findings.map((f) => f.ruleId)).toEqual(['no.plan.completionAssessment']);
  });

  it('warns about each empty section without blocking', () => {
    const findings = checkFollowUpPlan({ ...completePlan(), releasePlanning: '', divisionOfWork: '' });
    expect(findings.map((f) => [f.severity, f.params.section])).toEqual([
      ['warning', 'releasePlanning'],
      ['warning', 'divisionOfWork'],
    ]);
    expect(canFinalise(findings)).toBe(true);
  });
});

describe('NO pkt 11: who was involved, and problems with other agencies', () => {
  it('warns when the plan records nobody who took part in preparing it', () => {
    const plan = { ...completePlan(), involved: [{ name: ' ', role: 'Politi' }] };
    expect(checkFollowUpPlan(plan).map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual([
      ['no.plan.involved', 'warning', 'NO pkt 11'],
    ]);
    const old = completePlan();
    delete old.involved;
    expect(checkFollowUpPlan(old).map((f) => f.ruleId)).toEqual(['no.plan.involved']);
  });

  it('warns for each problem with another agency not yet reported to KDI', () => {
    const problem = { notedOn: '2025-03-01', agency: 'NAV', description: 'Svarer ikke på henvendelser.' };
    const plan = { ...completePlan(), agencyProblems: [problem, { ...problem, reportedToKdiOn: '2025-03-02' }] };
    expect(checkFollowUpPlan(plan).map((f) => [f.ruleId, f.field])).toEqual([
      ['no.plan.agencyProblemReported', 'agencyProblems.0.reportedToKdiOn'],
    ]);
  });
});

describe('no.plan.emptySection at its boundary, in a NO vault', () => {
  const TODAY = '2025-03-10';
  const judged = (profile: Profile, content: FollowUpPlanContent) =>
    findingsFor('follow_up_plan', { profile, content }, TODAY);

  it('is run by NO vaults only', () => {
    expect((['NO', 'DK'] as const).filter((p) => RULE_SETS[p].some((r) => r.id === 'no.plan.emptySection'))).toEqual([
      'NO',
    ]);
  });

  it('warns, citing NO pkt 11, for a section holding only whitespace, and not for one holding a single character', () => {
    const blank = judged('NO', { ...completePlan(), cooperation: ' \n\t' });
    expect(blank.map((f) => [f.ruleId, f.severity, f.citation.text, f.field, f.params.section])).toEqual([
      ['no.plan.emptySection', 'warning', 'NO pkt 11', 'cooperation', 'cooperation'],
    ]);
    expect(canFinalise(blank)).toBe(true);
    expect(judged('NO', { ...completePlan(), cooperation: 'x' })).toEqual([]);
  });

  it("leaves an empty security-measures section to Bro's own rule, since pkt 11 does not name it", () => {
    const findings = judged('NO', { ...completePlan(), securityMeasures: '' });
    expect(findings.map((f) => [f.ruleId, f.citation.source])).toEqual([['no.plan.emptySecuritySection', 'local']]);
  });

  it('is not run on a follow-up plan in a DK vault', () => {
    const findings = judged('DK', { ...completePlan(), cooperation: '' });
    expect(findings.map((f) => f.ruleId)).toEqual(['profile.kind']);
  });
});
