import type { Handlers } from '../ipc/router';
import type { VaultSession } from '../vault/vault-session';
import type { AutoLock } from './auto-lock';

type VaultHandlers = Pick<
  Handlers,
  'vault.status' | 'vault.create' | 'vault.unlock' | 'vault.unlockWithRecoveryKey' | 'vault.lock' | 'vault.changePassphrase' | 'session.activity'
>;

export function vaultHandlers(deps: { session: VaultSession; autoLock: AutoLock }): VaultHandlers {
  const { session, autoLock } = deps;
  return {
    'vault.status': () => session.status(),
    'vault.create': async ({ profile, passphrase }) => {
      const { recoveryKey } = await session.create(profile, passphrase);
      return { recoveryKey, status: session.status() };
    },
    'vault.unlock': ({ passphrase }) => session.unlock(passphrase),
    'vault.unlockWithRecoveryKey': ({ recoveryKey, newPassphrase }) => session.unlockWithRecoveryKey(recoveryKey, newPassphrase),
    'vault.lock': () => session.lock('user'),
    'vault.changePassphrase': async ({ current, next }) => {
      await session.changePassphrase(current, next);
      return { changed: true as const };
    },
    'session.activity': () => ({ lockInSeconds: autoLock.touch() }),
  };
}
