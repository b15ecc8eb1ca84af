import { describe, expect, it } from 'vitest';
import type { DkMentorCourseContent, Profile } from '../domain';
import { checkDkEligibility, earliestInmateStart } from './dk-eligibility';
import { canFinalise } from './finding';
import { findingsFor, RULE_SETS } from './index';
import { eligibleDkCourse, ruleIds, suitableMentor } from './test-fixtures';

const TODAY = '2025-03-01';

function inmateCourse(expectedReleaseDate: string, startDate: string | undefined) {
  return eligibleDkCourse({
    basis: 'inmate_release_preparation',
    underSupervision: false,
    inmate: {
      partOfReleasePreparation: true,
      expectedReleaseDate,
      continuesAfterRelease: true,
      noContinuationJustification: '',
    },
    startDate,
  });
}

describe('DK mentor eligibility (§§ 2-4)', () => {
  it('accepts a supervised, motivated person at LS/RNR "mellem" with a special need', () => {
    expect(checkDkEligibility(eligibleDkCourse(), TODAY)).toEqual([]);
  });

  it('requires the basis of the course to be chosen', () => {
    const [finding] = checkDkEligibility(eligibleDkCourse({ basis: undefined }), TODAY);
    expect(finding).toMatchObject({ ruleId: 'dk.eligibility.basis', severity: 'blocking' });
    // The basis is one of §§ 2, 3 or 4, so the finding cites all three.
    expect(finding?.citation.text).toBe('DK §§ 2-4');
  });

  it('refuses a § 2 course for someone not under supervision', () => {
    const findings = checkDkEligibility(eligibleDkCourse({ underSupervision: false }), TODAY);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.citation.text).toBe('DK § 2, stk. 1');
    expect(canFinalise(findings)).toBe(false);
  });

  it.each(['mellem', 'hoejt', 'meget_hoejt'] as const)('accepts LS/RNR level %s', (level) => {
    expect(checkDkEligibility(eligibleDkCourse({ lsRnrLevel: level }), TODAY)).toEqual([]);
  });

  it('refuses LS/RNR "lav" or an unrecorded level without a justification', () => {
    for (const level of ['lav', undefined] as const) {
      const findings = checkDkEligibility(eligibleDkCourse({ lsRnrLevel: level }), TODAY);
      expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual([
        ['dk.eligibility.lsRnr', 'blocking', 'DK § 2, stk. 1, nr. 1'],
      ]);
    }
  });

  it('allows "lav" under § 2, stk. 2 only with a recorded justification of exceptional circumstances', () => {
    const course = eligibleDkCourse({
      lsRnrLevel: 'lav',
      lsRnrExceptionJustification: 'Helt særlige omstændigheder: …',
    });
    const findings = checkDkEligibility(course, TODAY);
    expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual([
      ['dk.eligibility.lsRnrException', 'info', 'DK § 2, stk. 2'],
    ]);
    expect(canFinalise(findings)).toBe(true);
  });

  it('does not stretch the § 2, stk. 2 exception to an inmate course', () => {
    const course = {
      ...inmateCourse('2025-05-01', '2025-03-01'),
      lsRnrLevel: 'lav' as const,
      lsRnrExceptionJustification: 'Begrundelse',
    };
    const findings = checkDkEligibility(course, TODAY);
    // Bro's reading, not the text: labelled as local practice that reads § 2, stk. 2.
    expect(findings.find((f) => f.ruleId === 'dk.eligibility.lsRnrExceptionBasis')?.citation).toMatchObject({
      source: 'local',
      localPractice: { reasonKey: 'rules.local.lsRnrExceptionBasis', reading: 'DK § 2, stk. 2' },
    });
    expect(canFinalise(findings)).toBe(false);
  });

  it('requires a special need and motivation (nr. 2 and 3)', () => {
    const findings = checkDkEligibility(eligibleDkCourse({ specialNeed: false, motivated: undefined }), TODAY);
    expect(findings.map((f) => f.citation.text)).toEqual(['DK § 2, stk. 1, nr. 2', 'DK § 2, stk. 1, nr. 3']);
  });
});

describe('DK § 3: inmates within 3 months before expected release', () => {
  it('allows a start exactly 3 months before the expected release', () => {
    expect(checkDkEligibility(inmateCourse('2025-08-15', '2025-05-15'), TODAY)).toEqual([]);
  });

  it('refuses a start 3 months and 1 day before the expected release', () => {
    const findings = checkDkEligibility(inmateCourse('2025-08-15', '2025-05-14'), TODAY);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'dk.eligibility.threeMonths',
      severity: 'blocking',
      params: { earliest: '2025-05-15', start: '2025-05-14' },
    });
    expect(findings[0]?.citation.text).toBe('DK § 3, stk. 1');
  });

  it('uses today as the start of a course that has no start date yet', () => {
    expect(checkDkEligibility(inmateCourse('2025-06-01', undefined), '2025-03-01')).toEqual([]);
    expect(ruleIds(checkDkEligibility(inmateCourse('2025-06-02', undefined), '2025-03-01'))).toEqual([
      'dk.eligibility.threeMonths',
    ]);
  });

  it('counts back into 29 February in a leap year and clamps to 28 February otherwise', () => {
    expect(earliestInmateStart('2028-05-29')).toBe('2028-02-29');
    expect(earliestInmateStart('2027-05-29')).toBe('2027-02-28');
    expect(earliestInmateStart('2027-05-31')).toBe('2027-02-28');
    expect(checkDkEligibility(inmateCourse('2028-05-29', '2028-02-29'), TODAY)).toEqual([]);
    expect(ruleIds(checkDkEligibility(inmateCourse('2028-05-29', '2028-02-28'), TODAY))).toEqual([
      'dk.eligibility.threeMonths',
    ]);
  });

  it("counts from the case's expected release date, not the course's own copy of it", () => {
    // The course still says 15 August, but the case has moved the release to 1 October.
    const course = inmateCourse('2025-08-15', '2025-05-15');
    expect(checkDkEligibility(course, TODAY)).toEqual([]);
    const [finding] = checkDkEligibility(course, TODAY, '2025-10-01');
    expect(finding).toMatchObject({ ruleId: 'dk.eligibility.threeMonths', params: { earliest: '2025-07-01' } });
    // A course without its own copy is judged by the case alone.
    const bare = { ...course, inmate: { ...course.inmate, expectedReleaseDate: undefined } };
    expect(checkDkEligibility(bare, TODAY, '2025-08-15')).toEqual([]);
  });

  it('requires the expected release date and that the course is part of release preparation', () => {
    const course = eligibleDkCourse({
      basis: 'inmate_release_preparation',
      inmate: { continuesAfterRelease: true, noContinuationJustification: '' },
    });
    const findings = checkDkEligibility(course, TODAY);
    expect(findings.map((f) => [f.ruleId, f.citation.text])).toEqual([
      ['dk.eligibility.releasePreparation', 'DK § 3, stk. 1'],
      ['dk.eligibility.releaseDate', 'DK § 3, stk. 1'],
    ]);
  });

  it('requires the course to continue after release unless the exception is justified (§ 3, stk. 2)', () => {
    const base = inmateCourse('2025-05-01', '2025-03-01');
    const stops = { ...base, inmate: { ...base.inmate, continuesAfterRelease: false } };
    const blocked = checkDkEligibility(stops, TODAY);
    expect(blocked.map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual([
      ['dk.eligibility.continuation', 'blocking', 'DK § 3, stk. 2'],
    ]);
    const justified = {
      ...stops,
      inmate: { ...stops.inmate, noContinuationJustification: 'Udrejse efter løsladelse' },
    };
    expect(checkDkEligibility(justified, TODAY).map((f) => f.severity)).toEqual(['info']);
  });
});

describe('DK § 4: released at end of sentence and continuation after supervision', () => {
  it('requires voluntary supervision for a person released at end of sentence (§ 4, stk. 1, nr. 2)', () => {
    const course = eligibleDkCourse({ basis: 'released_end_of_sentence', underSupervision: false });
    expect(checkDkEligibility({ ...course, voluntarySupervision: true }, TODAY)).toEqual([]);
    const findings = checkDkEligibility(course, TODAY);
    expect(findings.map((f) => f.citation.text)).toEqual(['DK § 4, stk. 1, nr. 2']);
  });

  it('continues after the supervision period only with voluntary supervision and a mentor during it (§ 4, stk. 2)', () => {
    const course = eligibleDkCourse({ basis: 'continued_after_supervision' });
    expect(
      checkDkEligibility({ ...course, voluntarySupervision: true, hadMentorDuringSupervision: true }, TODAY),
    ).toEqual([]);
    expect(checkDkEligibility(course, TODAY).map((f) => f.citation.text)).toEqual([
      'DK § 4, stk. 2',
      'DK § 4, stk. 2, nr. 2',
    ]);
  });

  it('still applies the § 2 conditions to § 4 courses', () => {
    const course = eligibleDkCourse({
      basis: 'released_end_of_sentence',
      voluntarySupervision: true,
      motivated: false,
    });
    expect(ruleIds(checkDkEligibility(course, TODAY))).toEqual(['dk.eligibility.motivated']);
  });
});

/**
 * A course as the app judges it: every rule of the vault's profile, through `findingsFor`, on a day
 * two weeks into the course, before its first § 17 report falls due.
 */
function judged(content: DkMentorCourseContent, profile: Profile = 'DK') {
  return findingsFor('mentor_course', { profile, content, mentors: [suitableMentor()] }, '2025-02-15');
}

function shown(content: DkMentorCourseContent) {
  return judged(content).map((f) => [f.ruleId, f.severity, f.citation.text, f.field]);
}

describe('DK §§ 2-4 rules at their boundaries, in a DK vault', () => {
  it.each([
    'dk.eligibility.supervision',
    'dk.eligibility.specialNeed',
    'dk.eligibility.continuationException',
    'dk.eligibility.voluntarySupervision',
    'dk.eligibility.voluntaryContinuation',
    'dk.eligibility.hadMentor',
  ])('%s is run by DK vaults only', (id) => {
    expect((['NO', 'DK'] as const).filter((p) => RULE_SETS[p].some((r) => r.id === id))).toEqual(['DK']);
  });

  it('dk.eligibility.supervision: blocks a § 2 course unless supervision is recorded as true', () => {
    const expected = [['dk.eligibility.supervision', 'blocking', 'DK § 2, stk. 1', 'underSupervision']];
    expect(shown(eligibleDkCourse({ underSupervision: false }))).toEqual(expected);
    expect(shown(eligibleDkCourse({ underSupervision: undefined }))).toEqual(expected);
    expect(judged(eligibleDkCourse({ underSupervision: true }))).toEqual([]);
    // § 4 is the basis for people no longer under supervision: not asked there.
    const released = eligibleDkCourse({ basis: 'released_end_of_sentence', voluntarySupervision: true });
    expect(judged({ ...released, underSupervision: false })).toEqual([]);
  });

  it('dk.eligibility.specialNeed: blocks unless the special need is recorded as true', () => {
    const expected = [['dk.eligibility.specialNeed', 'blocking', 'DK § 2, stk. 1, nr. 2', 'specialNeed']];
    expect(shown(eligibleDkCourse({ specialNeed: false }))).toEqual(expected);
    expect(shown(eligibleDkCourse({ specialNeed: undefined }))).toEqual(expected);
    expect(judged(eligibleDkCourse({ specialNeed: true }))).toEqual([]);
  });

  it('dk.eligibility.continuationException: informs once a stop at release has a one-character reason', () => {
    const base = inmateCourse('2025-05-01', '2025-03-01');
    const stops = (noContinuationJustification: string) => ({
      ...base,
      inmate: { ...base.inmate, continuesAfterRelease: false, noContinuationJustification },
    });
    const informed = judged(stops('x'));
    expect(informed.map((f) => [f.ruleId, f.severity, f.citation.text, f.field])).toEqual([
      ['dk.eligibility.continuationException', 'info', 'DK § 3, stk. 2', 'inmate.noContinuationJustification'],
    ]);
    expect(canFinalise(informed)).toBe(true);
    expect(ruleIds(judged(stops(' ')))).toEqual(['dk.eligibility.continuation']);
    const continues = { ...base, inmate: { ...base.inmate, noContinuationJustification: 'x' } };
    expect(judged(continues)).toEqual([]);
  });

  it('dk.eligibility.voluntarySupervision: blocks a § 4, stk. 1 course unless voluntary supervision is true', () => {
    const course = eligibleDkCourse({ basis: 'released_end_of_sentence', underSupervision: false });
    const expected = [
      ['dk.eligibility.voluntarySupervision', 'blocking', 'DK § 4, stk. 1, nr. 2', 'voluntarySupervision'],
    ];
    expect(shown({ ...course, voluntarySupervision: false })).toEqual(expected);
    expect(shown({ ...course, voluntarySupervision: undefined })).toEqual(expected);
    expect(judged({ ...course, voluntarySupervision: true })).toEqual([]);
  });

  it('dk.eligibility.voluntaryContinuation: blocks a § 4, stk. 2 continuation unless voluntary supervision is true', () => {
    const course = eligibleDkCourse({ basis: 'continued_after_supervision', hadMentorDuringSupervision: true });
    expect(shown({ ...course, voluntarySupervision: false })).toEqual([
      ['dk.eligibility.voluntaryContinuation', 'blocking', 'DK § 4, stk. 2, nr. 2', 'voluntarySupervision'],
    ]);
    expect(judged({ ...course, voluntarySupervision: true })).toEqual([]);
  });

  it('dk.eligibility.hadMentor: blocks a § 4, stk. 2 continuation unless a mentor during supervision is recorded', () => {
    const course = eligibleDkCourse({ basis: 'continued_after_supervision', voluntarySupervision: true });
    const expected = [['dk.eligibility.hadMentor', 'blocking', 'DK § 4, stk. 2', 'hadMentorDuringSupervision']];
    expect(shown({ ...course, hadMentorDuringSupervision: false })).toEqual(expected);
    expect(shown({ ...course, hadMentorDuringSupervision: undefined })).toEqual(expected);
    expect(judged({ ...course, hadMentorDuringSupervision: true })).toEqual([]);
  });

  it('none of them is run on a DK course in a NO vault', () => {
    const course = eligibleDkCourse({ underSupervision: false, specialNeed: false });
    expect(judged(course, 'NO').map((f) => f.ruleId)).toEqual(['profile.kind']);
  });
});
