import { useId } from 'react';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/vault/passphrase-policy';
import { PasswordField } from '../../components/password-field';
import { useT } from '../../app/i18n';
import type { NewPassphraseErrors } from './passphrase-checks';
import { PassphraseStrength } from './passphrase-strength';
import type { NewPassphraseInput } from './use-new-passphrase';

export interface NewPassphraseFieldsProps {
  /** From useNewPassphrase. */
  input: NewPassphraseInput;
  /** Error texts (already translated), shown after a submit attempt. */
  errors: NewPassphraseErrors;
  label?: string;
  repeatLabel?: string;
}

/** New passphrase, its repetition and the live strength hint, as one block. */
export function NewPassphraseFields({ input, errors, label, repeatLabel }: NewPassphraseFieldsProps) {
  const t = useT();
  const strengthId = `strength${useId()}`;
  return (
    <div className="field-group">
      <PasswordField
        label={label ?? t('vault.passphrase.new')}
        hint={t('vault.passphrase.hint', { min: PASSPHRASE_MIN_LENGTH })}
        autoComplete="new-password"
        value={input.passphrase}
        onChange={(event) => input.onPassphraseChange(event.target.value)}
        error={errors.passphrase}
        describedBy={strengthId}
        required
      />
      <PassphraseStrength id={strengthId} passphrase={input.passphrase} />
      <PasswordField
        label={repeatLabel ?? t('vault.passphrase.repeat')}
        autoComplete="new-password"
        value={input.repeat}
        onChange={(event) => input.onRepeatChange(event.target.value)}
        error={errors.repeat}
        required
      />
    </div>
  );
}
