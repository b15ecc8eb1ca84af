import { z } from 'zod';
import { GradingSchema } from './grading';
import { IsoDateSchema, LongTextSchema } from './common';

/**
 * Future plan (fremtidsplan, NO pkt 10): offered to the person like to anyone serving a sentence. It
 * is the basis for the follow-up plan but is kept apart from it — a separate document, never merged
 * into the same export (see shared/rules/no-future-plan.ts).
 */
export const FuturePlanContentSchema = z.object({
  offeredOn: IsoDateSchema.optional(),
  personResponse: z.enum(['pending', 'accepted', 'declined']),
  plan: LongTextSchema,
  notes: LongTextSchema,
  grading: GradingSchema,
});
export type FuturePlanContent = z.infer<typeof FuturePlanContentSchema>;
