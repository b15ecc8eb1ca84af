import { RotateCcw } from 'lucide-react';
import type { IpcError } from '../../shared/ipc/result';
import { Button } from '../components/button';
import { PageHeader } from '../components/page-header';
import { StatusMessage } from '../components/status-message';
import { useI18n, useT } from './i18n';
import { PublicShell, UnlockedShell } from './shell';

/** Shown while settings and vault state are read at start-up; same frame as the next screen. */
export function LoadingScreen() {
  const t = useT();
  return (
    <PublicShell screen="loading">
      <div className="card card-loading" aria-busy="true">
        <p className="visually-hidden" role="status">
          {t('common.loading')}
        </p>
      </div>
    </PublicShell>
  );
}

/** The page was opened without the preload (e.g. in a plain browser): say so instead of a blank page. */
export function MissingBridgeScreen() {
  const t = useT();
  return (
    <PublicShell screen="no-bridge">
      <div className="card">
        <PageHeader title={t('common.noBridge.title')} />
        <StatusMessage tone="error" title={t('common.noBridge.message')}>
          <p>{t('common.noBridge.hint')}</p>
        </StatusMessage>
      </div>
    </PublicShell>
  );
}

/** Start-up failed (e.g. an unreadable or newer vault): show the translated reason and a retry. */
export function StartupProblemScreen({ error, onRetry }: { error: IpcError; onRetry(): void }) {
  const { t, tError } = useI18n();
  return (
    <PublicShell screen="problem">
      <div className="card">
        <PageHeader title={t('common.startupProblem.title')} />
        <StatusMessage tone="error" title={tError(error)} />
        <div className="form-actions">
          <Button variant="primary" icon={RotateCcw} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </div>
      </div>
    </PublicShell>
  );
}

/** A route no feature claims (e.g. after an update removed a screen): say so and offer the way home. */
export function NotFoundScreen() {
  const t = useT();
  return (
    <UnlockedShell screen="home">
      <div className="card">
        <PageHeader title={t('common.notFound.title')} />
        <p>{t('common.notFound.body')}</p>
      </div>
    </UnlockedShell>
  );
}
