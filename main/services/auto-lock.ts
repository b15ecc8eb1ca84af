import type { VaultSession } from '../vault/vault-session';

/**
 * Locks the vault after N idle minutes. Every call through the router and every user input the
 * renderer reports counts as activity. The timer never keeps the process alive on its own.
 */
export class AutoLock {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private deadline: number | null = null;

  constructor(
    private readonly session: VaultSession,
    private readonly minutes: () => number,
    private readonly now: () => number = Date.now,
  ) {
    session.onChange((event) => {
      if (event.type === 'unlocked') this.touch();
      else if (event.type === 'locked') this.stop();
    });
  }

  /** Restarts the idle timer; returns seconds until auto-lock, or null while locked. */
  touch(): number | null {
    if (!this.session.isUnlocked) return null;
    this.stop();
    const delayMs = this.minutes() * 60_000;
    this.deadline = this.now() + delayMs;
    this.timer = setTimeout(() => this.session.lock('idle'), delayMs);
    this.timer.unref?.();
    return Math.round(delayMs / 1000);
  }

  secondsLeft(): number | null {
    return this.deadline === null ? null : Math.max(0, Math.round((this.deadline - this.now()) / 1000));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.deadline = null;
  }
}
