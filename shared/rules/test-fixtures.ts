// Fictional people and complete documents for the rule tests: each test changes one fact and looks
// for the finding it should cause. Imported by tests only.
import type {
  ConcernContent,
  DkMentorCourseContent,
  FollowUpPlanContent,
  Grading,
  Mentor,
  NoMentorCourseContent,
} from '../domain';
import { FOLLOW_UP_PLAN_SECTIONS } from '../domain';
import {
  newConcernDraft,
  newDkMentorCourseDraft,
  newFollowUpPlanDraft,
  newNoMentorCourseDraft,
} from '../templates/drafts';

export const DK_GRADING: Grading = { level: 'TIL TJENESTEBRUG' };
export const NO_GRADING: Grading = { level: 'BEGRENSET' };

export const MENTOR_ID = '3f2b1c4e-8a7d-4e2f-9b1a-0c6d5e4f3a21';
export const OTHER_MENTOR_ID = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

/** Jens Opdigtet: meets every condition of DK § 5 and § 6 and NO 13.2 / 13.5. */
export function suitableMentor(overrides: Partial<Mentor> = {}): Mentor {
  return {
    id: MENTOR_ID,
    name: 'Jens Opdigtet',
    phone: '+45 00 00 00 00',
    email: 'jens@example.invalid',
    address: '',
    birthDate: '1980-06-15',
    languages: ['dansk'],
    understandsAndSpeaksDanish: true,
    willingToCooperate: true,
    willingToDocument: true,
    employment: { isStaff: false, unit: '' },
    criminalRecordCheck: {
      writtenConsentDate: '2025-01-10',
      checkedOn: '2025-01-12',
      result: 'not_registered',
      suitabilityReasoning: '',
    },
    policeCertificate: { presentedOn: '2025-01-12', comprehensive: true },
    confidentialityDeclarationSignedOn: '2025-01-13',
    dutiesAcknowledged: { notifyDutyOn: '2025-01-13', confidentialityDutyOn: '2025-01-13' },
    training: { notes: '' },
    notes: '',
    ...overrides,
  };
}

/** A DK § 2 course for a person under supervision, complete and eligible. */
export function eligibleDkCourse(overrides: Partial<DkMentorCourseContent> = {}): DkMentorCourseContent {
  return {
    ...newDkMentorCourseDraft(DK_GRADING),
    basis: 'supervision',
    underSupervision: true,
    lsRnrLevel: 'mellem',
    specialNeed: true,
    specialNeedDescription: 'Støtte til struktur i hverdagen.',
    motivated: true,
    decidingArea: 'Kriminalforsorgsområde Testby',
    supervisionArea: 'Kriminalforsorgsområde Testby',
    personUnit: 'KiF Testby afdeling',
    mentorProposal: { opportunityGiven: true, proposal: '' },
    actionPlan: {
      mentorNeed: 'Behov for en voksen at tale med.',
      divisionOfWork: 'Mentor: samtaler. KiF: tilsyn.',
      goals: 'Fast bolig og arbejde.',
    },
    startMeeting: { date: '2025-02-01', notes: '' },
    responsiblePerson: 'Kari Fiktiv',
    mentortovholder: { name: 'Ole Opdigtet', unit: 'KiF Testby afdeling' },
    mentors: [
      {
        mentorId: MENTOR_ID,
        agreedWeeklyHours: 4,
        relationDescription: '',
        closeRelation: false,
        ownUnitExceptionJustification: '',
      },
    ],
    startDate: '2025-02-01',
    ...overrides,
  };
}

/** A NO course KDI has offered, with a complete plan. */
export function offeredNoCourse(overrides: Partial<NoMentorCourseContent> = {}): NoMentorCourseContent {
  return {
    ...newNoMentorCourseDraft(NO_GRADING),
    kdiDecision: { outcome: 'offered', decidedOn: '2025-01-05', basis: 'concern_report', basisDetail: '' },
    personInformed: { informedOn: '2024-12-10', notes: '' },
    personConsents: true,
    plan: { meetingPlace: 'Besøksrom 2', frequency: 'Hver uke', focusAreas: 'Utdanning og nettverk' },
    mentors: [
      {
        mentorId: MENTOR_ID,
        contractSignedOn: '2025-01-20',
        suitabilityAssessment: { assessedOn: '2025-01-15', suitable: true, notes: '' },
        notProxyToldOn: '2025-02-01',
      },
    ],
    startDate: '2025-02-01',
    ...overrides,
  };
}

/** A follow-up plan that meets NO pkt 11. */
/** A concern investigated, described, and with a position taken on each point (NO pkt 5). */
export function investigatedConcern(overrides: Partial<ConcernContent> = {}): ConcernContent {
  const taken = { stance: 'needed' as const, assessment: 'Vurdert.' };
  return {
    ...newConcernDraft(NO_GRADING),
    description: 'Gjentatte ytringer som støtter voldelig ekstremisme.',
    investigation: { startedOn: '2025-03-02', findings: 'Samtaler med ansatte.' },
    positions: {
      securityMeasures: taken,
      specialReporting: taken,
      changeAndMotivationWork: taken,
      infoflytRegistration: taken,
    },
    ...overrides,
  };
}

export function completePlan(): FollowUpPlanContent {
  const plan = newFollowUpPlanDraft(NO_GRADING);
  for (const section of FOLLOW_UP_PLAN_SECTIONS) plan[section] = `Tekst for ${section}.`;
  return {
    ...plan,
    preparedWithoutPersonParticipation: true,
    responsibleUnitHead: 'Ola Testmann',
    involved: [{ name: 'Per Fiktivsen', role: 'Kontaktbetjent' }],
    completionAssessment: { personalDataAssessed: true, gradingAssessed: true, assessedOn: '2025-03-01', notes: '' },
  };
}

export function ruleIds(findings: readonly { ruleId: string }[]): string[] {
  return findings.map((f) => f.ruleId);
}
