import type { ErrorCode, ErrorParams } from '../../shared/ipc/result';

/**
 * An error a service raises on purpose. It crosses IPC as { code, messageKey, params }; the message
 * key is translated in the renderer. Never put personal data in params.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string = `error.${code}`,
    readonly params?: ErrorParams,
    readonly fields?: string[],
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
