import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../shared/ipc/result';
import { loadedFor, LoadStore } from './load-store';

/** A load whose answer the test gives when it wants, to put answers out of order. */
function deferred<T>() {
  let answer!: (result: IpcResult<T>) => void;
  let fail!: (reason: unknown) => void;
  const promise = new Promise<IpcResult<T>>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { promise, answer, fail };
}

const notFound = { code: 'not_found', messageKey: 'error.notFound' } as const;

describe('LoadStore: one stale-response guard for every screen', () => {
  it('drops a slow answer for the earlier key when the key changed meanwhile', async () => {
    const store = new LoadStore<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    const firstDone = store.request('case-a', () => first.promise);
    const secondDone = store.request('case-b', () => second.promise);
    second.answer({ ok: true, value: 'B' });
    await secondDone;
    first.answer({ ok: true, value: 'A' });
    await firstDone;
    expect(store.read()).toEqual({ key: 'case-b', loaded: { state: 'ready', value: 'B' } });
  });

  it('drops an answer that arrives after the screen cancelled (left)', async () => {
    const store = new LoadStore<string>();
    const pending = deferred<string>();
    const done = store.request('case-a', () => pending.promise);
    store.cancel();
    pending.answer({ ok: true, value: 'A' });
    await done;
    expect(store.read().loaded).toEqual({ state: 'loading' });
  });

  it('surfaces a refusal as failed with the catalog error, not as empty data', async () => {
    const store = new LoadStore<string[]>();
    await store.request('list', async () => ({ ok: false, error: notFound }));
    expect(store.read().loaded).toEqual({ state: 'failed', error: notFound });
  });

  it('turns a thrown or rejected load into the internal error', async () => {
    const store = new LoadStore<string[]>();
    await store.request('list', () => Promise.reject(new Error('bridge gone')));
    expect(store.read().loaded).toEqual({ state: 'failed', error: { code: 'internal', messageKey: 'error.internal' } });
    await store.request('list', () => {
      throw new Error('synchronous');
    });
    expect(store.read().loaded).toMatchObject({ state: 'failed' });
  });

  it('reload keeps the value on screen until the new answer replaces it', async () => {
    const store = new LoadStore<number>();
    await store.request('count', async () => ({ ok: true, value: 1 }));
    const again = deferred<number>();
    const done = store.request('count', () => again.promise);
    expect(store.read().loaded).toEqual({ state: 'ready', value: 1 });
    again.answer({ ok: true, value: 2 });
    await done;
    expect(store.read().loaded).toEqual({ state: 'ready', value: 2 });
  });

  it('a reload that fails shows the failure, and a retry after it shows loading then the value', async () => {
    const store = new LoadStore<number>();
    await store.request('count', async () => ({ ok: true, value: 1 }));
    await store.request('count', async () => ({ ok: false, error: notFound }));
    expect(store.read().loaded).toEqual({ state: 'failed', error: notFound });
    const retry = deferred<number>();
    const done = store.request('count', () => retry.promise);
    expect(store.read().loaded).toEqual({ state: 'loading' });
    retry.answer({ ok: true, value: 3 });
    await done;
    expect(store.read().loaded).toEqual({ state: 'ready', value: 3 });
  });

  it('a new key shows loading at once, not the previous key’s value', async () => {
    const store = new LoadStore<string>();
    await store.request('case-a', async () => ({ ok: true, value: 'A' }));
    void store.request('case-b', () => new Promise(() => undefined));
    expect(store.read()).toEqual({ key: 'case-b', loaded: { state: 'loading' } });
  });

  it('keeps the newest answer of any key as latest, while the next key loads or fails', async () => {
    const store = new LoadStore<string>();
    expect(store.latest()).toBeUndefined();
    await store.request('filter-a', async () => ({ ok: true, value: 'A' }));
    void store.request('filter-b', () => new Promise(() => undefined));
    expect(store.read().loaded).toEqual({ state: 'loading' });
    expect(store.latest()).toBe('A');
    await store.request('filter-c', async () => ({ ok: false, error: notFound }));
    expect(store.read().loaded).toEqual({ state: 'failed', error: notFound });
    expect(store.latest()).toBe('A');
    store.set('saved');
    expect(store.latest()).toBe('saved');
  });

  it('a null key asks for nothing and drops what was on its way', async () => {
    const store = new LoadStore<string>();
    const pending = deferred<string>();
    let calls = 0;
    const done = store.request('case-a', () => pending.promise);
    await store.request(null, () => {
      calls += 1;
      return pending.promise;
    });
    pending.answer({ ok: true, value: 'A' });
    await done;
    expect(calls).toBe(0);
    expect(store.read()).toEqual({ key: null, loaded: { state: 'idle' } });
  });

  it('set shows a value answered by a save and drops a load still on its way', async () => {
    const store = new LoadStore<string>();
    const pending = deferred<string>();
    const done = store.request('status', () => pending.promise);
    store.set('locked');
    pending.answer({ ok: true, value: 'unlocked' });
    await done;
    expect(store.read().loaded).toEqual({ state: 'ready', value: 'locked' });
  });

  it('tells each listener about every change, and not after it unsubscribed', async () => {
    const store = new LoadStore<number>();
    const seen: string[] = [];
    const stop = store.subscribe(() => seen.push(store.read().loaded.state));
    await store.request('n', async () => ({ ok: true, value: 1 }));
    stop();
    await store.request('m', async () => ({ ok: true, value: 2 }));
    expect(seen).toEqual(['loading', 'ready']);
  });

  it('a render for another key than the answer’s sees loading (or idle for none)', () => {
    const snapshot = { key: 'case-a', loaded: { state: 'ready' as const, value: 'A' } };
    expect(loadedFor(snapshot, 'case-a')).toEqual({ state: 'ready', value: 'A' });
    expect(loadedFor(snapshot, 'case-b')).toEqual({ state: 'loading' });
    expect(loadedFor(snapshot, null)).toEqual({ state: 'idle' });
  });
});
