import { useState } from 'react';
import { HardDriveDownload } from 'lucide-react';
import type { BackupMade } from '../../../shared/ipc/backup';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { SettingsSection } from './settings-section';

type Outcome = { made: BackupMade } | { failure: IpcError } | { cancelled: true } | null;

/**
 * Backup of the whole vault: still encrypted, checked after writing, written atomically. While it runs
 * the button shows its progress and a status line says what is happening. Restoring goes into a new
 * folder with `bro restore`, so a working vault is never overwritten from inside the app.
 */
export function BackupSection() {
  const { t, tError } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await api.invoke('backup.create', {});
    setBusy(false);
    if (!result.ok) return setOutcome({ failure: result.error });
    setOutcome(result.value.made ? { made: result.value } : { cancelled: true });
  };

  return (
    <SettingsSection title={t('backup.ui.title')} description={t('backup.ui.description')} testId="settings-backup">
      <div className="form-actions">
        <Button
          variant="secondary"
          icon={HardDriveDownload}
          busy={busy}
          onClick={() => void run()}
          data-testid="backup-create"
        >
          {t('backup.ui.create')}
        </Button>
      </div>
      <div aria-live="polite" className="backup-status">
        {busy ? (
          <div className="backup-progress" data-testid="backup-progress">
            <progress aria-label={t('backup.ui.progress')} />
            <span>{t('backup.ui.progress')}</span>
          </div>
        ) : null}
      </div>
      {outcome && 'made' in outcome ? (
        <StatusMessage tone="success" title={t('backup.ui.done', { file: outcome.made.fileName ?? '' })}>
          <p data-testid="backup-sha256">{t('backup.ui.fingerprint', { sha256: outcome.made.sha256 ?? '' })}</p>
          {outcome.made.grading ? (
            <p data-testid="backup-grading">{t('backup.ui.grading', { grading: outcome.made.grading })}</p>
          ) : null}
        </StatusMessage>
      ) : null}
      {outcome && 'cancelled' in outcome ? <StatusMessage tone="info" title={t('backup.ui.cancelled')} /> : null}
      {outcome && 'failure' in outcome ? <StatusMessage tone="error" title={tError(outcome.failure)} /> : null}
      <p className="panel-description">{t('backup.ui.restoreHint')}</p>
    </SettingsSection>
  );
}
