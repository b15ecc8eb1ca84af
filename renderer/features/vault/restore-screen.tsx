import { useState } from 'react';
import { ArrowLeft, DatabaseBackup, FileArchive, FolderOpen, LockOpen } from 'lucide-react';
import type { Restored } from '../../../shared/ipc/backup';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { PublicShell } from '../../app/shell';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { PasswordField } from '../../components/password-field';
import { OperationProgress } from '../../components/progress-bar';
import { RadioGroup } from '../../components/radio-group';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { formatTimestamp } from '../../lib/format';
import { ChosenPathField } from './chosen-path-field';
import { useRestoreForm, type RestoreInto } from './use-restore-form';
import './restore.css';

type From = 'unlock' | 'create';

function RestoreForm({ from, onRestored }: { from: From; onRestored(restored: Restored): void }) {
  const { t, tError } = useI18n();
  const { status } = useVault();
  // Only an installation without a vault can take the backup as its own; a vault is never overwritten.
  const offerHere = from === 'create' && status.state === 'none';
  const form = useRestoreForm(offerHere ? 'thisInstallation' : 'chosenFolder', onRestored);
  const options: { value: RestoreInto; label: string; description: string }[] = [
    {
      value: 'thisInstallation',
      label: t('restore.into.thisInstallation'),
      description: t('restore.into.thisInstallationHint'),
    },
    { value: 'chosenFolder', label: t('restore.into.chosenFolder'), description: t('restore.into.chosenFolderHint') },
  ];
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!form.busy) void form.submit();
      }}
    >
      {form.failure ? <StatusMessage tone="error" title={tError(form.failure)} testId="restore-failure" /> : null}
      <ChosenPathField
        legend={t('restore.file.legend')}
        chosen={form.fileName ? t('restore.file.chosen', { name: form.fileName }) : t('restore.file.none')}
        buttonLabel={t('restore.file.choose')}
        icon={FileArchive}
        error={form.errors.file}
        busy={form.choosing === 'file'}
        onChoose={() => void form.chooseFile()}
        buttonRef={form.refs.file}
        testId="restore-file"
      />
      {offerHere ? (
        <RadioGroup<RestoreInto>
          legend={t('restore.into.legend')}
          name="restore-into"
          value={form.into}
          onValueChange={form.setInto}
          options={options}
        />
      ) : null}
      {form.into === 'chosenFolder' ? (
        <ChosenPathField
          legend={t('restore.folder.legend')}
          chosen={form.folder ? t('restore.folder.chosen', { name: form.folder }) : t('restore.folder.none')}
          buttonLabel={t('restore.folder.choose')}
          icon={FolderOpen}
          error={form.errors.folder}
          busy={form.choosing === 'folder'}
          onChoose={() => void form.chooseFolder()}
          buttonRef={form.refs.folder}
          testId="restore-folder"
        />
      ) : null}
      <PasswordField
        ref={form.refs.passphrase}
        label={t('restore.passphrase')}
        hint={t('restore.passphraseHint')}
        autoComplete="off"
        value={form.passphrase}
        onChange={(event) => form.setPassphrase(event.target.value)}
        error={form.errors.passphrase}
        required
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" icon={DatabaseBackup} busy={form.busy}>
          {t('restore.submit')}
        </Button>
      </div>
      <div aria-live="polite">
        <OperationProgress operation="restore" active={form.busy} />
      </div>
    </form>
  );
}

function RestoredMessage({ restored, onUnlock }: { restored: Restored; onUnlock(): void }) {
  const { t, locale } = useI18n();
  const summary = t('restore.done.summary', {
    createdAt: formatTimestamp(locale, restored.createdAt),
    versions: restored.documentVersions,
    folder: restored.folder,
  });
  return (
    <StatusMessage tone="success" title={t('restore.done.title')} testId="restore-done">
      <p>{summary}</p>
      {restored.openHere ? (
        <>
          <p>{t('restore.done.unlockHere')}</p>
          <div className="form-actions">
            <Button variant="primary" icon={LockOpen} onClick={onUnlock}>
              {t('restore.done.goUnlock')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p>{t('restore.done.elsewhere')}</p>
          <p className="restore-open-command">
            <code data-testid="restore-open-command">{t('restore.done.command', { folder: restored.folder })}</code>
          </p>
        </>
      )}
    </StatusMessage>
  );
}

/**
 * Restore from a backup, reached from the unlock and the create screen: the backup file, an empty
 * folder (or, while this installation has no vault, this installation's own folder), the backup's
 * passphrase, the progress, and at the end where the restored vault is and how to open it.
 */
export function RestoreScreen({ from }: { from: From }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { setStatus } = useVault();
  const [restored, setRestored] = useState<Restored | null>(null);
  const back = () => navigate(from === 'create' ? { screen: 'create' } : { screen: 'unlock', mode: 'passphrase' });
  const unlock = async () => {
    const status = await api.invoke('vault.status', {});
    if (status.ok) setStatus(status.value);
    navigate({ screen: 'unlock', mode: 'passphrase' });
  };
  return (
    <PublicShell screen="restore">
      <div className="card">
        <PageHeader title={t('restore.title')} description={<p>{t('restore.intro')}</p>} />
        {restored ? (
          <RestoredMessage restored={restored} onUnlock={() => void unlock()} />
        ) : (
          <RestoreForm from={from} onRestored={setRestored} />
        )}
        <div className="form-links">
          <Button variant="link" icon={ArrowLeft} onClick={restored?.openHere ? () => void unlock() : back}>
            {t('restore.back')}
          </Button>
        </div>
      </div>
    </PublicShell>
  );
}
