import { z } from 'zod';
import type { Profile } from './profile';

/**
 * Gradings (DOMAIN.md "Grading"). NO: sikkerhetsloven § 5-3 levels plus the protective markings of the
 * former beskyttelsesinstruksen. DK: the Danish classification levels.
 * Order matters: an export never carries a lower grading than what it contains, so each scale is
 * listed from lowest to highest. NO protective markings rank below every security-graded level,
 * because security-graded information always needs at least as much protection.
 */
export const NO_GRADINGS = [
  'UGRADERT',
  'FORTROLIG',
  'STRENGT FORTROLIG',
  'BEGRENSET',
  'KONFIDENSIELT',
  'HEMMELIG',
  'STRENGT HEMMELIG',
] as const;

export const DK_GRADINGS = [
  'IKKE KLASSIFICERET',
  'TIL TJENESTEBRUG',
  'FORTROLIGT',
  'HEMMELIGT',
  'YDERST HEMMELIGT',
] as const;

export const GradingLevelSchema = z.enum([...NO_GRADINGS, ...DK_GRADINGS]);
export type GradingLevel = z.infer<typeof GradingLevelSchema>;

export const GradingSchema = z.object({
  level: GradingLevelSchema,
  /** NO only: "Unntatt offentlighet" with its legal basis, e.g. "offl. § 13, jf. fvl. § 13". */
  exemptionBasis: z.string().trim().min(1).max(200).optional(),
});
export type Grading = z.infer<typeof GradingSchema>;

export function gradingScale(profile: Profile): readonly GradingLevel[] {
  return profile === 'NO' ? NO_GRADINGS : DK_GRADINGS;
}

export function lowestGrading(profile: Profile): GradingLevel {
  return gradingScale(profile)[0] as GradingLevel;
}

export function gradingRank(profile: Profile, level: GradingLevel): number {
  const rank = gradingScale(profile).indexOf(level);
  if (rank < 0) throw new RangeError(`grading ${level} is not in the ${profile} scale`);
  return rank;
}

export function isGradingOfProfile(profile: Profile, level: GradingLevel): boolean {
  return gradingScale(profile).includes(level);
}

/** The highest of the given levels; the profile's lowest level when there are none. */
export function highestGrading(profile: Profile, levels: readonly GradingLevel[]): GradingLevel {
  let best = lowestGrading(profile);
  for (const level of levels) {
    if (gradingRank(profile, level) > gradingRank(profile, best)) best = level;
  }
  return best;
}

/**
 * The highest of levels as stored (text read from the vault): one that is no level of this profile
 * (an edited row, the other country's scale) is left out rather than trusted.
 */
export function highestStoredGrading(profile: Profile, stored: readonly unknown[]): GradingLevel {
  const levels = stored.flatMap((value) => {
    const parsed = GradingLevelSchema.safeParse(value);
    return parsed.success && isGradingOfProfile(profile, parsed.data) ? [parsed.data] : [];
  });
  return highestGrading(profile, levels);
}
