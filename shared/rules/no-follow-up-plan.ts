import type { FollowUpPlanContent } from '../domain';
import { FOLLOW_UP_PLAN_SECTIONS, isFilled } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/** NO pkt 11: what a finished follow-up plan must record. */
export const NO_FOLLOW_UP_PLAN_RULES = {
  withoutParticipation: defineRule(
    'no.plan.withoutParticipation',
    'rules.no.plan.withoutParticipation',
    CITATIONS.no11,
    'blocking',
  ),
  unitHead: defineRule('no.plan.unitHead', 'rules.no.plan.unitHead', CITATIONS.no11, 'blocking'),
  completionAssessment: defineRule(
    'no.plan.completionAssessment',
    'rules.no.plan.completionAssessment',
    CITATIONS.no11,
    'blocking',
  ),
  emptySection: defineRule('no.plan.emptySection', 'rules.no.plan.emptySection', CITATIONS.no11, 'warning'),
  /** Security measures are not among pkt 11's purposes (they are in pkt 5 and 8): Bro's structure. */
  emptySecuritySection: defineRule(
    'no.plan.emptySecuritySection',
    'rules.no.plan.emptySection',
    CITATIONS.localPlanSecuritySection,
    'warning',
  ),
  /** "må radikaliseringskontakten involvere de som har kjennskap til den domfelte": the text asks for the involvement, Bro for the record of it, so it warns. */
  involved: defineRule('no.plan.involved', 'rules.no.plan.involved', CITATIONS.no11, 'warning'),
  /** "henstilles det til at dette omgående innmeldes tjenestevei til KDI": a request, so it warns. */
  agencyProblemReported: defineRule(
    'no.plan.agencyProblemReported',
    'rules.no.plan.agencyProblemReported',
    CITATIONS.no11,
    'warning',
  ),
} as const;

const R = NO_FOLLOW_UP_PLAN_RULES;

export function checkFollowUpPlan(content: FollowUpPlanContent): Finding[] {
  const findings: Finding[] = [];
  if (content.preparedWithoutPersonParticipation !== true) {
    findings.push(emit(R.withoutParticipation, { field: 'preparedWithoutPersonParticipation' }));
  }
  if (!isFilled(content.responsibleUnitHead)) findings.push(emit(R.unitHead, { field: 'responsibleUnitHead' }));
  const { personalDataAssessed, gradingAssessed } = content.completionAssessment;
  if (!personalDataAssessed || !gradingAssessed)
    findings.push(emit(R.completionAssessment, { field: 'completionAssessment' }));
  for (const section of FOLLOW_UP_PLAN_SECTIONS) {
    if (isFilled(content[section])) continue;
    const rule = section === 'securityMeasures' ? R.emptySecuritySection : R.emptySection;
    findings.push(emit(rule, { field: section, params: { section } }));
  }
  // Stryker disable next-line ArrayDeclaration: a stray string has no name, so it counts as no participant, as the empty list does
  if (!(content.involved ?? []).some((p) => isFilled(p.name))) findings.push(emit(R.involved, { field: 'involved' }));
  (content.agencyProblems ?? []).forEach((problem, index) => {
    if (!problem.reportedToKdiOn)
      findings.push(
        emit(R.agencyProblemReported, { field: `agencyProblems.${index}.reportedToKdiOn`, params: { n: index + 1 } }),
      );
  });
  return findings;
}
