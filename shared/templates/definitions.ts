import type { FollowUpPlanSection, MeetingType } from '../domain';
import type { TemplateDefinition } from './template';

/** Message keys of a section: `domain.template.<group>.<field>.heading` and `.guidance`. */
function section<F extends string>(group: string, field: F, guidanceGroup = group) {
  return {
    field,
    headingKey: `domain.template.${group}.${field}.heading`,
    guidanceKey: `domain.template.${guidanceGroup}.${field}.guidance`,
  };
}

/** NO pkt 11: the follow-up plan. Text sections in the guideline's order, then who is responsible. */
export const FOLLOW_UP_PLAN_TEMPLATE: TemplateDefinition<
  FollowUpPlanSection | 'responsibleUnitHead' | 'coordinatingContact'
> = {
  id: 'no-follow-up-plan',
  kind: 'follow_up_plan',
  version: 1,
  titleKey: 'domain.template.followUpPlan.title',
  introKey: 'domain.template.followUpPlan.intro',
  sections: [
    section('followUpPlan', 'riskAndVulnerabilityFactors'),
    section('followUpPlan', 'measuresDuringSentence'),
    section('followUpPlan', 'securityMeasures'),
    section('followUpPlan', 'releasePlanning'),
    section('followUpPlan', 'cooperation'),
    section('followUpPlan', 'informationSharing'),
    section('followUpPlan', 'divisionOfWork'),
    section('followUpPlan', 'responsibleUnitHead'),
    section('followUpPlan', 'coordinatingContact'),
  ],
};

type MeetingTextField = 'agenda' | 'informationShared' | 'decisions';

const MEETING_TEMPLATE_IDS: Readonly<Record<MeetingType, string>> = {
  startup: 'no-meeting-startup',
  follow_up_prison: 'no-meeting-follow-up-prison',
  release: 'no-meeting-release',
  follow_up_probation: 'no-meeting-follow-up-probation',
};

/** NO pkt 12: minutes of one meeting type; the agenda guidance is the type's own. */
function meetingTemplate(meetingType: MeetingType): TemplateDefinition<MeetingTextField> {
  const group = `meeting.${meetingType}`;
  return {
    id: MEETING_TEMPLATE_IDS[meetingType],
    kind: 'meeting',
    version: 1,
    meetingType,
    titleKey: `domain.template.${group}.title`,
    introKey: `domain.template.${group}.intro`,
    sections: [
      section('meeting', 'agenda', group),
      section('meeting', 'informationShared'),
      section('meeting', 'decisions'),
    ],
  };
}

export const MEETING_TEMPLATES: Readonly<Record<MeetingType, TemplateDefinition<MeetingTextField>>> = {
  startup: meetingTemplate('startup'),
  follow_up_prison: meetingTemplate('follow_up_prison'),
  release: meetingTemplate('release'),
  follow_up_probation: meetingTemplate('follow_up_probation'),
};

type VisitRoutineTextField =
  | 'mentorName'
  | 'mentorContact'
  | 'visitFrequency'
  | 'visitBooking'
  | 'visitConduct'
  | 'visitRoom'
  | 'itemsMentorMayBring'
  | 'otherMatters';

/** NO pkt 9: the routine for mentor visits, in the order the guideline lists its contents. */
export const VISIT_ROUTINE_TEMPLATE: TemplateDefinition<VisitRoutineTextField> = {
  id: 'no-visit-routine',
  kind: 'visit_routine',
  version: 1,
  titleKey: 'domain.template.visitRoutine.title',
  introKey: 'domain.template.visitRoutine.intro',
  sections: [
    section('visitRoutine', 'mentorName'),
    section('visitRoutine', 'mentorContact'),
    section('visitRoutine', 'visitFrequency'),
    section('visitRoutine', 'visitBooking'),
    section('visitRoutine', 'visitConduct'),
    section('visitRoutine', 'visitRoom'),
    section('visitRoutine', 'itemsMentorMayBring'),
    section('visitRoutine', 'otherMatters'),
  ],
};

export const TEMPLATE_DEFINITIONS: readonly TemplateDefinition[] = [
  FOLLOW_UP_PLAN_TEMPLATE,
  ...Object.values(MEETING_TEMPLATES),
  VISIT_ROUTINE_TEMPLATE,
];
