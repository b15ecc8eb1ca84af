import type { DkMentorCourseContent, Mentor } from '../domain';
import { isFilled } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/**
 * DK § 1, stk. 2 (the action plan's goals), § 8 (the mentor's confidentiality and duty to notify,
 * acknowledged on a date), § 10 (the supervising area contacted when another area assessed the need)
 * and § 14, stk. 2 (the fee and its basis).
 */
export const DK_MENTOR_DUTY_RULES = {
  goals: defineRule('dk.course.goals', 'rules.dk.actionPlanGoals', CITATIONS.dk1_2, 'warning'),
  confidentiality: defineRule(
    'dk.mentor.confidentialityDuty',
    'rules.dk.confidentialityDuty',
    CITATIONS.localConfidentialityDutyDk,
    'warning',
  ),
  notifyDuty: defineRule('dk.mentor.notifyDuty', 'rules.dk.notifyDuty', CITATIONS.localNotifyDutyDk, 'warning'),
  supervisionAreaContact: defineRule(
    'dk.course.supervisionAreaContact',
    'rules.dk.supervisionAreaContact',
    CITATIONS.dk10,
    'warning',
  ),
  feeBasis: defineRule('dk.course.feeBasis', 'rules.dk.feeBasis', CITATIONS.dk14_2, 'warning'),
} as const;

const R = DK_MENTOR_DUTY_RULES;

/** § 10 speaks of an inmate assessed under § 3, stk. 1 or § 4 (released at the end of the sentence). */
const INMATE_BASES: ReadonlySet<string> = new Set(['inmate_release_preparation', 'released_end_of_sentence']);

function sameArea(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');
}

function checkSupervisionAreaContact(course: DkMentorCourseContent): Finding[] {
  const assessing = course.assessingArea ?? '';
  if (!course.basis || !INMATE_BASES.has(course.basis)) return [];
  if (!isFilled(assessing) || !isFilled(course.supervisionArea) || sameArea(assessing, course.supervisionArea))
    return [];
  return course.supervisionAreaContactedOn
    ? []
    : [emit(R.supervisionAreaContact, { field: 'supervisionAreaContactedOn' })];
}

function checkAssignments(course: DkMentorCourseContent, mentors: readonly Mentor[]): Finding[] {
  return course.mentors.flatMap((assignment, index) => {
    const field = `mentors.${index}`;
    const params = { mentorId: assignment.mentorId };
    const findings: Finding[] = [];
    const mentor = mentors.find((m) => m.id === assignment.mentorId);
    if (mentor && !mentor.dutiesAcknowledged?.confidentialityDutyOn)
      findings.push(emit(R.confidentiality, { field, params }));
    if (mentor && !mentor.dutiesAcknowledged?.notifyDutyOn) findings.push(emit(R.notifyDuty, { field, params }));
    // § 14, stk. 2: the size is set "ud fra en vurdering af opgavens omfang" — a fee without its basis.
    const fee = assignment.fee;
    if (fee?.amount !== undefined && fee.amount > 0 && !isFilled(fee.basis))
      findings.push(emit(R.feeBasis, { field: `${field}.fee.basis`, params }));
    return findings;
  });
}

export function checkDkMentorDuties(course: DkMentorCourseContent, mentors: readonly Mentor[]): Finding[] {
  const findings: Finding[] = [];
  if (course.mentors.length > 0 && !isFilled(course.actionPlan.goals))
    findings.push(emit(R.goals, { field: 'actionPlan.goals' }));
  findings.push(...checkSupervisionAreaContact(course), ...checkAssignments(course, mentors));
  return findings;
}
