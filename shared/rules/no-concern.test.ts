import { describe, expect, it } from 'vitest';
import { CONCERN_POSITION_POINTS } from '../domain';
import { newConcernDraft } from '../templates/drafts';
import { canFinalise } from './finding';
import { checkConcern } from './no-concern';
import { investigatedConcern, NO_GRADING } from './test-fixtures';

describe('NO pkt 5: concern and investigation', () => {
  it('can be finalised with a position on each of the four points', () => {
    expect(checkConcern(investigatedConcern())).toEqual([]);
  });

  it.each(CONCERN_POSITION_POINTS)('cannot be finalised without a position on %s', (point) => {
    const content = investigatedConcern();
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
    const content = investigatedConcern();
    const positions = {
      ...content.positions,
      infoflytRegistration: { stance: 'already_in_place' as const, assessment: '' },
    };
    const findings = checkConcern({ ...content, positions });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['no.concern.positionReasoning', 'warning']]);
    expect(canFinalise(findings)).toBe(true);
  });

  it('needs the concern described and the investigation recorded', () => {
    const findings = checkConcern({ ...investigatedConcern(), description: '', investigation: { findings: '' } });
    expect(findings.map((f) => f.ruleId)).toEqual(['no.concern.description', 'no.concern.investigation']);
  });

  it('blocks a fresh draft on all four points', () => {
    const findings = checkConcern(newConcernDraft(NO_GRADING)).filter((f) => f.ruleId === 'no.concern.position');
    expect(findings.map((f) => f.params.point)).toEqual([...CONCERN_POSITION_POINTS]);
  });
});
