import { z } from 'zod';
import { GradingSchema } from './grading';
import { IsoDateSchema, LongTextSchema, ShortTextSchema, TemplateRefSchema } from './common';

/**
 * The text sections of a follow-up plan, in the order NO pkt 11 describes its purposes. Security
 * measures are not one of them: they appear in NO pkt 5 and 8, and the section is Bro's structure.
 */
export const FOLLOW_UP_PLAN_SECTIONS = [
  'riskAndVulnerabilityFactors',
  'measuresDuringSentence',
  'securityMeasures',
  'releasePlanning',
  'cooperation',
  'informationSharing',
  'divisionOfWork',
] as const;
export type FollowUpPlanSection = (typeof FOLLOW_UP_PLAN_SECTIONS)[number];

/** Follow-up plan (oppfølgingsplan, NO pkt 11). */
export const FollowUpPlanContentSchema = z.object({
  template: TemplateRefSchema.optional(),
  /** Kartlegging og vurdering av risiko- og sårbarhetsfaktorer. */
  riskAndVulnerabilityFactors: LongTextSchema,
  /** Nødvendige tiltak under straffegjennomføringen. */
  measuresDuringSentence: LongTextSchema,
  /** Sikkerhetstiltak: named in NO pkt 5 and 8, not in pkt 11; kept as a section by Bro's choice. */
  securityMeasures: LongTextSchema,
  /** At løslatelse skjer forsvarlig. */
  releasePlanning: LongTextSchema,
  /** Samhandling med politi, PST og andre: who does what. */
  cooperation: LongTextSchema,
  /** Information to be shared and with whom, e.g. leave (utganger) and progression. */
  informationSharing: LongTextSchema,
  /** Arbeidsfordeling. */
  divisionOfWork: LongTextSchema,
  /** NO pkt 11: the plan is prepared without the person's participation; recording it is required. */
  preparedWithoutPersonParticipation: z.boolean().optional(),
  /** NO pkt 11: the unit head is responsible for the plan and its content. */
  responsibleUnitHead: ShortTextSchema,
  /** NO pkt 11: the radicalisation contact initiates and coordinates the work. */
  coordinatingContact: ShortTextSchema,
  /** NO pkt 11: who took part ("må radikaliseringskontakten involvere de som har kjennskap til den domfelte"). */
  involved: z
    .array(z.object({ name: ShortTextSchema, role: ShortTextSchema }))
    .max(50)
    .optional(),
  /** NO pkt 11: problems cooperating with other agencies, to be reported to KDI "omgående". */
  agencyProblems: z
    .array(
      z.object({
        notedOn: IsoDateSchema,
        agency: ShortTextSchema,
        description: LongTextSchema,
        reportedToKdiOn: IsoDateSchema.optional(),
      }),
    )
    .max(100)
    .optional(),
  /** NO pkt 11: personal-data handling and grading assessed once the plan is complete. */
  completionAssessment: z.object({
    personalDataAssessed: z.boolean(),
    gradingAssessed: z.boolean(),
    assessedOn: IsoDateSchema.optional(),
    notes: LongTextSchema,
  }),
  grading: GradingSchema,
});
export type FollowUpPlanContent = z.infer<typeof FollowUpPlanContentSchema>;
