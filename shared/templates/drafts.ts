import type {
  ConcernContent,
  ConcernReportContent,
  DkMentorCourseContent,
  DocumentContent,
  DocumentKind,
  FollowUpPlanContent,
  FuturePlanContent,
  Grading,
  MeetingContent,
  MeetingType,
  MentorCourseContent,
  NoMentorCourseContent,
  ObservationContent,
  Participant,
  Profile,
  VisitRoutineContent,
} from '../domain';
import { defaultAddressees, emptyPosition, EXPECTED_AGENCIES, expectsProbationOffice } from '../domain';
import type { Template, TemplateKind } from './template';

/**
 * Empty drafts: every text field '', every yes/no fact unrecorded. A draft from a template records
 * the template's id and version so it prints with the same headings later.
 */

export function newFollowUpPlanDraft(
  grading: Grading,
  template?: Pick<Template, 'id' | 'version'>,
): FollowUpPlanContent {
  return {
    ...(template ? { template: { id: template.id, version: template.version } } : {}),
    riskAndVulnerabilityFactors: '',
    measuresDuringSentence: '',
    securityMeasures: '',
    releasePlanning: '',
    cooperation: '',
    informationSharing: '',
    divisionOfWork: '',
    responsibleUnitHead: '',
    coordinatingContact: '',
    completionAssessment: { personalDataAssessed: false, gradingAssessed: false, notes: '' },
    grading,
  };
}

/** Empty participant rows for the agencies the meeting type expects (NO pkt 12), to be filled in. */
export function expectedParticipantRows(meetingType: MeetingType): Participant[] {
  const rows: Participant[] = EXPECTED_AGENCIES[meetingType].map((agency) => ({ name: '', agency, role: '' }));
  if (expectsProbationOffice(meetingType))
    rows.push({ name: '', agency: 'kriminalomsorgen', unitKind: 'probation_office', role: '' });
  return rows;
}

export function newMeetingDraft(
  meetingType: MeetingType,
  grading: Grading,
  template?: Pick<Template, 'id' | 'version'>,
): MeetingContent {
  return {
    ...(template ? { template: { id: template.id, version: template.version } } : {}),
    meetingType,
    place: '',
    participants: expectedParticipantRows(meetingType),
    agenda: '',
    informationShared: '',
    decisions: '',
    actions: [],
    nextMeeting: { place: '', notes: '' },
    grading,
  };
}

export function newVisitRoutineDraft(
  grading: Grading,
  template?: Pick<Template, 'id' | 'version'>,
): VisitRoutineContent {
  return {
    ...(template ? { template: { id: template.id, version: template.version } } : {}),
    mentorName: '',
    mentorContact: '',
    visitFrequency: '',
    visitBooking: '',
    visitConduct: '',
    visitRoom: '',
    itemsMentorMayBring: '',
    otherMatters: '',
    // NO pkt 9: the local contact is the mentor's contact person unless agreed otherwise.
    contactPerson: { isLocalContact: true, name: '', otherArrangement: '' },
    grading,
  };
}

type TemplateContent = {
  follow_up_plan: FollowUpPlanContent;
  meeting: MeetingContent;
  visit_routine: VisitRoutineContent;
};

/** A new draft of the template's kind, recording the template it came from. */
export function buildDraftFromTemplate<K extends TemplateKind>(
  template: Template & { kind: K },
  grading: Grading,
): TemplateContent[K];
export function buildDraftFromTemplate(template: Template, grading: Grading): TemplateContent[TemplateKind] {
  switch (template.kind) {
    case 'follow_up_plan':
      return newFollowUpPlanDraft(grading, template);
    case 'meeting':
      return newMeetingDraft(template.meetingType ?? 'startup', grading, template);
    case 'visit_routine':
      return newVisitRoutineDraft(grading, template);
  }
}

export function newObservationDraft(grading: Grading): ObservationContent {
  return { observer: '', seenOrHeard: '', context: '', sourceDetail: '', grading };
}

export function newConcernDraft(grading: Grading): ConcernContent {
  return {
    description: '',
    observationIds: [],
    investigation: { findings: '' },
    positions: {
      securityMeasures: emptyPosition(),
      specialReporting: emptyPosition(),
      changeAndMotivationWork: emptyPosition(),
      infoflytRegistration: emptyPosition(),
    },
    grading,
  };
}

export function newConcernReportDraft(grading: Grading): ConcernReportContent {
  return { cause: '', measures: '', whoHasBeenNotified: '', addressees: defaultAddressees(), grading };
}

export function newFuturePlanDraft(grading: Grading): FuturePlanContent {
  return { personResponse: 'pending', plan: '', notes: '', grading };
}

export function newNoMentorCourseDraft(grading: Grading): NoMentorCourseContent {
  return {
    variant: 'NO',
    kdiDecision: { outcome: 'pending', basisDetail: '' },
    notInTargetGroupFeedback: { text: '' },
    preliminaryTalks: [],
    plan: { meetingPlace: '', frequency: '', focusAreas: '' },
    mentors: [],
    cooperationMeetings: [],
    end: { notes: '' },
    municipalityHandover: { municipality: '', responsibilityTransferredTo: '', notes: '' },
    grading,
  };
}

export function newDkMentorCourseDraft(grading: Grading): DkMentorCourseContent {
  return {
    variant: 'DK',
    lsRnrExceptionJustification: '',
    specialNeedDescription: '',
    inmate: { noContinuationJustification: '' },
    decidingArea: '',
    supervisionArea: '',
    personUnit: '',
    mentorProposal: { proposal: '' },
    actionPlan: { mentorNeed: '', divisionOfWork: '' },
    startMeeting: { notes: '' },
    responsiblePerson: '',
    mentors: [],
    meetingsHeld: [],
    mentorReports: [],
    subsidies: [],
    grading,
  };
}

export function newMentorCourseDraft(profile: Profile, grading: Grading): MentorCourseContent {
  return profile === 'DK' ? newDkMentorCourseDraft(grading) : newNoMentorCourseDraft(grading);
}

/**
 * An empty draft of any kind. The profile picks the mentor-course variant; meetings start as a
 * start-up meeting unless a type is given. Prefer `buildDraftFromTemplate` for templated kinds.
 */
export function newDraft<K extends DocumentKind>(
  kind: K,
  options: { profile: Profile; grading: Grading; meetingType?: MeetingType },
): DocumentContent<K>;
export function newDraft(
  kind: DocumentKind,
  options: { profile: Profile; grading: Grading; meetingType?: MeetingType },
): DocumentContent {
  const { grading } = options;
  switch (kind) {
    case 'observation':
      return newObservationDraft(grading);
    case 'concern':
      return newConcernDraft(grading);
    case 'concern_report':
      return newConcernReportDraft(grading);
    case 'follow_up_plan':
      return newFollowUpPlanDraft(grading);
    case 'future_plan':
      return newFuturePlanDraft(grading);
    case 'meeting':
      return newMeetingDraft(options.meetingType ?? 'startup', grading);
    case 'visit_routine':
      return newVisitRoutineDraft(grading);
    case 'mentor_course':
      return newMentorCourseDraft(options.profile, grading);
  }
}
