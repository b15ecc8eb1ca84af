import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { IpcResult } from '../../shared/ipc/result';
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
import { useLoad } from '../lib/use-load';
import { useI18n } from './i18n';
import { isUnlockedScreen, RouterProvider, useRouter } from './router';
import { LoadingScreen, StartupProblemScreen } from './system-screens';
import { useAutoLock } from './use-auto-lock';
import { routeForStatus, useVault, VaultProvider } from './vault-state';

/** What the first screen needs: the UI language and the vault state. */
interface Boot {
  status: VaultStatus;
  settings: Settings;
}

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
async function bootstrap(): Promise<IpcResult<Boot>> {
  const [settings, status] = await Promise.all([api.invoke('settings.get', {}), api.invoke('vault.status', {})]);
  if (!settings.ok) return settings;
  if (!status.ok) return status;
  return { ok: true, value: { status: status.value, settings: settings.value } };
}

export function App() {
  const { setLocale } = useI18n();
  // The language is set with the answer, before the first screen renders, so it never shows in another one.
  const boot = useLoad('bootstrap', async () => {
    const result = await bootstrap();
    if (result.ok) setLocale(result.value.settings.uiLanguage);
    return result;
  });

  const { loaded } = boot;
  if (loaded.state === 'failed') return <StartupProblemScreen error={loaded.error} onRetry={boot.reload} />;
  if (loaded.state !== 'ready') return <LoadingScreen />;
  return (
    <VaultProvider initial={loaded.value.status}>
      <RouterProvider initial={routeForStatus(loaded.value.status)}>
        <Screens />
      </RouterProvider>
    </VaultProvider>
  );
}
