import { z } from 'zod';
import { GradingSchema } from './grading';
import { IdSchema, LongTextSchema, ShortTextSchema, TemplateRefSchema } from './common';

/**
 * Routine for mentor visits (rutine for mentorbesøk, NO pkt 9): made by the local radicalisation
 * contact when a mentor course starts and printed for the staff who need it.
 */
export const VisitRoutineContentSchema = z.object({
  template: TemplateRefSchema.optional(),
  mentorId: IdSchema.optional(),
  mentorName: ShortTextSchema,
  mentorContact: ShortTextSchema,
  visitFrequency: LongTextSchema,
  visitBooking: LongTextSchema,
  visitConduct: LongTextSchema,
  visitRoom: LongTextSchema,
  /** Books, magazines, personal effects the mentor may bring. */
  itemsMentorMayBring: LongTextSchema,
  /** Other matters that bear on the mentor's work or the unit. */
  otherMatters: LongTextSchema,
  /** The local contact is the mentor's contact person unless something else is agreed. */
  contactPerson: z.object({
    isLocalContact: z.boolean(),
    name: ShortTextSchema,
    otherArrangement: LongTextSchema,
  }),
  grading: GradingSchema,
});
export type VisitRoutineContent = z.infer<typeof VisitRoutineContentSchema>;
