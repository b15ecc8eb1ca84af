import { useEffect, type ReactNode } from 'react';
import type { Settings } from '../../../shared/ipc/settings';
import { useI18n } from '../../app/i18n';
import { useRouter, type SettingsCategory } from '../../app/router';
import { UnlockedShell } from '../../app/shell';
import { PageHeader } from '../../components/page-header';
import { LoadFailed } from '../../components/load-failed';
import { api } from '../../lib/api';
import { failureOf, useLoad, valueOr } from '../../lib/use-load';
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
  const { t } = useI18n();
  const { navigate } = useRouter();
  const category = routed ?? lastCategory;
  useEffect(() => {
    lastCategory = category;
  }, [category]);
  const settings = useLoad('settings', () => api.invoke('settings.get', {}));
  const failure = failureOf(settings);

  return (
    <UnlockedShell screen="settings">
      <div className="content">
        <PageHeader title={t('settings.title')} description={<p>{t('settings.intro')}</p>} />
        {failure ? <LoadFailed error={failure.error} onRetry={failure.retry} /> : null}
        <SettingsCategories selected={category} onSelect={(next) => navigate({ screen: 'settings', category: next })}>
          <CategorySections category={category} settings={valueOr(settings.loaded, null)} onSaved={settings.set} />
        </SettingsCategories>
      </div>
    </UnlockedShell>
  );
}
