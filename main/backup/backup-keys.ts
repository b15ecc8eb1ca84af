import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../ipc/app-error';
import { assertKdfBounds } from '../vault/kdf';
import { parseKeyFile, type KeyFile } from '../vault/key-file';
import type { KeySecret } from '../vault/recover-data-key';
import { unwrapWithPassphrase, unwrapWithRecoveryKey } from '../vault/unwrap-data-key';
import { readPart, type BackupDescription, type VerifiedBackup } from './backup-format';
import { description, KeyEnvelopeSchema, manifestKey, openManifest } from './backup-manifest';

const damaged = () => new AppError('unreadable', 'backup.error.damaged');

/** The key file as it was backed up, after checking it belongs to the description. */
function checkedKeyFile(bytes: Buffer, described: { vaultId: string; profile: string }): KeyFile {
  let keyFile;
  try {
    keyFile = parseKeyFile(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw damaged();
  }
  if (keyFile.vaultId !== described.vaultId || keyFile.profile !== described.profile) throw damaged();
  return keyFile;
}

/**
 * The plaintext envelope and header are covered only by hashes anyone can recompute. The manifest is
 * sealed under the data key, so its key file is what they must equal: the envelope's KDF and both
 * wraps (the one that opened and the recovery wrap), and the header's KDF. An envelope from another
 * backup of the same vault (made under an earlier passphrase) unwraps the same data key, but its
 * wraps are not the ones the restored key file holds: accepting it would restore a vault that then
 * refuses the passphrase the restore accepted. Compartment keys are not in the envelope.
 */
function assertEnvelopeOf(envelope: Pick<KeyFile, 'kdf' | 'wraps'>, keyFile: KeyFile): void {
  if (!isDeepStrictEqual(envelope.kdf, keyFile.kdf) || !isDeepStrictEqual(envelope.wraps, keyFile.wraps)) {
    throw damaged();
  }
}

/**
 * A version 2 backup's secrets: the data key from its envelope and the secret, then the manifest
 * decrypted with it. A wrong secret is refused like a wrong unlock; a manifest that does not decrypt
 * under the right key is damage.
 */
async function openVersion2(backup: VerifiedBackup & { header: { version: 2 } }, secret: KeySecret) {
  let envelope;
  try {
    envelope = KeyEnvelopeSchema.parse(JSON.parse(readPart(backup, 'vault-keys.json').toString('utf8')));
  } catch {
    throw damaged();
  }
  // The KDF parameters are in plaintext: bounds first, before any derivation; the header's copy
  // must be the envelope's (a changed one is an altered file, refused without deriving anything).
  assertKdfBounds(envelope.kdf);
  if (!isDeepStrictEqual(backup.header.kdf, envelope.kdf)) throw damaged();
  const dataKey =
    'passphrase' in secret
      ? await unwrapWithPassphrase(envelope, secret.passphrase)
      : unwrapWithRecoveryKey(envelope, secret.recoveryKey);
  if (!dataKey) {
    throw new AppError(
      'wrong_passphrase',
      'passphrase' in secret ? 'error.wrong_passphrase' : 'error.wrong_recovery_key',
    );
  }
  const key = manifestKey(dataKey, envelope.vaultId);
  try {
    const manifest = openManifest(key, readPart(backup, 'manifest'));
    if (manifest.vaultId !== envelope.vaultId) throw damaged();
    // Stryker disable next-line StringLiteral: Buffer.from with an empty encoding name decodes as UTF-8, the same bytes
    const keyBytes = Buffer.from(manifest.keyFile, 'utf8');
    assertEnvelopeOf(envelope, checkedKeyFile(keyBytes, manifest));
    return { dataKey, keyBytes, description: description(manifest) };
  } catch (error) {
    dataKey.fill(0);
    throw error;
  } finally /* Stryker disable next-line BlockStatement: zeroes a derived key no caller holds a reference to; memory hygiene with no effect a test can observe */ {
    key.fill(0);
  }
}

/**
 * What a restore needs from a verified backup of either version: the key file to write, what the
 * backup says it holds, and (version 2) the data key already recovered. For version 1 the caller
 * recovers the key from the written key file, as before.
 */
export async function backupSecrets(
  backup: VerifiedBackup,
  secret: KeySecret,
): Promise<{ keyBytes: Buffer; description: BackupDescription; dataKey: Buffer | null }> {
  const { header } = backup;
  if (header.version === 2) return openVersion2({ ...backup, header }, secret);
  const { parts: _parts, version: _version, ...described } = header;
  const keyBytes = readPart(backup, 'vault-keys.json');
  checkedKeyFile(keyBytes, described);
  return { keyBytes, description: described, dataKey: null };
}
