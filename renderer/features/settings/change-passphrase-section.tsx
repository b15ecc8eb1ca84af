import { useRef, useState, type FormEvent } from 'react';
import { KeyRound } from 'lucide-react';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { showErrorsAndFocus } from '../../lib/focus';
import { useFieldErrors } from '../../lib/use-field-errors';
import { NewPassphraseFields } from '../vault/new-passphrase-fields';
import { useNewPassphrase } from '../vault/use-new-passphrase';
import { api } from '../../lib/api';
import {
  CurrentPassphraseField,
  fieldErrorsOfRefusal,
  localReplaceErrors,
  type ReplacePassphraseField,
} from './current-passphrase-field';
import { SettingsSection } from './settings-section';

/** Changing the passphrase re-wraps the vault key; the database itself is not re-encrypted. */
export function ChangePassphraseSection() {
  const { t, tError } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState('');
  const { errors, setErrors, clearError } = useFieldErrors<ReplacePassphraseField>();
  const newPassphrase = useNewPassphrase(clearError);
  const [outcome, setOutcome] = useState<'changed' | IpcError | null>(null);
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
    const result = await api.invoke('vault.changePassphrase', { current, next: passphrase });
    setBusy(false);
    if (result.ok) {
      setCurrent('');
      newPassphrase.reset();
      return setOutcome('changed');
    }
    const fieldErrors = fieldErrorsOfRefusal(t, tError, result.error);
    if (fieldErrors) return showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
    setOutcome(result.error);
  };

  return (
    <SettingsSection
      title={t('settings.passphrase.title')}
      description={t('settings.passphrase.description')}
      testId="settings-passphrase"
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
        <div className="form-actions">
          <Button type="submit" variant="primary" icon={KeyRound} busy={busy}>
            {t('settings.passphrase.submit')}
          </Button>
        </div>
      </form>
      {outcome === 'changed' ? <StatusMessage tone="success" title={t('settings.passphrase.changed')} /> : null}
      {outcome !== null && outcome !== 'changed' ? <StatusMessage tone="error" title={tError(outcome)} /> : null}
    </SettingsSection>
  );
}
