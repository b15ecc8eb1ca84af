import { describe, expect, it } from 'vitest';
import { recoveryErrorField, retrySeconds } from './unlock-errors';

describe('unlock failures', () => {
  it('reads the wait from a wrong passphrase or a throttle, rounded up', () => {
    expect(
      retrySeconds({
        code: 'wrong_passphrase',
        messageKey: 'error.wrong_passphrase',
        params: { seconds: 4, attempts: 3 },
      }),
    ).toBe(4);
    expect(retrySeconds({ code: 'throttled', messageKey: 'error.throttled', params: { seconds: 1.2 } })).toBe(2);
  });

  it('waits for nothing when the error carries no usable seconds', () => {
    expect(retrySeconds({ code: 'internal', messageKey: 'error.internal' })).toBe(0);
    expect(retrySeconds({ code: 'throttled', messageKey: 'error.throttled', params: { seconds: 'soon' } })).toBe(0);
    expect(retrySeconds({ code: 'throttled', messageKey: 'error.throttled', params: { seconds: -3 } })).toBe(0);
  });

  it('puts a wrong recovery key on the key field and a weak passphrase on the passphrase field', () => {
    expect(recoveryErrorField({ code: 'wrong_passphrase', messageKey: 'error.wrong_recovery_key' })).toBe(
      'recoveryKey',
    );
    expect(recoveryErrorField({ code: 'weak_passphrase', messageKey: 'error.weak_passphrase' })).toBe('passphrase');
    expect(
      recoveryErrorField({ code: 'invalid_input', messageKey: 'error.invalid_input', fields: ['recoveryKey'] }),
    ).toBe('recoveryKey');
    expect(recoveryErrorField({ code: 'vault_corrupt', messageKey: 'error.vault_corrupt' })).toBeNull();
  });
});
