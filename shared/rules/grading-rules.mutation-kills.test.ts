// Issue 17: `>=` turned into `>` in grading-rules.ts was caught only by a service test. These name the
// two boundaries: an export graded exactly as required, and a change that keeps the grading.
import { describe, expect, it } from 'vitest';
import { CITATIONS } from './citations';
import { checkExportGrading, checkGradingChange, checkGradingOfProfile, requiredExportGrading } from './grading-rules';

describe('grading boundaries', () => {
  it('accepts an export graded exactly as its highest content, in both profiles', () => {
    expect(checkExportGrading('NO', { level: 'KONFIDENSIELT' }, [{ level: 'KONFIDENSIELT' }])).toEqual([]);
    expect(checkExportGrading('DK', { level: 'FORTROLIGT' }, [{ level: 'FORTROLIGT' }])).toEqual([]);
  });

  it('does not treat keeping the same grading as a downgrade needing a reason', () => {
    expect(checkGradingChange('NO', { from: { level: 'BEGRENSET' }, to: { level: 'BEGRENSET' } })).toEqual([]);
    expect(checkGradingChange('DK', { from: { level: 'FORTROLIGT' }, to: { level: 'FORTROLIGT' } })).toEqual([]);
  });
});

describe('grading findings point at the field a coordinator has to change', () => {
  it('names the grading field, with the citation of the vault’s scale, when a grading is of the other profile', () => {
    const [dk] = checkGradingOfProfile('DK', { level: 'BEGRENSET' });
    expect(dk).toMatchObject({
      ruleId: 'dk.grading.profile',
      field: 'grading',
      severity: 'blocking',
      params: { level: 'BEGRENSET', profile: 'DK' },
      citation: CITATIONS.localGradingScaleDk,
    });
    const [no] = checkGradingOfProfile('NO', { level: 'FORTROLIGT' });
    expect(no).toMatchObject({ ruleId: 'no.grading.profile', field: 'grading', citation: CITATIONS.no7 });
  });

  it('names the grading field when an export is graded too low', () => {
    const [finding] = checkExportGrading('NO', { level: 'UGRADERT' }, [{ level: 'BEGRENSET' }]);
    expect(finding).toMatchObject({ ruleId: 'grading.exportTooLow', field: 'grading' });
  });

  it('names the reason field when a downgrade has no reason, and when it is logged', () => {
    const change = { from: { level: 'FORTROLIGT' as const }, to: { level: 'TIL TJENESTEBRUG' as const } };
    expect(checkGradingChange('DK', change)).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect(checkGradingChange('DK', { ...change, reason: 'Frigivet.' })).toEqual([
      expect.objectContaining({ ruleId: 'grading.downgrade', field: 'reason' }),
    ]);
  });
});

describe('a grading of the other profile is refused, never compared', () => {
  it('leaves a content grading of the other profile out of the required export grading', () => {
    expect(requiredExportGrading('NO', [{ level: 'FORTROLIGT' }, { level: 'BEGRENSET' }])).toBe('BEGRENSET');
  });

  it('refuses a change from or to a grading of the other profile with the profile finding alone', () => {
    const from = checkGradingChange('NO', { from: { level: 'FORTROLIGT' }, to: { level: 'BEGRENSET' } });
    expect(from.map((f) => [f.ruleId, f.params.level])).toEqual([['no.grading.profile', 'FORTROLIGT']]);
    const to = checkGradingChange('NO', { from: { level: 'KONFIDENSIELT' }, to: { level: 'HEMMELIGT' } });
    expect(to.map((f) => [f.ruleId, f.params.level])).toEqual([['no.grading.profile', 'HEMMELIGT']]);
  });
});
