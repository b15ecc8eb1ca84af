import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Profile } from '../../shared/domain/profile';
import { assessPassphrase } from '../../shared/vault/passphrase-policy';
import { keyAuditLog } from '../audit/audit-key';
import { appendAudit } from '../audit/audit-log';
import { pastKeyedMigration } from '../audit/audit-verify';
import { configureForWriting, openEncrypted, type Db } from '../db/connection';
import { migrate, type Migration } from '../db/migrate';
import { writeMeta } from '../db/repositories/meta-repo';
import { AppError } from '../ipc/app-error';
import { localActorId } from '../services/actor';
import { deriveKey, newKdfParams, type KdfCost, type KdfParams } from './kdf';
import {
  keyFileExists,
  updateKeyFile,
  wrapAad,
  writeKeyFile,
  KEY_FILE_FORMAT,
  KEY_FILE_VERSION,
  type KeyFile,
} from './key-file';
import { wrapKey } from './key-wrap';
import { formatRecoveryKey, newRecoveryKey, recoveryWrappingKey } from './recovery-key';
import type { VaultFiles } from './vault-files';

/**
 * Makes a new vault in `files.dir`: a random data key wrapped under the passphrase and a new recovery
 * key, the database created and migrated, the key file written last (until it exists, no vault
 * exists). Returns the open database, the data key (the caller owns and overwrites it) and the
 * recovery key as shown once.
 */
export async function createVault(
  files: VaultFiles,
  profile: Profile,
  passphrase: string,
  options: { kdfCost: KdfCost; migrations: Migration[]; now: () => Date },
): Promise<{ db: Db; vaultId: string; dataKey: Buffer; recoveryKey: string }> {
  if (keyFileExists(files.keys)) throw new AppError('already_exists', 'error.vault_exists');
  if (!assessPassphrase(passphrase).acceptable) throw new AppError('weak_passphrase', 'error.weak_passphrase');
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  // A database without a key file can only be left from a creation that crashed; its key was never
  // stored, so it cannot be read. Keep it aside rather than delete anything.
  if (existsSync(files.database)) {
    renameSync(files.database, `${files.database}.orphan-${options.now().getTime()}`);
  }
  const vaultId = randomUUID();
  const dataKey = randomBytes(32);
  const recovery = newRecoveryKey();
  const kdf = newKdfParams(options.kdfCost);
  const kek = await deriveKey(passphrase, kdf);
  const keyFile: KeyFile = {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    vaultId,
    profile,
    createdAt: options.now().toISOString(),
    kdf,
    wraps: {
      passphrase: wrapKey(kek, dataKey, wrapAad(vaultId, 'passphrase')),
      recovery: wrapKey(recoveryWrappingKey(recovery, vaultId), dataKey, wrapAad(vaultId, 'recovery')),
    },
  };
  kek.fill(0);
  const db = openEncrypted(files.database, dataKey);
  configureForWriting(db);
  migrate(db, options.migrations);
  keyAuditLog(db, dataKey, vaultId);
  db.transaction(() => {
    writeMeta(db, 'vault_id', vaultId);
    writeMeta(db, 'profile', profile);
    writeMeta(db, 'created_at', keyFile.createdAt);
    // The chain starts with the vault's making: the log says when, and by which local user, it was made.
    // (A vault made at an older schema, as tests of migrations make, has no keyed chain yet.)
    if (pastKeyedMigration(db))
      appendAudit(db, {
        at: keyFile.createdAt,
        actor: localActorId(db),
        action: 'create',
        objectType: 'vault',
        objectId: vaultId,
      });
  })();
  writeKeyFile(files.keys, keyFile);
  const recoveryKey = formatRecoveryKey(recovery);
  recovery.fill(0);
  return { db, vaultId, dataKey, recoveryKey };
}

/**
 * Re-wraps the data key under a new key-encryption key in the key file, reading the file again so a
 * compartment or anchor written meanwhile is kept. Overwrites `kek`.
 */
export function rewrapPassphraseIn(
  keysPath: string,
  kek: Buffer,
  kdf: KdfParams,
  dataKey: Buffer,
  auditAnchor?: KeyFile['auditAnchor'],
): void {
  try {
    updateKeyFile(keysPath, (keyFile) => {
      const passphraseWrap = wrapKey(kek, dataKey, wrapAad(keyFile.vaultId, 'passphrase'));
      return {
        ...keyFile,
        kdf,
        wraps: { ...keyFile.wraps, passphrase: passphraseWrap },
        ...(auditAnchor ? { auditAnchor } : {}),
      };
    });
  } finally {
    kek.fill(0);
  }
}
