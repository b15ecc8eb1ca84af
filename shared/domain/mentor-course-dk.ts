import { z } from 'zod';
import { GradingSchema } from './grading';
import { IdSchema, IsoDateSchema, LongTextSchema, ShortTextSchema, WeeklyHoursSchema } from './common';

/** LS/RNR risk and need level (DK § 2, stk. 1, nr. 1). */
export const LsRnrLevelSchema = z.enum(['lav', 'mellem', 'hoejt', 'meget_hoejt']);
export type LsRnrLevel = z.infer<typeof LsRnrLevelSchema>;

/**
 * On which provision the course rests: § 2 (under supervision), § 3 (inmate, as part of release
 * preparation), § 4, stk. 1 (released at end of sentence, voluntary supervision), § 4, stk. 2
 * (continuation after the supervision period, voluntary supervision).
 */
export const DkCourseBasisSchema = z.enum([
  'supervision',
  'inmate_release_preparation',
  'released_end_of_sentence',
  'continued_after_supervision',
]);
export type DkCourseBasis = z.infer<typeof DkCourseBasisSchema>;

/** Ending reasons of DK § 19. */
export const DkEndReasonSchema = z.enum(['purpose_achieved', 'agreement', 'decision']);
export type DkEndReason = z.infer<typeof DkEndReasonSchema>;

/** A mentor appointed to one course, with the facts that concern this person only. */
export const DkMentorAssignmentSchema = z.object({
  mentorId: IdSchema,
  appointedOn: IsoDateSchema.optional(),
  /**
   * DK § 14, stk. 1-2: the mentor is paid a fee set by the area "ud fra en vurdering af opgavens
   * omfang", with the status reports (§ 17) as part of the basis.
   */
  fee: z
    .object({
      amount: z.number().min(0).max(10_000_000).optional(),
      basis: LongTextSchema,
      setOn: IsoDateSchema.optional(),
    })
    .optional(),
  /** Agreed hours per week; DK § 15 sums them over all the mentor's active courses. */
  agreedWeeklyHours: WeeklyHoursSchema,
  /** DK § 5, stk. 3: a close relation (nærtstående) of the person can never be mentor. */
  closeRelation: z.boolean().optional(),
  relationDescription: ShortTextSchema,
  /** DK § 5, stk. 2 says "som udgangspunkt"; a departure is recorded with its reasons. */
  ownUnitExceptionJustification: LongTextSchema,
});
export type DkMentorAssignment = z.infer<typeof DkMentorAssignmentSchema>;

export const DkMentorReportSchema = z.object({
  receivedOn: IsoDateSchema,
  /** DK § 17, stk. 1: nr. 1 monthly, nr. 2 short status every third month. */
  period: z.enum(['monthly', 'quarterly']),
  form: z.enum(['written', 'phone']),
  mentorId: IdSchema.optional(),
  /**
   * DK § 17, stk. 2: "Statusrapporterne udarbejdes i en særlig skabelon." The circular does not
   * reproduce the template; these are the elements its text names (see shared/templates/dk-status-report.ts).
   * Optional, so reports recorded before the template still validate.
   */
  workDone: LongTextSchema.optional(),
  actionPlanFollowUp: LongTextSchema.optional(),
  actionPlanRevision: LongTextSchema.optional(),
});
export type DkMentorReport = z.infer<typeof DkMentorReportSchema>;

/** Mentor course under the Danish circular (mentorordning, DK §§ 1-19). */
export const DkMentorCourseContentSchema = z.object({
  variant: z.literal('DK'),
  basis: DkCourseBasisSchema.optional(),
  /** § 2, stk. 1: the person is under supervision (tilsyn). */
  underSupervision: z.boolean().optional(),
  lsRnrLevel: LsRnrLevelSchema.optional(),
  /** § 2, stk. 2: "helt særlige omstændigheder" when the LS/RNR level is not met. */
  lsRnrExceptionJustification: LongTextSchema,
  /** § 2, stk. 1, nr. 2: a special need for support and guidance not covered otherwise. */
  specialNeed: z.boolean().optional(),
  specialNeedDescription: LongTextSchema,
  /** § 2, stk. 1, nr. 3. */
  motivated: z.boolean().optional(),
  /** § 3: inmates, as part of release preparation (udslusning). */
  inmate: z.object({
    partOfReleasePreparation: z.boolean().optional(),
    expectedReleaseDate: IsoDateSchema.optional(),
    continuesAfterRelease: z.boolean().optional(),
    /** § 3, stk. 2 says "som udgangspunkt"; a departure is recorded with its reasons. */
    noContinuationJustification: LongTextSchema,
  }),
  /** § 4, stk. 1-2: voluntary supervision under tilsynsbekendtgørelsens § 13. */
  voluntarySupervision: z.boolean().optional(),
  /** § 4, stk. 2: the person had a mentor during the supervision period. */
  hadMentorDuringSupervision: z.boolean().optional(),
  /** § 7: the area deciding is the one where the person is, or will be, supervised. */
  decidingArea: ShortTextSchema,
  supervisionArea: ShortTextSchema,
  /** § 5, stk. 2: the KiF department or institution the person is supervised by or placed in. */
  personUnit: ShortTextSchema,
  /**
   * § 5, stk. 2 names both: the prison an inmate is placed in, and the KiF department supervising a
   * person in freedom. A course that goes on after release (§ 3, stk. 2) has both, one after the other:
   * this is the department that will supervise the person then. Absent in courses saved before it.
   */
  afterReleaseUnit: ShortTextSchema.optional(),
  /** § 11: the person was given the opportunity to propose a mentor. */
  mentorProposal: z.object({
    opportunityGiven: z.boolean().optional(),
    proposal: ShortTextSchema,
  }),
  /** § 9 and § 13, stk. 1: the handleplan. */
  actionPlan: z.object({
    mentorNeed: LongTextSchema,
    divisionOfWork: LongTextSchema,
    /** § 1, stk. 2: the goals set in the action plan that the mentor supports the person to reach. */
    goals: LongTextSchema.optional(),
  }),
  /**
   * § 10: the area that assessed an inmate's need (§ 3, stk. 1, § 4) contacts the area that is to
   * supervise, when that is another area (§ 7).
   */
  assessingArea: ShortTextSchema.optional(),
  supervisionAreaContactedOn: IsoDateSchema.optional(),
  /** § 12: the meeting where the cooperation is agreed. */
  startMeeting: z.object({ date: IsoDateSchema.optional(), notes: LongTextSchema }),
  /** § 13, stk. 2: the person responsible for the course and the cooperation with the mentor. */
  responsiblePerson: ShortTextSchema,
  /**
   * § 18: the area "skal udpege et antal mentortovholdere" who keep up to date and pass information on
   * to the other staff. Bro records on the course which of them the course's staff turn to (optional,
   * so courses recorded before still validate).
   */
  mentortovholder: z.object({ name: ShortTextSchema, unit: ShortTextSchema }).optional(),
  mentors: z.array(DkMentorAssignmentSchema).max(10),
  startDate: IsoDateSchema.optional(),
  /** § 13, stk. 3: dates of the meetings held every third month. */
  meetingsHeld: z.array(IsoDateSchema).max(500),
  /** § 17: reports received from the mentor. */
  mentorReports: z.array(DkMentorReportSchema).max(1000),
  /** § 14, stk. 3 and § 16: subsidies granted. */
  subsidies: z
    .array(
      z.object({
        purpose: z.enum(['pedagogical_activity', 'transport', 'phone', 'postage', 'other']),
        amount: z.number().min(0),
        note: ShortTextSchema,
      }),
    )
    .max(200),
  endDate: IsoDateSchema.optional(),
  endReason: DkEndReasonSchema.optional(),
  grading: GradingSchema,
});
export type DkMentorCourseContent = z.infer<typeof DkMentorCourseContentSchema>;
