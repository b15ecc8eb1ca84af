import { useEffect, useState } from 'react';
import { vaultHealthReasonKey, type VaultHealthView } from '../../../shared/ipc/vault';
import { useT } from '../../app/i18n';
import { useVault } from '../../app/vault-state';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';

const POLL_MS = 500;

/**
 * The full integrity check that runs after unlock (in a worker in the main process): a quiet
 * "Checking the vault …" line while it runs, nothing once it passes, a clear banner if the file is
 * damaged (writes are refused then) or if the check could not run. When it settles, the vault
 * status is read again, so an audit finding from the check's walk of the chain shows in the alarm.
 */
export function VaultHealthBanner() {
  const t = useT();
  const { setStatus } = useVault();
  const [health, setHealth] = useState<VaultHealthView | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await api.invoke('vault.health', {});
      if (stopped || !result.ok) return;
      setHealth(result.value);
      if (result.value.state === 'pending') {
        timer = setTimeout(() => void poll(), POLL_MS);
        return;
      }
      const status = await api.invoke('vault.status', {});
      if (!stopped && status.ok && status.value.state === 'unlocked') setStatus(status.value);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [setStatus]);

  if (health?.state === 'pending') {
    return (
      <p className="content muted" role="status" data-testid="vault-health-pending">
        {t('vaultHealth.banner.pending')}
      </p>
    );
  }
  if (health?.state === 'failed') {
    return (
      <div className="content" data-testid="vault-health-failed">
        <StatusMessage tone="error">{t('vaultHealth.banner.failed', { check: health.check ?? '' })}</StatusMessage>
      </div>
    );
  }
  if (health?.state === 'unchecked') {
    return (
      <div className="content" data-testid="vault-health-unchecked">
        <StatusMessage tone="warning">
          {t('vaultHealth.banner.unchecked', { reason: t(vaultHealthReasonKey(health.reason)) })}
        </StatusMessage>
      </div>
    );
  }
  return null;
}
