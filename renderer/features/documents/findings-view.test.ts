import { describe, expect, it } from 'vitest';
import type { DkMentorCourseContent } from '../../../shared/domain';
import type { Finding } from '../../../shared/rules';
import { NO_PLAN_DISTRIBUTION_RULE, emit } from '../../../shared/rules';
import { eligibleDkCourse, OTHER_MENTOR_ID, suitableMentor } from '../../../shared/rules/test-fixtures';
import { newConcernReportDraft, newFollowUpPlanDraft } from '../../../shared/templates';
import { blockingCitations, countBySeverity, fieldId, findingsAt, liveFindings, sortFindings } from './findings-view';

const grading = { level: 'BEGRENSET' } as const;
const facts = { profile: 'NO', today: '2026-03-01', mentors: [] } as const;

describe('findings shown in the editor', () => {
  it('refuses a concern report without its cause, and stops once the cause is written', () => {
    const draft = newConcernReportDraft(grading);
    const before = liveFindings({ kind: 'concern_report', content: draft }, facts, []);
    expect(findingsAt(before, 'cause').map((f) => [f.severity, f.citation.text])).toEqual([['blocking', 'NO pkt 6']]);

    const after = liveFindings({ kind: 'concern_report', content: { ...draft, cause: 'Ytringer om vold' } }, facts, []);
    expect(findingsAt(after, 'cause')).toEqual([]);
    expect(findingsAt(after, 'measures')).toHaveLength(1);
  });

  it('keeps the saved plan-distribution warning, which the form alone cannot judge', () => {
    const copyMissing = emit(NO_PLAN_DISTRIBUTION_RULE, { params: { recipient: 'kdi', version: 2, lastSent: 0 } });
    const stale: Finding = {
      ...copyMissing,
      ruleId: 'no.plan.unitHead',
      severity: 'blocking',
      field: 'responsibleUnitHead',
    };
    const content = { ...newFollowUpPlanDraft(grading), responsibleUnitHead: 'Kari Fiktiv' };
    const shown = liveFindings({ kind: 'follow_up_plan', content }, facts, [copyMissing, stale]);
    expect(shown).toContainEqual(copyMissing);
    // A saved finding the form has since fixed is not shown again.
    expect(findingsAt(shown, 'responsibleUnitHead')).toEqual([]);
  });

  it("judges a DK course's mentors by their own register records, not by other mentors'", () => {
    const tooYoung = suitableMentor({ id: OTHER_MENTOR_ID, birthDate: '2010-01-01' });
    const register = [suitableMentor(), tooYoung];
    const blocking = (content: DkMentorCourseContent) =>
      liveFindings({ kind: 'mentor_course', content }, { profile: 'DK', today: '2026-03-01', mentors: register }, [])
        .filter((f) => f.severity === 'blocking')
        .map((f) => f.citation.text);
    const course = eligibleDkCourse();
    expect(blocking(course)).toEqual([]);
    const namingTooYoung = { ...course, mentors: course.mentors.map((m) => ({ ...m, mentorId: OTHER_MENTOR_ID })) };
    expect(blocking(namingTooYoung)).toContain('DK § 5, stk. 1, nr. 1');
  });

  it('lists blocking findings first and names each provision once', () => {
    const content = newConcernReportDraft(grading);
    const findings = sortFindings(
      liveFindings({ kind: 'concern_report', content: { ...content, addressees: [] } }, facts, []),
    );
    expect(findings[0]?.severity).toBe('blocking');
    expect(blockingCitations(findings)).toEqual(['NO pkt 6']);
    expect(countBySeverity(findings).blocking).toBe(findings.filter((f) => f.severity === 'blocking').length);
  });

  it('gives every field path an id a link can point at', () => {
    expect(fieldId('positions.securityMeasures.assessment')).toBe('field-positions-securityMeasures-assessment');
    expect(fieldId('participants')).toBe('field-participants');
  });
});
