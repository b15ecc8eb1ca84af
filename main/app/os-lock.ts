import { powerMonitor } from 'electron';
import type { VaultSession } from '../vault/vault-session';

/**
 * Locks the vault when the operating system locks the screen or goes to sleep: whoever unlocks the
 * workstation next must know the vault's passphrase too. Call after `app` is ready.
 */
export function lockWithOperatingSystem(session: VaultSession): void {
  powerMonitor.on('lock-screen', () => session.lock('os'));
  powerMonitor.on('suspend', () => session.lock('os'));
}
