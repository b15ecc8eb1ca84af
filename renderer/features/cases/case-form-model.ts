import type { CaseStatus, Grading, GradingLevel, NewCase, Profile } from '../../../shared/domain';
import { gradingRank, isGradingOfProfile, lowestGrading } from '../../../shared/domain';
import type { CaseView } from '../../../shared/ipc/cases';
import type { IpcError } from '../../../shared/ipc/result';
import { isIsoDate } from './format';

/** The case form as typed: dates as `YYYY-MM-DD` from the date inputs, empty when not given. */
export interface CaseFormValues {
  name: string;
  birthDate: string;
  caseReference: string;
  unit: string;
  status: CaseStatus;
  expectedReleaseDate: string;
  gradingLevel: GradingLevel;
  downgradeReason: string;
}

export type CaseFormField = keyof CaseFormValues;
/** Field → message key of its error. */
export type CaseFormErrors = Partial<Record<CaseFormField, string>>;

/** Fields in screen order, to focus the first one with an error. */
export const CASE_FORM_FIELDS: readonly CaseFormField[] = [
  'name',
  'birthDate',
  'caseReference',
  'unit',
  'status',
  'expectedReleaseDate',
  'gradingLevel',
  'downgradeReason',
];

export function emptyCaseForm(profile: Profile): CaseFormValues {
  return {
    name: '',
    birthDate: '',
    caseReference: '',
    unit: '',
    status: 'fengsel',
    expectedReleaseDate: '',
    gradingLevel: lowestGrading(profile),
    downgradeReason: '',
  };
}

export function formFromCase(kase: CaseView): CaseFormValues {
  return {
    name: kase.name,
    birthDate: kase.birthDate ?? '',
    caseReference: kase.caseReference,
    unit: kase.unit,
    status: kase.status,
    expectedReleaseDate: kase.expectedReleaseDate ?? '',
    gradingLevel: kase.grading.level,
    downgradeReason: '',
  };
}

/** Lowering the case's own grading is an explicit, logged act that needs a reason (DOMAIN "Grading"). */
export function isDowngrade(profile: Profile, original: GradingLevel | undefined, next: GradingLevel): boolean {
  if (!original || !isGradingOfProfile(profile, original) || !isGradingOfProfile(profile, next)) return false;
  return gradingRank(profile, next) < gradingRank(profile, original);
}

export interface ValidationContext {
  profile: Profile;
  /** Today as `YYYY-MM-DD`. */
  today: string;
  /** The stored grading when editing; undefined for a new case. */
  originalLevel?: GradingLevel;
}

function dateError(value: string): string | undefined {
  return value !== '' && !isIsoDate(value) ? 'cases.form.error.invalidDate' : undefined;
}

/** Errors the form can see before asking the vault; uniqueness of the reference is the vault's to check. */
export function validateCaseForm(values: CaseFormValues, context: ValidationContext): CaseFormErrors {
  const errors: CaseFormErrors = {};
  if (values.name.trim() === '') errors.name = 'cases.form.error.nameRequired';
  if (values.caseReference.trim() === '') errors.caseReference = 'cases.form.error.referenceRequired';
  if (values.unit.trim() === '') errors.unit = 'cases.form.error.unitRequired';
  const birth =
    dateError(values.birthDate) ?? (values.birthDate > context.today ? 'cases.form.error.birthDateFuture' : undefined);
  if (birth) errors.birthDate = birth;
  const release =
    dateError(values.expectedReleaseDate) ??
    (values.birthDate !== '' && values.expectedReleaseDate !== '' && values.expectedReleaseDate < values.birthDate
      ? 'cases.form.error.releaseBeforeBirth'
      : undefined);
  if (release) errors.expectedReleaseDate = release;
  if (!isGradingOfProfile(context.profile, values.gradingLevel)) errors.gradingLevel = 'cases.form.error.invalid';
  if (
    isDowngrade(context.profile, context.originalLevel, values.gradingLevel) &&
    values.downgradeReason.trim() === ''
  ) {
    errors.downgradeReason = 'cases.form.error.downgradeReasonRequired';
  }
  return errors;
}

/**
 * The channel input. Optional dates are left out when empty; the case's stored "Unntatt
 * offentlighet" basis (set elsewhere, e.g. by import) is kept as it was.
 */
export function caseInput(values: CaseFormValues, original?: Grading): NewCase {
  const grading: Grading = { level: values.gradingLevel };
  if (original?.exemptionBasis) grading.exemptionBasis = original.exemptionBasis;
  const input: NewCase = {
    name: values.name.trim(),
    caseReference: values.caseReference.trim(),
    unit: values.unit.trim(),
    status: values.status,
    grading,
  };
  if (values.birthDate !== '') input.birthDate = values.birthDate;
  if (values.expectedReleaseDate !== '') input.expectedReleaseDate = values.expectedReleaseDate;
  return input;
}

/** The vault's field paths ("grading.level") mapped to the form's fields. */
const SERVER_FIELD: Readonly<Record<string, CaseFormField>> = {
  name: 'name',
  birthDate: 'birthDate',
  caseReference: 'caseReference',
  unit: 'unit',
  status: 'status',
  expectedReleaseDate: 'expectedReleaseDate',
  grading: 'gradingLevel',
  'grading.level': 'gradingLevel',
  'grading.exemptionBasis': 'gradingLevel',
  downgradeReason: 'downgradeReason',
};

/**
 * Inline errors from a refused save: `already_exists` on the reference is a duplicate; any other
 * named field is marked as not filled in correctly. Unnamed failures stay a message above the form.
 */
export function fieldErrorsFromServer(error: IpcError): CaseFormErrors {
  const errors: CaseFormErrors = {};
  for (const path of error.fields ?? []) {
    const field = SERVER_FIELD[path] ?? SERVER_FIELD[path.split('.')[0] ?? ''];
    if (!field || errors[field]) continue;
    errors[field] =
      error.code === 'already_exists' && field === 'caseReference'
        ? 'cases.form.error.referenceTaken'
        : field === 'downgradeReason'
          ? 'cases.form.error.downgradeReasonRequired'
          : 'cases.form.error.invalid';
  }
  if (error.code === 'already_exists' && !errors.caseReference && (error.fields ?? []).length === 0) {
    errors.caseReference = 'cases.form.error.referenceTaken';
  }
  return errors;
}

export function firstErrorField(errors: CaseFormErrors): CaseFormField | undefined {
  return CASE_FORM_FIELDS.find((field) => errors[field] !== undefined);
}
