import { describe, expect, it } from 'vitest';
import { NewMentorSchema } from '../../../shared/domain/mentor';
import { EMPTY_MENTOR_FORM, formFromMentor, mentorFromForm } from './mentor-form-model';

describe('the mentor form', () => {
  it('turns a form with only a name into a valid record with nothing recorded', () => {
    const mentor = mentorFromForm({ ...EMPTY_MENTOR_FORM, name: ' Kari Fiktiv ' });
    expect(NewMentorSchema.safeParse(mentor).success).toBe(true);
    expect(mentor).toMatchObject({ name: 'Kari Fiktiv', languages: [], employment: { isStaff: false, unit: '' } });
    expect(mentor.birthDate).toBeUndefined();
    expect(mentor.understandsAndSpeaksDanish).toBeUndefined();
  });

  it('keeps a "no" apart from "not recorded"', () => {
    const mentor = mentorFromForm({
      ...EMPTY_MENTOR_FORM,
      name: 'Kari Fiktiv',
      understandsAndSpeaksDanish: 'no',
      willingToCooperate: 'yes',
    });
    expect(mentor.understandsAndSpeaksDanish).toBe(false);
    expect(mentor.willingToCooperate).toBe(true);
    expect(mentor.willingToDocument).toBeUndefined();
  });

  it('splits languages on commas and drops the workplace of a mentor who is not staff', () => {
    const mentor = mentorFromForm({
      ...EMPTY_MENTOR_FORM,
      name: 'Ola Testmann',
      languages: 'norsk, arabisk;; somali ',
      unit: 'Testfengsel',
    });
    expect(mentor.languages).toEqual(['norsk', 'arabisk', 'somali']);
    expect(mentor.employment.unit).toBe('');
  });

  it('round-trips a complete record', () => {
    const form = {
      ...EMPTY_MENTOR_FORM,
      name: 'Jens Opdigtet',
      birthDate: '1979-02-28',
      languages: 'dansk, engelsk',
      understandsAndSpeaksDanish: 'yes' as const,
      isStaff: true,
      unit: 'KiF Testby',
      consentDate: '2026-01-02',
      checkedOn: '2026-01-05',
      result: 'registered' as const,
      suitabilityReasoning: 'Gammel sag, ingen gentagelse.',
      policePresentedOn: '2026-01-03',
      policeComprehensive: 'yes' as const,
      confidentialitySignedOn: '2026-01-04',
      trainingCompletedOn: '2026-02-01',
    };
    const mentor = NewMentorSchema.parse(mentorFromForm(form));
    expect(formFromMentor(mentor)).toEqual(form);
  });
});
