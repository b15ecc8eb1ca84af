import { useRef, useState, type FormEvent } from 'react';
import { KeyRound, LockOpen } from 'lucide-react';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { PasswordField } from '../../components/password-field';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { showErrorsAndFocus } from '../../lib/focus';
import { RetryCountdown } from './retry-countdown';
import { retrySeconds } from './unlock-errors';

export interface UnlockFormProps {
  countdown: { seconds: number; start(seconds: number): void };
}

export function PassphraseUnlockForm({
  countdown,
  onAttempt,
  onUseRecoveryKey,
}: UnlockFormProps & { onAttempt(): void; onUseRecoveryKey(): void }) {
  const { t, tError } = useI18n();
  const { navigate } = useRouter();
  const { setStatus } = useVault();
  const form = useRef<HTMLFormElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const waiting = countdown.seconds > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || waiting) return;
    if (passphrase.length === 0)
      return showErrorsAndFocus(form.current, () => setFieldError(t('vault.unlock.passphraseRequired')));
    onAttempt();
    setBusy(true);
    setFailure(null);
    const result = await api.invoke('vault.unlock', { passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      setStatus(result.value);
      return navigate({ screen: 'home' });
    }
    countdown.start(retrySeconds(result.error));
    if (result.error.code === 'wrong_passphrase') {
      // The wait is shown by the countdown, so the field says only what went wrong.
      return showErrorsAndFocus(form.current, () => {
        setPassphrase('');
        setFieldError(t('vault.unlock.wrongPassphrase'));
      });
    }
    setFieldError(undefined);
    setFailure(result.error);
  };

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void submit(event)}>
      {failure ? <StatusMessage tone="error" title={tError(failure)} /> : null}
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
      <div className="form-actions">
        <Button type="submit" variant="primary" icon={LockOpen} busy={busy} disabled={waiting}>
          {t('vault.unlock.submit')}
        </Button>
        <RetryCountdown seconds={countdown.seconds} />
      </div>
      <div className="form-links">
        <Button variant="link" icon={KeyRound} onClick={onUseRecoveryKey}>
          {t('vault.unlock.useRecoveryKey')}
        </Button>
      </div>
    </form>
  );
}
