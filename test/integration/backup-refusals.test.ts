// Issue 17: backup refusals no test named — a missing file, a backup from a newer Bro, a target that
// is a folder, and a database that does not belong to the key file beside it. Real vaults in temp
// folders; each refusal leaves the files as they were.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_MAGIC, BACKUP_VERSION, verifyBackupFile } from '../../main/backup/backup-format';
import { createBackup } from '../../main/backup/create-backup';
import { VaultSession } from '../../main/vault/vault-session';
import { snapshotFiles } from '../support/snapshot';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-backup-refusals-');
afterAll(() => dirs.cleanup());

/** A cheap KDF: these tests are about refusals, not key stretching. */
const FAST_KDF = { logN: 10, r: 8, p: 1 };

async function vault(): Promise<VaultSession> {
  const session = new VaultSession({ dir: join(dirs.make(), 'vault'), kdfCost: FAST_KDF });
  await session.create('NO', PASSPHRASE);
  return session;
}

describe('reading a backup refuses', () => {
  it('a path with no file, and a folder (notFound)', () => {
    const root = dirs.make();
    for (const path of [join(root, 'finnes-ikke.brobak'), root]) {
      expect(() => verifyBackupFile(path)).toThrow(expect.objectContaining({ messageKey: 'backup.error.notFound' }));
    }
  });

  it('a backup written by a newer Bro, naming both versions (newer)', () => {
    const json = Buffer.from(JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION + 1 }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length);
    const path = join(dirs.make(), 'fremtid.brobak');
    writeFileSync(path, Buffer.concat([BACKUP_MAGIC, length, json, Buffer.alloc(4096)]));
    expect(() => verifyBackupFile(path)).toThrow(
      expect.objectContaining({
        code: 'vault_newer',
        messageKey: 'backup.error.newer',
        params: { found: BACKUP_VERSION + 1, supported: BACKUP_VERSION },
      }),
    );
  });
});

describe('writing a backup refuses', () => {
  it('a target that is a folder, writing nothing (outNotFile)', async () => {
    const session = await vault();
    const out = join(dirs.make(), 'sikkerhetskopi.brobak');
    mkdirSync(out);
    const before = snapshotFiles(session.files.dir);
    expect(() => createBackup({ db: session.current().db, vaultDir: session.files.dir, out })).toThrow(
      expect.objectContaining({ code: 'invalid_input', messageKey: 'backup.error.outNotFile' }),
    );
    expect(readdirSync(out)).toEqual([]);
    expect(snapshotFiles(session.files.dir)).toEqual(before);
    session.lock();
  });

  it('a database that does not belong to the key file of the vault folder (vaultMismatch)', async () => {
    const [ours, theirs] = [await vault(), await vault()];
    const out = join(dirs.make(), 'blandet.brobak');
    expect(() => createBackup({ db: ours.current().db, vaultDir: theirs.files.dir, out })).toThrow(
      expect.objectContaining({ code: 'vault_corrupt', messageKey: 'backup.error.vaultMismatch' }),
    );
    expect(existsSync(out)).toBe(false);
    ours.lock();
    theirs.lock();
  });
});
