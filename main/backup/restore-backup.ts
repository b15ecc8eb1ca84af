import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { appendAudit } from '../audit/audit-log';
import { openEncrypted, type Db } from '../db/connection';
import { storageAppError } from '../db/storage-errors';
import { assertNotNewer, loadMigrations, type Migration } from '../db/migrate';
import { AppError, isAppError } from '../ipc/app-error';
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
import { removeStaleTemps, tempSibling } from '../fs/temp-sibling';
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

const targetTaken = () => new AppError('already_exists', 'backup.error.targetNotEmpty');

/**
 * Whether a restore may go to `target`: missing or an empty folder is fresh. A symbolic link (to an
 * empty folder, or dangling) never is: the final rename would replace the link itself or fail on it,
 * not write where it points.
 */
function targetState(target: string): 'fresh' | 'link' | 'taken' {
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    // Missing (or a parent is not a folder, as existsSync saw it): making the folder says why not.
    return 'fresh';
  }
  if (stat.isSymbolicLink()) return 'link';
  return stat.isDirectory() && readdirSync(target).length === 0 ? 'fresh' : 'taken';
}

/**
 * Refuses a target a restore may not go to: a link always in its own words, a folder that is taken
 * as `taken` says (the restore screen names the folder or the vault already there).
 */
export function assertFreshTarget(target: string, taken: () => AppError = targetTaken): void {
  const state = targetState(target);
  if (state === 'link') throw new AppError('already_exists', 'backup.error.targetIsLink');
  if (state === 'taken') throw taken();
}

/** What a rename reports when something other than an empty folder is at the target. */
const IN_THE_WAY: ReadonlySet<unknown> = new Set(['ENOTDIR', 'EEXIST', 'ENOTEMPTY', 'EISDIR']);

/** Puts back the user's empty folder; failing that must not hide why the rename failed. */
function putBack(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    // The rename's own error is what the user is told.
  }
}

/**
 * Moves the proved vault from its hidden sibling into place. The target is checked again (it may
 * have changed during the restore); a rename the file system still refuses is named: something put
 * in the way (a folder filled, a file or link made) as a taken target, anything else as storage.
 */
function moveIntoPlace(staging: string, target: string): void {
  assertFreshTarget(target);
  let emptied = false;
  try {
    // Stryker disable next-line ConditionalExpression: (false) the target is now missing or an empty folder, and on POSIX renameSync replaces an empty folder just as rmdir then rename does (only Windows refuses it)
    if (existsSync(target)) {
      rmdirSync(target);
      emptied = true;
    }
    renameSync(staging, target);
  } catch (error) {
    if (emptied) putBack(target);
    if (IN_THE_WAY.has((error as { code?: unknown } | null)?.code)) throw targetTaken();
    throw storageAppError(error, 'nothing') ?? new AppError('storage', 'error.storage');
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
  const inOwnWords = inRestoreWords(options.secret);
  const secrets = await backupSecrets(backup, options.secret).catch(inOwnWords);
  writeFileAtomic(files.keys, secrets.keyBytes);
  const dataKey = secrets.dataKey ?? (await recoverDataKey(staging, options.secret).catch(inOwnWords));
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
 * A wrong secret in the restore's own words, for the backup's wraps and an older backup's key file
 * alike: the unlock's ask the user to wait, and a restore has no delay to sit out.
 */
function inRestoreWords(secret: KeySecret) {
  return (error: unknown): never => {
    if (isAppError(error) && error.code === 'wrong_passphrase')
      throw new AppError(
        'wrong_passphrase',
        'passphrase' in secret ? 'restore.error.wrongPassphrase' : 'restore.error.wrongRecoveryKey',
      );
    throw error;
  };
}

/**
 * Restores a backup into a new folder. The target is checked first (missing or an empty folder, not
 * a link), then the whole file is verified (hashes, length); the vault
 * is rebuilt in a hidden folder beside the target, opened with the secret, checked (page HMACs,
 * quick_check, row counts, every version's content) and only then renamed into place. A refused
 * backup, a wrong secret or a failed check leaves nothing behind.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const target = resolve(options.target);
  // A target that cannot be used is refused before the file is read or a key derived.
  assertFreshTarget(target);
  const backup = verifyBackupFile(resolve(options.file));
  options.onProgress?.(1, RESTORE_STEPS);
  // Folders made here for the target are removed again if the restore fails.
  const createdParent = mkdirSync(dirname(target), { recursive: true });
  // A restore killed earlier left its hidden folder (a whole vault, openable with that backup's
  // passphrase) beside the same target: removed before this one begins.
  removeStaleTemps(target);
  const staging = tempSibling(target, 'restoring');
  mkdirSync(staging, { mode: 0o700 });
  let described: BackupDescription;
  try {
    described = await buildVault(staging, backup, options);
    moveIntoPlace(staging, target);
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
