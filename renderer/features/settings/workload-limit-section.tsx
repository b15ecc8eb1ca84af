import { useRef, useState, type FormEvent } from 'react';
import { Save } from 'lucide-react';
import type { IpcError } from '../../../shared/ipc/result';
import { isWorkloadLimit, localPracticeText, WORKLOAD_LIMIT_SETTING } from '../../../shared/rules';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { LoadFailed } from '../../components/load-failed';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { showErrorsAndFocus } from '../../lib/focus';
import { api } from '../../lib/api';
import { failureOf, useLoad, valueOr } from '../../lib/use-load';
import { formatNumber } from '../documents/format';
import { SettingsSection } from './settings-section';

/** "18,5" or "18.5" as hours, or null when it is not a limit of 1 to 37 hours. */
export function parseWorkloadHours(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(trimmed)) return null;
  const hours = Number(trimmed);
  return isWorkloadLimit(hours) ? hours : null;
}

/**
 * DK § 15: how many hours a week "en halvtidsstilling" stands for in this area, stored in the vault.
 * The default (18.5, half of a 37-hour week) is Bro's reading, shown with its basis.
 */
export function WorkloadLimitSection() {
  const { t, tError, locale } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const load = useLoad('workload-limit', () => api.invoke('settings.workloadLimit', {}));
  const view = valueOr(load.loaded, null);
  const loadFailure = failureOf(load);
  const [edited, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const text = edited ?? (view ? formatNumber(locale, view.hours) : '');
  const range = {
    from: formatNumber(locale, WORKLOAD_LIMIT_SETTING.minHours),
    to: formatNumber(locale, WORKLOAD_LIMIT_SETTING.maxHours),
  };

  const save = async (hours: number | null) => {
    setFailure(null);
    setSaved(false);
    setBusy(true);
    const result = await api.invoke('settings.setWorkloadLimit', { hours });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    load.set(result.value);
    setText(null);
    setSaved(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hours = parseWorkloadHours(text);
    if (hours === null)
      return showErrorsAndFocus(form.current, () => setError(t('regulatory.workload.invalid', range)));
    setError(undefined);
    void save(hours);
  };

  return (
    <SettingsSection
      title={t('regulatory.workload.title')}
      description={t('regulatory.workload.description', {
        value: formatNumber(locale, WORKLOAD_LIMIT_SETTING.defaultHours),
        basis: localPracticeText(locale, WORKLOAD_LIMIT_SETTING.citation)?.reason ?? '',
      })}
      testId="settings-workload-limit"
    >
      <form ref={form} className="form form-inline" noValidate onSubmit={submit}>
        <TextField
          label={t('regulatory.workload.label')}
          hint={t('regulatory.workload.hint', range)}
          className="field-short"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          readOnly={view === null}
          onChange={(event) => {
            setText(event.target.value);
            setError(undefined);
          }}
          error={error}
          required
        />
        <div className="form-actions">
          <Button type="submit" variant="secondary" icon={Save} busy={busy} disabled={view === null}>
            {t('regulatory.workload.save')}
          </Button>
          {view?.source === 'vault' ? (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void save(null)}>
              {t('regulatory.workload.reset')}
            </Button>
          ) : null}
        </div>
      </form>
      {loadFailure ? <LoadFailed error={loadFailure.error} onRetry={loadFailure.retry} /> : null}
      {failure ? <StatusMessage tone="error" title={tError(failure)} /> : null}
      {saved && view ? (
        <StatusMessage
          tone="success"
          title={t('regulatory.workload.saved', { value: formatNumber(locale, view.hours) })}
        />
      ) : null}
    </SettingsSection>
  );
}
