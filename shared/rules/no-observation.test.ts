import { describe, expect, it } from 'vitest';
import { newObservationDraft } from '../templates/drafts';
import { checkObservation } from './no-observation';
import { NO_GRADING } from './test-fixtures';

describe('NO pkt 4: observation log', () => {
  const complete = {
    ...newObservationDraft(NO_GRADING),
    observedAt: '2025-03-01T14:30:00+01:00',
    observer: 'Kari Fiktiv',
    seenOrHeard: 'Tegnet et symbol på cellevinduet.',
    source: 'own_observation' as const,
  };

  it('accepts an entry with time, observer, what was seen and its source', () => {
    expect(checkObservation(complete)).toEqual([]);
  });

  it('blocks an entry without time, observer or content, and warns without a source', () => {
    const findings = checkObservation(newObservationDraft(NO_GRADING));
    expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual([
      ['no.observation.when', 'blocking', 'NO pkt 4'],
      ['no.observation.observer', 'blocking', 'NO pkt 4'],
      ['no.observation.what', 'blocking', 'NO pkt 4'],
      ['no.observation.source', 'warning', 'NO pkt 4'],
    ]);
  });
});
