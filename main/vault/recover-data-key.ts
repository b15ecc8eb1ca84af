import { AppError } from '../ipc/app-error';
import { keyFileExists, readKeyFile } from './key-file';
import { settleRotation } from './rotate-key';
import { unwrapWithPassphrase, unwrapWithRecoveryKey } from './unwrap-data-key';
import { vaultFiles } from './vault-files';

export type KeySecret = { passphrase: string } | { recoveryKey: string };

/**
 * For an administrator: the raw SQLCipher key of a vault, from its passphrase or recovery key, so the
 * file can be opened with standard SQLCipher 4 tools (`PRAGMA key = "x'…'"`) and nobody is locked in.
 */
export async function recoverDataKey(dir: string, secret: KeySecret): Promise<Buffer> {
  const files = vaultFiles(dir);
  // A rotation a crash interrupted is finished or undone first, so the key file matches vault.db.
  if (keyFileExists(files.keys) || keyFileExists(files.nextKeys)) settleRotation(files);
  const keyFile = readKeyFile(files.keys);
  if ('passphrase' in secret) {
    const key = await unwrapWithPassphrase(keyFile, secret.passphrase);
    if (!key) throw new AppError('wrong_passphrase', 'error.wrong_passphrase');
    return key;
  }
  const key = unwrapWithRecoveryKey(keyFile, secret.recoveryKey);
  if (!key) throw new AppError('wrong_passphrase', 'error.wrong_recovery_key');
  return key;
}
