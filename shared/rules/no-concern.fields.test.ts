// A concern's findings are shown at the answer to give (NO pkt 5): the investigation's findings, and
// the assessment of each point a position was taken on.
import { describe, expect, it } from 'vitest';
import { checkConcern } from './no-concern';
import { investigatedConcern } from './test-fixtures';

describe('NO concern findings name the answer to give', () => {
  it('points missing investigation findings at them', () => {
    const concern = investigatedConcern({ investigation: { startedOn: '2025-03-02', findings: ' ' } });
    expect(checkConcern(concern).map((f) => [f.ruleId, f.field])).toEqual([
      ['no.concern.investigation', 'investigation.findings'],
    ]);
  });

  it('points a position taken without reasons at that point’s assessment', () => {
    const base = investigatedConcern();
    const concern = {
      ...base,
      positions: { ...base.positions, specialReporting: { stance: 'not_needed' as const, assessment: '' } },
    };
    expect(checkConcern(concern).map((f) => [f.ruleId, f.field, f.params.point])).toEqual([
      ['no.concern.positionReasoning', 'positions.specialReporting.assessment', 'specialReporting'],
    ]);
  });
});

describe('NO concern without a description', () => {
  it('is pointed at the description', () => {
    expect(checkConcern(investigatedConcern({ description: ' ' }))).toStrictEqual([
      {
        ruleId: 'no.concern.description',
        severity: 'blocking',
        messageKey: 'rules.no.concern.description',
        params: {},
        citation: { source: 'NO', point: '5', text: 'NO pkt 5' },
        field: 'description',
      },
    ]);
  });
});
