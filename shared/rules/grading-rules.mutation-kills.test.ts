// Issue 17: `>=` turned into `>` in grading-rules.ts was caught only by a service test. These name the
// two boundaries: an export graded exactly as required, and a change that keeps the grading.
import { describe, expect, it } from 'vitest';
import { checkExportGrading, checkGradingChange } from './grading-rules';

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
