import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { appendAudit } from '../audit/audit-log';
import { auditKeyOf, keyAuditLog, forgetAuditKey } from '../audit/audit-key';
import { openEncrypted, type Db } from '../db/connection';
import { readAuditHead, storeAuditKey } from '../db/repositories/audit-repo';
import { exportUnderKey } from '../db/rekey-export';
import { ownFacts, sameFacts } from '../db/snapshot';
import { fsyncPath } from '../backup/atomic-file';
import { AppError } from '../ipc/app-error';
import { localActorId } from '../services/actor';
import { readKeyFile, wrapAad, writeKeyFile, type KeyFile } from './key-file';
import type { KdfParams } from './kdf';
import { wrapKey } from './key-wrap';
import { formatRecoveryKey, newRecoveryKey, recoveryWrappingKey } from './recovery-key';
import type { VaultFiles } from './vault-files';

/**
 * Data-key rotation by sqlcipher_export into a new file and two atomic renames, not PRAGMA rekey:
 * rekey rewrites the live file page by page and must then agree with a key file written separately,
 * so a crash between the two would leave a database no stored wrap opens. Here the old database and
 * key file stay whole until the new pair is complete on disk:
 *
 *   1. vault.db.rotating  ← export under the new key, checked, the rotation logged in it, fsynced
 *   2. vault-keys.next.json ← the new wraps and audit anchor (atomic write)
 *   3. vault.db.rotating → vault.db (rename)     4. vault-keys.next.json → vault-keys.json (rename)
 *
 * A crash before 3 leaves the old pair (the leftovers are removed); after 3, the next key file is
 * the right one and is moved into place (settleRotation).
 */
export function settleRotation(files: VaultFiles): 'none' | 'rolledBack' | 'completed' {
  const copy = existsSync(files.rotatingDatabase);
  const nextKeys = existsSync(files.nextKeys);
  if (nextKeys && !copy) {
    renameSync(files.nextKeys, files.keys);
    fsyncPath(files.dir);
    return 'completed';
  }
  for (const path of [files.rotatingDatabase, `${files.rotatingDatabase}-journal`, files.nextKeys]) {
    rmSync(path, { force: true });
  }
  return copy || nextKeys ? 'rolledBack' : 'none';
}

/** The key file for a new data key: its passphrase wrap (new KDF salt) and recovery wrap. */
export function rewrapped(
  keyFile: KeyFile,
  next: { kek: Buffer; kdf: KdfParams; dataKey: Buffer; recovery: Buffer },
): KeyFile {
  const { vaultId } = keyFile;
  return {
    ...keyFile,
    kdf: next.kdf,
    wraps: {
      passphrase: wrapKey(next.kek, next.dataKey, wrapAad(vaultId, 'passphrase')),
      recovery: wrapKey(recoveryWrappingKey(next.recovery, vaultId), next.dataKey, wrapAad(vaultId, 'recovery')),
    },
  };
}

/** Steps 1 and 2: the re-encrypted copy with the rotation logged in it, and the key file for it. */
export function prepareRotation(
  db: Db,
  files: VaultFiles,
  next: { dataKey: Buffer; keyFile: KeyFile; at: string },
): void {
  settleRotation(files);
  // The chain's entries were made under the current chain key; the new database keeps it.
  storeAuditKey(db, auditKeyOf(db));
  let copy: Db | null = null;
  try {
    const facts = exportUnderKey(db, files.rotatingDatabase, next.dataKey);
    copy = openCopy(files.rotatingDatabase, next.dataKey);
    if (!sameFacts(facts, ownFacts(copy))) throw new AppError('internal', 'security.rotate.verifyFailed');
    keyAuditLog(copy, next.dataKey, next.keyFile.vaultId);
    const actor = localActorId(copy);
    appendAudit(copy, {
      at: next.at,
      actor,
      action: 'key_rotated',
      objectType: 'vault',
      objectId: next.keyFile.vaultId,
    });
    const head = readAuditHead(copy);
    const anchor = { seq: head.seq, mac: head.mac, legacySeq: head.legacySeq ?? 0, at: next.at };
    forgetAuditKey(copy);
    copy.close();
    copy = null;
    fsyncPath(files.rotatingDatabase, 'r+');
    writeKeyFile(files.nextKeys, { ...next.keyFile, auditAnchor: anchor });
  } catch (error) {
    if (copy) {
      forgetAuditKey(copy);
      copy.close();
    }
    settleRotation(files);
    throw error;
  }
}

/**
 * The re-encrypted copy, opened with its full check. A copy that fails the check is refused as a copy
 * that does not match the vault: the vault itself was not changed, and "vault damaged" would mislead.
 */
function openCopy(path: string, dataKey: Buffer): Db {
  try {
    return openEncrypted(path, dataKey);
  } catch (error) {
    if (error instanceof AppError && error.code === 'vault_corrupt') {
      throw new AppError('internal', 'security.rotate.verifyFailed');
    }
    throw error;
  }
}

/** Steps 3 and 4, once every connection to the old database is closed. */
export function commitRotation(files: VaultFiles): void {
  // A write-ahead log left means another process still has the old database open: keep the old pair.
  if (existsSync(`${files.database}-wal`)) {
    settleRotation(files);
    throw new AppError('conflict', 'security.rotate.vaultInUse');
  }
  renameSync(files.rotatingDatabase, files.database);
  fsyncPath(files.dir);
  settleRotation(files);
}

/**
 * The whole rotation of an open vault: a new random data key and recovery key, the copy and key file
 * prepared (steps 1 and 2), the open connection closed, the pair committed (3 and 4), and `reopen`
 * called with the key to carry on with: the new one, or the old one when committing failed (the old
 * database and key file are then untouched, and the failure is thrown). Every key byte no longer
 * needed is overwritten, the KEK at once. Returns the recovery key to show once.
 */
export function swapDataKey(
  files: VaultFiles,
  open: { db: Db; dataKey: Buffer },
  next: { kek: Buffer; kdf: KdfParams; at: string },
  reopen: (dataKey: Buffer, vaultId: string) => void,
): { recoveryKey: string } {
  const dataKey = randomBytes(32);
  const recovery = newRecoveryKey();
  const nextKeyFile = rewrapped(readKeyFile(files.keys), { kek: next.kek, kdf: next.kdf, dataKey, recovery });
  const vaultId = nextKeyFile.vaultId;
  next.kek.fill(0);
  try {
    prepareRotation(open.db, files, { dataKey, keyFile: nextKeyFile, at: next.at });
  } catch (error) {
    dataKey.fill(0);
    recovery.fill(0);
    throw error;
  }
  forgetAuditKey(open.db);
  open.db.close();
  try {
    commitRotation(files);
  } catch (error) {
    dataKey.fill(0);
    recovery.fill(0);
    reopen(open.dataKey, vaultId);
    throw error;
  }
  open.dataKey.fill(0);
  reopen(dataKey, vaultId);
  const shown = formatRecoveryKey(recovery);
  recovery.fill(0);
  return { recoveryKey: shown };
}
