import { AppError, isAppError } from '../ipc/app-error';
import { readKeyFile, type KeyFile } from './key-file';
import { readThrottle, recordRefusedAttempt, secondsUntilRetry, type EntryPoint } from './unlock-throttle';

/**
 * Refusals that are not kept as attempts: the session's own state (locked, already open, the delay, a
 * weak new passphrase), wrong secrets (recordWrongSecret keeps those), and a folder that is not a
 * readable vault of this version (no vault, a foreign key file or database, a newer vault), into
 * which nothing is written.
 */
const NOT_ATTEMPTS = new Set([
  'throttled',
  'conflict',
  'locked',
  'weak_passphrase',
  'vault_missing',
  'wrong_passphrase',
]);
const FOREIGN = new Set([
  'error.vault_keys_unreadable',
  'error.vault_key_rejected',
  'error.vault_mismatch',
  'error.vault_newer',
]);

/**
 * The class of a refused attempt's reason for the audit log (its message key without the outcome,
 * e.g. `vault_keys_damaged`, `storage.busy`), or null when it is not kept.
 */
function attemptReason(error: AppError): string | null {
  if (NOT_ATTEMPTS.has(error.code) || FOREIGN.has(error.messageKey)) return null;
  return error.messageKey.replace(/^error\./, '').replace(/\.(nothing|notThisChange)$/, '');
}

/** The key file for the status line, or null when it is damaged (unlock then says how). */
export function readableKeyFile(path: string): KeyFile | null {
  try {
    return readKeyFile(path);
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
}

/** Keeps a refused unlock-like attempt in the attempts file for the audit log, if it is one (see above). */
export function keepRefusedAttempt(error: unknown, throttlePath: string, now: Date, via: EntryPoint): void {
  const reason = isAppError(error) ? attemptReason(error) : null;
  if (reason) recordRefusedAttempt(throttlePath, now, { via, reason });
}

/** Refuses while the delay after wrong secrets runs, saying how long is left. */
export function assertNotThrottled(throttlePath: string, now: Date): void {
  const wait = secondsUntilRetry(readThrottle(throttlePath), now);
  if (wait > 0) throw new AppError('throttled', 'error.throttled', { seconds: wait });
}
