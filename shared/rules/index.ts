import type { DocumentContent, DocumentKind, IsoDate, Profile } from '../domain';
import { checkDkMentorCourse, type DkCourseFacts } from './dk-mentor-course';
import type { Finding } from './finding';
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
export * from './no-follow-up-plan';
export * from './no-plan-distribution';
export * from './no-future-plan';
export * from './no-meeting';
export * from './no-visit-routine';
export * from './no-mentor-course';
export * from './grading-rules';
export * from './export-bundle';

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
    : checkNoMentorCourse(content, facts.mentors);
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
  const run: Runner<K> = runners[kind];
  return [...checkGradingOfProfile(facts.profile, facts.content.grading), ...run(facts, today)];
}
