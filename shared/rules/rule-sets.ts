import type { Profile } from '../domain';
import { CITATIONS } from './citations';
import { DK_COURSE_RULES } from './dk-course';
import { MONTHLY_REPORT, QUARTERLY_MEETING, QUARTERLY_REPORT } from './dk-due';
import { DK_ELIGIBILITY_RULES } from './dk-eligibility';
import { DK_MENTOR_DUTY_RULES } from './dk-mentor-duties';
import { DK_SUITABILITY_RULES } from './dk-suitability';
import { DK_WORKLOAD_RULE } from './dk-workload';
import type { DueKind } from './due-items';
import { defineRule, type Citation, type RuleDef } from './finding';
import { GRADING_RULES } from './grading-rules';
import { AGENCY_REPORT_DUE, ARRIVAL_MEETING_DUE, FUTURE_PLAN_DUE, NO_CASE_RULES, VISIT_ROUTINE_DUE } from './no-case';
import { NO_CONCERN_RULES } from './no-concern';
import { COOPERATION_MEETING_DUE, MUNICIPALITY_CONTACT_DUE } from './no-course-due';
import { CONCERN_REPORT_DUE, INFOFLYT_REQUEST_DUE, STARTUP_MEETING_DUE } from './no-concern-follow-up';
import { NO_CONCERN_REPORT_RULES } from './no-concern-report';
import { NO_FOLLOW_UP_PLAN_RULES } from './no-follow-up-plan';
import { NO_FUTURE_PLAN_RULES } from './no-future-plan';
import { NO_MEETING_RULES } from './no-meeting';
import { NO_MENTOR_COURSE_RULES } from './no-mentor-course';
import { NO_MENTOR_DUTY_RULES } from './no-mentor-duties';
import { NO_OBSERVATION_RULES } from './no-observation';
import { NO_PLAN_DISTRIBUTION_RULE } from './no-plan-distribution';
import { NO_VISIT_ROUTINE_RULES } from './no-visit-routine';

/** A document of a kind (or mentor-course variant) the vault's profile does not hold is not judged by its rules. */
export const PROFILE_KIND_RULE = defineRule(
  'profile.kind',
  'rules.profile.wrongKind',
  CITATIONS.localProfileKinds,
  'blocking',
);

/** Rules that hold in both profiles: Bro's own practice, never a provision of either text. */
const COMMON_RULES: readonly RuleDef[] = [
  PROFILE_KIND_RULE,
  GRADING_RULES.exportTooLow,
  GRADING_RULES.downgradeReason,
  GRADING_RULES.downgrade,
];

const NO_RULES: readonly RuleDef[] = [
  ...Object.values(NO_OBSERVATION_RULES),
  ...Object.values(NO_CONCERN_RULES),
  ...Object.values(NO_CONCERN_REPORT_RULES),
  ...Object.values(NO_FOLLOW_UP_PLAN_RULES),
  NO_PLAN_DISTRIBUTION_RULE,
  ...Object.values(NO_FUTURE_PLAN_RULES),
  ...Object.values(NO_MEETING_RULES),
  ...Object.values(NO_VISIT_ROUTINE_RULES),
  ...Object.values(NO_MENTOR_COURSE_RULES),
  ...Object.values(NO_MENTOR_DUTY_RULES),
  ...Object.values(NO_CASE_RULES),
  GRADING_RULES.profileNo,
  // "Unntatt offentlighet" is Norwegian only.
  GRADING_RULES.exemptionRemovedReason,
  GRADING_RULES.exemptionRemoved,
];

const DK_RULES: readonly RuleDef[] = [
  ...Object.values(DK_ELIGIBILITY_RULES),
  ...Object.values(DK_SUITABILITY_RULES),
  ...Object.values(DK_COURSE_RULES),
  ...Object.values(DK_MENTOR_DUTY_RULES),
  DK_WORKLOAD_RULE,
  GRADING_RULES.profileDk,
];

/**
 * Every rule a vault of each profile runs: its country's rules and the common ones. A DK vault never
 * runs a NO rule (and the other way round); a test keeps each set citing only its own country's text.
 */
export const RULE_SETS: Readonly<Record<Profile, readonly RuleDef[]>> = {
  NO: [...NO_RULES, ...COMMON_RULES],
  DK: [...DK_RULES, ...COMMON_RULES],
};

/** A kind of due item as data: what is due, under which profile, and where it comes from. */
export interface DueDefinition {
  readonly kind: DueKind | 'no_next_meeting' | 'no_meeting_action' | 'no_release_meeting';
  readonly profile: Profile;
  readonly messageKey: string;
  readonly citation: Citation;
}

/** Every kind of due item the due list can show, per profile (the due list builds them from these facts). */
export const DUE_DEFINITIONS: readonly DueDefinition[] = [
  {
    kind: 'no_plan_copy_region',
    profile: 'NO',
    messageKey: NO_PLAN_DISTRIBUTION_RULE.messageKey,
    citation: CITATIONS.no11,
  },
  {
    kind: 'no_plan_copy_kdi',
    profile: 'NO',
    messageKey: NO_PLAN_DISTRIBUTION_RULE.messageKey,
    citation: CITATIONS.no11,
  },
  { kind: 'no_next_meeting', profile: 'NO', messageKey: 'rules.no.due.nextMeeting', citation: CITATIONS.no12 },
  { kind: 'no_meeting_action', profile: 'NO', messageKey: 'rules.no.due.meetingAction', citation: CITATIONS.no12 },
  {
    kind: 'no_release_meeting',
    profile: 'NO',
    messageKey: 'rules.no.due.releaseMeeting',
    citation: CITATIONS.localReleaseLead,
  },
  { kind: 'no_concern_report', profile: 'NO', ...CONCERN_REPORT_DUE },
  { kind: 'no_startup_meeting', profile: 'NO', ...STARTUP_MEETING_DUE },
  { kind: 'no_infoflyt_request', profile: 'NO', ...INFOFLYT_REQUEST_DUE },
  { kind: 'no_arrival_meeting', profile: 'NO', ...ARRIVAL_MEETING_DUE },
  { kind: 'no_visit_routine', profile: 'NO', ...VISIT_ROUTINE_DUE },
  { kind: 'no_future_plan', profile: 'NO', ...FUTURE_PLAN_DUE },
  { kind: 'no_agency_problem_report', profile: 'NO', ...AGENCY_REPORT_DUE },
  { kind: 'no_cooperation_meeting', profile: 'NO', ...COOPERATION_MEETING_DUE },
  { kind: 'no_municipality_contact', profile: 'NO', ...MUNICIPALITY_CONTACT_DUE },
  ...[MONTHLY_REPORT, QUARTERLY_REPORT, QUARTERLY_MEETING].map((r) => ({
    kind: r.kind,
    profile: 'DK' as const,
    messageKey: r.messageKey,
    citation: r.citation,
  })),
];
