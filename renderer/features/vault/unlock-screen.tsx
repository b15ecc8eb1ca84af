import { useEffect, useState } from 'react';
import { DatabaseBackup } from 'lucide-react';
import { useI18n } from '../../app/i18n';
import { useRouter, type UnlockMode } from '../../app/router';
import { PublicShell } from '../../app/shell';
import { routeForStatus, useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { LoadFailed } from '../../components/load-failed';
import { PageHeader } from '../../components/page-header';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { failureOf, useLoad } from '../../lib/use-load';
import { PROFILE_NAME_KEY } from '../../lib/labels';
import { PassphraseUnlockForm } from './passphrase-unlock-form';
import { RecoveryUnlockForm } from './recovery-unlock-form';
import { useCountdown } from './use-countdown';

/**
 * The locked vault. Reads the vault state on arrival so a throttle that is still running (after
 * wrong passphrases, also across restarts) shows its countdown at once.
 */
export function UnlockScreen({ mode, notice }: { mode: UnlockMode; notice?: 'autoLocked' }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { status, setStatus } = useVault();
  const countdown = useCountdown();
  const [noticeShown, setNoticeShown] = useState(notice === 'autoLocked');
  const { start } = countdown;
  const arrival = useLoad('vault-status', () => api.invoke('vault.status', {}));
  const failure = failureOf(arrival);

  // Acts once on the answer: the vault may be open already (another window), or still throttled.
  const { loaded } = arrival;
  useEffect(() => {
    if (loaded.state !== 'ready') return;
    setStatus(loaded.value);
    if (loaded.value.state !== 'locked') navigate(routeForStatus(loaded.value));
    else start(loaded.value.retryAfterSeconds ?? 0);
  }, [loaded, navigate, setStatus, start]);

  const profileName = status.profile ? t(PROFILE_NAME_KEY[status.profile]) : null;
  const recovery = mode === 'recoveryKey';
  return (
    <PublicShell screen="unlock">
      <div className="card">
        <PageHeader
          title={recovery ? t('vault.unlock.recoveryTitle') : t('vault.unlock.title')}
          description={
            <p>
              {recovery
                ? t('vault.unlock.recoveryIntro')
                : profileName
                  ? t('vault.unlock.intro', { profile: profileName })
                  : t('vault.unlock.introNoProfile')}
            </p>
          }
        />
        {failure ? <LoadFailed error={failure.error} onRetry={failure.retry} /> : null}
        {noticeShown ? (
          <StatusMessage tone="info">
            <p>{t('vault.unlock.lockedNotice')}</p>
          </StatusMessage>
        ) : null}
        {recovery ? (
          <RecoveryUnlockForm countdown={countdown} onBack={() => navigate({ screen: 'unlock', mode: 'passphrase' })} />
        ) : (
          <PassphraseUnlockForm
            countdown={countdown}
            onAttempt={() => setNoticeShown(false)}
            onUseRecoveryKey={() => navigate({ screen: 'unlock', mode: 'recoveryKey' })}
          />
        )}
        <div className="form-links">
          <Button variant="link" icon={DatabaseBackup} onClick={() => navigate({ screen: 'restore', from: 'unlock' })}>
            {t('restore.open')}
          </Button>
        </div>
      </div>
    </PublicShell>
  );
}
