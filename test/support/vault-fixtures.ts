import { VaultSession, type VaultSessionOptions } from '../../main/vault/vault-session';

/** A fictional passphrase that passes the policy. */
export const PASSPHRASE = 'Fiktiv-hvelv-passord-2026';
export const OTHER_PASSPHRASE = 'Et helt annet passord 4711';

export function session(dir: string, options: Partial<VaultSessionOptions> = {}): VaultSession {
  return new VaultSession({ dir, ...options });
}
