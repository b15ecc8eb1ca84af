import type { NewMentor } from '../../../shared/domain/mentor';

/** A yes/no fact that may not be recorded yet (absent means "not recorded", which the rules treat as not met). */
export type TriState = 'unknown' | 'yes' | 'no';

/** The mentor form as the inputs hold it: text, dates as "YYYY-MM-DD" or empty, facts as TriState. */
export interface MentorForm {
  name: string;
  phone: string;
  email: string;
  address: string;
  birthDate: string;
  languages: string;
  understandsAndSpeaksDanish: TriState;
  willingToCooperate: TriState;
  willingToDocument: TriState;
  isStaff: boolean;
  unit: string;
  consentDate: string;
  checkedOn: string;
  result: '' | 'not_registered' | 'registered';
  suitabilityReasoning: string;
  policePresentedOn: string;
  policeComprehensive: TriState;
  confidentialitySignedOn: string;
  /** NO pkt 13.5 / DK § 8, stk. 2, and DK § 8, stk. 1: the days the mentor acknowledged the duties. */
  notifyDutyOn: string;
  confidentialityDutyOn: string;
  trainingCompletedOn: string;
  trainingNotes: string;
  notes: string;
}

export const EMPTY_MENTOR_FORM: MentorForm = {
  name: '',
  phone: '',
  email: '',
  address: '',
  birthDate: '',
  languages: '',
  understandsAndSpeaksDanish: 'unknown',
  willingToCooperate: 'unknown',
  willingToDocument: 'unknown',
  isStaff: false,
  unit: '',
  consentDate: '',
  checkedOn: '',
  result: '',
  suitabilityReasoning: '',
  policePresentedOn: '',
  policeComprehensive: 'unknown',
  confidentialitySignedOn: '',
  notifyDutyOn: '',
  confidentialityDutyOn: '',
  trainingCompletedOn: '',
  trainingNotes: '',
  notes: '',
};

function tri(value: boolean | undefined): TriState {
  return value === undefined ? 'unknown' : value ? 'yes' : 'no';
}

function bool(value: TriState): boolean | undefined {
  return value === 'unknown' ? undefined : value === 'yes';
}

/** A date input's value, or undefined ("not recorded") when empty. */
function dateOf(value: string): string | undefined {
  return value.trim() || undefined;
}

export function formFromMentor(mentor: NewMentor): MentorForm {
  const check = mentor.criminalRecordCheck;
  return {
    name: mentor.name,
    phone: mentor.phone,
    email: mentor.email,
    address: mentor.address,
    birthDate: mentor.birthDate ?? '',
    languages: mentor.languages.join(', '),
    understandsAndSpeaksDanish: tri(mentor.understandsAndSpeaksDanish),
    willingToCooperate: tri(mentor.willingToCooperate),
    willingToDocument: tri(mentor.willingToDocument),
    isStaff: mentor.employment.isStaff,
    unit: mentor.employment.unit,
    consentDate: check.writtenConsentDate ?? '',
    checkedOn: check.checkedOn ?? '',
    result: check.result ?? '',
    suitabilityReasoning: check.suitabilityReasoning,
    policePresentedOn: mentor.policeCertificate.presentedOn ?? '',
    policeComprehensive: tri(mentor.policeCertificate.comprehensive),
    confidentialitySignedOn: mentor.confidentialityDeclarationSignedOn ?? '',
    notifyDutyOn: mentor.dutiesAcknowledged?.notifyDutyOn ?? '',
    confidentialityDutyOn: mentor.dutiesAcknowledged?.confidentialityDutyOn ?? '',
    trainingCompletedOn: mentor.training.completedOn ?? '',
    trainingNotes: mentor.training.notes,
    notes: mentor.notes,
  };
}

export function mentorFromForm(form: MentorForm): NewMentor {
  return {
    name: form.name.trim(),
    phone: form.phone.trim(),
    email: form.email.trim(),
    address: form.address.trim(),
    birthDate: dateOf(form.birthDate),
    languages: form.languages
      .split(/[,;]/)
      .map((language) => language.trim())
      .filter(Boolean),
    understandsAndSpeaksDanish: bool(form.understandsAndSpeaksDanish),
    willingToCooperate: bool(form.willingToCooperate),
    willingToDocument: bool(form.willingToDocument),
    employment: { isStaff: form.isStaff, unit: form.isStaff ? form.unit.trim() : '' },
    criminalRecordCheck: {
      writtenConsentDate: dateOf(form.consentDate),
      checkedOn: dateOf(form.checkedOn),
      result: form.result || undefined,
      suitabilityReasoning: form.suitabilityReasoning,
    },
    policeCertificate: { presentedOn: dateOf(form.policePresentedOn), comprehensive: bool(form.policeComprehensive) },
    confidentialityDeclarationSignedOn: dateOf(form.confidentialitySignedOn),
    dutiesAcknowledged: {
      notifyDutyOn: dateOf(form.notifyDutyOn),
      confidentialityDutyOn: dateOf(form.confidentialityDutyOn),
    },
    training: { completedOn: dateOf(form.trainingCompletedOn), notes: form.trainingNotes },
    notes: form.notes,
  };
}
