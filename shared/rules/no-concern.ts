import type { ConcernContent } from '../domain';
import { CONCERN_POSITION_POINTS, isFilled } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/** NO pkt 5: a concern is investigated, and a position is taken on each of four points. */
export const NO_CONCERN_RULES = {
  description: defineRule('no.concern.description', 'rules.no.concern.description', CITATIONS.no5, 'blocking'),
  investigation: defineRule('no.concern.investigation', 'rules.no.concern.investigation', CITATIONS.no5, 'blocking'),
  position: defineRule('no.concern.position', 'rules.no.concern.position', CITATIONS.no5, 'blocking'),
  reasoning: defineRule('no.concern.positionReasoning', 'rules.no.concern.positionReasoning', CITATIONS.no5, 'warning'),
} as const;

const R = NO_CONCERN_RULES;

/** Blocks finalising the investigation until every one of the four points has a position. */
export function checkConcern(content: ConcernContent): Finding[] {
  const findings: Finding[] = [];
  if (!isFilled(content.description)) findings.push(emit(R.description, { field: 'description' }));
  if (!isFilled(content.investigation.findings))
    findings.push(emit(R.investigation, { field: 'investigation.findings' }));
  for (const point of CONCERN_POSITION_POINTS) {
    const position = content.positions[point];
    const field = `positions.${point}`;
    if (position.stance === 'undecided') findings.push(emit(R.position, { field, params: { point } }));
    else if (!isFilled(position.assessment))
      findings.push(emit(R.reasoning, { field: `${field}.assessment`, params: { point } }));
  }
  return findings;
}
