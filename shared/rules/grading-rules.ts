import type { Grading, Profile } from '../domain';
import { gradingRank, highestGrading, isFilled, isGradingOfProfile, type GradingLevel } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/**
 * Gradings. In a NO vault the scale rests on NO pkt 7 ("skal dette skje i samsvar med sikkerhetsloven og
 * beskyttelsesinstruksen"); the DK circular says nothing on gradings, so there the scale is Bro's
 * practice. How an export is graded and that a downgrade is logged are Bro's practice in both.
 */
export const GRADING_RULES = {
  profileNo: defineRule('no.grading.profile', 'rules.grading.wrongProfile', CITATIONS.no7, 'blocking'),
  profileDk: defineRule('dk.grading.profile', 'rules.grading.wrongProfile', CITATIONS.localGradingScaleDk, 'blocking'),
  exportTooLow: defineRule('grading.exportTooLow', 'rules.grading.exportTooLow', CITATIONS.localGrading, 'blocking'),
  downgradeReason: defineRule(
    'grading.downgradeReason',
    'rules.grading.downgradeReason',
    CITATIONS.localGrading,
    'blocking',
  ),
  downgrade: defineRule('grading.downgrade', 'rules.grading.downgradeLogged', CITATIONS.localGrading, 'info'),
  /** NO: "Unntatt offentlighet" taken off is a lowering too, whatever the level does. */
  exemptionRemovedReason: defineRule(
    'grading.exemptionRemovedReason',
    'rules.grading.exemptionRemovedReason',
    CITATIONS.localGrading,
    'blocking',
  ),
  exemptionRemoved: defineRule(
    'grading.exemptionRemoved',
    'rules.grading.exemptionRemovedLogged',
    CITATIONS.localGrading,
    'info',
  ),
} as const;

const R = GRADING_RULES;

/** A document's grading must come from the vault profile's scale. */
export function checkGradingOfProfile(profile: Profile, grading: Grading, field = 'grading'): Finding[] {
  return isGradingOfProfile(profile, grading.level)
    ? []
    : [emit(profile === 'NO' ? R.profileNo : R.profileDk, { field, params: { level: grading.level, profile } })];
}

/** The lowest grading an export of these contents may carry: the highest among them. */
export function requiredExportGrading(profile: Profile, contents: readonly Grading[]): GradingLevel {
  return highestGrading(
    profile,
    contents.filter((g) => isGradingOfProfile(profile, g.level)).map((g) => g.level),
  );
}

/** An export never carries a lower grading than the highest grading of what it contains. */
export function checkExportGrading(profile: Profile, exportGrading: Grading, contents: readonly Grading[]): Finding[] {
  const findings = [exportGrading, ...contents].flatMap((g) => checkGradingOfProfile(profile, g));
  if (findings.length > 0) return findings;
  const required = requiredExportGrading(profile, contents);
  if (gradingRank(profile, exportGrading.level) >= gradingRank(profile, required)) return [];
  return [emit(R.exportTooLow, { field: 'grading', params: { level: exportGrading.level, required } })];
}

export interface GradingChange {
  readonly from: Grading;
  readonly to: Grading;
  /** Why the grading is lowered; required for a downgrade, which is logged. */
  readonly reason?: string;
}

/**
 * Downgrading is an explicit act with a recorded reason; raising needs none. Taking "Unntatt
 * offentlighet" off (its basis cleared) opens the record to access requests as a lower level would, so
 * it is one too, at the same level or a higher one.
 */
export function checkGradingChange(profile: Profile, change: GradingChange): Finding[] {
  const findings = [change.from, change.to].flatMap((g) => checkGradingOfProfile(profile, g));
  if (findings.length > 0) return findings;
  const reasoned = isFilled(change.reason);
  if (gradingRank(profile, change.to.level) < gradingRank(profile, change.from.level)) {
    const params = { from: change.from.level, to: change.to.level };
    return [emit(reasoned ? R.downgrade : R.downgradeReason, { field: 'reason', params })];
  }
  const basis = removedExemption(change.from, change.to);
  if (basis === undefined) return [];
  return [emit(reasoned ? R.exemptionRemoved : R.exemptionRemovedReason, { field: 'reason', params: { basis } })];
}

/** NO: the "Unntatt offentlighet" basis taken off between two gradings; undefined when none was. */
export function removedExemption(
  from: Pick<Grading, 'exemptionBasis'>,
  to: Pick<Grading, 'exemptionBasis'>,
): string | undefined {
  return to.exemptionBasis === undefined ? from.exemptionBasis : undefined;
}
