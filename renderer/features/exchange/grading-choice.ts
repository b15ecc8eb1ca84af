import { DK_GRADINGS, NO_GRADINGS, type Grading, type GradingLevel } from '../../../shared/domain/grading';

/** The scale a level belongs to (a vault holds one profile's levels only). */
export function scaleOf(level: GradingLevel): readonly GradingLevel[] {
  return (NO_GRADINGS as readonly GradingLevel[]).includes(level) ? NO_GRADINGS : DK_GRADINGS;
}

/**
 * The levels an export may carry: from the higher of the version's own grading and the highest grading
 * of its contents, upwards. An export is never graded lower than what it holds.
 */
export function exportLevels(own: GradingLevel, minimum: GradingLevel): GradingLevel[] {
  const scale = scaleOf(own);
  const floor = Math.max(scale.indexOf(own), scale.indexOf(minimum));
  return scale.slice(Math.max(floor, 0));
}

/** The grading to send: none when it is the version's own (the service then uses it), else the raised one. */
export function gradingToSend(own: Grading, chosen: GradingLevel): Grading | undefined {
  if (chosen === own.level) return undefined;
  return own.exemptionBasis ? { level: chosen, exemptionBasis: own.exemptionBasis } : { level: chosen };
}
