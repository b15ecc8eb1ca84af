import { describe, expect, it } from 'vitest';
import { EMPTY_TRANSFER, transferFormValues, transferFromForm } from './transfer-form-model';

describe('transfer form', () => {
  it('needs the receiving unit and a planned date, and names the fields that are missing', () => {
    expect(transferFromForm(EMPTY_TRANSFER)).toEqual({ ok: false, fields: ['receivingUnit', 'plannedDate'] });
  });

  it('leaves empty optional dates out and refuses a date that is not one', () => {
    const values = { ...EMPTY_TRANSFER, receivingUnit: 'Nordby fengsel', plannedDate: '2026-04-01' };
    const made = transferFromForm(values);
    expect(made).toEqual({
      ok: true,
      transfer: {
        kind: 'other_unit',
        receivingUnit: 'Nordby fengsel',
        plannedDate: '2026-04-01',
        receivingContact: '',
        contactBeforeDecision: false,
      },
    });
    expect(transferFromForm({ ...values, meetingOn: '31.02.2026' })).toEqual({ ok: false, fields: ['meetingOn'] });
  });

  it('reads a saved transfer back into the same form values', () => {
    const values = {
      ...EMPTY_TRANSFER,
      receivingUnit: 'Nordby',
      plannedDate: '2026-04-01',
      decisionDate: '2026-03-20',
      contactBeforeDecision: true,
    };
    const made = transferFromForm(values);
    if (!made.ok) throw new Error('refused');
    expect(transferFormValues(made.transfer)).toEqual(values);
  });
});
