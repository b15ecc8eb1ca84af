import type { IsoDate, KindedContent, Mentor, Profile } from '../../../shared/domain';
import {
  DK_ELIGIBILITY_RULES,
  DK_WORKLOAD_RULE,
  findingsForContent,
  NO_MENTOR_COURSE_RULES,
  NO_PLAN_DISTRIBUTION_RULE,
  type Finding,
  type Severity,
} from '../../../shared/rules';

/**
 * Rules that need facts only the vault has (the distribution log, the mentors' other courses): the
 * editor cannot judge them from the form, so their findings come from the last save or check.
 */
const VAULT_FACT_RULES: ReadonlySet<string> = new Set([
  NO_PLAN_DISTRIBUTION_RULE.id,
  DK_WORKLOAD_RULE.id,
  // DK § 3 counts from the case's expected release date, which the form does not hold.
  DK_ELIGIBILITY_RULES.tooEarly.id,
  DK_ELIGIBILITY_RULES.releaseDateMissing.id,
  // NO 13.7 reads the case's expected release date too.
  NO_MENTOR_COURSE_RULES.municipality.id,
]);

export interface LiveFacts {
  readonly profile: Profile;
  readonly today: IsoDate;
  /** Mentor records from the register, for a mentor course's suitability rules. */
  readonly mentors: readonly Mentor[];
}

/** A finding the form cannot judge (it needs facts only the vault has). */
export function isVaultFactFinding(finding: Finding): boolean {
  return VAULT_FACT_RULES.has(finding.ruleId);
}

/** The pure rules on the form's current content, so findings follow the person's typing. */
function formFindings(data: KindedContent, facts: LiveFacts): Finding[] {
  return findingsForContent(data, {
    profile: facts.profile,
    today: facts.today,
    mentorCourse: (content) => {
      const ids = new Set(content.mentors.map((m) => m.mentorId));
      return { mentors: facts.mentors.filter((m) => ids.has(m.id)) };
    },
  });
}

/**
 * What the editor shows: the rules run on the form as it is now, plus the vault-fact findings of the
 * last saved version. The service runs the same rules again when the document is finalised.
 */
export function liveFindings(data: KindedContent, facts: LiveFacts, saved: readonly Finding[]): Finding[] {
  const local = formFindings(data, facts).filter((f) => !VAULT_FACT_RULES.has(f.ruleId));
  return [...local, ...saved.filter((f) => VAULT_FACT_RULES.has(f.ruleId))];
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { blocking: 0, warning: 1, info: 2 };

/** Most serious first; the rules' own order within a severity (it follows the form). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}

/** Findings about exactly this field path. */
export function findingsAt(findings: readonly Finding[], path: string): Finding[] {
  return findings.filter((f) => f.field === path);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { blocking: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** The provisions named by blocking findings, each once, in order ("NO pkt 6, NO pkt 11"). */
export function blockingCitations(findings: readonly Finding[]): string[] {
  return [...new Set(findings.filter((f) => f.severity === 'blocking').map((f) => f.citation.text))];
}

/** The DOM id of the control (or group) for a field path; findings link to it. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** A stable key for React lists of findings. */
export function findingKey(finding: Finding, index: number): string {
  return `${finding.ruleId}:${finding.field ?? ''}:${JSON.stringify(finding.params)}:${index}`;
}
