import { describe, expect, it } from 'vitest';
import { AppError } from '../../ipc/app-error';
import { pkcs11ReturnName, tokenError } from './token-errors';

/** A token's failures as the person at the keyboard reads them; the PIN never travels with them. */
describe('tokenError', () => {
  it.each([
    ['CKR_PIN_INCORRECT', 'wrong_passphrase', 'token.error.wrongPin'],
    ['CKR_PIN_INVALID', 'wrong_passphrase', 'token.error.wrongPin'],
    ['CKR_PIN_LEN_RANGE', 'wrong_passphrase', 'token.error.wrongPin'],
    ['CKR_PIN_LOCKED', 'forbidden', 'token.error.pinLocked'],
    ['CKR_PIN_EXPIRED', 'forbidden', 'token.error.pinExpired'],
    ['CKR_TOKEN_NOT_PRESENT', 'not_found', 'token.error.tokenNotFound'],
    ['CKR_TOKEN_NOT_RECOGNIZED', 'not_found', 'token.error.tokenNotFound'],
    ['CKR_DEVICE_REMOVED', 'not_found', 'token.error.tokenNotFound'],
    ['CKR_DEVICE_ERROR', 'internal', 'token.error.device'],
    ['CKR_KEY_FUNCTION_NOT_PERMITTED', 'forbidden', 'token.error.keyCannotSign'],
    ['CKR_MECHANISM_INVALID', 'unreadable', 'token.error.unsupportedKey'],
  ])('%s → %s, %s', (name, code, messageKey) => {
    const error = tokenError(new Error(`C_Login:${name}`));
    expect(error).toBeInstanceOf(AppError);
    expect([error.code, error.messageKey]).toEqual([code, messageKey]);
  });

  it('names an unmapped return value in the general message', () => {
    const error = tokenError(new Error('C_Sign failed: CKR_FUNCTION_FAILED'));
    expect([error.code, error.messageKey, error.params]).toEqual([
      'internal',
      'token.error.failed',
      { code: 'CKR_FUNCTION_FAILED' },
    ]);
  });

  it('a failure that is no PKCS#11 return value is "unknown", and its text is not passed on', () => {
    const error = tokenError(new Error('PIN 123456 rejected by driver'));
    expect([error.code, error.messageKey, error.params]).toEqual([
      'internal',
      'token.error.failed',
      { code: 'unknown' },
    ]);
    expect(JSON.stringify(error)).not.toContain('123456');
    expect(tokenError('CKR_PIN_INCORRECT').messageKey).toBe('token.error.failed');
  });

  it('passes an AppError through unchanged', () => {
    const original = new AppError('forbidden', 'token.error.pinLocked');
    expect(tokenError(original)).toBe(original);
  });
});

describe('pkcs11ReturnName', () => {
  it('finds the name in the message or in the stack, as a whole word', () => {
    expect(pkcs11ReturnName(new Error('CKR_PIN_LOCKED'))).toBe('CKR_PIN_LOCKED');
    const inStack = new Error('native failure');
    inStack.stack = 'Error: native failure\n    at C_Login (CKR_TOKEN_NOT_PRESENT)';
    expect(pkcs11ReturnName(inStack)).toBe('CKR_TOKEN_NOT_PRESENT');
    expect(pkcs11ReturnName(new Error('XCKR_PIN_LOCKED'))).toBeNull();
    expect(pkcs11ReturnName({ message: 'CKR_PIN_LOCKED' })).toBeNull();
    expect(pkcs11ReturnName(null)).toBeNull();
  });
});
