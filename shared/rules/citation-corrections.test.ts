import { describe, expect, it } from 'vitest';
import { checkDkCourseProcedure } from './dk-course';
import { checkDkEligibility } from './dk-eligibility';
import { checkDkSuitability } from './dk-suitability';
import { checkGradingOfProfile } from './grading-rules';
import { checkFollowUpPlan } from './no-follow-up-plan';
import { completePlan, eligibleDkCourse } from './test-fixtures';

// Issue 13, "Wrong or misstated": each citation as a lawyer reading the two texts would sign it.
describe('citations that stand up against the texts', () => {
  it('a mentor missing from the register is judged by § 5 as a whole, not by the age limit', () => {
    const [finding] = checkDkSuitability(eligibleDkCourse(), [], '2025-03-01');
    expect(finding?.ruleId).toBe('dk.suitability.unknownMentor');
    expect(finding?.citation.text).toBe('DK § 5, stk. 1');
  });

  it('a course without a mentor is a matter for § 7 (the area appoints the mentor), not § 12', () => {
    const findings = checkDkCourseProcedure(eligibleDkCourse({ mentors: [] }));
    expect(findings.find((f) => f.ruleId === 'dk.course.noMentor')?.citation.text).toBe('DK § 7');
  });

  it('a missing basis cites §§ 2-4, which the basis is chosen from', () => {
    const [finding] = checkDkEligibility(eligibleDkCourse({ basis: undefined }), '2025-03-01');
    expect(finding?.citation).toMatchObject({ source: 'DK', paragraph: 2, toParagraph: 4, text: 'DK §§ 2-4' });
  });

  it("an empty security-measures section of the plan is Bro's structure reading pkt 5 and 8, not pkt 11", () => {
    const findings = checkFollowUpPlan({ ...completePlan(), securityMeasures: '' });
    expect(findings.map((f) => [f.ruleId, f.citation.source])).toEqual([['no.plan.emptySecuritySection', 'local']]);
    expect(findings[0]?.citation).toMatchObject({ localPractice: { reading: 'NO pkt 5, NO pkt 8' } });
    const other = checkFollowUpPlan({ ...completePlan(), cooperation: '' });
    expect(other.map((f) => f.citation.text)).toEqual(['NO pkt 11']);
  });

  it("a NO grading scale rests on NO pkt 7; a DK vault has no text on gradings, so it is Bro's practice", () => {
    expect(checkGradingOfProfile('NO', { level: 'FORTROLIGT' })[0]?.citation.text).toBe('NO pkt 7');
    expect(checkGradingOfProfile('DK', { level: 'BEGRENSET' })[0]?.citation.source).toBe('local');
  });
});
