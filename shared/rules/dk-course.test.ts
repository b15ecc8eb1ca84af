import { describe, expect, it } from 'vitest';
import { checkDkCourseProcedure } from './dk-course';
import { canFinalise } from './finding';
import { eligibleDkCourse } from './test-fixtures';

describe('DK course procedure', () => {
  it('accepts a complete course', () => {
    expect(checkDkCourseProcedure(eligibleDkCourse())).toEqual([]);
  });

  it('needs the handleplan: the need for a mentor (§ 9, stk. 2) and the division of tasks (§ 13, stk. 1)', () => {
    const findings = checkDkCourseProcedure(eligibleDkCourse({ actionPlan: { mentorNeed: '', divisionOfWork: '' } }));
    expect(findings.map((f) => [f.severity, f.citation.text])).toEqual([
      ['blocking', 'DK § 9, stk. 2'],
      ['blocking', 'DK § 13, stk. 1'],
    ]);
  });

  it('needs a responsible person (§ 13, stk. 2)', () => {
    const findings = checkDkCourseProcedure(eligibleDkCourse({ responsiblePerson: '' }));
    expect(findings.map((f) => f.citation.text)).toEqual(['DK § 13, stk. 2']);
    expect(canFinalise(findings)).toBe(false);
  });

  it('warns when the deciding area is not where the person is supervised (§ 7)', () => {
    const findings = checkDkCourseProcedure(
      eligibleDkCourse({ decidingArea: 'Område Nord', supervisionArea: 'Område Syd' }),
    );
    expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual([
      ['dk.course.decidingAreaMismatch', 'warning', 'DK § 7'],
    ]);
  });

  it('asks for the start meeting once a mentor is appointed (§ 12)', () => {
    expect(checkDkCourseProcedure(eligibleDkCourse({ startMeeting: { notes: '' } })).map((f) => f.ruleId)).toEqual([
      'dk.course.startMeeting',
    ]);
    expect(
      checkDkCourseProcedure(eligibleDkCourse({ mentors: [], startMeeting: { notes: '' } })).map((f) => f.ruleId),
    ).toEqual(['dk.course.noMentor']);
  });

  it('refuses subsidies for transport, phone and postage (§ 14, stk. 3) and notes the limit on educational ones (§ 16)', () => {
    const subsidies = [
      { purpose: 'transport' as const, amount: 200, note: '' },
      { purpose: 'pedagogical_activity' as const, amount: 300, note: 'Museumsbesøg' },
    ];
    const findings = checkDkCourseProcedure(eligibleDkCourse({ subsidies }));
    expect(findings.map((f) => [f.severity, f.citation.text, f.field])).toEqual([
      ['blocking', 'DK § 14, stk. 3', 'subsidies.0'],
      ['info', 'DK § 16', 'subsidies'],
    ]);
  });

  it('flags a course with a mentor but no start date, since no meeting or report can fall due without one', () => {
    const findings = checkDkCourseProcedure(eligibleDkCourse({ startDate: undefined }));
    expect(findings.map((f) => [f.ruleId, f.severity, f.field, f.citation.source])).toEqual([
      ['dk.course.startDate', 'warning', 'startDate', 'local'],
    ]);
    expect(
      checkDkCourseProcedure(eligibleDkCourse({ startDate: undefined, mentors: [] })).map((f) => f.ruleId),
    ).toEqual(['dk.course.noMentor']);
  });

  it('needs the reason when a course ends (§ 19)', () => {
    expect(checkDkCourseProcedure(eligibleDkCourse({ endDate: '2025-09-01' })).map((f) => f.citation.text)).toEqual([
      'DK § 19',
    ]);
    expect(checkDkCourseProcedure(eligibleDkCourse({ endDate: '2025-09-01', endReason: 'agreement' }))).toEqual([]);
  });
});
