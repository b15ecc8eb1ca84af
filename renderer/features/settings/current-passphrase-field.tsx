import type { IpcError } from '../../../shared/ipc/result';
import { useI18n, type Translate } from '../../app/i18n';
import { PasswordField } from '../../components/password-field';
import { checkNewPassphrase, translateNewPassphraseErrors } from '../vault/passphrase-checks';

/** The fields of a form that replaces the passphrase: changing it, or rotating the data key. */
export type ReplacePassphraseField = 'current' | 'passphrase' | 'repeat';
type FieldErrors = Partial<Record<ReplacePassphraseField, string>>;

/** What the form can tell before asking the vault: the current one given, the new one sound and new. */
export function localReplaceErrors(t: Translate, current: string, passphrase: string, repeat: string): FieldErrors {
  return {
    ...(current === '' ? { current: t('settings.passphrase.currentRequired') } : {}),
    ...translateNewPassphraseErrors(t, checkNewPassphrase(passphrase, repeat)),
    ...(current !== '' && current === passphrase ? { passphrase: t('settings.passphrase.sameAsCurrent') } : {}),
  };
}

/** The vault's refusals that belong to a field; null for those shown as the form's outcome. */
export function fieldErrorsOfRefusal(
  t: Translate,
  tError: (error: IpcError) => string,
  error: IpcError,
): FieldErrors | null {
  if (error.code === 'wrong_passphrase') return { current: t('settings.passphrase.wrongCurrent') };
  if (error.code === 'weak_passphrase') return { passphrase: tError(error) };
  return null;
}

export function CurrentPassphraseField(props: { value: string; error?: string; onChange(value: string): void }) {
  const { t } = useI18n();
  return (
    <PasswordField
      label={t('settings.passphrase.current')}
      autoComplete="current-password"
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      error={props.error}
      required
    />
  );
}
