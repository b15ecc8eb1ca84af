import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { IpcError, IpcResult } from '../../shared/ipc/result';
import { loadedFor, LoadStore, type Loaded } from './load-store';

export type { Loaded } from './load-store';

export interface Load<T> {
  loaded: Loaded<T>;
  /** The newest answer for any key (see LoadStore.latest); `loaded` alone says what the current key has. */
  latest: T | undefined;
  /** Asks again for the same key; the value stays on screen until the answer replaces it. */
  reload(): void;
  /** Shows a value the main process already answered with (after a save), without asking again. */
  set(value: T): void;
}

/**
 * Every screen's data loading (issue 17): `load` is called whenever `key` changes (null: not needed now),
 * answers for an earlier key are dropped, and a failure is a `failed` state carrying the catalog error —
 * never an empty list. `load` may read the render's current values; only `key` decides when it runs.
 */
export function useLoad<T>(key: string | null, load: () => Promise<IpcResult<T>>): Load<T> {
  const [store] = useState(() => new LoadStore<T>());
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  const [round, setRound] = useState(0);

  useEffect(() => {
    void store.request(key, () => latest.current());
    return () => store.cancel();
  }, [store, key, round]);

  const snapshot = useSyncExternalStore(store.subscribe, store.read, store.read);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback((value: T) => store.set(value), [store]);
  // latest changes only together with the snapshot, so this render reads it consistently.
  return { loaded: loadedFor(snapshot, key), latest: store.latest(), reload, set };
}

/** The answer's value passed through `pick`, or the refusal as it came. */
export function mapOk<T, U>(result: IpcResult<T>, pick: (value: T) => U): IpcResult<U> {
  return result.ok ? { ok: true, value: pick(result.value) } : result;
}

/** A failed load as a screen shows it: what happened, and how to ask again. */
export interface LoadFailure {
  error: IpcError;
  retry(): void;
}

/** The failure of a load, or null while it is idle, loading or ready. */
export function failureOf<T>(load: Load<T>): LoadFailure | null {
  return load.loaded.state === 'failed' ? { error: load.loaded.error, retry: load.reload } : null;
}

/** The value when ready, else `fallback` (for pieces of a screen that render before their data). */
export function valueOr<T, F>(loaded: Loaded<T>, fallback: F): T | F {
  return loaded.state === 'ready' ? loaded.value : fallback;
}
