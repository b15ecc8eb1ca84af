import type { IpcError } from '../../../shared/ipc/result';

/** Seconds to wait that a failed unlock reports (wrong passphrase or throttled), or 0. */
export function retrySeconds(error: IpcError): number {
  const seconds = error.params?.['seconds'];
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 0;
}

export interface RecoveryErrors {
  recoveryKey?: string;
  passphrase?: string;
  repeat?: string;
}

/** Maps a failed recovery unlock to the field it concerns; anything else becomes a form-level message. */
export function recoveryErrorField(error: IpcError): keyof RecoveryErrors | null {
  if (error.code === 'wrong_passphrase') return 'recoveryKey';
  if (error.code === 'weak_passphrase') return 'passphrase';
  if (error.code === 'invalid_input') {
    if (error.fields?.includes('recoveryKey')) return 'recoveryKey';
    if (error.fields?.includes('newPassphrase')) return 'passphrase';
  }
  return null;
}
