import type { DkMentorCourseContent, IsoDate } from '../domain';
import { addMonths, compareDates, isFilled } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/** DK §§ 2-4: who can be given a mentor. */
export const DK_ELIGIBILITY_RULES = {
  basis: defineRule('dk.eligibility.basis', 'rules.dk.basisMissing', CITATIONS.dk2to4, 'blocking'),
  supervision: defineRule('dk.eligibility.supervision', 'rules.dk.underSupervision', CITATIONS.dk2_1, 'blocking'),
  lsRnr: defineRule('dk.eligibility.lsRnr', 'rules.dk.lsRnrLevel', CITATIONS.dk2_1_1, 'blocking'),
  lsRnrException: defineRule(
    'dk.eligibility.lsRnrException',
    'rules.dk.lsRnrExceptionApplied',
    CITATIONS.dk2_2,
    'info',
  ),
  lsRnrExceptionBasis: defineRule(
    'dk.eligibility.lsRnrExceptionBasis',
    'rules.dk.lsRnrExceptionOnlySupervision',
    CITATIONS.localLsRnrExceptionBasis,
    'blocking',
  ),
  specialNeed: defineRule('dk.eligibility.specialNeed', 'rules.dk.specialNeed', CITATIONS.dk2_1_2, 'blocking'),
  motivated: defineRule('dk.eligibility.motivated', 'rules.dk.motivated', CITATIONS.dk2_1_3, 'blocking'),
  releaseDateMissing: defineRule(
    'dk.eligibility.releaseDate',
    'rules.dk.inmateReleaseDateMissing',
    CITATIONS.dk3_1,
    'blocking',
  ),
  releasePreparation: defineRule(
    'dk.eligibility.releasePreparation',
    'rules.dk.inmateReleasePreparation',
    CITATIONS.dk3_1,
    'blocking',
  ),
  tooEarly: defineRule('dk.eligibility.threeMonths', 'rules.dk.inmateTooEarly', CITATIONS.dk3_1, 'blocking'),
  continuation: defineRule('dk.eligibility.continuation', 'rules.dk.inmateContinuation', CITATIONS.dk3_2, 'blocking'),
  continuationException: defineRule(
    'dk.eligibility.continuationException',
    'rules.dk.inmateContinuationException',
    CITATIONS.dk3_2,
    'info',
  ),
  voluntaryEndOfSentence: defineRule(
    'dk.eligibility.voluntarySupervision',
    'rules.dk.voluntarySupervision',
    CITATIONS.dk4_1_2,
    'blocking',
  ),
  voluntaryContinuation: defineRule(
    'dk.eligibility.voluntaryContinuation',
    'rules.dk.voluntarySupervision',
    CITATIONS.dk4_2_2,
    'blocking',
  ),
  hadMentor: defineRule('dk.eligibility.hadMentor', 'rules.dk.hadMentorDuringSupervision', CITATIONS.dk4_2, 'blocking'),
} as const;

const R = DK_ELIGIBILITY_RULES;
const QUALIFYING_LEVELS = new Set(['mellem', 'hoejt', 'meget_hoejt']);

/** The earliest date an inmate's course may start: 3 months before the expected release (DK § 3, stk. 1). */
export function earliestInmateStart(expectedReleaseDate: IsoDate): IsoDate {
  return addMonths(expectedReleaseDate, -3);
}

/**
 * § 2, stk. 1, nr. 1-3, which every basis requires (§ 3, stk. 1 and § 4 refer to them). The § 2, stk. 2
 * exception is written for a § 2 assignment only, so it is accepted only on that basis.
 */
function checkConditions(course: DkMentorCourseContent): Finding[] {
  const findings: Finding[] = [];
  if (!course.lsRnrLevel || !QUALIFYING_LEVELS.has(course.lsRnrLevel)) {
    const justified = isFilled(course.lsRnrExceptionJustification);
    if (justified && course.basis === 'supervision')
      findings.push(emit(R.lsRnrException, { field: 'lsRnrExceptionJustification' }));
    else if (justified) findings.push(emit(R.lsRnrExceptionBasis, { field: 'lsRnrExceptionJustification' }));
    else findings.push(emit(R.lsRnr, { field: 'lsRnrLevel' }));
  }
  if (course.specialNeed !== true) findings.push(emit(R.specialNeed, { field: 'specialNeed' }));
  if (course.motivated !== true) findings.push(emit(R.motivated, { field: 'motivated' }));
  return findings;
}

/**
 * § 3: inmates, within 3 months before expected release, as part of release preparation, continuing
 * after. The expected release is the case's (kept current by the unit); the course's own copy counts
 * only where the case has none.
 */
function checkInmate(course: DkMentorCourseContent, today: IsoDate, caseRelease?: IsoDate): Finding[] {
  const findings: Finding[] = [];
  const { inmate } = course;
  if (inmate.partOfReleasePreparation !== true)
    findings.push(emit(R.releasePreparation, { field: 'inmate.partOfReleasePreparation' }));
  const expectedRelease = caseRelease ?? inmate.expectedReleaseDate;
  if (!expectedRelease) {
    findings.push(emit(R.releaseDateMissing, { field: 'inmate.expectedReleaseDate' }));
  } else {
    const earliest = earliestInmateStart(expectedRelease);
    const start = course.startDate ?? today;
    if (compareDates(start, earliest) < 0) {
      findings.push(emit(R.tooEarly, { field: 'startDate', params: { earliest, start } }));
    }
  }
  if (inmate.continuesAfterRelease !== true) {
    const justified = isFilled(inmate.noContinuationJustification);
    if (justified) findings.push(emit(R.continuationException, { field: 'inmate.noContinuationJustification' }));
    else findings.push(emit(R.continuation, { field: 'inmate.continuesAfterRelease' }));
  }
  return findings;
}

/**
 * DK mentor eligibility (§§ 2-4) for a course. `today` stands in for the start date of a course that
 * has none yet, for the 3-month limit of § 3.
 */
export function checkDkEligibility(course: DkMentorCourseContent, today: IsoDate, caseRelease?: IsoDate): Finding[] {
  if (!course.basis) return [emit(R.basis, { field: 'basis' }), ...checkConditions(course)];
  const findings = checkConditions(course);
  switch (course.basis) {
    case 'supervision':
      if (course.underSupervision !== true) findings.push(emit(R.supervision, { field: 'underSupervision' }));
      break;
    case 'inmate_release_preparation':
      findings.push(...checkInmate(course, today, caseRelease));
      break;
    case 'released_end_of_sentence':
      if (course.voluntarySupervision !== true)
        findings.push(emit(R.voluntaryEndOfSentence, { field: 'voluntarySupervision' }));
      break;
    case 'continued_after_supervision':
      if (course.hadMentorDuringSupervision !== true)
        findings.push(emit(R.hadMentor, { field: 'hadMentorDuringSupervision' }));
      if (course.voluntarySupervision !== true)
        findings.push(emit(R.voluntaryContinuation, { field: 'voluntarySupervision' }));
      break;
  }
  return findings;
}
