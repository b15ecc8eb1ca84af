import type {
  CaseStatus,
  Grading,
  GradingLevel,
  Infoflyt,
  NewCase,
  Profile,
  TargetGroupReason,
} from '../../../shared/domain';
import { gradingRank, isGradingOfProfile, lowestGrading } from '../../../shared/domain';
import type { CaseView } from '../../../shared/ipc/cases';
import type { IpcError } from '../../../shared/ipc/result';
import { isIsoDate } from '../../lib/format';

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
  /** NO pkt 12, 1 and 7 (a NO vault only): arrival, why in the target group, Infoflyt and the request to KDI. */
  arrivalDate: string;
  targetGroupReason: '' | TargetGroupReason;
  targetGroupGrounds: string;
  infoflytStatus: '' | Infoflyt['status'];
  infoflytRequestSentOn: string;
  infoflytRequestReason: string;
  infoflytRegisteredOn: string;
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
  'arrivalDate',
  'targetGroupReason',
  'targetGroupGrounds',
  'infoflytStatus',
  'infoflytRequestSentOn',
  'infoflytRequestReason',
  'infoflytRegisteredOn',
];

const NO_RECORD_EMPTY = {
  arrivalDate: '',
  targetGroupReason: '',
  targetGroupGrounds: '',
  infoflytStatus: '',
  infoflytRequestSentOn: '',
  infoflytRequestReason: '',
  infoflytRegisteredOn: '',
} as const satisfies Partial<CaseFormValues>;

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
    ...NO_RECORD_EMPTY,
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
    arrivalDate: kase.arrivalDate ?? '',
    targetGroupReason: kase.targetGroup?.reason ?? '',
    targetGroupGrounds: kase.targetGroup?.grounds ?? '',
    infoflytStatus: kase.infoflyt?.status ?? '',
    infoflytRequestSentOn: kase.infoflyt?.requestSentOn ?? '',
    infoflytRequestReason: kase.infoflyt?.requestReason ?? '',
    infoflytRegisteredOn: kase.infoflyt?.registeredOn ?? '',
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
  for (const field of ['arrivalDate', 'infoflytRequestSentOn', 'infoflytRegisteredOn'] as const) {
    const invalid = dateError(values[field]);
    if (invalid) errors[field] = invalid;
  }
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
  return withNoRecords(input, values);
}

/** NO pkt 12, 1 and 7: written only when something is given, so a DK case or an untouched one stays as it was. */
function withNoRecords(input: NewCase, values: CaseFormValues): NewCase {
  if (values.arrivalDate !== '') input.arrivalDate = values.arrivalDate;
  if (values.targetGroupReason !== '' || values.targetGroupGrounds.trim() !== '') {
    input.targetGroup = { grounds: values.targetGroupGrounds.trim() };
    if (values.targetGroupReason !== '') input.targetGroup.reason = values.targetGroupReason;
  }
  if (values.infoflytStatus !== '') {
    const infoflyt: Infoflyt = { status: values.infoflytStatus, requestReason: values.infoflytRequestReason.trim() };
    if (values.infoflytRequestSentOn !== '') infoflyt.requestSentOn = values.infoflytRequestSentOn;
    if (values.infoflytRegisteredOn !== '') infoflyt.registeredOn = values.infoflytRegisteredOn;
    input.infoflyt = infoflyt;
  }
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
  arrivalDate: 'arrivalDate',
  targetGroup: 'targetGroupReason',
  'targetGroup.reason': 'targetGroupReason',
  'targetGroup.grounds': 'targetGroupGrounds',
  infoflyt: 'infoflytStatus',
  'infoflyt.status': 'infoflytStatus',
  'infoflyt.requestSentOn': 'infoflytRequestSentOn',
  'infoflyt.requestReason': 'infoflytRequestReason',
  'infoflyt.registeredOn': 'infoflytRegisteredOn',
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
