// What someone holding genuine version 2 backups can do without any key: read a backup's parts and
// write a file of other parts under a header of their choosing, every part hash and the trailer
// recomputed (they are plain SHA-256). Fictional vaults only.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { encodePrefix, sha256Hex, verifyBackupFile, type BackupHeader } from '../../main/backup/backup-format';

export type BackupPart = 'vault-keys.json' | 'manifest' | 'vault.db';
export type BackupHeaderV2 = Extract<BackupHeader, { version: 2 }>;

/** One part of a backup file, as stored. */
export function backupPart(file: string, name: BackupPart): Buffer {
  const { offset, length } = verifyBackupFile(file).parts[name]!;
  return readFileSync(file).subarray(offset, offset + length);
}

export const backupHeader = (file: string): BackupHeaderV2 => verifyBackupFile(file).header as BackupHeaderV2;

/** Writes `path`: `header` with its part list made to match these parts, the parts, and the trailer. */
export function writeBackupOf(
  path: string,
  header: BackupHeaderV2,
  parts: { keys: Buffer; manifest: Buffer; database: Buffer },
): string {
  const { keys, manifest, database } = parts;
  const made: BackupHeader = {
    ...header,
    parts: [
      { name: 'vault-keys.json', length: keys.length, sha256: sha256Hex(keys) },
      { name: 'manifest', length: manifest.length, sha256: sha256Hex(manifest) },
      { name: 'vault.db', length: database.length, sha256: sha256Hex(database) },
    ],
  };
  const body = Buffer.concat([encodePrefix(made), keys, manifest, database]);
  writeFileSync(path, Buffer.concat([body, createHash('sha256').update(body).digest()]));
  return path;
}
