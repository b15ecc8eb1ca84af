import { useRef, useState, type FormEvent } from 'react';
import { Save } from 'lucide-react';
import type { IpcError } from '../../../shared/ipc/result';
import { AUTO_LOCK_MINUTES, type Settings } from '../../../shared/ipc/settings';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { showErrorsAndFocus } from '../../lib/focus';
import { api } from '../../lib/api';
import { parseMinutes } from './auto-lock-minutes';
import { SettingsSection } from './settings-section';

export function AutoLockSection({
  settings,
  onSaved,
}: {
  settings: Settings | null;
  onSaved(settings: Settings): void;
}) {
  const { t, tError } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  // null until the person edits the field: until then it shows the stored value.
  const [edited, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ saved: number } | { failure: IpcError } | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = settings !== null;
  const text = edited ?? (settings ? String(settings.autoLockMinutes) : '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = parseMinutes(text);
    if (minutes === null) {
      return showErrorsAndFocus(form.current, () =>
        setError(t('settings.autoLock.invalid', { min: AUTO_LOCK_MINUTES.min, max: AUTO_LOCK_MINUTES.max })),
      );
    }
    setError(undefined);
    setOutcome(null);
    setBusy(true);
    const result = await api.invoke('settings.update', { autoLockMinutes: minutes });
    setBusy(false);
    if (!result.ok) return setOutcome({ failure: result.error });
    onSaved(result.value);
    setOutcome({ saved: result.value.autoLockMinutes });
  };

  return (
    <SettingsSection
      title={t('settings.autoLock.title')}
      description={t('settings.autoLock.description')}
      testId="settings-auto-lock"
    >
      <form ref={form} className="form form-inline" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('settings.autoLock.label')}
          hint={t('settings.autoLock.hint', { min: AUTO_LOCK_MINUTES.min, max: AUTO_LOCK_MINUTES.max })}
          className="field-short"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          readOnly={!loaded}
          onChange={(event) => {
            setText(event.target.value);
            setError(undefined);
          }}
          error={error}
          required
        />
        <div className="form-actions">
          <Button type="submit" variant="secondary" icon={Save} busy={busy} disabled={!loaded}>
            {t('settings.autoLock.save')}
          </Button>
        </div>
      </form>
      {outcome && 'failure' in outcome ? <StatusMessage tone="error" title={tError(outcome.failure)} /> : null}
      {outcome && 'saved' in outcome ? (
        <StatusMessage tone="success" title={t('settings.autoLock.saved', { minutes: outcome.saved })} />
      ) : null}
    </SettingsSection>
  );
}
