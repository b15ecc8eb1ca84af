import type { IsoDate, Mentor, NoMentorCourseContent } from '../domain';
import { compareDates, isFilled } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';
import { checkNoMentorDuties } from './no-mentor-duties';
import { isRunningNoCourse, nextCooperationMeeting } from './no-course-due';

/** NO pkt 13: KDI's mentor scheme. */
export const NO_MENTOR_COURSE_RULES = {
  feedback: defineRule('no.course.feedback', 'rules.no.course.feedback', CITATIONS.no13_3, 'blocking'),
  plan: defineRule('no.course.plan', 'rules.no.course.plan', CITATIONS.no13_4, 'blocking'),
  consent: defineRule('no.course.consent', 'rules.no.course.consent', CITATIONS.no13_4, 'warning'),
  endConfirmation: defineRule(
    'no.course.endConfirmation',
    'rules.no.course.endConfirmation',
    CITATIONS.no13_6,
    'warning',
  ),
  unknownMentor: defineRule('no.course.unknownMentor', 'rules.no.course.mentorUnknown', CITATIONS.no13_2, 'blocking'),
  policeCertificate: defineRule(
    'no.course.policeCertificate',
    'rules.no.course.policeCertificate',
    CITATIONS.no13_2,
    'blocking',
  ),
  contract: defineRule('no.course.contract', 'rules.no.course.contract', CITATIONS.no13_2, 'warning'),
  confidentiality: defineRule(
    'no.course.confidentiality',
    'rules.no.course.confidentiality',
    CITATIONS.no13_5,
    'blocking',
  ),
  municipality: defineRule('no.course.municipality', 'rules.no.course.municipality', CITATIONS.no13_7, 'warning'),
  cooperationMeeting: defineRule(
    'no.course.cooperationMeeting',
    'rules.no.course.cooperationMeeting',
    CITATIONS.localCooperationInterval,
    'warning',
  ),
} as const;

const R = NO_MENTOR_COURSE_RULES;
const PLAN_PARTS = ['meetingPlace', 'frequency', 'focusAreas'] as const;

function checkMentors(course: NoMentorCourseContent, mentors: readonly Mentor[]): Finding[] {
  return course.mentors.flatMap((assignment, index) => {
    const field = `mentors.${index}`;
    const params = { mentorId: assignment.mentorId };
    const mentor = mentors.find((m) => m.id === assignment.mentorId);
    if (!mentor) return [emit(R.unknownMentor, { field, params })];
    const findings: Finding[] = [];
    const certificate = mentor.policeCertificate;
    if (!certificate.presentedOn || certificate.comprehensive !== true)
      findings.push(emit(R.policeCertificate, { field, params }));
    if (!mentor.confidentialityDeclarationSignedOn) findings.push(emit(R.confidentiality, { field, params }));
    if (!assignment.contractSignedOn) findings.push(emit(R.contract, { field: `${field}.contractSignedOn`, params }));
    return findings;
  });
}

/**
 * NO 13.4 ("Underveis i mentorforløpet skal det gjennomføres samarbeidsmøter mellom KDI og enheten")
 * and 13.7 ("Som en del av planlegging av løslatelsen ... må ansvarlig kommune kontaktes"): for a
 * running course, a cooperation meeting within the last three months, and the municipality contacted
 * once a release date is set on the case.
 */
function checkRunningCourse(course: NoMentorCourseContent, today: IsoDate, caseRelease?: IsoDate): Finding[] {
  // The same reading as the due list's (no-course-due.ts): running until its end date has passed.
  const facts = {
    outcome: course.kdiDecision.outcome,
    startDate: course.startDate,
    endDate: course.end.endDate,
    cooperationMeetings: course.cooperationMeetings.map((m) => m.date),
  };
  if (!isRunningNoCourse(facts, today)) return [];
  const findings: Finding[] = [];
  const next = nextCooperationMeeting(facts, today);
  if (next && compareDates(next.dueDate, today) < 0)
    findings.push(emit(R.cooperationMeeting, { field: 'cooperationMeetings', params: { dueDate: next.dueDate } }));
  if (caseRelease && !course.municipalityHandover.contactedOn)
    findings.push(
      emit(R.municipality, { field: 'municipalityHandover.contactedOn', params: { releaseDate: caseRelease } }),
    );
  return findings;
}

/**
 * A NO mentor course; `mentors` are the person records its assignments refer to, `caseRelease` the
 * case's expected release date.
 */
export function checkNoMentorCourse(
  course: NoMentorCourseContent,
  mentors: readonly Mentor[],
  today?: IsoDate,
  caseRelease?: IsoDate,
): Finding[] {
  const findings: Finding[] = [];
  const { outcome } = course.kdiDecision;
  if (outcome === 'not_offered' && !course.notInTargetGroupFeedback.sentOn) {
    findings.push(emit(R.feedback, { field: 'notInTargetGroupFeedback.sentOn' }));
  }
  // 13.4: "Når det er besluttet å tilby mentorforløp og den domfelte er positiv til dette" — the plan
  // is owed once both hold; until the person's answer is recorded, only that is asked for.
  if (outcome === 'offered' && course.personConsents === true) {
    for (const part of PLAN_PARTS) {
      if (!isFilled(course.plan[part]))
        findings.push(emit(R.plan, { field: `plan.${part}`, params: { planPart: part } }));
    }
  }
  if (outcome === 'offered' && course.personConsents === undefined)
    findings.push(emit(R.consent, { field: 'personConsents' }));
  const { end } = course;
  if (end.endDate && end.endedBy === 'person' && !end.kdiWrittenConfirmationOn) {
    findings.push(emit(R.endConfirmation, { field: 'end.kdiWrittenConfirmationOn' }));
  }
  findings.push(...checkMentors(course, mentors));
  findings.push(...checkNoMentorDuties(course, mentors));
  if (today) findings.push(...checkRunningCourse(course, today, caseRelease));
  return findings;
}
