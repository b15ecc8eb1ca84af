// DK § 5, stk. 2 names two places a staff member cannot as a starting point be mentor for: the KiF
// department supervising a person in freedom, and the prison an inmate is placed in. A course that goes
// on after release (§ 3, stk. 2) has both in turn. Checked against one unit only, a mentor employed at
// the department that would supervise the person after release passed without a word (audit 8).
import { describe, expect, it } from 'vitest';
import { checkDkMentorCourse } from './dk-mentor-course';
import { eligibleDkCourse, suitableMentor } from './test-fixtures';

const TODAY = '2025-02-15';
const PRISON = 'Fængslet i Testby';
const DEPARTMENT = 'KiF Nordby afdeling';

function ownUnit(employer: string, afterReleaseUnit?: string, justification = '') {
  const staff = suitableMentor({ employment: { isStaff: true, unit: employer } });
  const content = eligibleDkCourse({ personUnit: PRISON, ...(afterReleaseUnit ? { afterReleaseUnit } : {}) });
  const assigned = {
    ...content,
    mentors: content.mentors.map((m) => ({ ...m, ownUnitExceptionJustification: justification })),
  };
  return checkDkMentorCourse({ content: assigned, mentors: [staff] }, TODAY)
    .filter((f) => f.ruleId.startsWith('dk.suitability.ownUnit'))
    .map((f) => [f.ruleId, f.severity]);
}

describe('DK § 5, stk. 2 for a course that goes on after release', () => {
  it('blocks a staff mentor of the department that will supervise the person after release', () => {
    expect(ownUnit(DEPARTMENT, ` ${DEPARTMENT.toLowerCase()} `)).toEqual([['dk.suitability.ownUnit', 'blocking']]);
  });

  it('still blocks one of the prison the person is placed in, and lets one of a third unit through', () => {
    expect(ownUnit(PRISON, DEPARTMENT)).toEqual([['dk.suitability.ownUnit', 'blocking']]);
    expect(ownUnit('KiF Sydby afdeling', DEPARTMENT)).toEqual([]);
  });

  it('takes a justified exception ("som udgangspunkt") for either unit', () => {
    expect(ownUnit(DEPARTMENT, DEPARTMENT, 'Eneste mentor med de rette sprogkundskaber.')).toEqual([
      ['dk.suitability.ownUnitException', 'info'],
    ]);
  });

  it('judges a course saved before the field by its one unit, as before', () => {
    expect(ownUnit(DEPARTMENT)).toEqual([]);
  });
});
