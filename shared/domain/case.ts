import { z } from 'zod';
import { GradingSchema } from './grading';
import { IdSchema, IsoDateSchema, LongTextSchema, ShortTextSchema } from './common';

/**
 * Where the person stands in the sentence. NO pkt 1 covers "innsatte i varetekt, domfelte i fengsel,
 * domfelte som gjennomfører straff i samfunnet mv." and calls them all "domfelte"; it does not name
 * released persons. Parole (prøveløslatt, a community stage in NO pkt 12) and released are Bro's
 * statuses for the rest of a course (e.g. a DK course continuing after release, DK § 3, stk. 2).
 */
export const CaseStatusSchema = z.enum(['varetekt', 'fengsel', 'samfunnsstraff', 'proveloslatt', 'loslatt']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/**
 * Why the person is in the guideline's target group (NO pkt 1): charged or convicted of terrorist or
 * terror-related acts, judged vulnerable to radicalisation, or hate speech / racially motivated crime.
 */
export const TargetGroupReasonSchema = z.enum(['terror_related', 'vulnerable', 'hate_crime']);
export type TargetGroupReason = z.infer<typeof TargetGroupReasonSchema>;

/**
 * Infoflyt (NO pkt 7): KDI registers; local or regional level that thinks the person should be
 * registered sends KDI a request ("skal det sendes anmodning til KDI om dette").
 */
export const InfoflytSchema = z.object({
  status: z.enum(['not_registered', 'requested', 'registered']),
  requestSentOn: IsoDateSchema.optional(),
  requestReason: LongTextSchema,
  registeredOn: IsoDateSchema.optional(),
});
export type Infoflyt = z.infer<typeof InfoflytSchema>;

/**
 * A case (sak): one person under the service's responsibility. Personal data is kept to the minimum
 * the work needs (DOMAIN.md "The records"); everything else lives in the service's own systems.
 */
export const NewCaseSchema = z.object({
  name: ShortTextSchema.min(1),
  birthDate: IsoDateSchema.optional(),
  /** The person's number in the service's own system, e.g. KOMPIS (NO) or Klientsystemet (DK). */
  caseReference: ShortTextSchema,
  /** The unit (prison, probation office, KiF department) responsible for the person. */
  unit: ShortTextSchema,
  status: CaseStatusSchema,
  expectedReleaseDate: IsoDateSchema.optional(),
  /** NO pkt 12: arrival (innkomst) in the unit; the start-up meeting falls due from it. */
  arrivalDate: IsoDateSchema.optional(),
  /** NO pkt 1: why the person is in the target group, and in a few words on what grounds. */
  targetGroup: z.object({ reason: TargetGroupReasonSchema.optional(), grounds: LongTextSchema }).optional(),
  infoflyt: InfoflytSchema.optional(),
  grading: GradingSchema,
});
export type NewCase = z.infer<typeof NewCaseSchema>;

export const CaseSchema = NewCaseSchema.extend({ id: IdSchema });
export type Case = z.infer<typeof CaseSchema>;
