import { useRef, useState, type FormEvent } from 'react';
import { ArrowLeft, LockOpen } from 'lucide-react';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import { showErrorsAndFocus } from '../../lib/focus';
import { NewPassphraseFields } from './new-passphrase-fields';
import { checkNewPassphrase, translateNewPassphraseErrors } from './passphrase-checks';
import type { UnlockFormProps } from './passphrase-unlock-form';
import { RetryCountdown } from './retry-countdown';
import { recoveryErrorField, retrySeconds, type RecoveryErrors } from './unlock-errors';

/** Forgotten passphrase: the recovery key opens the vault and a new passphrase replaces the old one. */
export function RecoveryUnlockForm({ countdown, onBack }: UnlockFormProps & { onBack(): void }) {
  const { t, tError } = useI18n();
  const { navigate } = useRouter();
  const { setStatus } = useVault();
  const form = useRef<HTMLFormElement>(null);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<RecoveryErrors>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const waiting = countdown.seconds > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || waiting) return;
    const messages: RecoveryErrors = {
      ...(recoveryKey.trim() === '' ? { recoveryKey: t('vault.unlock.recoveryKeyRequired') } : {}),
      ...translateNewPassphraseErrors(t, checkNewPassphrase(passphrase, repeat)),
    };
    if (Object.keys(messages).length > 0) return showErrorsAndFocus(form.current, () => setErrors(messages));
    setBusy(true);
    setFailure(null);
    const result = await api.invoke('vault.unlockWithRecoveryKey', { recoveryKey, newPassphrase: passphrase });
    setBusy(false);
    if (result.ok) {
      setStatus(result.value);
      return navigate({ screen: 'home' });
    }
    countdown.start(retrySeconds(result.error));
    const field = recoveryErrorField(result.error);
    // A wrong key: the countdown shows the wait, so the field says only what went wrong.
    const message =
      result.error.code === 'wrong_passphrase' ? t('vault.unlock.wrongRecoveryKey') : tError(result.error);
    if (field) return showErrorsAndFocus(form.current, () => setErrors({ [field]: message }));
    setErrors({});
    setFailure(result.error);
  };

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void submit(event)}>
      {failure ? <StatusMessage tone="error" title={tError(failure)} /> : null}
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
          setErrors((shown) => ({ ...shown, recoveryKey: undefined }));
        }}
        error={errors.recoveryKey}
        required
      />
      <NewPassphraseFields
        passphrase={passphrase}
        repeat={repeat}
        onPassphraseChange={(value) => {
          setPassphrase(value);
          setErrors((shown) => ({ ...shown, passphrase: undefined }));
        }}
        onRepeatChange={(value) => {
          setRepeat(value);
          setErrors((shown) => ({ ...shown, repeat: undefined }));
        }}
        errors={{ passphrase: errors.passphrase, repeat: errors.repeat }}
        label={t('vault.passphrase.new')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" icon={LockOpen} busy={busy} disabled={waiting}>
          {t('vault.unlock.recoverySubmit')}
        </Button>
        <RetryCountdown seconds={countdown.seconds} />
      </div>
      <div className="form-links">
        <Button variant="link" icon={ArrowLeft} onClick={onBack}>
          {t('vault.unlock.backToPassphrase')}
        </Button>
      </div>
    </form>
  );
}
