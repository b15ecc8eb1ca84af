import { useState } from 'react';
import { FolderOpen, Plus, Trash2 } from 'lucide-react';
import type { TrustStoreEntryView } from '../../../shared/ipc/trust';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
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
import { checkTrustFiles, describeTrustEntry } from './trust-store-entries';
import { useFormRequest } from './use-form-request';
import './settings-exchange.css';

/** Picks one or several CA certificates / CRLs; sizes are checked before a byte is read; all or nothing. */
function AddTrustFilesForm({ onAdded }: { onAdded(summary: string): void }) {
  const { t } = useI18n();
  const request = useFormRequest();
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | undefined>();

  const submit = async () => {
    const problem = checkTrustFiles(files);
    if (problem) return showErrorsAndFocus(request.form.current, () => setFileError(t(problem.key, problem.params)));
    setFileError(undefined);
    const read: { fileName: string; fileBase64: string }[] = [];
    for (const file of files) {
      const bytes = await readFileAsBase64(file, Number.MAX_SAFE_INTEGER);
      if (!bytes.ok) return request.setError(t('trust.settings.empty', { file: file.name }));
      read.push({ fileName: file.name, fileBase64: bytes.base64 });
    }
    const result = await request.send(() => api.invoke('trust.add', { files: read }));
    if (!result.ok) return;
    request.setError(null);
    setFiles([]);
    request.form.current?.reset();
    onAdded(t('trust.cli.added', { added: result.value.added.length, present: result.value.alreadyPresent }));
  };

  return (
    <PanelForm
      request={request}
      testId="trust-store-add"
      className="trust-form"
      title={t('trust.settings.addSeveralTitle')}
      submit={{ label: t('trust.settings.add'), icon: Plus }}
      onSubmit={submit}
    >
      <TextField
        label={t('trust.settings.file')}
        hint={t('trust.settings.fileHint')}
        type="file"
        multiple
        accept=".pem,.crt,.cer,.der,.crl"
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        error={fileError}
      />
    </PanelForm>
  );
}

function TrustStoreItem({ entry, onRemove }: { entry: TrustStoreEntryView; onRemove(): void }) {
  const { t, locale } = useI18n();
  const view = describeTrustEntry(entry);
  return (
    <li className="trust-entry" data-id={entry.id} data-kind={entry.kind} data-out-of-date={entry.outOfDate}>
      <div className="trust-entry-text">
        <p className="trust-entry-label">
          {t(view.kindKey)}: {entry.name}
        </p>
        <p className="trust-entry-subject">
          {t(view.dateKey, { date: entry.validUntil ? formatDateTime(locale, entry.validUntil) : '' })}
        </p>
        {view.warningKey ? (
          <StatusMessage tone="warning" title={t(view.warningKey)} testId="trust-store-warning" />
        ) : null}
        <Fingerprint hex={entry.id} />
        <p className="trust-entry-added">
          {t('trust.settings.added', { date: formatDateTime(locale, entry.addedAt) })}
        </p>
      </div>
      <Button
        variant="ghost"
        icon={Trash2}
        onClick={onRemove}
        aria-label={t('trust.settings.removeLabel', { name: entry.name })}
      >
        {t('trust.settings.remove')}
      </Button>
    </li>
  );
}

/** The organisation's trust store (issue 10): CA certificates and CRLs; removal asks first. */
export function TrustStoreSection() {
  const { t, tError } = useI18n();
  const list = useLoad('trust-store', async () => mapOk(await api.invoke('trust.list', {}), (value) => value.entries));
  const entries: TrustStoreEntryView[] | null = valueOr(list.loaded, null);
  const failure = failureOf(list);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TrustStoreEntryView | null>(null);
  const [busy, setBusy] = useState(false);
  const [choosing, setChoosing] = useState(false);

  const load = list.reload;

  const added = (summary: string) => {
    setError(null);
    setNotice(summary);
    load();
  };

  /** The shell's open dialog: main checks the size, reads the file and adds it (nothing read here). */
  const choose = async () => {
    setChoosing(true);
    const result = await api.invoke('trust.addFromFile', {});
    setChoosing(false);
    if (!result.ok) {
      setNotice(null);
      return setError(tError(result.error));
    }
    if (!result.value.chosen) return;
    added(t('trust.cli.added', { added: result.value.added.length, present: result.value.alreadyPresent }));
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    const result = await api.invoke('trust.remove', { id: removing.id });
    setBusy(false);
    setRemoving(null);
    setNotice(null);
    if (!result.ok) return setError(tError(result.error));
    setError(null);
    load();
  };

  return (
    <SettingsSection
      title={t('trust.settings.title')}
      description={t('trust.settings.intro')}
      testId="settings-trust-store"
    >
      {error ? <StatusMessage tone="error" title={error} /> : null}
      {notice ? <StatusMessage tone="success" title={notice} /> : null}
      {failure ? <LoadFailed error={failure.error} onRetry={failure.retry} /> : null}
      {entries === null && !failure ? <p className="export-loading">{t('common.loading')}</p> : null}
      {entries && entries.length === 0 ? <p className="panel-description">{t('trust.cli.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <ul className="trust-list" data-testid="trust-store-list">
          {entries.map((entry) => (
            <TrustStoreItem key={entry.id} entry={entry} onRemove={() => setRemoving(entry)} />
          ))}
        </ul>
      ) : null}
      <div className="trust-form">
        <h3 className="export-subtitle">{t('trust.settings.addTitle')}</h3>
        <div className="form-actions">
          <Button icon={FolderOpen} busy={choosing} onClick={() => void choose()} data-testid="trust-store-choose">
            {t('trust.settings.choose')}
          </Button>
        </div>
      </div>
      <AddTrustFilesForm onAdded={added} />
      <ConfirmDialog
        open={removing !== null}
        title={t('trust.settings.removeTitle', { name: removing?.name ?? '' })}
        body={t(removing?.kind === 'crl' ? 'trust.settings.removeCrlBody' : 'trust.settings.removeCaBody')}
        confirmLabel={t('trust.settings.removeConfirm')}
        confirmIcon={Trash2}
        busy={busy}
        confirmTestId="trust-store-remove-confirm"
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      />
    </SettingsSection>
  );
}
