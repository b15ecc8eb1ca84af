import { useEffect, useRef } from 'react';
import type { VaultStatus } from '../../shared/ipc/vault';
import { api } from '../lib/api';

/** User input is reported at most this often; the main process keeps the real idle timer. */
export const ACTIVITY_INTERVAL_MS = 30_000;
/** How often the vault state is checked, so an auto-lock in the main process reaches the screen. */
export const STATUS_POLL_MS = 15_000;

interface AutoLockOptions {
  /** True while an unlocked screen is shown. */
  active: boolean;
  onStatus(status: VaultStatus): void;
  onLocked(): void;
}

/**
 * While the vault is unlocked: reports keyboard and pointer activity with `session.activity` (at most
 * every 30 s) and polls `vault.status` every 15 s; a status that is no longer unlocked calls onLocked.
 * A `locked` error from any other call reaches onLocked through `api.onLocked`.
 */
export function useAutoLock({ active, onStatus, onLocked }: AutoLockOptions): void {
  const callbacks = useRef({ onStatus, onLocked });
  useEffect(() => {
    callbacks.current = { onStatus, onLocked };
  });

  useEffect(() => {
    if (!active) return undefined;
    let lastReport = 0;
    const reportActivity = () => {
      const now = Date.now();
      if (now - lastReport < ACTIVITY_INTERVAL_MS) return;
      lastReport = now;
      void api.invoke('session.activity', {});
    };
    const poll = async () => {
      const result = await api.invoke('vault.status', {});
      if (!result.ok) return;
      if (result.value.state === 'unlocked') callbacks.current.onStatus(result.value);
      else callbacks.current.onLocked();
    };
    window.addEventListener('keydown', reportActivity, { capture: true, passive: true });
    window.addEventListener('pointerdown', reportActivity, { capture: true, passive: true });
    const timer = window.setInterval(() => void poll(), STATUS_POLL_MS);
    return () => {
      window.removeEventListener('keydown', reportActivity, { capture: true });
      window.removeEventListener('pointerdown', reportActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [active]);
}
