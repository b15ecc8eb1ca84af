import type {
  ActionStatus,
  Agency,
  ConcernBasis,
  ConcernPositionPoint,
  DistributionRecipient,
  DkCourseBasis,
  DkEndReason,
  DocumentKind,
  LsRnrLevel,
  MeetingType,
  ObservationSource,
  ReportParty,
  ServiceUnitKind,
  Stance,
} from '../../shared/domain';
import type { DistributionFormat } from '../../shared/ipc/distribution';
import type { DocumentStatus } from '../../shared/ipc/record-views';

/**
 * Message keys for data values, listed as literals (never built from the value) so the i18n check can
 * find each one. Shared by the editors' choice lists and the version diff, and by the case, exchange
 * and settings screens that name a kind, meeting type, action status or recipient.
 */

export const KIND_KEY = {
  observation: 'domain.kind.observation',
  concern: 'domain.kind.concern',
  concern_report: 'domain.kind.concern_report',
  follow_up_plan: 'domain.kind.follow_up_plan',
  future_plan: 'domain.kind.future_plan',
  meeting: 'domain.kind.meeting',
  visit_routine: 'domain.kind.visit_routine',
  mentor_course: 'domain.kind.mentor_course',
} as const satisfies Record<DocumentKind, string>;

/** Titles of the "start a new document" screen, one per kind (grammatical gender differs). */
export const NEW_KIND_TITLE_KEY = {
  observation: 'editors.new.title.observation',
  concern: 'editors.new.title.concern',
  concern_report: 'editors.new.title.concern_report',
  follow_up_plan: 'editors.new.title.follow_up_plan',
  future_plan: 'editors.new.title.future_plan',
  meeting: 'editors.new.title.meeting',
  visit_routine: 'editors.new.title.visit_routine',
  mentor_course: 'editors.new.title.mentor_course',
} as const satisfies Record<DocumentKind, string>;

export const STATUS_KEY = { draft: 'editors.status.draft', final: 'editors.status.final' } as const satisfies Record<
  DocumentStatus,
  string
>;

export const STANCE_KEY = {
  undecided: 'domain.stance.undecided',
  needed: 'domain.stance.needed',
  not_needed: 'domain.stance.not_needed',
  already_in_place: 'domain.stance.already_in_place',
} as const satisfies Record<Stance, string>;

export const POSITION_POINT_KEY = {
  securityMeasures: 'domain.concern.securityMeasures',
  specialReporting: 'domain.concern.specialReporting',
  changeAndMotivationWork: 'domain.concern.changeAndMotivationWork',
  infoflytRegistration: 'domain.concern.infoflytRegistration',
} as const satisfies Record<ConcernPositionPoint, string>;

export const AGENCY_KEY = {
  kriminalomsorgen: 'domain.agency.kriminalomsorgen',
  politi: 'domain.agency.politi',
  pst: 'domain.agency.pst',
  kommune: 'domain.agency.kommune',
  other: 'domain.agency.other',
} as const satisfies Record<Agency, string>;

export const UNIT_KIND_KEY = {
  prison: 'domain.unitKind.prison',
  probation_office: 'domain.unitKind.probation_office',
  region: 'domain.unitKind.region',
  kdi: 'domain.unitKind.kdi',
} as const satisfies Record<ServiceUnitKind, string>;

export const MEETING_TYPE_KEY = {
  startup: 'domain.meetingType.startup',
  follow_up_prison: 'domain.meetingType.follow_up_prison',
  release: 'domain.meetingType.release',
  follow_up_probation: 'domain.meetingType.follow_up_probation',
} as const satisfies Record<MeetingType, string>;

export const ACTION_STATUS_KEY = {
  open: 'domain.actionStatus.open',
  in_progress: 'domain.actionStatus.in_progress',
  done: 'domain.actionStatus.done',
  cancelled: 'domain.actionStatus.cancelled',
} as const satisfies Record<ActionStatus, string>;

export const OBSERVATION_SOURCE_KEY = {
  own_observation: 'domain.observationSource.own_observation',
  judgment: 'domain.observationSource.judgment',
  information_from_others: 'domain.observationSource.information_from_others',
} as const satisfies Record<ObservationSource, string>;

export const CONCERN_BASIS_KEY = {
  observations: 'domain.concernBasis.observations',
  judgment: 'domain.concernBasis.judgment',
  information_from_others: 'domain.concernBasis.information_from_others',
} as const satisfies Record<ConcernBasis, string>;

export const REPORT_PARTY_KEY = {
  politi: 'domain.reportParty.politi',
  pst: 'domain.reportParty.pst',
  region: 'domain.reportParty.region',
  kdi: 'domain.reportParty.kdi',
  other: 'domain.reportParty.other',
} as const satisfies Record<ReportParty, string>;

export const ADDRESSEE_ROLE_KEY = {
  recipient: 'domain.addresseeRole.recipient',
  copy: 'domain.addresseeRole.copy',
} as const;

export const FUTURE_RESPONSE_KEY = {
  pending: 'domain.futurePlanResponse.pending',
  accepted: 'domain.futurePlanResponse.accepted',
  declined: 'domain.futurePlanResponse.declined',
} as const;

export const KDI_OUTCOME_KEY = {
  pending: 'domain.kdiOutcome.pending',
  offered: 'domain.kdiOutcome.offered',
  not_offered: 'domain.kdiOutcome.not_offered',
} as const;

export const KDI_BASIS_KEY = {
  concern_report: 'domain.kdiBasis.concern_report',
  other: 'domain.kdiBasis.other',
} as const;

export const TALK_WITH_KEY = {
  person: 'domain.preliminaryTalkWith.person',
  unit: 'domain.preliminaryTalkWith.unit',
} as const;

export const ENDED_BY_KEY = { person: 'domain.endedBy.person', kdi: 'domain.endedBy.kdi' } as const;

export const DK_BASIS_KEY = {
  supervision: 'domain.dkBasis.supervision',
  inmate_release_preparation: 'domain.dkBasis.inmate_release_preparation',
  released_end_of_sentence: 'domain.dkBasis.released_end_of_sentence',
  continued_after_supervision: 'domain.dkBasis.continued_after_supervision',
} as const satisfies Record<DkCourseBasis, string>;

export const LS_RNR_KEY = {
  lav: 'domain.lsRnrLevel.lav',
  mellem: 'domain.lsRnrLevel.mellem',
  hoejt: 'domain.lsRnrLevel.hoejt',
  meget_hoejt: 'domain.lsRnrLevel.meget_hoejt',
} as const satisfies Record<LsRnrLevel, string>;

export const DK_END_REASON_KEY = {
  purpose_achieved: 'domain.dkEndReason.purpose_achieved',
  agreement: 'domain.dkEndReason.agreement',
  decision: 'domain.dkEndReason.decision',
} as const satisfies Record<DkEndReason, string>;

export const REPORT_PERIOD_KEY = {
  monthly: 'domain.reportPeriod.monthly',
  quarterly: 'domain.reportPeriod.quarterly',
} as const;

export const REPORT_FORM_KEY = { written: 'domain.reportForm.written', phone: 'domain.reportForm.phone' } as const;

export const SUBSIDY_PURPOSE_KEY = {
  pedagogical_activity: 'domain.subsidyPurpose.pedagogical_activity',
  transport: 'domain.subsidyPurpose.transport',
  phone: 'domain.subsidyPurpose.phone',
  postage: 'domain.subsidyPurpose.postage',
  other: 'domain.subsidyPurpose.other',
} as const;

export const RECIPIENT_KEY = {
  kdi: 'domain.recipient.kdi',
  region: 'domain.recipient.region',
  politi: 'domain.recipient.politi',
  pst: 'domain.recipient.pst',
  kommune: 'domain.recipient.kommune',
  other_unit: 'domain.recipient.other_unit',
  other: 'domain.recipient.other',
} as const satisfies Record<DistributionRecipient, string>;

export const VIA_KEY = {
  paper: 'domain.via.paper',
  signed_pdf: 'domain.via.signed_pdf',
  signed_container: 'domain.via.signed_container',
} as const satisfies Record<DistributionFormat, string>;

export const YES_NO_KEY = { yes: 'domain.yesNo.yes', no: 'domain.yesNo.no', unknown: 'domain.yesNo.unknown' } as const;
