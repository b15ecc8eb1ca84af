import type { AuditAction } from '../audit/audit-log';
import { pastKeyedMigration, type AuditFinding } from '../audit/audit-verify';
import { forgetAuditKey, keyAuditLog } from '../audit/audit-key';
import { configureForWriting, openEncrypted, type Db } from '../db/connection';
import { assertNotNewer, migrate, schemaVersion, type Migration } from '../db/migrate';
import { readMeta } from '../db/repositories/meta-repo';
import { AppError } from '../ipc/app-error';
import type { KeyFile } from './key-file';
import { sealOpening } from './vault-audit';
import type { VaultFiles } from './vault-files';

/**
 * The database must be the one this key file was made for. An empty or replaced vault.db would
 * otherwise open as a new, empty vault (SQLCipher treats a 0-byte file as new) and hide the loss.
 */
function assertBelongsTo(db: Db, vaultId: string): void {
  if (readMeta(db, 'vault_id') !== vaultId) throw new AppError('vault_corrupt', 'error.vault_mismatch');
}

/** Runs `use` on a just-opened connection; closes it (and forgets its audit key) if `use` throws. */
function closingOnError<T>(db: Db, use: () => T): T {
  try {
    return use();
  } catch (error) {
    forgetAuditKey(db);
    db.close();
    throw error;
  }
}

/**
 * Opens the vault for a session in O(1) of its size: the key (page 1 and sqlite_master), that the
 * file is this vault's, the schema version, then migrations, WAL and the audit head against the key
 * file (sealOpening). The full integrity check runs afterwards, off the main thread (vault-health.ts).
 */
export function openForSession(
  files: VaultFiles,
  keyFile: KeyFile,
  dataKey: Buffer,
  options: { migrations: Migration[]; at: string; action: AuditAction },
): { db: Db; auditFindings: AuditFinding[] } {
  // Stryker disable next-line StringLiteral: openEncrypted reads every page only for 'full'; any other value is the quick open
  const db = openEncrypted(files.database, dataKey, 'quick');
  return closingOnError(db, () => {
    assertBelongsTo(db, keyFile.vaultId);
    assertNotNewer(db, options.migrations);
    // Read before migrating: only a vault from before the keyed chain may come without an anchor.
    const anchorExpected = pastKeyedMigration(db);
    configureForWriting(db);
    migrate(db, options.migrations);
    keyAuditLog(db, dataKey, keyFile.vaultId);
    const event = { at: options.at, action: options.action, vaultId: keyFile.vaultId };
    const auditFindings = sealOpening(db, files, event, anchorExpected);
    return { db, auditFindings };
  });
}

/**
 * Opens the vault to read only (`bro list`, `bro vault check`, backups): the same O(1) checks, no
 * migration, no WAL switch, nothing written. `bro vault check` runs the full check on it explicitly.
 */
export function openForReading(
  files: VaultFiles,
  keyFile: KeyFile,
  dataKey: Buffer,
): { db: Db; schemaVersion: number } {
  // Stryker disable next-line StringLiteral: openEncrypted reads every page only for 'full'; any other value is the quick open
  const db = openEncrypted(files.database, dataKey, 'quick');
  return closingOnError(db, () => {
    assertBelongsTo(db, keyFile.vaultId);
    keyAuditLog(db, dataKey, keyFile.vaultId);
    return { db, schemaVersion: schemaVersion(db) };
  });
}
