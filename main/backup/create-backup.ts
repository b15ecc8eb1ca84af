import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/connection';
import { AppError } from '../ipc/app-error';
import { refuseInsideVault } from '../files/vault-folder-guard';
import { localActorId } from '../services/actor';
import { parseKeyFile as parseKeyFileJson, type KeyFile } from '../vault/key-file';
import { writeAnchor } from '../vault/vault-audit';
import { hasAuditLog } from '../db/repositories/audit-repo';
import { vaultFiles } from '../vault/vault-files';
import { writeFileAtomicStreaming } from './atomic-file';
import { removeStaleTemps, tempSibling } from '../fs/temp-sibling';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  encodePrefix,
  readRange,
  sha256Hex,
  verifyBackupFile,
  type BackupDescription,
  type BackupHeader,
} from './backup-format';
import { sealManifest } from './backup-manifest';
import { backupKeyOf } from '../audit/audit-key';
import { exportSnapshot, inspectSnapshot, sameFacts } from '../db/snapshot';
import { readMeta } from '../db/repositories/meta-repo';

export interface CreateBackupOptions {
  /** The vault's open connection (the session's, or one opened for the command line). */
  db: Db;
  vaultDir: string;
  /** The backup file to write; an existing backup there is replaced only by a complete, verified one. */
  out: string;
  now?: () => Date;
}

export interface BackupResult {
  file: string;
  bytes: number;
  /** What the backup holds (kept encrypted inside it). */
  header: BackupDescription;
}

function parseKeyFile(bytes: Buffer): KeyFile {
  try {
    return parseKeyFileJson(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw new AppError('vault_corrupt', 'error.vault_keys_unreadable');
  }
}

function checkOut(out: string, vaultDir: string): void {
  // A backup inside the vault folder shares its fate (same disk) and could clobber a vault file.
  refuseInsideVault(out, vaultDir, 'backup.error.outInsideVault');
  if (existsSync(out) && !statSync(out).isFile()) throw new AppError('invalid_input', 'backup.error.outNotFile');
  mkdirSync(dirname(out), { recursive: true });
}

function hashFile(path: string): { sha256: string; length: number } {
  const hash = createHash('sha256');
  const length = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    readRange(fd, 0, length, (chunk) => hash.update(chunk));
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), length };
}

function writeContainer(
  out: string,
  header: BackupHeader,
  leading: Buffer[],
  snapshotPath: string,
  place: (putInPlace: () => void) => void,
): void {
  writeFileAtomicStreaming(
    out,
    (append) => {
      const whole = createHash('sha256');
      const emit = (chunk: Uint8Array) => {
        whole.update(chunk);
        append(chunk);
      };
      emit(encodePrefix(header));
      for (const part of leading) emit(part);
      const fd = openSync(snapshotPath, 'r');
      try {
        readRange(fd, 0, statSync(snapshotPath).size, emit);
      } finally {
        closeSync(fd);
      }
      append(whole.digest());
    },
    // Read the written bytes back before the rename: a bad disk must not replace a good old backup.
    (temp) => {
      const written = verifyBackupFile(temp);
      if (!isDeepStrictEqual(written.header, header)) throw new AppError('internal', 'backup.error.verifyFailed');
    },
    place,
  );
}

/**
 * Writes an encrypted, self-describing backup of an open vault: a consistent SQLCipher snapshot
 * (still under the vault's data key), checked (page HMACs, quick_check, row counts, version digest)
 * before it is packed with the key file, written atomically and read back. The backup is logged.
 */
export function createBackup(options: CreateBackupOptions): BackupResult {
  const { db } = options;
  const out = resolve(options.out);
  const files = vaultFiles(options.vaultDir);
  checkOut(out, files.dir);
  const auditing = hasAuditLog(db);
  // The key file packed into the backup carries the audit head of the snapshot.
  if (auditing) writeAnchor(db, files.keys, (options.now?.() ?? new Date()).toISOString());
  const keyBytes = readFileSync(files.keys);
  const keyFile = parseKeyFile(keyBytes);
  const storedId = readMeta(db, 'vault_id');
  if (storedId !== keyFile.vaultId) throw new AppError('vault_corrupt', 'backup.error.vaultMismatch');
  removeStaleTemps(out);
  // Stryker disable next-line StringLiteral: the word only labels a work file removed below; removeStaleTemps finds it by its mark either way
  const snapshotPath = tempSibling(out, 'snapshot');
  let description: BackupDescription;
  try {
    const facts = exportSnapshot(db, snapshotPath);
    if (!sameFacts(facts, inspectSnapshot(db, snapshotPath)))
      throw new AppError('internal', 'backup.error.verifyFailed');
    description = {
      format: BACKUP_FORMAT,
      vaultId: keyFile.vaultId,
      profile: keyFile.profile,
      createdAt: (options.now?.() ?? new Date()).toISOString(),
      ...facts,
    };
    const envelope = Buffer.from(
      JSON.stringify({ format: 'bro-backup-keys', vaultId: keyFile.vaultId, kdf: keyFile.kdf, wraps: keyFile.wraps }),
      // Stryker disable next-line StringLiteral: Buffer.from with an empty encoding name encodes as UTF-8, the same bytes
      'utf8',
    );
    const manifest = sealManifest(backupKeyOf(db), { ...description, keyFile: keyBytes.toString('utf8') });
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      kdf: keyFile.kdf,
      parts: [
        { name: 'vault-keys.json', length: envelope.length, sha256: sha256Hex(envelope) },
        { name: 'manifest', length: manifest.length, sha256: sha256Hex(manifest) },
        { name: 'vault.db', ...hashFile(snapshotPath) },
      ],
    };
    const at = description.createdAt;
    // Logged first, the file put in place as the last step of the entry's transaction: a backup the
    // log could not take (a full vault disk) is not left on the stick, complete and unlogged.
    writeContainer(out, header, [envelope, manifest], snapshotPath, (putInPlace) => {
      if (!auditing) return putInPlace();
      db.transaction(() => {
        appendAudit(db, {
          at,
          actor: localActorId(db),
          action: 'backup',
          objectType: 'vault',
          objectId: keyFile.vaultId,
        });
        putInPlace();
      })();
    });
  } finally {
    rmSync(snapshotPath, { force: true });
    rmSync(`${snapshotPath}-journal`, { force: true });
  }
  if (auditing) writeAnchor(db, files.keys, description.createdAt);
  return { file: out, bytes: statSync(out).size, header: description };
}
