import { describe, expect, it } from 'vitest';
import type { ConcernContent } from '../domain';
import { CONCERN_POSITION_POINTS } from '../domain';
import { newConcernDraft } from '../templates/drafts';
import { canFinalise } from './finding';
import { checkConcern } from './no-concern';
import { NO_GRADING } from './test-fixtures';

function investigated(): ConcernContent {
  const draft = newConcernDraft(NO_GRADING);
  const taken = { stance: 'needed' as const, assessment: 'Vurdert.' };
  return {
    ...draft,
    description: 'Gjentatte ytringer som støtter voldelig ekstremisme.',
    investigation: { startedOn: '2025-03-02', findings: 'Samtaler med ansatte.' },
    positions: {
      securityMeasures: taken,
      specialReporting: taken,
      changeAndMotivationWork: taken,
      infoflytRegistration: taken,
    },
  };
}

describe('NO pkt 5: concern and investigation', () => {
  it('can be finalised with a position on each of the four points', () => {
    expect(checkConcern(investigated())).toEqual([]);
  });

  it.each(CONCERN_POSITION_POINTS)('cannot be finalised without a position on %s', (point) => {
    const content = investigated();
    const findings = checkConcern({
      ...content,
      positions: { ...content.positions, [point]: { stance: 'undecided', assessment: '' } },
    });
    expect(canFinalise(findings)).toBe(false);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'no.concern.position',
        params: { point },
        citation: expect.objectContaining({ text: 'NO pkt 5' }),
      }),
    ]);
  });

  it('accepts "not needed" and "already in place" as positions, asking for reasons when none are given', () => {
    const content = investigated();
    const positions = {
      ...content.positions,
      infoflytRegistration: { stance: 'already_in_place' as const, assessment: '' },
    };
    const findings = checkConcern({ ...content, positions });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['no.concern.positionReasoning', 'warning']]);
    expect(canFinalise(findings)).toBe(true);
  });

  it('needs the concern described and the investigation recorded', () => {
    const findings = checkConcern({ ...investigated(), description: '', investigation: { findings: '' } });
    expect(findings.map((f) => f.ruleId)).toEqual(['no.concern.description', 'no.concern.investigation']);
  });

  it('blocks a fresh draft on all four points', () => {
    const findings = checkConcern(newConcernDraft(NO_GRADING)).filter((f) => f.ruleId === 'no.concern.position');
    expect(findings.map((f) => f.params.point)).toEqual([...CONCERN_POSITION_POINTS]);
  });
});
