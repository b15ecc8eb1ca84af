import { assessPassphrase, PASSPHRASE_MIN_LENGTH } from '../../../shared/vault/passphrase-policy';
import type { Translate } from '../../app/i18n';

export interface NewPassphraseErrors {
  passphrase?: string;
  repeat?: string;
}

/** Message keys for a new passphrase typed twice; empty when it may be submitted. */
export function checkNewPassphrase(passphrase: string, repeat: string): NewPassphraseErrors {
  const errors: NewPassphraseErrors = {};
  const problem = assessPassphrase(passphrase).problems[0];
  if (passphrase.length === 0) errors.passphrase = 'vault.passphrase.required';
  else if (problem) errors.passphrase = problem;
  if (passphrase.length > 0 && repeat !== passphrase) errors.repeat = 'vault.passphrase.mismatch';
  return errors;
}

/** Translates the keys from checkNewPassphrase (the length rule needs its minimum). */
export function translateNewPassphraseErrors(t: Translate, errors: NewPassphraseErrors): NewPassphraseErrors {
  return {
    ...(errors.passphrase ? { passphrase: t(errors.passphrase, { min: PASSPHRASE_MIN_LENGTH }) } : {}),
    ...(errors.repeat ? { repeat: t(errors.repeat) } : {}),
  };
}
