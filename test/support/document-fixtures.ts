import type { FollowUpPlanContent } from '../../shared/domain';
import { newFollowUpPlanDraft } from '../../shared/templates';

export const GRADING = { level: 'BEGRENSET' } as const;

/** A follow-up plan with everything NO pkt 11 asks for, so it can be finalised. */
export function completePlan(overrides: Partial<FollowUpPlanContent> = {}): FollowUpPlanContent {
  return {
    ...newFollowUpPlanDraft(GRADING),
    riskAndVulnerabilityFactors: 'Søker bekreftelse i et lukket miljø.',
    measuresDuringSentence: 'Samtaler med kontaktbetjent hver uke.',
    securityMeasures: 'Ordinære rutiner.',
    releasePlanning: 'Bolig avklares med kommunen.',
    cooperation: 'Politiet følger opp ved løslatelse.',
    informationSharing: 'Utganger meldes til politiet.',
    divisionOfWork: 'Kontakten koordinerer.',
    preparedWithoutPersonParticipation: true,
    responsibleUnitHead: 'Fengselsleder Fiktiv',
    coordinatingContact: 'Kari Fiktiv',
    completionAssessment: { personalDataAssessed: true, gradingAssessed: true, assessedOn: '2026-03-01', notes: '' },
    ...overrides,
  };
}
