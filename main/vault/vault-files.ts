import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../ipc/app-error';

/** What a vault folder holds. Only vault.db holds personal data, and it is encrypted. */
export function vaultFiles(dir: string) {
  return {
    dir,
    database: join(dir, 'vault.db'),
    keys: join(dir, 'vault-keys.json'),
    throttle: join(dir, 'unlock-attempts.json'),
    /** A data-key rotation in progress: the re-encrypted copy, then the key file that opens it. */
    rotatingDatabase: join(dir, 'vault.db.rotating'),
    nextKeys: join(dir, 'vault-keys.next.json'),
  } as const;
}
export type VaultFiles = ReturnType<typeof vaultFiles>;

/** A vault is a folder: a path naming a file is refused by name (it met "something went wrong"). */
export function assertFolderOrAbsent(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new AppError('invalid_input', 'error.vault_not_folder', { path: dir });
}
