import { describe, expect, it } from 'vitest';
import type { DkMentorCourseContent, Profile } from '../domain';
import { checkDkCourseProcedure } from './dk-course';
import { canFinalise } from './finding';
import { findingsFor, RULE_SETS } from './index';
import { eligibleDkCourse, suitableMentor } from './test-fixtures';

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

/** The course as the app judges it, two weeks in (before its first § 17 report is due). */
function judged(content: DkMentorCourseContent, profile: Profile = 'DK') {
  return findingsFor('mentor_course', { profile, content, mentors: [suitableMentor()] }, '2025-02-15');
}

function shown(content: DkMentorCourseContent) {
  return judged(content).map((f) => [f.ruleId, f.severity, f.citation.text, f.field]);
}

describe('DK course rules at their boundaries, in a DK vault', () => {
  it.each([
    'dk.course.decidingArea',
    'dk.course.mentorNeed',
    'dk.course.divisionOfWork',
    'dk.course.responsible',
    'dk.course.noSubsidy',
    'dk.course.otherSubsidy',
    'dk.course.pedagogical',
    'dk.course.endReason',
  ])('%s is run by DK vaults only', (id) => {
    expect((['NO', 'DK'] as const).filter((p) => RULE_SETS[p].some((r) => r.id === id))).toEqual(['DK']);
  });

  it('dk.course.decidingArea: warns when the deciding area is only whitespace, not when it names the supervising area', () => {
    expect(shown(eligibleDkCourse({ decidingArea: ' ' }))).toEqual([
      ['dk.course.decidingArea', 'warning', 'DK § 7', 'decidingArea'],
    ]);
    expect(judged(eligibleDkCourse({ decidingArea: ' kriminalforsorgsområde testby' }))).toEqual([]);
  });

  it('dk.course.mentorNeed and dk.course.divisionOfWork: block a handleplan part that is only whitespace', () => {
    const plan = eligibleDkCourse().actionPlan;
    expect(shown(eligibleDkCourse({ actionPlan: { ...plan, mentorNeed: '\n' } }))).toEqual([
      ['dk.course.mentorNeed', 'blocking', 'DK § 9, stk. 2', 'actionPlan.mentorNeed'],
    ]);
    expect(shown(eligibleDkCourse({ actionPlan: { ...plan, divisionOfWork: ' ' } }))).toEqual([
      ['dk.course.divisionOfWork', 'blocking', 'DK § 13, stk. 1', 'actionPlan.divisionOfWork'],
    ]);
    expect(judged(eligibleDkCourse({ actionPlan: { ...plan, mentorNeed: 'x', divisionOfWork: 'x' } }))).toEqual([]);
  });

  it('dk.course.responsible: blocks while the responsible person is only whitespace', () => {
    expect(shown(eligibleDkCourse({ responsiblePerson: ' ' }))).toEqual([
      ['dk.course.responsible', 'blocking', 'DK § 13, stk. 2', 'responsiblePerson'],
    ]);
    expect(judged(eligibleDkCourse({ responsiblePerson: 'K' }))).toEqual([]);
  });

  it.each(['transport', 'phone', 'postage'] as const)(
    'dk.course.noSubsidy: blocks a subsidy for %s, and not one for another purpose',
    (purpose) => {
      const findings = judged(eligibleDkCourse({ subsidies: [{ purpose, amount: 1, note: '' }] }));
      expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text, f.field, f.params.purpose])).toEqual([
        ['dk.course.noSubsidy', 'blocking', 'DK § 14, stk. 3', 'subsidies.0', purpose],
      ]);
      expect(canFinalise(findings)).toBe(false);
    },
  );

  it('dk.course.otherSubsidy: asks that a subsidy for another purpose be nothing like them ("eller lignende"), without blocking', () => {
    const findings = judged(eligibleDkCourse({ subsidies: [{ purpose: 'other', amount: 1, note: 'Buskort' }] }));
    expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text, f.field])).toEqual([
      ['dk.course.otherSubsidy', 'warning', 'DK § 14, stk. 3', 'subsidies.0'],
    ]);
    expect(canFinalise(findings)).toBe(true);
    expect(
      judged(eligibleDkCourse({ subsidies: [{ purpose: 'pedagogical_activity', amount: 1, note: '' }] })).map(
        (f) => f.ruleId,
      ),
    ).toEqual(['dk.course.pedagogical']);
  });

  it('dk.course.pedagogical: notes the limit once one educational subsidy is recorded, without blocking', () => {
    const findings = judged(
      eligibleDkCourse({ subsidies: [{ purpose: 'pedagogical_activity', amount: 1, note: '' }] }),
    );
    expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text, f.field])).toEqual([
      ['dk.course.pedagogical', 'info', 'DK § 16', 'subsidies'],
    ]);
    expect(canFinalise(findings)).toBe(true);
    expect(judged(eligibleDkCourse({ subsidies: [] }))).toEqual([]);
  });

  it('dk.course.endReason: blocks an end date without a reason, and accepts each of the three reasons of § 19', () => {
    expect(shown(eligibleDkCourse({ endDate: '2025-02-10' }))).toEqual([
      ['dk.course.endReason', 'blocking', 'DK § 19', 'endReason'],
    ]);
    for (const endReason of ['purpose_achieved', 'agreement', 'decision'] as const)
      expect(judged(eligibleDkCourse({ endDate: '2025-02-10', endReason }))).toEqual([]);
    expect(judged(eligibleDkCourse({ endDate: undefined, endReason: undefined }))).toEqual([]);
  });

  it('none of them is run on a DK course in a NO vault', () => {
    const incomplete = eligibleDkCourse({ decidingArea: '', responsiblePerson: '', endDate: '2025-02-10' });
    expect(judged(incomplete, 'NO').map((f) => f.ruleId)).toEqual(['profile.kind']);
  });
});
