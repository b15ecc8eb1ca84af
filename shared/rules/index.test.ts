import { describe, expect, it } from 'vitest';
import { newDraft } from '../templates/drafts';
import { DOCUMENT_KINDS } from '../domain';
import { canFinalise, findingsFor, findingsForContent } from './index';
import { DK_GRADING, eligibleDkCourse, MENTOR_ID, NO_GRADING, offeredNoCourse, suitableMentor } from './test-fixtures';

const TODAY = '2025-03-01';

describe('rules by document kind', () => {
  it('judges a kinded content the same as findingsFor, with the mentor records the caller supplies', () => {
    const unsuitable = suitableMentor({ birthDate: '2007-03-02' });
    const judged = (mentors: ReturnType<typeof suitableMentor>[]) =>
      findingsForContent(
        { kind: 'mentor_course', content: eligibleDkCourse() },
        { profile: 'DK', today: TODAY, mentorCourse: () => ({ mentors }) },
      );
    expect(canFinalise(judged([suitableMentor()]))).toBe(true);
    expect(
      judged([unsuitable])
        .filter((f) => f.severity === 'blocking')
        .map((f) => f.citation.text),
    ).toEqual(['DK § 5, stk. 1, nr. 1']);
    const observation = newDraft('observation', { profile: 'NO', grading: NO_GRADING });
    expect(
      findingsForContent(
        { kind: 'observation', content: observation },
        { profile: 'NO', today: TODAY, mentorCourse: () => ({ mentors: [] }) },
      ),
    ).toEqual(findingsFor('observation', { profile: 'NO', content: observation }, TODAY));
  });

  it('a complete DK course with a suitable mentor can be finalised', () => {
    const findings = findingsFor(
      'mentor_course',
      { profile: 'DK', content: eligibleDkCourse(), mentors: [suitableMentor()] },
      TODAY,
    );
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(canFinalise(findings)).toBe(true);
  });

  it('a DK course with an unsuitable mentor cannot be finalised, and the finding names the § paragraph', () => {
    const mentor = suitableMentor({ birthDate: '2007-03-02' });
    const findings = findingsFor(
      'mentor_course',
      { profile: 'DK', content: eligibleDkCourse(), mentors: [mentor] },
      TODAY,
    );
    expect(canFinalise(findings)).toBe(false);
    const blocking = findings.filter((f) => f.severity === 'blocking');
    expect(blocking.map((f) => f.citation.text)).toEqual(['DK § 5, stk. 1, nr. 1']);
  });

  it("sums the mentor's hours over this and other courses for § 15", () => {
    const other = {
      courseId: 'c0ffee00-0000-4000-8000-000000000001',
      mentors: [{ mentorId: MENTOR_ID, agreedWeeklyHours: 15 }],
    };
    const findings = findingsFor(
      'mentor_course',
      { profile: 'DK', content: eligibleDkCourse(), mentors: [suitableMentor()], otherCourses: [other] },
      TODAY,
    );
    expect(findings.filter((f) => f.ruleId === 'dk.workload.halfTime').map((f) => f.params.hours)).toEqual([19]);
  });

  it('runs the NO course rules for the NO variant', () => {
    const findings = findingsFor('mentor_course', { profile: 'NO', content: offeredNoCourse(), mentors: [] }, TODAY);
    expect(findings.map((f) => f.ruleId)).toEqual(['no.course.unknownMentor']);
  });

  it("checks that a document's grading belongs to the vault profile", () => {
    const content = { ...newDraft('future_plan', { profile: 'NO', grading: DK_GRADING }), offeredOn: TODAY };
    expect(findingsFor('future_plan', { profile: 'NO', content }, TODAY).map((f) => f.ruleId)).toEqual([
      'no.grading.profile',
    ]);
    const course = eligibleDkCourse({ grading: NO_GRADING });
    expect(
      findingsFor('mentor_course', { profile: 'DK', content: course, mentors: [suitableMentor()] }, TODAY)
        .filter((f) => f.severity === 'blocking')
        .map((f) => f.ruleId),
    ).toEqual(['dk.grading.profile']);
  });

  it('keeps fresh drafts from being finalised where the guideline demands content, but not where it only advises', () => {
    const opts = { profile: 'NO' as const, grading: NO_GRADING };
    const base = { profile: 'NO' as const };
    const finalisable = {
      observation: canFinalise(findingsFor('observation', { ...base, content: newDraft('observation', opts) }, TODAY)),
      concern: canFinalise(findingsFor('concern', { ...base, content: newDraft('concern', opts) }, TODAY)),
      concern_report: canFinalise(
        findingsFor('concern_report', { ...base, content: newDraft('concern_report', opts) }, TODAY),
      ),
      follow_up_plan: canFinalise(
        findingsFor('follow_up_plan', { ...base, content: newDraft('follow_up_plan', opts) }, TODAY),
      ),
      future_plan: canFinalise(findingsFor('future_plan', { ...base, content: newDraft('future_plan', opts) }, TODAY)),
      meeting: canFinalise(findingsFor('meeting', { ...base, content: newDraft('meeting', opts) }, TODAY)),
      visit_routine: canFinalise(
        findingsFor('visit_routine', { ...base, content: newDraft('visit_routine', opts) }, TODAY),
      ),
      mentor_course: canFinalise(
        findingsFor('mentor_course', { ...base, content: newDraft('mentor_course', opts), mentors: [] }, TODAY),
      ),
    };
    expect(Object.keys(finalisable)).toEqual([...DOCUMENT_KINDS]);
    expect(finalisable).toEqual({
      observation: false,
      concern: false,
      concern_report: false,
      follow_up_plan: false,
      future_plan: true,
      meeting: false,
      visit_routine: true,
      // A NO course awaiting KDI's decision (NO pkt 13.3) owes nothing yet; a DK course owes its handleplan.
      mentor_course: true,
    });
    const dkCourse = newDraft('mentor_course', { profile: 'DK', grading: DK_GRADING });
    expect(canFinalise(findingsFor('mentor_course', { profile: 'DK', content: dkCourse, mentors: [] }, TODAY))).toBe(
      false,
    );
  });
});
