// DK § 5, stk. 2: "Medarbejdere kan som udgangspunkt ikke være mentor for dømte, der er i tilsyn i den
// afdeling … hvor den pågældende er ansat". A course that names no unit of the person's own is judged
// by the unit its case names (audit 8: leaving the course's field blank turned the block into a warning).
import { describe, expect, it } from 'vitest';
import { checkDkMentorCourse } from './dk-mentor-course';
import { eligibleDkCourse, suitableMentor } from './test-fixtures';

const TODAY = '2025-02-15';
const staff = suitableMentor({ employment: { isStaff: true, unit: 'KiF Testby afdeling' } });
const ownUnit = (personUnit: string, caseUnit?: string) =>
  checkDkMentorCourse(
    { content: eligibleDkCourse({ personUnit }), mentors: [staff], ...(caseUnit ? { caseUnit } : {}) },
    TODAY,
  )
    .filter((f) => f.ruleId.startsWith('dk.suitability.ownUnit'))
    .map((f) => [f.ruleId, f.severity]);

describe('DK § 5, stk. 2 for a course that names no unit of the person', () => {
  it('blocks a staff mentor of the very department the case names', () => {
    expect(ownUnit('', ' kif testby afdeling')).toEqual([['dk.suitability.ownUnit', 'blocking']]);
  });

  it('lets one of another department through, and warns while neither the course nor the case names a unit', () => {
    expect(ownUnit('', 'KiF Nordby afdeling')).toEqual([]);
    expect(ownUnit('')).toEqual([['dk.suitability.ownUnitUnknown', 'warning']]);
  });

  it('judges by the course’s own unit when it names one', () => {
    expect(ownUnit('KiF Nordby afdeling', 'KiF Testby afdeling')).toEqual([]);
  });
});
