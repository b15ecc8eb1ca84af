import { useRef, useState, type FormEvent } from 'react';
import { KeyRound } from 'lucide-react';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { PasswordField } from '../../components/password-field';
import { StatusMessage } from '../../components/status-message';
import { showErrorsAndFocus } from '../../lib/focus';
import { useFieldErrors } from '../../lib/use-field-errors';
import { NewPassphraseFields } from '../vault/new-passphrase-fields';
import { checkNewPassphrase, translateNewPassphraseErrors } from '../vault/passphrase-checks';
import { useNewPassphrase } from '../vault/use-new-passphrase';
import { api } from '../../lib/api';
import { SettingsSection } from './settings-section';

type Field = 'current' | 'passphrase' | 'repeat';

/** Changing the passphrase re-wraps the vault key; the database itself is not re-encrypted. */
export function ChangePassphraseSection() {
  const { t, tError } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState('');
  const { errors, setErrors, clearError } = useFieldErrors<Field>();
  const newPassphrase = useNewPassphrase(clearError);
  const [outcome, setOutcome] = useState<'changed' | IpcError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const { passphrase, repeat } = newPassphrase;
    const local: Partial<Record<Field, string>> = {
      ...(current === '' ? { current: t('settings.passphrase.currentRequired') } : {}),
      ...translateNewPassphraseErrors(t, checkNewPassphrase(passphrase, repeat)),
      ...(current !== '' && current === passphrase ? { passphrase: t('settings.passphrase.sameAsCurrent') } : {}),
    };
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
    if (result.error.code === 'wrong_passphrase') {
      return showErrorsAndFocus(form.current, () => setErrors({ current: t('settings.passphrase.wrongCurrent') }));
    }
    if (result.error.code === 'weak_passphrase') {
      return showErrorsAndFocus(form.current, () => setErrors({ passphrase: tError(result.error) }));
    }
    setOutcome(result.error);
  };

  return (
    <SettingsSection
      title={t('settings.passphrase.title')}
      description={t('settings.passphrase.description')}
      testId="settings-passphrase"
    >
      <form ref={form} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <PasswordField
          label={t('settings.passphrase.current')}
          autoComplete="current-password"
          value={current}
          onChange={(event) => {
            setCurrent(event.target.value);
            clearError('current');
          }}
          error={errors.current}
          required
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
