import { z } from 'zod';
import { GradingSchema } from './grading';
import { IdSchema, IsoDateSchema, LongTextSchema, ShortTextSchema } from './common';

/** A mentor on a NO course; each engagement has its own assignment agreement with KDI (NO pkt 13.2). */
export const NoMentorAssignmentSchema = z.object({
  mentorId: IdSchema,
  contractSignedOn: IsoDateSchema.optional(),
  /** NO pkt 13.2: the suitability assessment "knyttet til det særskilte oppdrag", for this person. */
  suitabilityAssessment: z
    .object({ assessedOn: IsoDateSchema.optional(), suitable: z.boolean().optional(), notes: LongTextSchema })
    .optional(),
  /** NO pkt 13.5: the day the mentor told the person that the mentor is not the person's fullmektig. */
  notProxyToldOn: IsoDateSchema.optional(),
});
export type NoMentorAssignment = z.infer<typeof NoMentorAssignmentSchema>;

export const DatedNoteSchema = z.object({ date: IsoDateSchema, notes: LongTextSchema });
export type DatedNote = z.infer<typeof DatedNoteSchema>;

/**
 * Mentor course under the NO guideline (NO pkt 13). KDI runs it. Conversation records are not part
 * of it: they are kept apart, see mentor-conversation.ts (NO pkt 13.5, 13.10).
 */
export const NoMentorCourseContentSchema = z.object({
  variant: z.literal('NO'),
  /** NO pkt 13.3: KDI decides, after a concern report or on other grounds. */
  kdiDecision: z.object({
    outcome: z.enum(['pending', 'offered', 'not_offered']),
    decidedOn: IsoDateSchema.optional(),
    basis: z.enum(['concern_report', 'other']).optional(),
    /** E.g. offence category, charge or other information. */
    basisDetail: LongTextSchema,
  }),
  /** NO pkt 13.3: written feedback when the person is not in the target group. */
  notInTargetGroupFeedback: z.object({
    sentOn: IsoDateSchema.optional(),
    text: LongTextSchema,
  }),
  /**
   * NO pkt 13.1: the unit informed, encouraged and spurred the person on to take part ("informere,
   * oppfordre og oppmuntre"). Optional: vaults from before this field still validate.
   */
  personInformed: z.object({ informedOn: IsoDateSchema.optional(), notes: LongTextSchema }).optional(),
  /** NO pkt 13.3: when KDI offers no course, "må enheten vurdere andre egnede tiltak". */
  otherMeasures: z.object({ consideredOn: IsoDateSchema.optional(), measures: LongTextSchema }).optional(),
  /** NO pkt 13.4: preliminary talks with the person and with the unit. */
  preliminaryTalks: z.array(DatedNoteSchema.extend({ with: z.enum(['person', 'unit']) })).max(100),
  /** NO pkt 13.4: the person is positive to the offer; participation is voluntary (13.1). */
  personConsents: z.boolean().optional(),
  /** NO pkt 13.4: KDI's plan for the course. */
  plan: z.object({
    meetingPlace: ShortTextSchema,
    frequency: ShortTextSchema,
    focusAreas: LongTextSchema,
  }),
  mentors: z.array(NoMentorAssignmentSchema).max(10),
  startDate: IsoDateSchema.optional(),
  /** NO pkt 13.4: cooperation meetings between KDI and the unit. */
  cooperationMeetings: z.array(DatedNoteSchema).max(200),
  /** NO pkt 13.6: the person may end it at any time, KDI confirms in writing; KDI may also end it. */
  end: z.object({
    endDate: IsoDateSchema.optional(),
    endedBy: z.enum(['person', 'kdi']).optional(),
    kdiWrittenConfirmationOn: IsoDateSchema.optional(),
    notes: LongTextSchema,
  }),
  /** NO pkt 13.6: information or objections of local or regional level, to be reported to KDI. */
  objections: z
    .array(
      z.object({
        raisedOn: IsoDateSchema,
        by: z.enum(['local', 'regional']),
        text: LongTextSchema,
        reportedToKdiOn: IsoDateSchema.optional(),
      }),
    )
    .max(100)
    .optional(),
  /** NO pkt 13.7: contact with the responsible municipality before release. */
  municipalityHandover: z.object({
    municipality: ShortTextSchema,
    contactedOn: IsoDateSchema.optional(),
    /** Whether responsibility for the contact is moved to the radicalisation contact or others. */
    responsibilityTransferredTo: ShortTextSchema,
    notes: LongTextSchema,
  }),
  grading: GradingSchema,
});
export type NoMentorCourseContent = z.infer<typeof NoMentorCourseContentSchema>;
