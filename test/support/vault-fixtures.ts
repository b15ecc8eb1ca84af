import { VaultSession, type VaultSessionOptions } from '../../main/vault/vault-session';

/** A fictional passphrase that passes the policy. */
export const PASSPHRASE = 'Fiktiv-hvelv-passord-2026';
export const OTHER_PASSPHRASE = 'Et helt annet passord 4711';

/**
 * A cheap scrypt cost for vaults in tests that are not about key stretching (2^10 instead of 2^17:
 * milliseconds instead of a few hundred per derivation). brute-force.test.ts proves that vaults
 * get the production cost when none is given.
 */
export const FAST_KDF = { logN: 10, r: 8, p: 1 } as const;

export function session(dir: string, options: Partial<VaultSessionOptions> = {}): VaultSession {
  return new VaultSession({ dir, ...options });
}
