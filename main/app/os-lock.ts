import { powerMonitor } from 'electron';
import type { VaultSession } from '../vault/vault-session';

/** How often the system's idle state is asked whether the screen is locked. */
export const SCREEN_LOCK_POLL_MS = 5_000;

/**
 * Locks the vault when the operating system locks the screen or goes to sleep: whoever unlocks the
 * workstation next must know the vault's passphrase too. Call after `app` is ready.
 *
 * Electron fires 'lock-screen' on macOS and Windows only. So the idle state is also asked every few
 * seconds while the vault is open: it says 'locked' wherever the desktop tells Chromium (on Linux,
 * where the session's screen saver reports it). Where neither is told, the idle auto-lock applies.
 * Returns the function that stops asking.
 */
export function lockWithOperatingSystem(session: VaultSession): () => void {
  powerMonitor.on('lock-screen', () => session.lock('os'));
  powerMonitor.on('suspend', () => session.lock('os'));
  const poll = setInterval(() => {
    if (session.isUnlocked && powerMonitor.getSystemIdleState(1) === 'locked') session.lock('os');
  }, SCREEN_LOCK_POLL_MS);
  poll.unref();
  return () => clearInterval(poll);
}
