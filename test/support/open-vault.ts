import { VaultSession, type VaultSessionOptions } from '../../main/vault/vault-session';
import { PASSPHRASE } from './vault-fixtures';
import type { Profile } from '../../shared/domain/profile';

/**
 * A freshly created, unlocked vault in `dir` (real SQLCipher file, real KDF: the production cost
 * unless `options.kdfCost` asks for a cheaper one).
 */
export async function openNewVault(
  dir: string,
  profile: Profile = 'NO',
  options: Partial<VaultSessionOptions> = {},
): Promise<VaultSession> {
  const session = new VaultSession({ dir, ...options });
  await session.create(profile, PASSPHRASE);
  return session;
}
