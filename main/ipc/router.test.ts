import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from './router';
import { AppError } from './app-error';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const fail = () => {
    throw new Error('not used');
  };
  return new Proxy(overrides as Handlers, {
    get: (target, key) => (target as Record<string | symbol, unknown>)[key] ?? fail,
  });
}

describe('router', () => {
  it('maps an AppError to its code, key and params', async () => {
    const router = createRouter(
      handlersWith({
        'vault.unlock': () => {
          throw new AppError('throttled', 'error.throttled', { seconds: 4 });
        },
      }),
    );
    expect(await router.invoke('vault.unlock', { passphrase: 'x' })).toEqual({
      ok: false,
      error: { code: 'throttled', messageKey: 'error.throttled', params: { seconds: 4 } },
    });
  });

  it('hides an unexpected error behind a generic internal error and reports only its class', async () => {
    const seen: unknown[] = [];
    const router = createRouter(
      handlersWith({
        'vault.lock': () => {
          throw new TypeError('Ola Testmann secret detail');
        },
      }),
      (event) => seen.push(event),
    );
    const result = await router.invoke('vault.lock', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'error.internal' } });
    expect(seen).toEqual([{ channel: 'vault.lock', code: 'internal', errorName: 'TypeError' }]);
  });

  it('refuses to return output that breaks the contract', async () => {
    const router = createRouter(handlersWith({ 'vault.status': () => ({ state: 'open-sesame' }) as never }));
    const result = await router.invoke('vault.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('lists the failing fields of invalid input by path, never their values', async () => {
    const router = createRouter(handlersWith({}));
    const result = await router.invoke('vault.create', { profile: 'SE', passphrase: 'Kari Fiktiv' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'error.invalid_input', fields: ['profile'] },
    });
    expect(JSON.stringify(result)).not.toContain('Kari');
  });
});
