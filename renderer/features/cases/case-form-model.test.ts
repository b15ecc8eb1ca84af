import { describe, expect, it } from 'vitest';
import {
  caseInput,
  emptyCaseForm,
  fieldErrorsFromServer,
  firstErrorField,
  formFromCase,
  isDowngrade,
  validateCaseForm,
  type CaseFormValues,
} from './case-form-model';

const filled: CaseFormValues = {
  ...emptyCaseForm('NO'),
  name: 'Ola Testmann',
  caseReference: 'K-2026-0001',
  unit: 'Fiktiv fengsel',
  birthDate: '1990-05-17',
  expectedReleaseDate: '2027-03-01',
};
const context = { profile: 'NO' as const, today: '2026-06-01' };

describe('case form checks before saving', () => {
  it('accepts a complete case', () => {
    expect(validateCaseForm(filled, context)).toEqual({});
  });

  it('asks for name, case reference and unit, and focuses the name first', () => {
    const errors = validateCaseForm({ ...filled, name: ' ', caseReference: '', unit: '' }, context);
    expect(errors).toEqual({
      name: 'cases.form.error.nameRequired',
      caseReference: 'cases.form.error.referenceRequired',
      unit: 'cases.form.error.unitRequired',
    });
    expect(firstErrorField(errors)).toBe('name');
  });

  it('refuses a birth date in the future and a release before birth', () => {
    expect(validateCaseForm({ ...filled, birthDate: '2030-01-01', expectedReleaseDate: '' }, context)).toEqual({
      birthDate: 'cases.form.error.birthDateFuture',
    });
    expect(validateCaseForm({ ...filled, expectedReleaseDate: '1980-01-01' }, context)).toEqual({
      expectedReleaseDate: 'cases.form.error.releaseBeforeBirth',
    });
  });

  it('refuses a grading from the other profile', () => {
    expect(validateCaseForm({ ...filled, gradingLevel: 'FORTROLIGT' }, context)).toEqual({
      gradingLevel: 'cases.form.error.invalid',
    });
  });

  it('needs a reason only when the case grading is lowered', () => {
    const lowered = { ...filled, gradingLevel: 'UGRADERT' as const };
    expect(isDowngrade('NO', 'KONFIDENSIELT', 'UGRADERT')).toBe(true);
    expect(isDowngrade('NO', 'UGRADERT', 'KONFIDENSIELT')).toBe(false);
    expect(validateCaseForm(lowered, { ...context, originalLevel: 'KONFIDENSIELT' })).toEqual({
      downgradeReason: 'cases.form.error.downgradeReasonRequired',
    });
    expect(
      validateCaseForm(
        { ...lowered, downgradeReason: 'Vurdert på nytt' },
        { ...context, originalLevel: 'KONFIDENSIELT' },
      ),
    ).toEqual({});
  });
});

describe('case form input for the vault', () => {
  it('leaves out empty dates and trims the text', () => {
    const input = caseInput({ ...filled, name: ' Kari Fiktiv ', birthDate: '', expectedReleaseDate: '' });
    expect(input).toEqual({
      name: 'Kari Fiktiv',
      caseReference: 'K-2026-0001',
      unit: 'Fiktiv fengsel',
      status: 'fengsel',
      grading: { level: 'UGRADERT' },
    });
  });

  it('keeps a stored "Unntatt offentlighet" basis it does not show', () => {
    const input = caseInput(filled, { level: 'BEGRENSET', exemptionBasis: 'offl. § 13, jf. fvl. § 13' });
    expect(input.grading).toEqual({ level: 'UGRADERT', exemptionBasis: 'offl. § 13, jf. fvl. § 13' });
  });

  it('shows a duplicate case reference on the reference field', () => {
    const error = {
      code: 'already_exists' as const,
      messageKey: 'error.case_reference_taken',
      fields: ['caseReference'],
    };
    expect(fieldErrorsFromServer(error)).toEqual({ caseReference: 'cases.form.error.referenceTaken' });
  });

  it('marks the fields the vault refused, by their paths', () => {
    const error = {
      code: 'invalid_input' as const,
      messageKey: 'error.invalid_input',
      fields: ['grading.level', 'birthDate', 'somethingElse'],
    };
    expect(fieldErrorsFromServer(error)).toEqual({
      gradingLevel: 'cases.form.error.invalid',
      birthDate: 'cases.form.error.invalid',
    });
  });
});

describe('NO pkt 1, 7 and 12 records on the case form', () => {
  it('writes nothing of them while they are empty, so a DK case stays as it was', () => {
    const input = caseInput(filled);
    expect(input).not.toHaveProperty('arrivalDate');
    expect(input).not.toHaveProperty('targetGroup');
    expect(input).not.toHaveProperty('infoflyt');
  });

  it('keeps arrival, target group and the Infoflyt request through an edit', () => {
    const values: CaseFormValues = {
      ...filled,
      arrivalDate: '2026-05-02',
      targetGroupReason: 'vulnerable',
      targetGroupGrounds: ' Observasjoner fra avdelingen. ',
      infoflytStatus: 'requested',
      infoflytRequestSentOn: '2026-05-10',
      infoflytRequestReason: 'Behov for informasjonsdeling med PST.',
    };
    const input = caseInput(values);
    expect(input).toMatchObject({
      arrivalDate: '2026-05-02',
      targetGroup: { reason: 'vulnerable', grounds: 'Observasjoner fra avdelingen.' },
      infoflyt: {
        status: 'requested',
        requestSentOn: '2026-05-10',
        requestReason: 'Behov for informasjonsdeling med PST.',
      },
    });
    const again = formFromCase({ ...input, id: '0f1e2d3c-4b5a-4968-8776-655443322110' } as never);
    expect(caseInput(again)).toEqual(input);
  });

  it('refuses an arrival date that is not a date', () => {
    expect(validateCaseForm({ ...filled, arrivalDate: '2026-02-30' }, context).arrivalDate).toBe(
      'cases.form.error.invalidDate',
    );
  });
});
