import type {
  DistributionRecipient,
  DocumentContent,
  DocumentKind,
  Grading,
  IsoDate,
  Profile,
} from '../../shared/domain';
import { documentContentSchemas, isGradingOfProfile, isKindOfProfile, isRecipientOfProfile } from '../../shared/domain';
import { checkGradingChange, GRADING_RULES } from '../../shared/rules';
import { assertContentCoherent } from './input-coherence';
import { invalid, parseOrInvalid } from './service-context';

/**
 * A grading must come from the vault profile's scale; "Unntatt offentlighet" with its legal basis is
 * Norwegian only (DOMAIN.md "Grading").
 */
export function assertGradingFits(profile: Profile, grading: Grading, field: string): void {
  if (!isGradingOfProfile(profile, grading.level))
    throw invalid('error.grading_profile', [`${field}.level`], { profile });
  if (profile === 'DK' && grading.exemptionBasis !== undefined)
    throw invalid('error.grading_profile', [`${field}.exemptionBasis`], { profile });
}

/** A recipient of the vault profile's (a DK vault sends nothing to KDI, a NO region or PST). */
export function assertRecipientFits(profile: Profile, recipient: DistributionRecipient, field: string): void {
  if (!isRecipientOfProfile(profile, recipient)) throw invalid('error.recipient_profile', [field], { profile });
}

const NEEDS_REASON: ReadonlySet<string> = new Set([
  GRADING_RULES.downgradeReason.id,
  GRADING_RULES.exemptionRemovedReason.id,
]);
const LOWERED: ReadonlySet<string> = new Set([GRADING_RULES.downgrade.id, GRADING_RULES.exemptionRemoved.id]);

/**
 * Whether moving from `from` to `to` lowers the grading: a lower level, or "Unntatt offentlighet" taken
 * off. Lowering is an explicit act: without a reason it is refused; with one, the caller records the
 * reason and logs a `downgrade`.
 */
export function isDowngrade(profile: Profile, from: Grading, to: Grading, reason: string | undefined): boolean {
  const findings = checkGradingChange(profile, { from, to, reason });
  if (findings.some((f) => NEEDS_REASON.has(f.ruleId)))
    throw invalid('error.downgrade_reason_required', ['downgradeReason']);
  return findings.some((f) => LOWERED.has(f.ruleId));
}

/**
 * Validates content against its kind's schema (once, at the service boundary) and against the vault
 * profile: a kind the profile holds (a DK vault holds no NO pkt 4-12 kinds), the profile's gradings, and the mentor-course variant of the profile (a DK course under the
 * Danish circular in a DK vault, a NO course under NO pkt 13 in a NO vault).
 */
export function parseContentForProfile<K extends DocumentKind>(
  profile: Profile,
  kind: K,
  value: unknown,
  today: IsoDate,
): DocumentContent<K> {
  if (!isKindOfProfile(profile, kind)) throw invalid('rules.profile.kindNotOffered', ['kind'], { kind, profile });
  const content = parseOrInvalid(documentContentSchemas[kind], value, 'content') as DocumentContent<K>;
  assertGradingFits(profile, content.grading, 'content.grading');
  if ('variant' in content && content.variant !== profile)
    throw invalid('error.profile_mismatch', ['content.variant'], { profile });
  assertContentCoherent(kind, content, today);
  return content;
}
