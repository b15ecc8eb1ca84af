// Each eligibility finding is shown at the form field the coordinator has to correct; a finding without
// its field (or with another) would show at the top of the form or beside the wrong answer.
import { describe, expect, it } from 'vitest';
import type { DkMentorCourseContent } from '../domain';
import { checkDkEligibility } from './dk-eligibility';
import type { Finding } from './finding';
import { eligibleDkCourse } from './test-fixtures';

const TODAY = '2025-03-01';
const at = (findings: readonly Finding[]) => findings.map((f) => [f.ruleId, f.field]);

function inmate(overrides: Partial<DkMentorCourseContent['inmate']>, course: Partial<DkMentorCourseContent> = {}) {
  return eligibleDkCourse({
    basis: 'inmate_release_preparation',
    inmate: {
      partOfReleasePreparation: true,
      expectedReleaseDate: '2025-05-01',
      continuesAfterRelease: true,
      noContinuationJustification: '',
      ...overrides,
    },
    startDate: '2025-03-01',
    ...course,
  });
}

describe('DK eligibility findings name the field to correct', () => {
  it('points a missing basis at the basis, alongside the § 2 conditions', () => {
    const course = eligibleDkCourse({ basis: undefined, motivated: false });
    expect(at(checkDkEligibility(course, TODAY))).toEqual([
      ['dk.eligibility.basis', 'basis'],
      ['dk.eligibility.motivated', 'motivated'],
    ]);
  });

  it('points the LS/RNR level, and the § 2, stk. 2 justification once one is written, at their fields', () => {
    expect(at(checkDkEligibility(eligibleDkCourse({ lsRnrLevel: 'lav' }), TODAY))).toEqual([
      ['dk.eligibility.lsRnr', 'lsRnrLevel'],
    ]);
    const justified = { lsRnrLevel: 'lav' as const, lsRnrExceptionJustification: 'Særlige omstændigheder.' };
    expect(at(checkDkEligibility(eligibleDkCourse(justified), TODAY))).toEqual([
      ['dk.eligibility.lsRnrException', 'lsRnrExceptionJustification'],
    ]);
    expect(at(checkDkEligibility(inmate({}, justified), TODAY))).toEqual([
      ['dk.eligibility.lsRnrExceptionBasis', 'lsRnrExceptionJustification'],
    ]);
  });

  it('points the § 3 findings at the inmate fields and the start date', () => {
    const course = inmate({ partOfReleasePreparation: false, continuesAfterRelease: false });
    expect(at(checkDkEligibility(course, TODAY))).toEqual([
      ['dk.eligibility.releasePreparation', 'inmate.partOfReleasePreparation'],
      ['dk.eligibility.continuation', 'inmate.continuesAfterRelease'],
    ]);
    expect(at(checkDkEligibility(inmate({ expectedReleaseDate: undefined }), TODAY))).toEqual([
      ['dk.eligibility.releaseDate', 'inmate.expectedReleaseDate'],
    ]);
    expect(at(checkDkEligibility(inmate({ expectedReleaseDate: '2025-07-01' }), TODAY))).toEqual([
      ['dk.eligibility.threeMonths', 'startDate'],
    ]);
  });
});
