import { join } from 'node:path';
import { createBackup } from '../../main/backup/create-backup';
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

/** A new NO vault in `root`/vault (fast KDF, PASSPHRASE), backed up to `root`/bro.brobak; the path of the backup. */
export async function backupOfNewVault(root: string): Promise<string> {
  const vaultDir = join(root, 'vault');
  const made = new VaultSession({ dir: vaultDir, kdfCost: FAST_KDF });
  await made.create('NO', PASSPHRASE);
  const file = join(root, 'bro.brobak');
  createBackup({ db: made.current().db, vaultDir, out: file });
  made.lock();
  return file;
}
