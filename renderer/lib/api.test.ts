import { describe, expect, it } from 'vitest';
import type { BroBridge } from '../../shared/ipc/bridge';
import { createApi } from './api';

/** A stand-in for the process boundary: answers each channel with what the test gives it. */
function bridgeAnswering(answer: (channel: string, input: unknown) => unknown): BroBridge & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    invoke: async (channel, input) => {
      calls.push(channel);
      return answer(channel, input) as Awaited<ReturnType<BroBridge['invoke']>>;
    },
  };
}

describe('typed IPC client', () => {
  it('returns the value of a successful call, checked against the contract', async () => {
    const api = createApi(() => bridgeAnswering(() => ({ ok: true, value: { uiLanguage: 'da', autoLockMinutes: 5 } })));
    const result = await api.invoke('settings.get', {});
    expect(result).toEqual({ ok: true, value: { uiLanguage: 'da', autoLockMinutes: 5 } });
  });

  it('passes an expected failure through as a value instead of throwing', async () => {
    const error = {
      code: 'wrong_passphrase',
      messageKey: 'error.wrong_passphrase',
      params: { seconds: 2, attempts: 1 },
    };
    const api = createApi(() => bridgeAnswering(() => ({ ok: false, error })));
    await expect(api.invoke('vault.unlock', { passphrase: 'feil passordfrase' })).resolves.toEqual({
      ok: false,
      error,
    });
  });

  it('turns an answer that breaks the contract into an internal error', async () => {
    const api = createApi(() => bridgeAnswering(() => ({ ok: true, value: { uiLanguage: 'sv', autoLockMinutes: 5 } })));
    const result = await api.invoke('settings.get', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'error.internal' } });
  });

  it('turns a bridge that throws into an internal error', async () => {
    const api = createApi(() =>
      bridgeAnswering(() => {
        throw new Error('boundary broke');
      }),
    );
    await expect(api.invoke('vault.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('answers with an internal error when no bridge is installed', async () => {
    const api = createApi(() => null);
    await expect(api.invoke('vault.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('tells its listeners when any call reports a locked vault, and stops after unsubscribe', async () => {
    const api = createApi(() =>
      bridgeAnswering(() => ({ ok: false, error: { code: 'locked', messageKey: 'error.locked' } })),
    );
    let heard = 0;
    const stop = api.onLocked(() => (heard += 1));
    await api.invoke('vault.changePassphrase', { current: 'gammel frase her', next: 'ny og lang frase her' });
    stop();
    await api.invoke('vault.changePassphrase', { current: 'gammel frase her', next: 'ny og lang frase her' });
    expect(heard).toBe(1);
  });

  it('does not treat other failures as a lock', async () => {
    const api = createApi(() =>
      bridgeAnswering(() => ({
        ok: false,
        error: { code: 'throttled', messageKey: 'error.throttled', params: { seconds: 8 } },
      })),
    );
    let heard = 0;
    api.onLocked(() => (heard += 1));
    await api.invoke('vault.unlock', { passphrase: 'en passordfrase' });
    expect(heard).toBe(0);
  });
});
