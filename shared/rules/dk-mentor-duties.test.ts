import { describe, expect, it } from 'vitest';
import { checkDkMentorCourse } from './dk-mentor-course';
import { checkDkMentorDuties } from './dk-mentor-duties';
import { eligibleDkCourse, ruleIds, suitableMentor } from './test-fixtures';

const assignment = () => eligibleDkCourse().mentors[0]!;

describe('DK § 1, stk. 2, § 8, § 10 and § 14 on a DK mentor course', () => {
  it('finds nothing on a complete course with a mentor who acknowledged both duties', () => {
    expect(checkDkMentorDuties(eligibleDkCourse(), [suitableMentor()])).toEqual([]);
  });

  it('warns when a course with a mentor has no goals in its action plan (§ 1, stk. 2)', () => {
    const course = eligibleDkCourse();
    course.actionPlan = { ...course.actionPlan, goals: '  ' };
    expect(checkDkMentorDuties(course, [suitableMentor()]).map((f) => [f.ruleId, f.citation.text, f.field])).toEqual([
      ['dk.course.goals', 'DK § 1, stk. 2', 'actionPlan.goals'],
    ]);
    // An action plan stored before the field existed is asked too; a course without a mentor is not yet.
    const { goals: _g, ...old } = course.actionPlan;
    expect(ruleIds(checkDkMentorDuties({ ...course, actionPlan: old }, [suitableMentor()]))).toEqual([
      'dk.course.goals',
    ]);
    expect(checkDkMentorDuties({ ...course, mentors: [] }, [])).toEqual([]);
  });

  it("asks for each of the mentor's § 8 duties to be acknowledged, as Bro's practice reading § 8", () => {
    const none = suitableMentor({ dutiesAcknowledged: {} });
    const findings = checkDkMentorDuties(eligibleDkCourse(), [none]);
    expect(findings.map((f) => [f.ruleId, f.citation.source, f.citation.text])).toEqual([
      ['dk.mentor.confidentialityDuty', 'local', 'Bro (DK § 8, stk. 1)'],
      ['dk.mentor.notifyDuty', 'local', 'Bro (DK § 8, stk. 2)'],
    ]);
    const confidentialOnly = suitableMentor({ dutiesAcknowledged: { confidentialityDutyOn: '2025-01-13' } });
    expect(ruleIds(checkDkMentorDuties(eligibleDkCourse(), [confidentialOnly]))).toEqual(['dk.mentor.notifyDuty']);
  });

  it('asks for the supervising area to be contacted when another area assessed an inmate (§ 10)', () => {
    const inmate = eligibleDkCourse({
      basis: 'inmate_release_preparation',
      assessingArea: 'Kriminalforsorgsområde Nordby',
      supervisionArea: 'Kriminalforsorgsområde Testby',
    });
    expect(checkDkMentorDuties(inmate, [suitableMentor()]).map((f) => [f.ruleId, f.citation.text])).toEqual([
      ['dk.course.supervisionAreaContact', 'DK § 10'],
    ]);
    expect(checkDkMentorDuties({ ...inmate, supervisionAreaContactedOn: '2025-01-20' }, [suitableMentor()])).toEqual(
      [],
    );
    // The same area in other spelling, a § 2 course, or no assessing area recorded: nothing to contact.
    expect(
      checkDkMentorDuties({ ...inmate, assessingArea: ' kriminalforsorgsområde testby ' }, [suitableMentor()]),
    ).toEqual([]);
    expect(checkDkMentorDuties({ ...inmate, basis: 'supervision' }, [suitableMentor()])).toEqual([]);
    expect(checkDkMentorDuties({ ...inmate, assessingArea: undefined }, [suitableMentor()])).toEqual([]);
    const released = { ...inmate, basis: 'released_end_of_sentence' as const };
    expect(ruleIds(checkDkMentorDuties(released, [suitableMentor()]))).toEqual(['dk.course.supervisionAreaContact']);
  });

  it('warns when a fee is set without its basis (§ 14, stk. 2); no fee yet is not a finding', () => {
    const withFee = (basis: string) =>
      eligibleDkCourse({ mentors: [{ ...assignment(), fee: { amount: 2500, basis, setOn: '2025-02-01' } }] });
    expect(checkDkMentorDuties(withFee(''), [suitableMentor()]).map((f) => [f.ruleId, f.field])).toEqual([
      ['dk.course.feeBasis', 'mentors.0.fee.basis'],
    ]);
    expect(checkDkMentorDuties(withFee('4 timer om ugen, statusrapporter modtaget.'), [suitableMentor()])).toEqual([]);
    const noAmount = eligibleDkCourse({ mentors: [{ ...assignment(), fee: { basis: '' } }] });
    expect(checkDkMentorDuties(noAmount, [suitableMentor()])).toEqual([]);
    const zero = eligibleDkCourse({ mentors: [{ ...assignment(), fee: { amount: 0, basis: '' } }] });
    expect(checkDkMentorDuties(zero, [suitableMentor()])).toEqual([]);
  });

  it('runs as part of the DK mentor course rules', () => {
    const ids = ruleIds(
      checkDkMentorCourse(
        { content: eligibleDkCourse(), mentors: [suitableMentor({ dutiesAcknowledged: {} })] },
        '2025-02-15',
      ),
    );
    expect(ids).toContain('dk.mentor.notifyDuty');
  });
});
