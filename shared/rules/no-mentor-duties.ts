import type { Mentor, NoMentorCourseContent } from '../domain';
import { isFilled } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/**
 * NO pkt 13.1-13.3, 13.5 and 13.6 on a NO mentor course: the person informed and encouraged, each
 * mentor's suitability assessed for this assignment, other measures weighed when no course is offered,
 * the mentor's duties acknowledged and the person told the mentor is not their fullmektig, and
 * objections reported to KDI.
 */
export const NO_MENTOR_DUTY_RULES = {
  informed: defineRule('no.course.personInformed', 'rules.no.course.personInformed', CITATIONS.no13_1, 'warning'),
  suitability: defineRule(
    'no.course.suitabilityAssessment',
    'rules.no.course.suitabilityAssessment',
    CITATIONS.no13_2,
    'blocking',
  ),
  notSuitable: defineRule('no.course.notSuitable', 'rules.no.course.notSuitable', CITATIONS.no13_2, 'blocking'),
  otherMeasures: defineRule('no.course.otherMeasures', 'rules.no.course.otherMeasures', CITATIONS.no13_3, 'blocking'),
  notifyDuty: defineRule('no.course.notifyDuty', 'rules.no.course.notifyDuty', CITATIONS.localNotifyDutyNo, 'warning'),
  notProxy: defineRule('no.course.notProxy', 'rules.no.course.notProxy', CITATIONS.no13_5, 'warning'),
  objection: defineRule('no.course.objectionToKdi', 'rules.no.course.objectionToKdi', CITATIONS.no13_6, 'blocking'),
} as const;

const R = NO_MENTOR_DUTY_RULES;

/** 13.2 and 13.5, per mentor assigned: the assessment for this assignment and the duties shown. */
function checkAssignments(course: NoMentorCourseContent, mentors: readonly Mentor[]): Finding[] {
  return course.mentors.flatMap((assignment, index) => {
    const field = `mentors.${index}`;
    const params = { mentorId: assignment.mentorId };
    const findings: Finding[] = [];
    const assessment = assignment.suitabilityAssessment;
    if (!assessment?.assessedOn)
      findings.push(emit(R.suitability, { field: `${field}.suitabilityAssessment.assessedOn`, params }));
    else if (assessment.suitable === false)
      findings.push(emit(R.notSuitable, { field: `${field}.suitabilityAssessment.suitable`, params }));
    const mentor = mentors.find((m) => m.id === assignment.mentorId);
    if (mentor && !mentor.dutiesAcknowledged?.notifyDutyOn) findings.push(emit(R.notifyDuty, { field, params }));
    if (course.startDate && !assignment.notProxyToldOn)
      findings.push(emit(R.notProxy, { field: `${field}.notProxyToldOn`, params }));
    return findings;
  });
}

export function checkNoMentorDuties(course: NoMentorCourseContent, mentors: readonly Mentor[]): Finding[] {
  const findings: Finding[] = [];
  const { outcome } = course.kdiDecision;
  // 13.1: the unit's duty comes before KDI's offer; once an offer is made it should be on record.
  if (outcome === 'offered' && !course.personInformed?.informedOn)
    findings.push(emit(R.informed, { field: 'personInformed.informedOn' }));
  // 13.3: "I slike tilfeller må enheten vurdere andre egnede tiltak."
  if (outcome === 'not_offered') {
    const other = course.otherMeasures;
    if (!other?.consideredOn || !isFilled(other.measures))
      findings.push(emit(R.otherMeasures, { field: 'otherMeasures.consideredOn' }));
  }
  findings.push(...checkAssignments(course, mentors));
  (course.objections ?? []).forEach((objection, index) => {
    if (!objection.reportedToKdiOn)
      findings.push(emit(R.objection, { field: `objections.${index}.reportedToKdiOn`, params: { n: index + 1 } }));
  });
  return findings;
}
