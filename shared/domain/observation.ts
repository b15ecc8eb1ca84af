import { z } from 'zod';
import { GradingSchema } from './grading';
import { IsoDateTimeSchema, LongTextSchema, ShortTextSchema } from './common';

/**
 * Where an observation comes from. NO pkt 4: the unit's own mapping is seen together with the
 * judgment or ruling (dom, kjennelse) and information given by others.
 */
export const ObservationSourceSchema = z.enum(['own_observation', 'judgment', 'information_from_others']);
export type ObservationSource = z.infer<typeof ObservationSourceSchema>;

/**
 * One entry of the observation log (observasjonslogg, NO pkt 4): an observation or statement that
 * alone or as part of a bigger picture may point to radicalisation.
 */
export const ObservationContentSchema = z.object({
  observedAt: IsoDateTimeSchema.optional(),
  observer: ShortTextSchema,
  /** What was seen or heard, as concretely as possible. */
  seenOrHeard: LongTextSchema,
  context: LongTextSchema,
  source: ObservationSourceSchema.optional(),
  /** For judgment / information from others: which document or who gave the information. */
  sourceDetail: ShortTextSchema,
  grading: GradingSchema,
});
export type ObservationContent = z.infer<typeof ObservationContentSchema>;
