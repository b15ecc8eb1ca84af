import type { DocumentContent, DocumentKind, IsoDate, KindedContent, Profile } from '../domain';
import { isKindOfProfile } from '../domain';
import { PROFILE_KIND_RULE } from './rule-sets';
import { checkDkMentorCourse, type DkCourseFacts } from './dk-mentor-course';
import { emit, type Finding } from './finding';
import { checkGradingOfProfile } from './grading-rules';
import { checkConcern } from './no-concern';
import { checkConcernReport } from './no-concern-report';
import { checkFollowUpPlan } from './no-follow-up-plan';
import { checkFuturePlan } from './no-future-plan';
import { checkMeeting } from './no-meeting';
import { checkNoMentorCourse } from './no-mentor-course';
import { checkObservation } from './no-observation';
import { checkVisitRoutine } from './no-visit-routine';

export * from './finding';
export * from './finding-text';
export * from './citations';
export * from './due-items';
export * from './dk-due';
export * from './dk-eligibility';
export * from './dk-suitability';
export * from './dk-workload';
export * from './dk-course';
export * from './dk-mentor-course';
export * from './no-observation';
export * from './no-concern';
export * from './no-concern-report';
export * from './no-concern-follow-up';
export * from './no-follow-up-plan';
export * from './no-plan-distribution';
export * from './no-future-plan';
export * from './no-meeting';
export * from './no-visit-routine';
export * from './no-mentor-course';
export * from './no-mentor-duties';
export * from './no-case';
export * from './no-course-due';
export * from './dk-mentor-duties';
export * from './no-contact-register';
export * from './grading-rules';
export * from './export-bundle';
export * from './rule-sets';

function belongsToProfile(kind: DocumentKind, profile: Profile, content: DocumentContent): boolean {
  if (!isKindOfProfile(profile, kind)) return false;
  return !('variant' in content) || content.variant === profile;
}

/** What the rules need to judge one document version. */
export interface DocumentFacts<K extends DocumentKind> {
  readonly profile: Profile;
  readonly content: DocumentContent<K>;
}

/** A mentor course also needs its mentors' records and, for DK § 15, their other courses. */
export type MentorCourseFacts = DocumentFacts<'mentor_course'> & Omit<DkCourseFacts, 'content'>;

export type RuleFacts = {
  [K in DocumentKind]: K extends 'mentor_course' ? MentorCourseFacts : DocumentFacts<K>;
};

type Runner<K extends DocumentKind> = (facts: RuleFacts[K], today: IsoDate) => Finding[];

function runMentorCourse(facts: MentorCourseFacts, today: IsoDate): Finding[] {
  const { content } = facts;
  return content.variant === 'DK'
    ? checkDkMentorCourse({ ...facts, content }, today)
    : checkNoMentorCourse(content, facts.mentors, today, facts.caseExpectedReleaseDate);
}

const runners: { [K in DocumentKind]: Runner<K> } = {
  observation: (f) => checkObservation(f.content),
  concern: (f) => checkConcern(f.content),
  concern_report: (f) => checkConcernReport(f.content),
  follow_up_plan: (f) => checkFollowUpPlan(f.content),
  future_plan: (f) => checkFuturePlan(f.content),
  meeting: (f) => checkMeeting(f.content),
  visit_routine: (f) => checkVisitRoutine(f.content),
  mentor_course: runMentorCourse,
};

/**
 * Runs every rule that applies to a document of this kind, including its grading. Pure: `today` is
 * the caller's date. Finalise only when `canFinalise(findings)` is true. Plan distribution (NO pkt 11)
 * and export checks run separately: see `checkPlanDistribution` and `checkExportBundle`.
 */
export function findingsFor<K extends DocumentKind>(kind: K, facts: RuleFacts[K], today: IsoDate): Finding[] {
  // One country at a time: a DK vault never runs a NO rule, nor a NO vault a DK rule.
  if (!belongsToProfile(kind, facts.profile, facts.content))
    return [emit(PROFILE_KIND_RULE, { params: { profile: facts.profile } })];
  const run: Runner<K> = runners[kind];
  return [...checkGradingOfProfile(facts.profile, facts.content.grading), ...run(facts, today)];
}

/** What a mentor course needs besides its content: its mentors' records, and their other courses (DK § 15). */
export type MentorCourseExtraFacts = Omit<MentorCourseFacts, 'profile' | 'content'>;

/**
 * `findingsFor` on a document whose kind is known only at run time (an editor's form, a stored
 * version). `mentorCourse` supplies the records a mentor course is judged against; the editor and the
 * services gather them differently.
 */
export function findingsForContent(
  data: KindedContent,
  facts: {
    profile: Profile;
    today: IsoDate;
    mentorCourse: (content: DocumentContent<'mentor_course'>) => MentorCourseExtraFacts;
  },
): Finding[] {
  const { profile, today } = facts;
  switch (data.kind) {
    case 'observation':
      return findingsFor('observation', { profile, content: data.content }, today);
    case 'concern':
      return findingsFor('concern', { profile, content: data.content }, today);
    case 'concern_report':
      return findingsFor('concern_report', { profile, content: data.content }, today);
    case 'follow_up_plan':
      return findingsFor('follow_up_plan', { profile, content: data.content }, today);
    case 'future_plan':
      return findingsFor('future_plan', { profile, content: data.content }, today);
    case 'meeting':
      return findingsFor('meeting', { profile, content: data.content }, today);
    case 'visit_routine':
      return findingsFor('visit_routine', { profile, content: data.content }, today);
    case 'mentor_course':
      return findingsFor(
        'mentor_course',
        { profile, content: data.content, ...facts.mentorCourse(data.content) },
        today,
      );
  }
}
