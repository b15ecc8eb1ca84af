import { useRef, useState, type FormEvent } from 'react';
import { Save } from 'lucide-react';
import type { IpcError } from '../../../shared/ipc/result';
import { RETENTION_BASIS_MAX, RETENTION_MAX_YEARS, type RetentionPeriodView } from '../../../shared/ipc/due';
import { localPracticeText } from '../../../shared/rules';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { LoadFailed } from '../../components/load-failed';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { showErrorsAndFocus } from '../../lib/focus';
import { api } from '../../lib/api';
import { failureOf, useLoad, valueOr } from '../../lib/use-load';
import { SettingsSection } from './settings-section';

/** Whole years 1–100 as typed ("7", " 10 "), or null when it is not a retention period. */
export function parseRetentionYears(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const years = Number(trimmed);
  return years >= 1 && years <= RETENTION_MAX_YEARS ? years : null;
}

const KIND_KEY = {
  case: 'retention.settings.kind.case',
  mentor_course: 'retention.settings.kind.mentor_course',
} as const satisfies Record<RetentionPeriodView['kind'], string>;

type Saving = (input: { kind: RetentionPeriodView['kind']; years: number | null; basis?: string }) => Promise<void>;

/** One kind's period: years and the organisation's basis, saved together, or back to the default. */
export function RetentionPeriodForm({
  period,
  busy,
  onSave,
}: {
  period: RetentionPeriodView;
  busy: boolean;
  onSave: Saving;
}) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [years, setYears] = useState<string | null>(null);
  const [basis, setBasis] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ years?: string; basis?: string }>({});
  const range = { from: 1, to: RETENTION_MAX_YEARS };
  const yearsText = years ?? String(period.years);
  const basisText = basis ?? period.basis;
  const kindLabel = t(KIND_KEY[period.kind]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseRetentionYears(yearsText);
    const found = {
      ...(parsed === null ? { years: t('retention.settings.yearsInvalid', range) } : {}),
      ...(basisText.length > RETENTION_BASIS_MAX
        ? { basis: t('retention.settings.basisInvalid', { max: RETENTION_BASIS_MAX }) }
        : {}),
    };
    if (parsed === null || found.basis) return showErrorsAndFocus(form.current, () => setErrors(found));
    setErrors({});
    void onSave({ kind: period.kind, years: parsed, basis: basisText }).then(() => {
      setYears(null);
      setBasis(null);
    });
  };

  return (
    <form ref={form} className="form" noValidate onSubmit={submit} aria-label={kindLabel}>
      <h3 className="export-subtitle">{kindLabel}</h3>
      <p className="field-hint">
        {t('retention.settings.current', {
          years: period.years,
          source: t(period.source === 'vault' ? 'retention.settings.sourceVault' : 'retention.settings.sourceDefault'),
        })}
      </p>
      <TextField
        label={t('retention.settings.years')}
        hint={t('retention.settings.yearsHint', range)}
        className="field-short"
        inputMode="numeric"
        autoComplete="off"
        value={yearsText}
        onChange={(event) => {
          setYears(event.target.value);
          setErrors((e) => ({ ...e, years: undefined }));
        }}
        error={errors.years}
        required
      />
      <TextField
        label={t('retention.settings.basis')}
        hint={t('retention.settings.basisHint', { max: RETENTION_BASIS_MAX })}
        autoComplete="off"
        value={basisText}
        onChange={(event) => {
          setBasis(event.target.value);
          setErrors((e) => ({ ...e, basis: undefined }));
        }}
        error={errors.basis}
      />
      <div className="form-actions">
        <Button type="submit" variant="secondary" icon={Save} busy={busy}>
          {t('retention.settings.save')}
        </Button>
        {period.source === 'vault' ? (
          <Button
            type="button"
            variant="secondary"
            disabled={busy}
            onClick={() => void onSave({ kind: period.kind, years: null })}
          >
            {t('retention.settings.reset')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * Issue 14 part 3: how long a closed case is kept before the due list asks whether to purge it, per
 * kind of record, stored in the vault. The default is Bro's local practice, shown with its basis.
 */
export function RetentionSection() {
  const { t, tError, locale } = useI18n();
  const load = useLoad('retention', () => api.invoke('retention.get', {}));
  const view = valueOr(load.loaded, null);
  const loadFailure = failureOf(load);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [saved, setSaved] = useState<RetentionPeriodView | null>(null);
  const [busy, setBusy] = useState(false);

  const save: Saving = async (input) => {
    setFailure(null);
    setSaved(null);
    setBusy(true);
    const result = await api.invoke('retention.update', input);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    load.set(result.value);
    setSaved(result.value.periods.find((p) => p.kind === input.kind) ?? null);
  };

  const first = view?.periods[0];
  return (
    <SettingsSection
      title={t('retention.settings.title')}
      description={
        first
          ? t('retention.settings.description', {
              years: first.defaultYears,
              basis: localPracticeText(locale, first.defaultCitation)?.reason ?? '',
            })
          : undefined
      }
      testId="settings-retention"
    >
      {view?.periods.map((period) => (
        <RetentionPeriodForm
          key={`${period.kind}:${period.updatedAt ?? ''}`}
          period={period}
          busy={busy}
          onSave={save}
        />
      ))}
      {loadFailure ? <LoadFailed error={loadFailure.error} onRetry={loadFailure.retry} /> : null}
      {failure ? <StatusMessage tone="error" title={tError(failure)} /> : null}
      {saved ? (
        <StatusMessage
          tone="success"
          title={t('retention.settings.saved', {
            kind: t(KIND_KEY[saved.kind]),
            years: saved.years,
          })}
        />
      ) : null}
    </SettingsSection>
  );
}
