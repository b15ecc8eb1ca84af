import type { DkMentorAssignment, DkMentorCourseContent, IsoDate, Mentor } from '../domain';
import { anniversary, compareDates, hasReachedAge, isFilled } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/** DK § 5, § 6 and § 11: who may be appointed mentor. */
export const DK_SUITABILITY_RULES = {
  unknownMentor: defineRule('dk.suitability.unknownMentor', 'rules.dk.mentorUnknown', CITATIONS.dk5_1, 'blocking'),
  birthDate: defineRule('dk.suitability.birthDate', 'rules.dk.mentorBirthDateMissing', CITATIONS.dk5_1_1, 'blocking'),
  age: defineRule('dk.suitability.age', 'rules.dk.mentorAge', CITATIONS.dk5_1_1, 'blocking'),
  danish: defineRule('dk.suitability.danish', 'rules.dk.mentorDanish', CITATIONS.dk5_1_2, 'blocking'),
  cooperate: defineRule('dk.suitability.cooperate', 'rules.dk.mentorCooperate', CITATIONS.dk5_1_3, 'blocking'),
  document: defineRule('dk.suitability.document', 'rules.dk.mentorDocument', CITATIONS.dk5_1_4, 'blocking'),
  ownUnit: defineRule('dk.suitability.ownUnit', 'rules.dk.mentorOwnUnit', CITATIONS.dk5_2, 'blocking'),
  ownUnitException: defineRule(
    'dk.suitability.ownUnitException',
    'rules.dk.mentorOwnUnitException',
    CITATIONS.dk5_2,
    'info',
  ),
  ownUnitUnknown: defineRule(
    'dk.suitability.ownUnitUnknown',
    'rules.dk.mentorOwnUnitUnknown',
    CITATIONS.dk5_2,
    'warning',
  ),
  closeRelation: defineRule(
    'dk.suitability.closeRelation',
    'rules.dk.mentorCloseRelation',
    CITATIONS.dk5_3,
    'blocking',
  ),
  closeRelationUnknown: defineRule(
    'dk.suitability.closeRelationUnknown',
    'rules.dk.mentorCloseRelationUnknown',
    CITATIONS.dk5_3,
    'blocking',
  ),
  recordCheckMissing: defineRule(
    'dk.suitability.recordCheck',
    'rules.dk.recordCheckMissing',
    CITATIONS.dk6_1,
    'blocking',
  ),
  recordCheckConsent: defineRule(
    'dk.suitability.recordConsent',
    'rules.dk.recordCheckConsent',
    CITATIONS.dk6_1,
    'blocking',
  ),
  recordCheckBeforeConsent: defineRule(
    'dk.suitability.recordBeforeConsent',
    'rules.dk.recordCheckBeforeConsent',
    CITATIONS.dk6_1,
    'blocking',
  ),
  registeredReasoning: defineRule(
    'dk.suitability.registeredReasoning',
    'rules.dk.registeredReasoning',
    CITATIONS.dk6_2,
    'blocking',
  ),
  registeredSuitable: defineRule(
    'dk.suitability.registeredSuitable',
    'rules.dk.registeredSuitable',
    CITATIONS.dk6_2,
    'info',
  ),
  proposal: defineRule('dk.suitability.proposal', 'rules.dk.proposalOpportunity', CITATIONS.dk11_1, 'blocking'),
} as const;

const R = DK_SUITABILITY_RULES;

function sameUnit(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');
}

/**
 * § 5, stk. 1, nr. 1: "Som mentor kan kriminalforsorgen udpege personer, der er fyldt 18 år" — 18 or
 * older on the day of appointment (`onDate`; today while none is recorded). Someone born 29 February
 * turns 18 on 1 March.
 */
function checkAge(mentor: Mentor, onDate: IsoDate, at: { params: { mentorId: string }; field: string }): Finding[] {
  if (!mentor.birthDate) return [emit(R.birthDate, at)];
  if (hasReachedAge(mentor.birthDate, 18, onDate)) return [];
  return [emit(R.age, { ...at, params: { ...at.params, adultOn: anniversary(mentor.birthDate, 18) } })];
}

/**
 * § 5, stk. 2: staff, but not for a person supervised by or placed in their own department or
 * institution: the one the person is in now, or the department that will supervise them after a
 * release the course goes on past.
 */
function checkOwnUnit(
  mentor: Mentor,
  assignment: DkMentorAssignment,
  course: DkMentorCourseContent,
  field: string,
): Finding[] {
  if (!mentor.employment.isStaff) return [];
  const params = { mentorId: mentor.id };
  const employer = mentor.employment.unit;
  if (!isFilled(employer) || !isFilled(course.personUnit)) return [emit(R.ownUnitUnknown, { params, field })];
  const units = [course.personUnit, course.afterReleaseUnit];
  if (!units.some((unit) => unit !== undefined && sameUnit(employer, unit))) return [];
  return isFilled(assignment.ownUnitExceptionJustification)
    ? [emit(R.ownUnitException, { params, field: `${field}.ownUnitExceptionJustification` })]
    : [emit(R.ownUnit, { params, field })];
}

/** § 6: the criminal-record check, only after written consent; a registered person needs reasons. */
function checkRecord(mentor: Mentor, field: string): Finding[] {
  const check = mentor.criminalRecordCheck;
  const params = { mentorId: mentor.id };
  const at = { params, field };
  const findings: Finding[] = [];
  const performed = check.result !== undefined || check.checkedOn !== undefined;
  if (performed && !check.writtenConsentDate) findings.push(emit(R.recordCheckConsent, at));
  if (check.writtenConsentDate && check.checkedOn && compareDates(check.checkedOn, check.writtenConsentDate) < 0) {
    findings.push(emit(R.recordCheckBeforeConsent, at));
  }
  if (check.result === undefined) findings.push(emit(R.recordCheckMissing, at));
  if (check.result === 'registered') {
    findings.push(emit(isFilled(check.suitabilityReasoning) ? R.registeredSuitable : R.registeredReasoning, at));
  }
  return findings;
}

/** § 5 and § 6 for one mentor appointed to one course. */
export function checkDkMentorSuitability(
  mentor: Mentor,
  assignment: DkMentorAssignment,
  course: DkMentorCourseContent,
  today: IsoDate,
  field = 'mentors',
): Finding[] {
  const params = { mentorId: mentor.id };
  const at = { params, field };
  const findings = checkAge(mentor, assignment.appointedOn ?? today, at);
  if (mentor.understandsAndSpeaksDanish !== true) findings.push(emit(R.danish, at));
  if (mentor.willingToCooperate !== true) findings.push(emit(R.cooperate, at));
  if (mentor.willingToDocument !== true) findings.push(emit(R.document, at));
  findings.push(...checkOwnUnit(mentor, assignment, course, field));
  if (assignment.closeRelation === true)
    findings.push(emit(R.closeRelation, { params, field: `${field}.closeRelation` }));
  if (assignment.closeRelation === undefined)
    findings.push(emit(R.closeRelationUnknown, { params, field: `${field}.closeRelation` }));
  findings.push(...checkRecord(mentor, field));
  return findings;
}

/**
 * Suitability of every mentor on a DK course, and § 11 (the person could propose a mentor).
 * `mentors` are the person records the course's assignments refer to.
 */
export function checkDkSuitability(
  course: DkMentorCourseContent,
  mentors: readonly Mentor[],
  today: IsoDate,
): Finding[] {
  const findings: Finding[] = [];
  if (course.mentorProposal.opportunityGiven !== true) {
    findings.push(emit(R.proposal, { field: 'mentorProposal.opportunityGiven' }));
  }
  course.mentors.forEach((assignment, index) => {
    const field = `mentors.${index}`;
    const mentor = mentors.find((m) => m.id === assignment.mentorId);
    if (!mentor) findings.push(emit(R.unknownMentor, { params: { mentorId: assignment.mentorId }, field }));
    else findings.push(...checkDkMentorSuitability(mentor, assignment, course, today, field));
  });
  return findings;
}
