import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/ipc/settings';
import { useI18n } from '../../app/i18n';
import { UnlockedShell } from '../../app/shell';
import { PageHeader } from '../../components/page-header';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { AutoLockSection } from './auto-lock-section';
import { RetentionSection } from './retention-section';
import { WorkloadLimitSection } from './workload-limit-section';
import { useVault } from '../../app/vault-state';
import { BackupSection } from './backup-section';
import { ChangePassphraseSection } from './change-passphrase-section';
import { RotateKeySection } from './rotate-key-section';
import { LanguageSection } from './language-section';
import { SigningIdentitySection } from './signing-identity-section';
import { TemplatesSection } from './templates-section';
import { TokenSection } from './token-section';
import { TrustedSignersSection } from './trusted-signers-section';
import { TrustStoreSection } from './trust-store-section';

export function SettingsScreen() {
  const { t, tError } = useI18n();
  const profile = useVault().status.profile;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void api.invoke('settings.get', {}).then((result) => {
      if (!current) return;
      if (result.ok) setSettings(result.value);
      else setLoadError(tError(result.error));
    });
    return () => {
      current = false;
    };
  }, [tError]);

  return (
    <UnlockedShell screen="settings">
      <div className="content content-narrow">
        <PageHeader title={t('settings.title')} description={<p>{t('settings.intro')}</p>} />
        {loadError ? <StatusMessage tone="error" title={loadError} /> : null}
        <LanguageSection onSaved={setSettings} />
        <AutoLockSection settings={settings} onSaved={setSettings} />
        <RetentionSection />
        {profile === 'DK' ? <WorkloadLimitSection /> : null}
        <ChangePassphraseSection />
        <RotateKeySection />
        <SigningIdentitySection />
        <TokenSection />
        <TrustedSignersSection />
        <TrustStoreSection />
        <TemplatesSection />
        <BackupSection />
      </div>
    </UnlockedShell>
  );
}
