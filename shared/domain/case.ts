import { z } from 'zod';
import { GradingSchema } from './grading';
import { IdSchema, IsoDateSchema, ShortTextSchema } from './common';

/**
 * Where the person stands in the sentence. NO pkt 1 covers "innsatte i varetekt, domfelte i fengsel,
 * domfelte som gjennomfører straff i samfunnet mv." and calls them all "domfelte"; it does not name
 * released persons. Parole (prøveløslatt, a community stage in NO pkt 12) and released are Bro's
 * statuses for the rest of a course (e.g. a DK course continuing after release, DK § 3, stk. 2).
 */
export const CaseStatusSchema = z.enum(['varetekt', 'fengsel', 'samfunnsstraff', 'proveloslatt', 'loslatt']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

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
  grading: GradingSchema,
});
export type NewCase = z.infer<typeof NewCaseSchema>;

export const CaseSchema = NewCaseSchema.extend({ id: IdSchema });
export type Case = z.infer<typeof CaseSchema>;
