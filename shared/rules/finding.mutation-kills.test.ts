// What stops a document being finalised (its blocking findings), and which citations are Bro's own
// practice rather than a provision.
import { describe, expect, it } from 'vitest';
import { newObservationDraft } from '../templates/drafts';
import { CITATIONS } from './citations';
import { blockingFindings, isLocalPractice } from './finding';
import { checkObservation } from './no-observation';
import { NO_GRADING } from './test-fixtures';

describe('the findings that block finalising', () => {
  it('are the blocking ones only, in order, without the warnings', () => {
    const findings = checkObservation(newObservationDraft(NO_GRADING));
    expect(blockingFindings(findings).map((f) => [f.ruleId, f.severity, f.field])).toEqual([
      ['no.observation.when', 'blocking', 'observedAt'],
      ['no.observation.observer', 'blocking', 'observer'],
      ['no.observation.what', 'blocking', 'seenOrHeard'],
    ]);
  });

  it('are none when only warnings remain', () => {
    const onlySource = { ...newObservationDraft(NO_GRADING), observedAt: '2025-03-01T14:30:00+01:00' };
    const findings = checkObservation({ ...onlySource, observer: 'Kari Fiktiv', seenOrHeard: 'Et symbol.' });
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
    expect(blockingFindings(findings)).toEqual([]);
  });
});

describe('Bro’s own practice', () => {
  it('is told apart from a Norwegian or Danish provision', () => {
    expect(isLocalPractice(CITATIONS.localReleaseLead)).toBe(true);
    expect(isLocalPractice(CITATIONS.localGrading)).toBe(true);
    expect(isLocalPractice(CITATIONS.no12)).toBe(false);
    expect(isLocalPractice(CITATIONS.dk1_2)).toBe(false);
  });
});
