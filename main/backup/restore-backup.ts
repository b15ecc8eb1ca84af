import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { appendAudit } from '../audit/audit-log';
import { openEncrypted, type Db } from '../db/connection';
import { assertNotNewer, loadMigrations, type Migration } from '../db/migrate';
import { AppError } from '../ipc/app-error';
import { localActorId } from '../services/actor';
import { writeFileAtomic } from '../fs/atomic-write';
import { readKeyFile } from '../vault/key-file';
import { keyAuditLog, forgetAuditKey } from '../audit/audit-key';
import { verifyAuditChain } from '../audit/audit-verify';
import { writeAnchor } from '../vault/vault-audit';
import { hasAuditLog } from '../db/repositories/audit-repo';
import { recoverDataKey, type KeySecret } from '../vault/recover-data-key';
import { vaultFiles } from '../vault/vault-files';
import { fsyncPath } from './atomic-file';
import { readRange, verifyBackupFile, type BackupDescription, type VerifiedBackup } from './backup-format';
import { backupSecrets } from './backup-keys';
import { ownFacts, sameFacts } from '../db/snapshot';
import { readMeta } from '../db/repositories/meta-repo';

export interface RestoreOptions {
  file: string;
  /** A new or empty folder; an existing vault is never overwritten. */
  target: string;
  /** The passphrase valid when the backup was made, or the recovery key. */
  secret: KeySecret;
  now?: () => Date;
  migrations?: Migration[];
  /** Steps done of RESTORE_STEPS (file checked, key, copy, open, checks, in place): for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export const RESTORE_STEPS = 6;

export interface RestoreResult {
  dir: string;
  /** What the backup held (from its encrypted manifest; version 1: its header). */
  header: BackupDescription;
}

function assertFreshTarget(target: string): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory() || readdirSync(target).length > 0) {
    throw new AppError('already_exists', 'backup.error.targetNotEmpty');
  }
}

function copyDatabase(backup: VerifiedBackup, path: string): void {
  const where = backup.parts['vault.db'];
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable: verifyBackupFile's schema requires a vault.db part in both versions
  if (!where) throw new AppError('unreadable', 'backup.error.damaged');
  const { offset, length } = where;
  const source = openSync(backup.path, 'r');
  const target = openSync(path, 'wx', 0o600);
  try {
    readRange(source, offset, length, (chunk) => {
      let done = 0;
      while (done < chunk.length) done += writeSync(target, chunk, done, chunk.length - done);
    });
    fsyncSync(target);
  } finally {
    closeSync(source);
    closeSync(target);
  }
}

/** The restored database must be the one described: same vault, schema, rows and version contents. */
function verifyRestored(db: Db, header: BackupDescription, migrations: readonly Migration[]): void {
  assertNotNewer(db, migrations);
  const storedId = readMeta(db, 'vault_id');
  if (storedId !== header.vaultId) throw new AppError('vault_corrupt', 'backup.error.restoreMismatch');
  if (!sameFacts(ownFacts(db), header)) throw new AppError('vault_corrupt', 'backup.error.restoreMismatch');
}

/**
 * The restored audit chain must agree with the head the backup's key file recorded at the snapshot;
 * then the restore itself is logged and anchored.
 */
function recordRestore(
  db: Db,
  dir: string,
  described: BackupDescription,
  dataKey: Buffer,
  now: (() => Date) | undefined,
): void {
  const files = vaultFiles(dir);
  keyAuditLog(db, dataKey, described.vaultId);
  const report = verifyAuditChain(db, readKeyFile(files.keys).auditAnchor);
  if (!report.ok)
    throw new AppError('vault_corrupt', `security.audit.${report.finding}`, { seq: report.firstBrokenSeq });
  const at = (now?.() ?? new Date()).toISOString();
  appendAudit(db, {
    at,
    actor: localActorId(db),
    action: 'restore',
    objectType: 'vault',
    objectId: described.vaultId,
  });
  writeAnchor(db, files.keys, at);
}

/** Builds the vault in a hidden sibling folder, proves it, then renames it into place. */
async function buildVault(
  staging: string,
  backup: VerifiedBackup,
  options: RestoreOptions,
): Promise<BackupDescription> {
  const files = vaultFiles(staging);
  const step = (done: number) => options.onProgress?.(done, RESTORE_STEPS);
  const secrets = await backupSecrets(backup, options.secret);
  writeFileAtomic(files.keys, secrets.keyBytes);
  const dataKey = secrets.dataKey ?? (await recoverDataKey(staging, options.secret));
  step(2);
  try {
    copyDatabase(backup, files.database);
    step(3);
    const db = openEncrypted(files.database, dataKey);
    step(4);
    try {
      verifyRestored(db, secrets.description, options.migrations ?? loadMigrations());
      // A vault from before the audit log (schema 1) has nowhere to record the restore.
      if (hasAuditLog(db)) recordRestore(db, staging, secrets.description, dataKey, options.now);
    } finally {
      forgetAuditKey(db);
      db.close();
    }
  } finally /* Stryker disable next-line BlockStatement: zeroes the data key no caller holds a reference to; memory hygiene with no effect a test can observe */ {
    dataKey.fill(0);
  }
  fsyncPath(files.database, 'r+');
  fsyncPath(staging);
  step(5);
  return secrets.description;
}

/**
 * Restores a backup into a new folder. The whole file is verified first (hashes, length); the vault
 * is rebuilt in a hidden folder beside the target, opened with the secret, checked (page HMACs,
 * quick_check, row counts, every version's content) and only then renamed into place. A refused
 * backup, a wrong secret or a failed check leaves nothing behind.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const backup = verifyBackupFile(resolve(options.file));
  options.onProgress?.(1, RESTORE_STEPS);
  const target = resolve(options.target);
  assertFreshTarget(target);
  // Folders made here for the target are removed again if the restore fails.
  const createdParent = mkdirSync(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.restoring`);
  mkdirSync(staging, { mode: 0o700 });
  let described: BackupDescription;
  try {
    described = await buildVault(staging, backup, options);
    assertFreshTarget(target);
    // Stryker disable next-line ConditionalExpression: the target is now missing or an empty folder, and on POSIX renameSync replaces an empty folder just as rmdir then rename does (only Windows refuses it)
    if (existsSync(target)) rmdirSync(target);
    renameSync(staging, target);
  } catch (error) {
    rmSync(createdParent ?? staging, {
      recursive: true,
      // Stryker disable next-line BooleanLiteral: the folder removed here was made by this call and still exists, and `force` only forgives a missing one
      force: true,
    });
    throw error;
  }
  fsyncPath(dirname(target));
  options.onProgress?.(RESTORE_STEPS, RESTORE_STEPS);
  return { dir: target, header: described };
}
