import type {
  DkMentorAssignment,
  DkMentorCourseContent,
  IsoDate,
  Mentor,
  MentorCourseContent,
  NoMentorAssignment,
  Profile,
} from '../../../shared/domain';
import { checkDkMentorSuitability } from '../../../shared/rules/dk-suitability';
import { DEFAULT_HALF_TIME_HOURS, DK_WORKLOAD_RULE } from '../../../shared/rules/dk-workload';
import { emit, type Finding } from '../../../shared/rules/finding';
import { NO_MENTOR_COURSE_RULES } from '../../../shared/rules/no-mentor-course';
import { NO_MENTOR_DUTY_RULES } from '../../../shared/rules/no-mentor-duties';
import { DK_MENTOR_DUTY_RULES } from '../../../shared/rules/dk-mentor-duties';
import { newDkMentorCourseDraft } from '../../../shared/templates/drafts';

/** A course the mentor is on, as far as the register needs it. */
export interface MentorCourse {
  readonly id: string;
  readonly caseReference: string;
  readonly content: MentorCourseContent;
}

/** A finding about the mentor, and the course it concerns when it depends on the person (§ 5, stk. 2-3). */
export interface MentorFinding {
  readonly finding: Finding;
  readonly courseId?: string;
}

/** Rules of DK § 5, stk. 2-3 that judge the mentor against one person, not the mentor alone. */
const PER_COURSE_DK_RULES = new Set([
  'dk.suitability.ownUnit',
  'dk.suitability.ownUnitException',
  'dk.suitability.ownUnitUnknown',
  'dk.suitability.closeRelation',
  'dk.suitability.closeRelationUnknown',
]);

/** A course with no person facts, to run the mentor-only rules of § 5, stk. 1 and § 6 in the register. */
function neutralDkCourse(mentorId: string): { course: DkMentorCourseContent; assignment: DkMentorAssignment } {
  const assignment: DkMentorAssignment = {
    mentorId,
    agreedWeeklyHours: 0,
    closeRelation: false,
    relationDescription: '',
    ownUnitExceptionJustification: '',
  };
  const course = { ...newDkMentorCourseDraft({ level: 'IKKE KLASSIFICERET' }), mentors: [assignment] };
  return { course, assignment };
}

/** DK § 8: the duties the mentor acknowledged (Bro's record of them). */
function dkDutyFindings(mentor: Mentor): MentorFinding[] {
  const params = { mentorId: mentor.id };
  const duties = mentor.dutiesAcknowledged;
  return [
    ...(duties?.confidentialityDutyOn ? [] : [{ finding: emit(DK_MENTOR_DUTY_RULES.confidentiality, { params }) }]),
    ...(duties?.notifyDutyOn ? [] : [{ finding: emit(DK_MENTOR_DUTY_RULES.notifyDuty, { params }) }]),
  ];
}

function dkFindings(
  mentor: Mentor,
  courses: readonly MentorCourse[],
  today: IsoDate,
  weeklyHours: number,
  limit: number,
): MentorFinding[] {
  const neutral = neutralDkCourse(mentor.id);
  const own = checkDkMentorSuitability(mentor, neutral.assignment, neutral.course, today)
    .filter((finding) => !PER_COURSE_DK_RULES.has(finding.ruleId))
    .map((finding) => ({ finding }));
  const perCourse = courses.flatMap(({ id, content }) => {
    if (content.variant !== 'DK') return [];
    const assignment = content.mentors.find((m) => m.mentorId === mentor.id);
    if (!assignment) return [];
    return checkDkMentorSuitability(mentor, assignment, content, today)
      .filter((finding) => PER_COURSE_DK_RULES.has(finding.ruleId))
      .map((finding) => ({ finding, courseId: id }));
  });
  const workload =
    Math.round(weeklyHours * 100) > Math.round(limit * 100)
      ? [{ finding: emit(DK_WORKLOAD_RULE, { params: { mentorId: mentor.id, hours: weeklyHours, limit } }) }]
      : [];
  return [...own, ...dkDutyFindings(mentor), ...perCourse, ...workload];
}

function noFindings(mentor: Mentor, courses: readonly MentorCourse[]): MentorFinding[] {
  const R = NO_MENTOR_COURSE_RULES;
  const params = { mentorId: mentor.id };
  const findings: MentorFinding[] = [];
  const certificate = mentor.policeCertificate;
  if (!certificate.presentedOn || certificate.comprehensive !== true)
    findings.push({ finding: emit(R.policeCertificate, { params }) });
  if (!mentor.confidentialityDeclarationSignedOn) findings.push({ finding: emit(R.confidentiality, { params }) });
  if (!mentor.dutiesAcknowledged?.notifyDutyOn)
    findings.push({ finding: emit(NO_MENTOR_DUTY_RULES.notifyDuty, { params }) });
  for (const { id, content } of courses) {
    if (content.variant !== 'NO') continue;
    const assignment: NoMentorAssignment | undefined = content.mentors.find((m) => m.mentorId === mentor.id);
    if (assignment && !assignment.contractSignedOn)
      findings.push({ finding: emit(R.contract, { params }), courseId: id });
  }
  return findings;
}

/**
 * What the register shows about one mentor: DK § 5 and § 6 suitability (and § 5, stk. 2-3 per course,
 * § 15 workload), or NO pkt 13.2 and 13.5. The rules are the shared ones, so the register and the
 * course editor agree.
 */
export function mentorFindings(
  profile: Profile,
  mentor: Mentor,
  courses: readonly MentorCourse[],
  today: IsoDate,
  weeklyHours = 0,
  limit = DEFAULT_HALF_TIME_HOURS,
): MentorFinding[] {
  const findings =
    profile === 'DK' ? dkFindings(mentor, courses, today, weeklyHours, limit) : noFindings(mentor, courses);
  const order = { blocking: 0, warning: 1, info: 2 } as const;
  return findings.sort((a, b) => order[a.finding.severity] - order[b.finding.severity]);
}

/** A mentor may be appointed when no finding about the mentor alone blocks it. */
export function isSuitable(findings: readonly MentorFinding[]): boolean {
  return !findings.some((f) => f.courseId === undefined && f.finding.severity === 'blocking');
}
