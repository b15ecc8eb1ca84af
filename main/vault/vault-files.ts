import { join } from 'node:path';

/** What a vault folder holds. Only vault.db holds personal data, and it is encrypted. */
export function vaultFiles(dir: string) {
  return {
    dir,
    database: join(dir, 'vault.db'),
    keys: join(dir, 'vault-keys.json'),
    throttle: join(dir, 'unlock-attempts.json'),
  } as const;
}
export type VaultFiles = ReturnType<typeof vaultFiles>;
