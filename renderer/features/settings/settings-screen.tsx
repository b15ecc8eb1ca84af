import { useEffect, useState, type ReactNode } from 'react';
import type { Settings } from '../../../shared/ipc/settings';
import { useI18n } from '../../app/i18n';
import { useRouter, type SettingsCategory } from '../../app/router';
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
import { SettingsCategories } from './settings-categories';
import { SigningIdentitySection } from './signing-identity-section';
import { TemplatesSection } from './templates-section';
import { TokenSection } from './token-section';
import { TrustedSignersSection } from './trusted-signers-section';
import { TrustStoreSection } from './trust-store-section';

/** The sections of one category; only the selected category is rendered. */
function CategorySections({
  category,
  settings,
  onSaved,
}: {
  category: SettingsCategory;
  settings: Settings | null;
  onSaved(settings: Settings): void;
}): ReactNode {
  const profile = useVault().status.profile;
  switch (category) {
    case 'general':
      return (
        <>
          <LanguageSection onSaved={onSaved} />
          <RetentionSection />
          {profile === 'DK' ? <WorkloadLimitSection /> : null}
        </>
      );
    case 'security':
      return (
        <>
          <AutoLockSection settings={settings} onSaved={onSaved} />
          <ChangePassphraseSection />
          <RotateKeySection />
        </>
      );
    case 'signing':
      return (
        <>
          <SigningIdentitySection />
          <TokenSection />
          <TrustedSignersSection />
          <TrustStoreSection />
        </>
      );
    case 'templates':
      return <TemplatesSection />;
    case 'backup':
      return <BackupSection />;
  }
}

/** The category last shown, so the main menu's Settings returns to it while the app runs. */
let lastCategory: SettingsCategory = 'general';

export function SettingsScreen({ category: routed }: { category?: SettingsCategory }) {
  const { t, tError } = useI18n();
  const { navigate } = useRouter();
  const category = routed ?? lastCategory;
  useEffect(() => {
    lastCategory = category;
  }, [category]);
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
      <div className="content">
        <PageHeader title={t('settings.title')} description={<p>{t('settings.intro')}</p>} />
        {loadError ? <StatusMessage tone="error" title={loadError} /> : null}
        <SettingsCategories selected={category} onSelect={(next) => navigate({ screen: 'settings', category: next })}>
          <CategorySections category={category} settings={settings} onSaved={setSettings} />
        </SettingsCategories>
      </div>
    </UnlockedShell>
  );
}
