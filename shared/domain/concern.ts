import { z } from 'zod';
import { GradingSchema } from './grading';
import { IdSchema, IsoDateSchema, LongTextSchema } from './common';

/** What the concern rests on (NO pkt 5): observations, a judgment or ruling, or information from others. */
export const ConcernBasisSchema = z.enum(['observations', 'judgment', 'information_from_others']);
export type ConcernBasis = z.infer<typeof ConcernBasisSchema>;

/**
 * A position taken on one of the four points of NO pkt 5. `undecided` is the draft state; any other
 * stance counts as having taken a position.
 */
export const StanceSchema = z.enum(['undecided', 'needed', 'not_needed', 'already_in_place']);
export type Stance = z.infer<typeof StanceSchema>;

export const PositionSchema = z.object({
  stance: StanceSchema,
  assessment: LongTextSchema,
});
export type Position = z.infer<typeof PositionSchema>;

/** The four points NO pkt 5 requires a position on, in the guideline's order. */
export const CONCERN_POSITION_POINTS = [
  'securityMeasures',
  'specialReporting',
  'changeAndMotivationWork',
  'infoflytRegistration',
] as const;
export type ConcernPositionPoint = (typeof CONCERN_POSITION_POINTS)[number];

export const ConcernPositionsSchema = z.object({
  /** Unit / security level for the rest of the sentence or remand, and control measures. */
  securityMeasures: PositionSchema,
  /** Need for special reporting and documentation. */
  specialReporting: PositionSchema,
  /** Starting change and motivation work. */
  changeAndMotivationWork: PositionSchema,
  /** Registration in Infoflyt if not already done (KDI registers; a unit sends a request, NO pkt 7). */
  infoflytRegistration: PositionSchema,
});

/** A concern and its investigation (bekymring / undersøkelse, NO pkt 5). */
export const ConcernContentSchema = z.object({
  raisedOn: IsoDateSchema.optional(),
  basis: ConcernBasisSchema.optional(),
  description: LongTextSchema,
  /** Observation log entries the concern builds on. */
  observationIds: z.array(IdSchema).max(500),
  investigation: z.object({
    startedOn: IsoDateSchema.optional(),
    findings: LongTextSchema,
  }),
  positions: ConcernPositionsSchema,
  grading: GradingSchema,
});
export type ConcernContent = z.infer<typeof ConcernContentSchema>;

export function emptyPosition(): Position {
  return { stance: 'undecided', assessment: '' };
}
