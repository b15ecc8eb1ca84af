import { useRef, useState, type FormEvent } from 'react';
import { RefreshCw } from 'lucide-react';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { OperationProgress } from '../../components/progress-bar';
import { StatusMessage } from '../../components/status-message';
import { showErrorsAndFocus } from '../../lib/focus';
import { useFieldErrors } from '../../lib/use-field-errors';
import { NewPassphraseFields } from '../vault/new-passphrase-fields';
import { recoveryKeyGroups } from '../vault/recovery-key-format';
import { useNewPassphrase } from '../vault/use-new-passphrase';
import { api } from '../../lib/api';
import {
  CurrentPassphraseField,
  fieldErrorsOfRefusal,
  localReplaceErrors,
  type ReplacePassphraseField,
} from './current-passphrase-field';
import { SettingsSection } from './settings-section';

/**
 * After a leaked passphrase: re-encrypts the vault under a new data key with a new passphrase and
 * shows the new recovery key once. Says plainly that older backups still open with the old secrets.
 */
export function RotateKeySection() {
  const { t, tError } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState('');
  const { errors, setErrors, clearError } = useFieldErrors<ReplacePassphraseField>();
  const newPassphrase = useNewPassphrase(clearError);
  const [outcome, setOutcome] = useState<{ recoveryKey: string } | IpcError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const { passphrase, repeat } = newPassphrase;
    const local = localReplaceErrors(t, current, passphrase, repeat);
    setOutcome(null);
    if (Object.keys(local).length > 0) return showErrorsAndFocus(form.current, () => setErrors(local));
    setErrors({});
    setBusy(true);
    const result = await api.invoke('vault.rotateKey', { current, next: passphrase });
    setBusy(false);
    if (result.ok) {
      setCurrent('');
      newPassphrase.reset();
      return setOutcome(result.value);
    }
    const fieldErrors = fieldErrorsOfRefusal(t, tError, result.error);
    if (fieldErrors) return showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
    setOutcome(result.error);
  };

  return (
    <SettingsSection
      title={t('security.rotate.title')}
      description={t('security.rotate.description')}
      testId="settings-rotate-key"
    >
      <form ref={form} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <CurrentPassphraseField
          value={current}
          error={errors.current}
          onChange={(value) => {
            setCurrent(value);
            clearError('current');
          }}
        />
        <NewPassphraseFields input={newPassphrase} errors={errors} />
        <p className="field-hint">{t('security.rotate.oldBackups')}</p>
        <div className="form-actions">
          <Button type="submit" variant="primary" icon={RefreshCw} busy={busy}>
            {t('security.rotate.submit')}
          </Button>
        </div>
        <OperationProgress operation="rotateKey" active={busy} />
      </form>
      {outcome !== null && 'recoveryKey' in outcome ? (
        <StatusMessage tone="success" title={t('security.rotate.done')}>
          <p>{t('vault.recovery.onceBody')}</p>
          <p className="recovery-key" data-testid="rotated-recovery-key">
            {recoveryKeyGroups(outcome.recoveryKey).join(' ')}
          </p>
          <p>{t('security.rotate.oldBackups')}</p>
        </StatusMessage>
      ) : null}
      {outcome !== null && !('recoveryKey' in outcome) ? <StatusMessage tone="error" title={tError(outcome)} /> : null}
    </SettingsSection>
  );
}
