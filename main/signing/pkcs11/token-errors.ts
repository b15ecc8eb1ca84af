import { AppError, isAppError } from '../../ipc/app-error';

/** What a PKCS#11 return value means to the person at the keyboard. */
const MESSAGES: Readonly<Record<string, { code: AppError['code']; messageKey: string }>> = {
  CKR_PIN_INCORRECT: { code: 'wrong_passphrase', messageKey: 'token.error.wrongPin' },
  CKR_PIN_INVALID: { code: 'wrong_passphrase', messageKey: 'token.error.wrongPin' },
  CKR_PIN_LEN_RANGE: { code: 'wrong_passphrase', messageKey: 'token.error.wrongPin' },
  CKR_PIN_LOCKED: { code: 'forbidden', messageKey: 'token.error.pinLocked' },
  CKR_PIN_EXPIRED: { code: 'forbidden', messageKey: 'token.error.pinExpired' },
  CKR_TOKEN_NOT_PRESENT: { code: 'not_found', messageKey: 'token.error.tokenNotFound' },
  CKR_TOKEN_NOT_RECOGNIZED: { code: 'not_found', messageKey: 'token.error.tokenNotFound' },
  CKR_DEVICE_REMOVED: { code: 'not_found', messageKey: 'token.error.tokenNotFound' },
  CKR_DEVICE_ERROR: { code: 'internal', messageKey: 'token.error.device' },
  CKR_KEY_FUNCTION_NOT_PERMITTED: { code: 'forbidden', messageKey: 'token.error.keyCannotSign' },
  CKR_MECHANISM_INVALID: { code: 'unreadable', messageKey: 'token.error.unsupportedKey' },
};

/** The CKR_ name of a pkcs11js error ("CKR_PIN_INCORRECT"), or null for anything else. */
export function pkcs11ReturnName(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  // Stryker disable next-line StringLiteral: the stand-in for a missing stack only needs to hold no CKR_ name, and Stryker's text holds none
  const stack = error.stack ?? '';
  const match = /\b(CKR_[A-Z0-9_]+)\b/.exec(`${error.message}\n${stack}`);
  return match ? (match[1] as string) : null;
}

/** Maps any failure in a token session to an AppError with a catalog key; never carries the PIN. */
export function tokenError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const name = pkcs11ReturnName(error);
  if (name === null) return new AppError('internal', 'token.error.failed', { code: 'unknown' });
  const known = MESSAGES[name];
  return known
    ? new AppError(known.code, known.messageKey)
    : new AppError('internal', 'token.error.failed', { code: name });
}
