// Writing a backup, as a user of the backup file and of the vault sees it: the key file it packs
// anchors the audit chain as it was at the snapshot, a vault from before the audit log is backed up
// and restored without logging anywhere, a vault whose key file is not a key file is refused, and
// nothing is left open on the stick. Real vaults, real SQLCipher files, real crypto.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../main/audit/audit-log';
import { verifyBackupFile } from '../../main/backup/backup-format';
import { manifestKey, openManifest } from '../../main/backup/backup-manifest';
import { createBackup } from '../../main/backup/create-backup';
import { restoreBackup } from '../../main/backup/restore-backup';
import { openEncrypted } from '../../main/db/connection';
import { loadMigrations } from '../../main/db/migrate';
import { hasAuditLog, readAuditHead } from '../../main/db/repositories/audit-repo';
import { recoverDataKey } from '../../main/vault/recover-data-key';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';
import { openHandlesUnder } from '../support/open-handles';

const dirs = tempDirs('bro-backup-create-');
afterEach(() => dirs.cleanup());

/** A cheap KDF: these tests are about the backup file, not key stretching. */
const FAST_KDF = { logN: 10, r: 8, p: 1 };
const AT = '2026-11-23T09:00:00.000Z';

async function vault(options: { schema1?: boolean } = {}) {
  const root = dirs.make();
  const vaultDir = join(root, 'vault');
  const migrations = options.schema1 ? loadMigrations().slice(0, 1) : undefined;
  const session = new VaultSession({ dir: vaultDir, kdfCost: FAST_KDF, ...(migrations ? { migrations } : {}) });
  await session.create('NO', PASSPHRASE);
  return { root, vaultDir, session, db: session.current().db, out: join(root, 'usb', 'bro.brobak') };
}

/** The key file packed (encrypted) in a backup, read with the vault's own data key. */
async function packedKeyFile(out: string, vaultDir: string) {
  const backup = verifyBackupFile(out);
  const read = (name: 'vault-keys.json' | 'manifest') => {
    const { offset, length } = backup.parts[name]!;
    return readFileSync(out).subarray(offset, offset + length);
  };
  const { vaultId } = JSON.parse(read('vault-keys.json').toString('utf8')) as { vaultId: string };
  const dataKey = await recoverDataKey(vaultDir, { passphrase: PASSPHRASE });
  return JSON.parse(openManifest(manifestKey(dataKey, vaultId), read('manifest')).keyFile);
}

describe('writing a backup', () => {
  it('packs a key file anchoring the audit chain as it stood at the snapshot, also entries not yet anchored', async () => {
    const { vaultDir, session, db, out } = await vault();
    createBackup({ db, vaultDir, out });
    // Entries committed but not anchored yet (as after a crash between the two): the backup anchors them.
    for (const objectId of ['sak-1', 'sak-2']) {
      appendAudit(db, { at: AT, actor: 'user-1', action: 'create', objectType: 'document', objectId });
    }
    const head = readAuditHead(db);
    createBackup({ db, vaultDir, out });
    session.lock();
    const keyFile = await packedKeyFile(out, vaultDir);
    expect(keyFile.auditAnchor).toMatchObject({ seq: head.seq, mac: head.mac });
  });

  it('backs up and restores a vault from before the audit log, logging nowhere', async () => {
    const { root, vaultDir, session, db, out } = await vault({ schema1: true });
    expect(hasAuditLog(db)).toBe(false);
    const { header } = createBackup({ db, vaultDir, out, now: () => new Date(AT) });
    expect(header).toMatchObject({ schemaVersion: 1, createdAt: AT });
    expect(hasAuditLog(db)).toBe(false);
    session.lock();
    const target = join(root, 'restored');
    await restoreBackup({ file: out, target, secret: { passphrase: PASSPHRASE } });
    const dataKey = await recoverDataKey(target, { passphrase: PASSPHRASE });
    const restored = openEncrypted(join(target, 'vault.db'), dataKey);
    try {
      expect(hasAuditLog(restored)).toBe(false);
      expect(restored.pragma('user_version', { simple: true })).toBe(1);
    } finally {
      restored.close();
    }
  });

  it('refuses a vault whose key file was replaced by something else, naming the key file, and writes nothing', async () => {
    const { vaultDir, session, db, out } = await vault();
    writeFileSync(join(vaultDir, 'vault-keys.json'), 'ikke en nøkkelfil');
    expect(() => createBackup({ db, vaultDir, out })).toThrow(
      expect.objectContaining({ code: 'vault_corrupt', messageKey: 'error.vault_keys_unreadable' }),
    );
    expect(readFileSync(join(vaultDir, 'vault-keys.json'), 'utf8')).toBe('ikke en nøkkelfil');
    expect(existsSync(out)).toBe(false);
    session.lock();
  });
});

describe.runIf(process.platform === 'linux')('writing a backup, as the file system sees it', () => {
  it('leaves no handle open in the folder of the backup, on the backup or its work files', async () => {
    const { vaultDir, session, db, out } = await vault();
    createBackup({ db, vaultDir, out });
    expect(openHandlesUnder(join(out, '..'))).toEqual([]);
    expect(readdirSync(join(out, '..'))).toEqual(['bro.brobak']);
    session.lock();
  });
});

describe('a backup the vault cannot log', () => {
  it('is not left on the stick, complete and unlogged: no file, nothing logged, an old backup kept', async () => {
    const { session, db, vaultDir, out } = await vault();
    await session.settledHealth();
    createBackup({ db, vaultDir, out, now: () => new Date(AT) });
    const old = readFileSync(out);
    const logged = () =>
      db.prepare("SELECT count(*) FROM audit_log WHERE action = 'backup'", { pluck: true }).get() as number;
    const before = logged();
    // Another program (the CLI) holds the vault's write lock: the backup's log entry cannot be written.
    db.pragma('busy_timeout = 0');
    const other = openEncrypted(join(vaultDir, 'vault.db'), await recoverDataKey(vaultDir, { passphrase: PASSPHRASE }));
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(() => createBackup({ db, vaultDir, out, now: () => new Date(AT) })).toThrow(/SQLITE_BUSY|locked/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(readFileSync(out).equals(old)).toBe(true);
    expect(readdirSync(join(out, '..'))).toEqual(['bro.brobak']);
    expect(logged()).toBe(before);
    session.lock();
  });
});
