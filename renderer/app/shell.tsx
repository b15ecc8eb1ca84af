import type { ReactNode } from 'react';
import { Bridge, House, Lock, Settings, Contact, FolderOpen, ShieldCheck, Users } from 'lucide-react';
import { lowestGrading } from '../../shared/domain/grading';
import { Button } from '../components/button';
import { GradingBanner } from '../components/grading-banner';
import { api } from '../lib/api';
import { PROFILE_NAME_KEY } from '../lib/labels';
import { useT } from './i18n';
import { useRouter, type Screen } from './router';
import { useVault } from './vault-state';
import { navScreens } from './nav-screens';
import { AuditAlarm, RepairAlarm } from '../features/vault/audit-alarm';
import { VaultHealthBanner } from '../features/vault/vault-health-banner';

function AppName() {
  const t = useT();
  return (
    <span className="app-name">
      <span className="app-mark" aria-hidden="true">
        <Bridge className="icon" />
      </span>
      {t('common.appName')}
    </span>
  );
}

/** Screens before unlock (create, unlock, system messages): a plain header and a centred column. */
export function PublicShell({ screen, children }: { screen: string; children: ReactNode }) {
  return (
    <div className="shell shell-public">
      <header className="app-header">
        <div className="app-bar">
          <AppName />
        </div>
      </header>
      <main className="main main-narrow" data-screen={screen}>
        {children}
      </main>
    </div>
  );
}

function MainNav({ current }: { current: Screen }) {
  const t = useT();
  const { navigate } = useRouter();
  const offered = new Set<string>(navScreens(useVault().status.profile));
  const all = [
    { screen: 'home', label: t('common.nav.home'), icon: House },
    { screen: 'cases', label: t('common.nav.cases'), icon: FolderOpen },
    { screen: 'mentors', label: t('common.nav.mentors'), icon: Users },
    { screen: 'contacts', label: t('common.nav.contacts'), icon: Contact },
    { screen: 'verify', label: t('common.nav.verify'), icon: ShieldCheck },
    { screen: 'settings', label: t('common.nav.settings'), icon: Settings },
  ] as const;
  // A DK vault has no NO-only screen (the contact register, NO pkt 2).
  const items = all.filter((item) => offered.has(item.screen));
  return (
    <nav className="main-nav" aria-label={t('common.nav.label')}>
      <ul>
        {items.map(({ screen, label, icon: Icon }) => (
          <li key={screen}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === screen ? 'page' : undefined}
              onClick={() => navigate({ screen })}
            >
              <Icon className="icon" aria-hidden="true" />
              <span>{label}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LockButton() {
  const t = useT();
  const { setStatus } = useVault();
  const { navigate } = useRouter();
  const lock = async () => {
    const result = await api.invoke('vault.lock', {});
    if (result.ok) setStatus(result.value);
    navigate({ screen: 'unlock', mode: 'passphrase' });
  };
  return (
    <Button variant="secondary" icon={Lock} onClick={() => void lock()}>
      {t('common.lock')}
    </Button>
  );
}

/**
 * Screens of an unlocked vault: the grading banner always on top, then the app bar. The recovery-key
 * step shows no navigation, so it cannot be skipped by accident.
 */
export function UnlockedShell({
  screen,
  navigation = true,
  children,
}: {
  screen: Screen;
  navigation?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const { status } = useVault();
  const profile = status.profile;
  const level = status.highestGrading ?? (profile ? lowestGrading(profile) : undefined);
  return (
    <div className="shell shell-unlocked">
      <header className="app-header">
        {level ? <GradingBanner level={level} /> : null}
        <div className="app-bar">
          <AppName />
          {profile ? <span className="app-profile">{t(PROFILE_NAME_KEY[profile])}</span> : null}
          {navigation ? (
            <>
              <MainNav current={screen} />
              <div className="app-bar-end">
                <LockButton />
              </div>
            </>
          ) : null}
        </div>
      </header>
      <main className="main" data-screen={screen}>
        <VaultHealthBanner />
        <AuditAlarm findings={status.auditFindings} />
        <RepairAlarm repairs={status.repairs} />
        {children}
      </main>
    </div>
  );
}
