import { AppError } from '../ipc/app-error';
import { deriveKey } from './kdf';
import { readKeyFile, wrapAad } from './key-file';
import { unwrapKey } from './key-wrap';
import { parseRecoveryKey, recoveryWrappingKey } from './recovery-key';
import { vaultFiles } from './vault-files';

export type KeySecret = { passphrase: string } | { recoveryKey: string };

/**
 * For an administrator: the raw SQLCipher key of a vault, from its passphrase or recovery key, so the
 * file can be opened with standard SQLCipher 4 tools (`PRAGMA key = "x'…'"`) and nobody is locked in.
 */
export async function recoverDataKey(dir: string, secret: KeySecret): Promise<Buffer> {
  const keyFile = readKeyFile(vaultFiles(dir).keys);
  if ('passphrase' in secret) {
    const kek = await deriveKey(secret.passphrase, keyFile.kdf);
    const key = unwrapKey(kek, keyFile.wraps.passphrase, wrapAad(keyFile.vaultId, 'passphrase'));
    kek.fill(0);
    if (!key) throw new AppError('wrong_passphrase', 'error.wrong_passphrase');
    return key;
  }
  const recovery = parseRecoveryKey(secret.recoveryKey);
  const key = recovery
    ? unwrapKey(
        recoveryWrappingKey(recovery, keyFile.vaultId),
        keyFile.wraps.recovery,
        wrapAad(keyFile.vaultId, 'recovery'),
      )
    : null;
  recovery?.fill(0);
  if (!key) throw new AppError('wrong_passphrase', 'error.wrong_recovery_key');
  return key;
}
