import { useT } from '../app/i18n';
import { PasswordField } from './password-field';

/**
 * The PIN of the smartcard or HSM that signs this export. It lives only in the dialog's state, is
 * sent with this one export and cleared afterwards; Bro never stores it.
 */
export function TokenPinField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const t = useT();
  return (
    <PasswordField
      label={t('token.export.pin')}
      hint={t('token.export.pinHint')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      inputMode="numeric"
      data-testid="export-token-pin"
    />
  );
}
