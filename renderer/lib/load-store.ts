import type { IpcError, IpcResult } from '../../shared/ipc/result';

/** What a screen shows for data it asked the main process for. */
export type Loaded<T> =
  { state: 'idle' } | { state: 'loading' } | { state: 'failed'; error: IpcError } | { state: 'ready'; value: T };

export const IDLE: Loaded<never> = { state: 'idle' };
export const LOADING: Loaded<never> = { state: 'loading' };
const INTERNAL: IpcError = { code: 'internal', messageKey: 'error.internal' };

/** What the store holds: the answer and the key it answers. */
export interface LoadSnapshot<T> {
  key: string | null;
  loaded: Loaded<T>;
}

/**
 * The one stale-response guard of the renderer. Each request is numbered; an answer counts only while
 * its number is the latest, so a slow answer for an earlier key (or after the screen went away) is
 * dropped. A thrown load is a broken boundary and shows as the internal error, never as empty data.
 */
export class LoadStore<T> {
  private snapshot: LoadSnapshot<T> = { key: null, loaded: IDLE };
  private last: { value: T } | null = null;
  private sequence = 0;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly read = (): LoadSnapshot<T> => this.snapshot;

  /**
   * The value of the newest answer for any key (undefined before the first): what a screen keeps on
   * screen while the next key loads, when a new key narrows or extends what it shows (a filter, "show more").
   */
  latest(): T | undefined {
    return this.last?.value;
  }

  /**
   * Asks for `key`. A new key shows as loading at once; asking again for the same key keeps the value on
   * screen until the new answer replaces it. A null key asks for nothing (the data is not needed now).
   */
  request(key: string | null, load: () => Promise<IpcResult<T>>): Promise<void> {
    const sequence = ++this.sequence;
    if (key === null) {
      this.publish({ key, loaded: IDLE });
      return Promise.resolve();
    }
    const sameKeyReady = this.snapshot.key === key && this.snapshot.loaded.state === 'ready';
    if (!sameKeyReady) this.publish({ key, loaded: LOADING });
    const settle = (loaded: Loaded<T>) => {
      if (sequence === this.sequence) this.publish({ key, loaded });
    };
    let pending: Promise<IpcResult<T>>;
    try {
      pending = load();
    } catch {
      settle({ state: 'failed', error: INTERNAL });
      return Promise.resolve();
    }
    return pending.then(
      (result) =>
        settle(result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error }),
      () => settle({ state: 'failed', error: INTERNAL }),
    );
  }

  /** Drops every answer still on its way (the screen left, or the key is about to change). */
  cancel(): void {
    this.sequence += 1;
  }

  /** Replaces the value for the current key (a save answered with the new state); pending answers are dropped. */
  set(value: T): void {
    this.sequence += 1;
    this.publish({ key: this.snapshot.key, loaded: { state: 'ready', value } });
  }

  private publish(next: LoadSnapshot<T>): void {
    this.snapshot = next;
    if (next.loaded.state === 'ready') this.last = { value: next.loaded.value };
    this.listeners.forEach((listener) => listener());
  }
}

/** The snapshot as seen by a render for `key`: an answer for another key is not shown. */
export function loadedFor<T>(snapshot: LoadSnapshot<T>, key: string | null): Loaded<T> {
  if (snapshot.key === key) return snapshot.loaded;
  return key === null ? IDLE : LOADING;
}
