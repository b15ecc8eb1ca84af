import type { ObservationContent } from '../domain';
import { isFilled } from '../domain';
import { CITATIONS } from './citations';
import { defineRule, emit, type Finding } from './finding';

/** NO pkt 4: observations that may point to radicalisation are documented in writing. */
export const NO_OBSERVATION_RULES = {
  when: defineRule('no.observation.when', 'rules.no.observation.when', CITATIONS.no4, 'blocking'),
  observer: defineRule('no.observation.observer', 'rules.no.observation.observer', CITATIONS.no4, 'blocking'),
  what: defineRule('no.observation.what', 'rules.no.observation.what', CITATIONS.no4, 'blocking'),
  source: defineRule('no.observation.source', 'rules.no.observation.source', CITATIONS.no4, 'warning'),
} as const;

const R = NO_OBSERVATION_RULES;

export function checkObservation(content: ObservationContent): Finding[] {
  const findings: Finding[] = [];
  if (!content.observedAt) findings.push(emit(R.when, { field: 'observedAt' }));
  if (!isFilled(content.observer)) findings.push(emit(R.observer, { field: 'observer' }));
  if (!isFilled(content.seenOrHeard)) findings.push(emit(R.what, { field: 'seenOrHeard' }));
  if (!content.source) findings.push(emit(R.source, { field: 'source' }));
  return findings;
}
