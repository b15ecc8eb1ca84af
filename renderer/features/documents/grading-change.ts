import type { GradingLevel, Profile } from '../../../shared/domain';
import { gradingRank } from '../../../shared/domain';

/** True when `to` is lower than `from` on the profile's scale: lowering needs a reason and is logged. */
export function isLowering(profile: Profile, from: GradingLevel, to: GradingLevel): boolean {
  return gradingRank(profile, to) < gradingRank(profile, from);
}
