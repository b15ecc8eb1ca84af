import { deriveKey } from './kdf';
import { wrapAad, type KeyFile } from './key-file';
import { unwrapKey } from './key-wrap';
import { parseRecoveryKey, recoveryWrappingKey } from './recovery-key';

/**
 * The vault's data key from its passphrase wrap, or null when the passphrase is wrong. The
 * key-encryption key is overwritten as soon as it has been tried.
 */
export async function unwrapWithPassphrase(
  keyFile: Pick<KeyFile, 'kdf' | 'wraps' | 'vaultId'>,
  passphrase: string,
): Promise<Buffer | null> {
  const kek = await deriveKey(passphrase, keyFile.kdf);
  const dataKey = unwrapKey(kek, keyFile.wraps.passphrase, wrapAad(keyFile.vaultId, 'passphrase'));
  kek.fill(0);
  return dataKey;
}

/**
 * The vault's data key from its recovery wrap, or null when the text is not a recovery key or not
 * this vault's. The parsed recovery key is overwritten once it has been tried.
 */
export function unwrapWithRecoveryKey(
  keyFile: Pick<KeyFile, 'wraps' | 'vaultId'>,
  recoveryText: string,
): Buffer | null {
  const recovery = parseRecoveryKey(recoveryText);
  const dataKey = recovery
    ? unwrapKey(
        recoveryWrappingKey(recovery, keyFile.vaultId),
        keyFile.wraps.recovery,
        wrapAad(keyFile.vaultId, 'recovery'),
      )
    : null;
  recovery?.fill(0);
  return dataKey;
}
