import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { IpcError } from '../../shared/ipc/result';
import type { Settings } from '../../shared/ipc/settings';
import type { VaultStatus } from '../../shared/ipc/vault';
import { CreateVaultScreen } from '../features/vault/create-vault-screen';
import { RecoveryKeyScreen } from '../features/vault/recovery-key-screen';
import { UnlockScreen } from '../features/vault/unlock-screen';
import { RestoreScreen } from '../features/vault/restore-screen';
import { HomeScreen } from '../features/home/home-screen';
import { SettingsScreen } from '../features/settings/settings-screen';
import { FeatureScreen } from './feature-screens';
import { api } from '../lib/api';
import { useI18n } from './i18n';
import { isUnlockedScreen, RouterProvider, useRouter } from './router';
import { LoadingScreen, StartupProblemScreen } from './system-screens';
import { useAutoLock } from './use-auto-lock';
import { routeForStatus, useVault, VaultProvider } from './vault-state';

type Boot =
  | { phase: 'loading' }
  | { phase: 'failed'; error: IpcError }
  | { phase: 'ready'; status: VaultStatus; settings: Settings };

function sameStatus(a: VaultStatus, b: VaultStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Picks the screen for the route, and sends every unlocked screen to the unlock screen on lock. */
function Screens() {
  const { route, navigate } = useRouter();
  const { status, setStatus } = useVault();
  const unlockedScreen = isUnlockedScreen(route.screen);
  const unlockedRef = useRef(unlockedScreen);
  useLayoutEffect(() => {
    unlockedRef.current = unlockedScreen;
  }, [unlockedScreen]);

  const onLocked = useCallback(() => {
    if (!unlockedRef.current) return;
    unlockedRef.current = false;
    navigate({ screen: 'unlock', mode: 'passphrase', notice: 'autoLocked' });
  }, [navigate]);

  const onStatus = useCallback(
    (next: VaultStatus) => (sameStatus(next, status) ? undefined : setStatus(next)),
    [status, setStatus],
  );

  useEffect(() => api.onLocked(onLocked), [onLocked]);
  useAutoLock({ active: unlockedScreen, onStatus, onLocked });

  switch (route.screen) {
    case 'create':
      return <CreateVaultScreen />;
    case 'recovery':
      return <RecoveryKeyScreen recoveryKey={route.recoveryKey} />;
    case 'unlock':
      return <UnlockScreen key={route.mode} mode={route.mode} notice={route.notice} />;
    case 'restore':
      return <RestoreScreen from={route.from} />;
    case 'home':
      return <HomeScreen />;
    case 'settings':
      return <SettingsScreen category={route.category} />;
    default:
      return <FeatureScreen route={route} />;
  }
}

/** Reads what the first screen needs: the UI language and the vault state. */
async function bootstrap(): Promise<Boot> {
  const [settings, status] = await Promise.all([api.invoke('settings.get', {}), api.invoke('vault.status', {})]);
  if (!settings.ok) return { phase: 'failed', error: settings.error };
  if (!status.ok) return { phase: 'failed', error: status.error };
  return { phase: 'ready', status: status.value, settings: settings.value };
}

export function App() {
  const { setLocale } = useI18n();
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });

  const apply = useCallback(
    (next: Boot) => {
      if (next.phase === 'ready') setLocale(next.settings.uiLanguage);
      setBoot(next);
    },
    [setLocale],
  );

  useEffect(() => {
    let current = true;
    void bootstrap().then((next) => current && apply(next));
    return () => {
      current = false;
    };
  }, [apply]);

  const retry = () => {
    setBoot({ phase: 'loading' });
    void bootstrap().then(apply);
  };

  if (boot.phase === 'loading') return <LoadingScreen />;
  if (boot.phase === 'failed') return <StartupProblemScreen error={boot.error} onRetry={retry} />;
  return (
    <VaultProvider initial={boot.status}>
      <RouterProvider initial={routeForStatus(boot.status)}>
        <Screens />
      </RouterProvider>
    </VaultProvider>
  );
}
