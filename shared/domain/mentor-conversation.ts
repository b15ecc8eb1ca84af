import { z } from 'zod';
import { GradingSchema } from './grading';
import { IdSchema, IsoDateSchema, LongTextSchema, ShortTextSchema } from './common';

/**
 * A mentor's record of one conversation (NO pkt 13.5: place, date, duration). Only the mentor and
 * KDI's mentor scheme may read these, and non-participation must never weigh in case processing
 * (13.10): storage keeps them in a compartment that case views cannot read. Deliberately not a
 * DocumentKind, so no case-level listing or export can include one by accident.
 */
export const NewMentorConversationSchema = z.object({
  courseId: IdSchema,
  mentorId: IdSchema,
  place: ShortTextSchema,
  date: IsoDateSchema,
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  notes: LongTextSchema,
  grading: GradingSchema,
});

export const MentorConversationSchema = NewMentorConversationSchema.extend({ id: IdSchema });
