import { describe, expect, it } from 'vitest';
import { afterShellPrint } from './print-outcome';

const answered = (outcome: 'printed' | 'cancelled' | 'failed' | 'unavailable') =>
  afterShellPrint({ ok: true, value: { outcome } });

describe('the print screen after the Print button', () => {
  it('returns quietly to the preview after a print and after a cancelled print dialog', () => {
    expect(answered('printed')).toBe('done');
    expect(answered('cancelled')).toBe('done');
  });

  it('prints the page where the shell cannot print (the browser shell)', () => {
    expect(answered('unavailable')).toBe('printPage');
  });

  it('warns when the print failed, with the refusal when the service refused', () => {
    expect(answered('failed')).toEqual({ error: null });
    const refused = { code: 'rule_blocked', messageKey: 'export.gradingTooLow' } as const;
    expect(afterShellPrint({ ok: false, error: refused })).toEqual({ error: refused });
  });
});
