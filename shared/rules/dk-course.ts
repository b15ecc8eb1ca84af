import type { DkMentorCourseContent } from '../domain';
import { isFilled } from '../domain';
import { CITATIONS } from './citations';
import { DK_REPORTING_RULES } from './dk-reporting';
import { defineRule, emit, type Finding } from './finding';

/** DK §§ 7, 9, 12-14, 16 and 19: how a course is decided, planned, run, paid for and ended. */
export const DK_COURSE_RULES = {
  decidingArea: defineRule('dk.course.decidingArea', 'rules.dk.decidingAreaMissing', CITATIONS.dk7, 'warning'),
  decidingAreaMismatch: defineRule(
    'dk.course.decidingAreaMismatch',
    'rules.dk.decidingAreaMismatch',
    CITATIONS.dk7,
    'warning',
  ),
  mentorNeed: defineRule('dk.course.mentorNeed', 'rules.dk.actionPlanMentorNeed', CITATIONS.dk9_2, 'blocking'),
  divisionOfWork: defineRule(
    'dk.course.divisionOfWork',
    'rules.dk.actionPlanDivisionOfWork',
    CITATIONS.dk13_1,
    'blocking',
  ),
  noMentor: defineRule('dk.course.noMentor', 'rules.dk.noMentor', CITATIONS.dk7, 'warning'),
  startMeeting: defineRule('dk.course.startMeeting', 'rules.dk.startMeeting', CITATIONS.dk12, 'warning'),
  responsible: defineRule('dk.course.responsible', 'rules.dk.responsiblePerson', CITATIONS.dk13_2, 'blocking'),
  noSubsidy: defineRule('dk.course.noSubsidy', 'rules.dk.subsidyNotAllowed', CITATIONS.dk14_3, 'blocking'),
  /** "… eller lignende": a subsidy for another purpose is asked to be checked against the three named ones. */
  otherSubsidy: defineRule('dk.course.otherSubsidy', 'rules.dk.subsidyOther', CITATIONS.dk14_3, 'warning'),
  pedagogical: defineRule('dk.course.pedagogical', 'rules.dk.subsidyPedagogical', CITATIONS.dk16, 'info'),
  endReason: defineRule('dk.course.endReason', 'rules.dk.endReason', CITATIONS.dk19, 'blocking'),
  /** Without a start date no meeting (§ 13, stk. 3) or report (§ 17) can fall due: Bro flags the course. */
  startDate: defineRule('dk.course.startDate', 'rules.dk.startDateMissing', CITATIONS.localCourseStart, 'warning'),
  /** DK § 18 and § 17, stk. 2 (dk-reporting.ts), listed here so every rule set and the rules report hold them. */
  ...DK_REPORTING_RULES,
} as const;

const R = DK_COURSE_RULES;
const NOT_SUBSIDISED = new Set(['transport', 'phone', 'postage']);

function sameArea(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');
}

function checkSubsidies(course: DkMentorCourseContent): Finding[] {
  const findings: Finding[] = [];
  course.subsidies.forEach((subsidy, index) => {
    const field = `subsidies.${index}`;
    if (NOT_SUBSIDISED.has(subsidy.purpose))
      findings.push(emit(R.noSubsidy, { field, params: { purpose: subsidy.purpose } }));
    else if (subsidy.purpose === 'other') findings.push(emit(R.otherSubsidy, { field }));
  });
  if (course.subsidies.some((s) => s.purpose === 'pedagogical_activity'))
    findings.push(emit(R.pedagogical, { field: 'subsidies' }));
  return findings;
}

export function checkDkCourseProcedure(course: DkMentorCourseContent): Finding[] {
  const findings: Finding[] = [];
  if (!isFilled(course.decidingArea)) findings.push(emit(R.decidingArea, { field: 'decidingArea' }));
  else if (isFilled(course.supervisionArea) && !sameArea(course.decidingArea, course.supervisionArea)) {
    findings.push(emit(R.decidingAreaMismatch, { field: 'decidingArea' }));
  }
  if (!isFilled(course.actionPlan.mentorNeed)) findings.push(emit(R.mentorNeed, { field: 'actionPlan.mentorNeed' }));
  if (!isFilled(course.actionPlan.divisionOfWork))
    findings.push(emit(R.divisionOfWork, { field: 'actionPlan.divisionOfWork' }));
  if (course.mentors.length === 0) findings.push(emit(R.noMentor, { field: 'mentors' }));
  else if (!course.startMeeting.date) findings.push(emit(R.startMeeting, { field: 'startMeeting.date' }));
  if (!isFilled(course.responsiblePerson)) findings.push(emit(R.responsible, { field: 'responsiblePerson' }));
  if (course.mentors.length > 0 && !course.startDate) findings.push(emit(R.startDate, { field: 'startDate' }));
  findings.push(...checkSubsidies(course));
  if (course.endDate && !course.endReason) findings.push(emit(R.endReason, { field: 'endReason' }));
  return findings;
}
