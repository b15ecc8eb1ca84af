import { useState } from 'react';
import { ArrowLeft } from 'lucide-react';
import { useI18n } from '../../app/i18n';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import { showErrorsAndFocus } from '../../lib/focus';
import { useFieldErrors } from '../../lib/use-field-errors';
import { NewPassphraseFields } from './new-passphrase-fields';
import { checkNewPassphrase, translateNewPassphraseErrors } from './passphrase-checks';
import { recoveryErrorField, type RecoveryErrors } from './unlock-errors';
import { UnlockFormFrame } from './unlock-form-frame';
import { useNewPassphrase } from './use-new-passphrase';
import { useUnlockAttempt, type UnlockFormProps } from './use-unlock-attempt';

/** Forgotten passphrase: the recovery key opens the vault and a new passphrase replaces the old one. */
export function RecoveryUnlockForm({ countdown, onBack }: UnlockFormProps & { onBack(): void }) {
  const { t, tError } = useI18n();
  const unlock = useUnlockAttempt(countdown);
  const [recoveryKey, setRecoveryKey] = useState('');
  const { errors, setErrors, clearError } = useFieldErrors<keyof RecoveryErrors>();
  const newPassphrase = useNewPassphrase(clearError);

  const submit = async () => {
    const messages: RecoveryErrors = {
      ...(recoveryKey.trim() === '' ? { recoveryKey: t('vault.unlock.recoveryKeyRequired') } : {}),
      ...translateNewPassphraseErrors(t, checkNewPassphrase(newPassphrase.passphrase, newPassphrase.repeat)),
    };
    if (Object.keys(messages).length > 0) return showErrorsAndFocus(unlock.form.current, () => setErrors(messages));
    const error = await unlock.attempt(() =>
      api.invoke('vault.unlockWithRecoveryKey', { recoveryKey, newPassphrase: newPassphrase.passphrase }),
    );
    if (!error) return;
    const field = recoveryErrorField(error);
    // A wrong key: the countdown shows the wait, so the field says only what went wrong.
    const message = error.code === 'wrong_passphrase' ? t('vault.unlock.wrongRecoveryKey') : tError(error);
    if (field) return showErrorsAndFocus(unlock.form.current, () => setErrors({ [field]: message }));
    setErrors({});
    unlock.setFailure(error);
  };

  return (
    <UnlockFormFrame
      unlock={unlock}
      onSubmit={submit}
      submitLabel={t('vault.unlock.recoverySubmit')}
      link={{ icon: ArrowLeft, label: t('vault.unlock.backToPassphrase'), onClick: onBack }}
    >
      <TextField
        label={t('vault.unlock.recoveryKey')}
        hint={t('vault.unlock.recoveryKeyHint')}
        className="field-monospace"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        value={recoveryKey}
        onChange={(event) => {
          setRecoveryKey(event.target.value);
          clearError('recoveryKey');
        }}
        error={errors.recoveryKey}
        required
      />
      <NewPassphraseFields input={newPassphrase} errors={errors} label={t('vault.passphrase.new')} />
    </UnlockFormFrame>
  );
}
