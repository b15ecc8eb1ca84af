import type { IsoDate, KindedContent, Profile } from '../../../shared/domain';
import { findingsForContent, type Finding } from '../../../shared/rules';
import { newDraft } from '../../../shared/templates/drafts';
import { isVaultFactFinding, sortFindings } from './findings-view';

/**
 * Where each finding of the editor is shown, so that each appears once: a blocking finding about a
 * field is a neutral checklist item in the panel until a finalise was refused, and an error at its
 * field (and in the error summary) after; findings that name a date still ahead go to the Deadlines
 * box; the rest stay in the panel, each linked to its field.
 */
export interface FindingPlaces {
  /** Shown at their fields (as errors). */
  inline: Finding[];
  /** Requirements still unmet that the panel lists (the inline ones are not repeated there). */
  open: Finding[];
  /** How many requirements the document has and how many are met ("2 of 9 met"). */
  total: number;
  met: number;
  /** Warnings and information, most serious first. */
  others: Finding[];
  /** Findings about a date after today, soonest first. */
  deadlines: Finding[];
}

const requirementKey = (finding: Finding) => `${finding.ruleId}|${finding.field ?? ''}`;

/** The date a finding is about when it is after today ("dueDate" or "deadline"), else null. */
export function futureDate(finding: Finding, today: IsoDate): IsoDate | null {
  for (const name of ['dueDate', 'deadline']) {
    const value = finding.params[name];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && value > today) return value;
  }
  return null;
}

export function placeFindings(
  findings: readonly Finding[],
  options: { showInvalid: boolean; today: IsoDate; baseline: readonly Finding[] },
): FindingPlaces {
  const blocking = sortFindings(findings.filter((f) => f.severity === 'blocking'));
  const keys = new Set([...options.baseline.filter((f) => f.severity === 'blocking'), ...blocking].map(requirementKey));
  const unmet = new Set(blocking.map(requirementKey));
  const inline = options.showInvalid ? blocking.filter((f) => f.field) : [];
  const rest = sortFindings(findings.filter((f) => f.severity !== 'blocking'));
  const deadlines = rest
    .filter((f) => futureDate(f, options.today) !== null)
    .sort((a, b) => (futureDate(a, options.today) ?? '').localeCompare(futureDate(b, options.today) ?? ''));
  return {
    inline,
    open: blocking.filter((f) => !inline.includes(f)),
    total: keys.size,
    met: keys.size - unmet.size,
    others: rest.filter((f) => !deadlines.includes(f)),
    deadlines,
  };
}

/**
 * The requirements an empty document of the same kind fails: with the current findings they give
 * the checklist's total, so it says how many are met, not only how many are left.
 */
export function requirementBaseline(data: KindedContent, profile: Profile, today: IsoDate): Finding[] {
  const grading = data.content.grading;
  const meetingType = data.kind === 'meeting' ? data.content.meetingType : undefined;
  // newDraft(kind) gives that kind's content; the pair cannot be proven to the compiler in one expression.
  const blank = { kind: data.kind, content: newDraft(data.kind, { profile, grading, meetingType }) } as KindedContent;
  return findingsForContent(blank, { profile, today, mentorCourse: () => ({ mentors: [] }) }).filter(
    (f) => f.severity === 'blocking' && !isVaultFactFinding(f),
  );
}
