import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { VaultStatus } from '../../shared/ipc/vault';
import type { Route } from './router';

export interface VaultState {
  status: VaultStatus;
  setStatus(status: VaultStatus): void;
}

const VaultContext = createContext<VaultState | null>(null);

export function VaultProvider({ initial, children }: { initial: VaultStatus; children: ReactNode }) {
  const [status, setStatus] = useState<VaultStatus>(initial);
  const value = useMemo<VaultState>(() => ({ status, setStatus }), [status]);
  return <VaultContext.Provider value={value}>{children}</VaultContext.Provider>;
}

export function useVault(): VaultState {
  const value = useContext(VaultContext);
  if (!value) throw new Error('useVault outside VaultProvider');
  return value;
}

/** Where the app starts for a given vault state. */
export function routeForStatus(status: VaultStatus): Route {
  switch (status.state) {
    case 'none':
      return { screen: 'create' };
    case 'locked':
      return { screen: 'unlock', mode: 'passphrase' };
    case 'unlocked':
      return { screen: 'home' };
  }
}
