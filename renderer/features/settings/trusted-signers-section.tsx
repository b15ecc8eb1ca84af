import { useState } from 'react';
import { Plus, Trash2 } from 'lucide-react';
import { MAX_CERTIFICATE_BYTES, type TrustedSignerView } from '../../../shared/ipc/signing';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { RadioGroup } from '../../components/radio-group';
import { LoadFailed } from '../../components/load-failed';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { showErrorsAndFocus } from '../../lib/focus';
import { api } from '../../lib/api';
import { failureOf, mapOk, useLoad, valueOr } from '../../lib/use-load';
import { readFileAsBase64 } from '../../lib/file-bytes';
import { formatDateTime } from '../../lib/date-format';
import { Fingerprint } from '../../components/signer-details';
import { PanelForm } from './panel-form';
import { SettingsSection } from './settings-section';
import { isFingerprint } from './trust-input';
import { useFormRequest } from './use-form-request';
import './settings-exchange.css';

type Source = 'certificate' | 'fingerprint';

function AddSignerForm({ onAdded }: { onAdded(): void }) {
  const { t } = useI18n();
  const request = useFormRequest();
  const [label, setLabel] = useState('');
  const [source, setSource] = useState<Source>('certificate');
  const [file, setFile] = useState<File | null>(null);
  const [fingerprint, setFingerprint] = useState('');
  const [errors, setErrors] = useState<{ label?: string; file?: string; fingerprint?: string }>({});

  const submit = async () => {
    const found = {
      label: label.trim() ? undefined : t('exchange.trust.labelRequired'),
      file: source === 'certificate' && !file ? t('exchange.trust.fileRequired') : undefined,
      fingerprint:
        source === 'fingerprint' && !isFingerprint(fingerprint) ? t('exchange.trust.fingerprintInvalid') : undefined,
    };
    if (found.label || found.file || found.fingerprint)
      return showErrorsAndFocus(request.form.current, () => setErrors(found));
    setErrors({});
    let input: { label: string; certificateBase64: string } | { label: string; fingerprint: string };
    if (source === 'certificate' && file) {
      const read = await readFileAsBase64(file, MAX_CERTIFICATE_BYTES);
      if (!read.ok) return request.setError(t('exchange.trust.fileTooLarge'));
      input = { label: label.trim(), certificateBase64: read.base64 };
    } else {
      input = { label: label.trim(), fingerprint };
    }
    const result = await request.send(() => api.invoke('signing.trust', input));
    if (!result.ok) return;
    request.setError(null);
    setLabel('');
    setFingerprint('');
    setFile(null);
    request.form.current?.reset();
    onAdded();
  };

  return (
    <PanelForm
      request={request}
      testId="trust-add"
      className="trust-form"
      title={t('exchange.trust.addTitle')}
      submit={{ label: t('exchange.trust.add'), icon: Plus }}
      onSubmit={submit}
    >
      <TextField
        label={t('exchange.trust.label')}
        hint={t('exchange.trust.labelHint')}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        error={errors.label}
      />
      <RadioGroup<Source>
        legend={t('exchange.trust.source')}
        name="trust-source"
        value={source}
        onValueChange={setSource}
        options={[
          {
            value: 'certificate',
            label: t('exchange.trust.sourceCertificate'),
            description: t('exchange.trust.sourceCertificateHint'),
          },
          {
            value: 'fingerprint',
            label: t('exchange.trust.sourceFingerprint'),
            description: t('exchange.trust.sourceFingerprintHint'),
          },
        ]}
      />
      {source === 'certificate' ? (
        <TextField
          label={t('exchange.trust.file')}
          type="file"
          accept=".pem,.crt,.cer,.der"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          error={errors.file}
        />
      ) : (
        <TextField
          label={t('signing.fingerprint.label')}
          hint={t('exchange.trust.fingerprintHint')}
          value={fingerprint}
          onChange={(e) => setFingerprint(e.target.value)}
          error={errors.fingerprint}
          autoComplete="off"
          spellCheck={false}
          className="field-mono"
        />
      )}
    </PanelForm>
  );
}

/** The signers this vault trusts when verifying received files; removal asks first. */
export function TrustedSignersSection() {
  const { t, tError, locale } = useI18n();
  const list = useLoad('trusted-signers', async () =>
    mapOk(await api.invoke('signing.trustList', {}), (value) => value.entries),
  );
  const entries: TrustedSignerView[] | null = valueOr(list.loaded, null);
  const failure = failureOf(list);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TrustedSignerView | null>(null);
  const [busy, setBusy] = useState(false);

  const load = list.reload;

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    const result = await api.invoke('signing.untrust', { fingerprint: removing.fingerprint });
    setBusy(false);
    setRemoving(null);
    if (!result.ok) return setError(tError(result.error));
    load();
  };

  return (
    <SettingsSection
      title={t('exchange.trust.title')}
      description={t('exchange.trust.intro')}
      testId="settings-trusted-signers"
    >
      {error ? <StatusMessage tone="error" title={error} /> : null}
      {failure ? <LoadFailed error={failure.error} onRetry={failure.retry} /> : null}
      {entries === null && !failure ? <p className="export-loading">{t('common.loading')}</p> : null}
      {entries && entries.length === 0 ? <p className="panel-description">{t('exchange.trust.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <ul className="trust-list" data-testid="trust-list">
          {entries.map((entry) => (
            <li key={entry.fingerprint} className="trust-entry" data-fingerprint={entry.fingerprint}>
              <div className="trust-entry-text">
                <p className="trust-entry-label">{entry.label}</p>
                {entry.certificate ? (
                  <p className="trust-entry-subject">
                    {[entry.certificate.commonName, entry.certificate.organization].filter(Boolean).join(', ')}
                  </p>
                ) : (
                  <p className="trust-entry-subject">{t('exchange.trust.fingerprintOnly')}</p>
                )}
                <Fingerprint hex={entry.fingerprint} />
                <p className="trust-entry-added">
                  {t('exchange.trust.added', { date: formatDateTime(locale, entry.addedAt) })}
                </p>
              </div>
              <Button
                variant="ghost"
                icon={Trash2}
                onClick={() => setRemoving(entry)}
                aria-label={t('exchange.trust.removeLabel', { label: entry.label })}
              >
                {t('exchange.trust.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <AddSignerForm onAdded={load} />
      <ConfirmDialog
        open={removing !== null}
        title={t('exchange.trust.removeTitle', { label: removing?.label ?? '' })}
        body={t('exchange.trust.removeBody')}
        confirmLabel={t('exchange.trust.removeConfirm')}
        confirmIcon={Trash2}
        busy={busy}
        confirmTestId="trust-remove-confirm"
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      />
    </SettingsSection>
  );
}
