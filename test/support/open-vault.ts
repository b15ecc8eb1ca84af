import { VaultSession } from '../../main/vault/vault-session';
import { PASSPHRASE } from './vault-fixtures';
import type { Profile } from '../../shared/domain/profile';

/** A freshly created, unlocked vault in `dir` (real SQLCipher file, real KDF). */
export async function openNewVault(dir: string, profile: Profile = 'NO'): Promise<VaultSession> {
  const session = new VaultSession({ dir });
  await session.create(profile, PASSPHRASE);
  return session;
}
