import { useId } from 'react';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/vault/passphrase-policy';
import { PasswordField } from '../../components/password-field';
import { useT } from '../../app/i18n';
import type { NewPassphraseErrors } from './passphrase-checks';
import { PassphraseStrength } from './passphrase-strength';

export interface NewPassphraseFieldsProps {
  passphrase: string;
  repeat: string;
  onPassphraseChange(value: string): void;
  onRepeatChange(value: string): void;
  /** Error texts (already translated), shown after a submit attempt. */
  errors: NewPassphraseErrors;
  label?: string;
  repeatLabel?: string;
}

/** New passphrase, its repetition and the live strength hint, as one block. */
export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const t = useT();
  const strengthId = `strength${useId()}`;
  return (
    <div className="field-group">
      <PasswordField
        label={props.label ?? t('vault.passphrase.new')}
        hint={t('vault.passphrase.hint', { min: PASSPHRASE_MIN_LENGTH })}
        autoComplete="new-password"
        value={props.passphrase}
        onChange={(event) => props.onPassphraseChange(event.target.value)}
        error={props.errors.passphrase}
        describedBy={strengthId}
        required
      />
      <PassphraseStrength id={strengthId} passphrase={props.passphrase} />
      <PasswordField
        label={props.repeatLabel ?? t('vault.passphrase.repeat')}
        autoComplete="new-password"
        value={props.repeat}
        onChange={(event) => props.onRepeatChange(event.target.value)}
        error={props.errors.repeat}
        required
      />
    </div>
  );
}
