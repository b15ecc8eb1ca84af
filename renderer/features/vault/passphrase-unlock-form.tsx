import { useState } from 'react';
import { KeyRound } from 'lucide-react';
import { useI18n } from '../../app/i18n';
import { PasswordField } from '../../components/password-field';
import { api } from '../../lib/api';
import { showErrorsAndFocus } from '../../lib/focus';
import { UnlockFormFrame } from './unlock-form-frame';
import { useUnlockAttempt, type UnlockFormProps } from './use-unlock-attempt';

export function PassphraseUnlockForm({
  countdown,
  onAttempt,
  onUseRecoveryKey,
}: UnlockFormProps & { onAttempt(): void; onUseRecoveryKey(): void }) {
  const { t } = useI18n();
  const unlock = useUnlockAttempt(countdown);
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();

  const submit = async () => {
    if (passphrase.length === 0)
      return showErrorsAndFocus(unlock.form.current, () => setFieldError(t('vault.unlock.passphraseRequired')));
    onAttempt();
    const error = await unlock.attempt(() => api.invoke('vault.unlock', { passphrase }));
    if (!error) return setPassphrase('');
    if (error.code === 'wrong_passphrase') {
      // The wait is shown by the countdown, so the field says only what went wrong.
      return showErrorsAndFocus(unlock.form.current, () => {
        setPassphrase('');
        setFieldError(t('vault.unlock.wrongPassphrase'));
      });
    }
    setFieldError(undefined);
    unlock.setFailure(error);
  };

  return (
    <UnlockFormFrame
      unlock={unlock}
      onSubmit={submit}
      submitLabel={t('vault.unlock.submit')}
      link={{ icon: KeyRound, label: t('vault.unlock.useRecoveryKey'), onClick: onUseRecoveryKey }}
    >
      <PasswordField
        label={t('vault.passphrase.current')}
        autoComplete="current-password"
        value={passphrase}
        onChange={(event) => {
          setPassphrase(event.target.value);
          setFieldError(undefined);
        }}
        error={fieldError}
        required
      />
    </UnlockFormFrame>
  );
}
