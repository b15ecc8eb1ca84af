// Restoring asks for the secret that was valid when the backup was made and trusts nothing in the
// file before it has been proved: a wrong recovery key, a key envelope asking for an absurd KDF, a
// manifest naming another vault and a restore onto a file are each refused with their own message,
// leaving nothing behind. A real vault, a real backup, real crypto; the forged files re-seal the
// manifest with the vault's own key, so only the defect under test differs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../main/backup/create-backup';
import { encodePrefix, sha256Hex, verifyBackupFile, type BackupHeader } from '../../main/backup/backup-format';
import { manifestKey, openManifest, sealManifest, type Manifest } from '../../main/backup/backup-manifest';
import { restoreBackup, RESTORE_STEPS } from '../../main/backup/restore-backup';
import { deriveKey } from '../../main/vault/kdf';
import { wrapAad } from '../../main/vault/key-file';
import { wrapKey } from '../../main/vault/key-wrap';
import { recoverDataKey } from '../../main/vault/recover-data-key';
import { VaultSession } from '../../main/vault/vault-session';
import { backupHeader, backupPart, writeBackupOf, type BackupPart } from '../support/backup-forgery';
import { snapshotFiles } from '../support/snapshot';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';
import { openHandlesUnder } from '../support/open-handles';

const dirs = tempDirs('bro-backup-secrets-');
const FAST_KDF = { logN: 10, r: 8, p: 1 };
let root: string;
let vaultDir: string;
let out: string;
let recoveryKey: string;

beforeAll(async () => {
  root = dirs.make();
  vaultDir = join(root, 'vault');
  const session = new VaultSession({ dir: vaultDir, kdfCost: FAST_KDF });
  ({ recoveryKey } = await session.create('NO', PASSPHRASE));
  out = join(root, 'bro.backup');
  // The second backup holds the first one's audit entry, anchored in the key file it packs.
  createBackup({ db: session.current().db, vaultDir, out });
  createBackup({ db: session.current().db, vaultDir, out });
  session.lock();
});
afterAll(() => dirs.cleanup());

const part = (name: BackupPart) => backupPart(out, name);

/** The backup with its key envelope and manifest replaced, hashes and trailer made to match. */
function forged(name: string, replace: { envelope?: Buffer; manifest?: Buffer }): string {
  return writeBackupOf(join(dirs.make(), name), backupHeader(out), {
    keys: replace.envelope ?? part('vault-keys.json'),
    manifest: replace.manifest ?? part('manifest'),
    database: part('vault.db'),
  });
}

async function resealed(change: (manifest: Manifest) => Manifest): Promise<Buffer> {
  const dataKey = await recoverDataKey(vaultDir, { passphrase: PASSPHRASE });
  const vaultId = JSON.parse(part('vault-keys.json').toString('utf8')).vaultId as string;
  const key = manifestKey(dataKey, vaultId);
  return sealManifest(key, change(openManifest(key, part('manifest'))));
}

async function refusedRestore(file: string, secret: { passphrase: string } | { recoveryKey: string }) {
  const target = join(root, 'targets', 'restored');
  const before = snapshotFiles(root);
  const error = await restoreBackup({ file, target, secret }).then(
    () => null,
    (e: unknown) => e as { code: string; messageKey: string; params?: unknown },
  );
  expect(snapshotFiles(root)).toEqual(before);
  return error && { code: error.code, messageKey: error.messageKey, params: error.params };
}

describe('restoring a backup', () => {
  it('restores with the recovery key and reports each of its steps in order', async () => {
    const steps: number[] = [];
    const target = join(dirs.make(), 'restored');
    const result = await restoreBackup({
      file: out,
      target,
      secret: { recoveryKey },
      onProgress: (done, total) => {
        expect(total).toBe(RESTORE_STEPS);
        steps.push(done);
      },
    });
    expect(result.dir).toBe(target);
    expect(steps).toEqual([1, 2, 3, 4, 5, 6]);
    expect(readdirSync(target).sort()).toEqual(['vault-keys.json', 'vault.db']);
  });

  it('refuses a wrong recovery key as a wrong recovery key, not as a wrong passphrase', async () => {
    const wrong = recoveryKey.replace(/[0-9A-Z]/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await refusedRestore(out, { recoveryKey: wrong })).toMatchObject({
      code: 'wrong_passphrase',
      messageKey: 'restore.error.wrongRecoveryKey',
    });
  });

  it('refuses to restore onto a file that is in the way', async () => {
    const target = join(dirs.make(), 'occupied');
    writeFileSync(target, 'ikke en mappe');
    await expect(restoreBackup({ file: out, target, secret: { passphrase: PASSPHRASE } })).rejects.toMatchObject({
      code: 'already_exists',
      messageKey: 'backup.error.targetNotEmpty',
    });
    expect(readFileSync(target, 'utf8')).toBe('ikke en mappe');
  });

  it('refuses a key envelope asking for an out-of-bounds KDF before deriving anything', async () => {
    const envelope = JSON.parse(part('vault-keys.json').toString('utf8'));
    envelope.kdf = { ...envelope.kdf, logN: 30 };
    const file = forged('kdf.brobak', { envelope: Buffer.from(JSON.stringify(envelope), 'utf8') });
    expect(await refusedRestore(file, { passphrase: PASSPHRASE })).toMatchObject({
      code: 'vault_corrupt',
      messageKey: 'security.kdfOutOfBounds',
      params: { logN: 30 },
    });
  });

  it('calls damaged a key envelope that is not JSON or not of its shape', async () => {
    for (const envelope of [Buffer.from('{"format":"bro-backup-keys"'), Buffer.from('{"format":"bro-backup-keys"}')]) {
      expect(await refusedRestore(forged('envelope.brobak', { envelope }), { passphrase: PASSPHRASE })).toMatchObject({
        code: 'unreadable',
        messageKey: 'backup.error.damaged',
      });
    }
  });

  it('calls damaged a manifest sealed with the right key that names another vault', async () => {
    const otherId = '0b9b7e52-3c1a-4f7e-9d2a-5e6f7a8b9c0d';
    const manifest = await resealed((m) => ({ ...m, vaultId: otherId }));
    expect(await refusedRestore(forged('other-vault.brobak', { manifest }), { passphrase: PASSPHRASE })).toMatchObject({
      code: 'unreadable',
      messageKey: 'backup.error.damaged',
    });
  });

  it('calls damaged a manifest whose key file belongs to another vault or profile', async () => {
    for (const field of ['vaultId', 'profile'] as const) {
      const manifest = await resealed((m) => {
        const keyFile = JSON.parse(m.keyFile);
        keyFile[field] = field === 'profile' ? 'DK' : '0b9b7e52-3c1a-4f7e-9d2a-5e6f7a8b9c0d';
        return { ...m, keyFile: JSON.stringify(keyFile) };
      });
      expect(await refusedRestore(forged(`${field}.brobak`, { manifest }), { passphrase: PASSPHRASE })).toMatchObject({
        code: 'unreadable',
        messageKey: 'backup.error.damaged',
      });
    }
  });

  it('calls damaged a manifest that does not decrypt under the right key (bytes changed, hashes made to match)', async () => {
    const manifest = Buffer.from(part('manifest'));
    manifest[manifest.length - 1]! ^= 0x01;
    expect(await refusedRestore(forged('manifest-bytes.brobak', { manifest }), { passphrase: PASSPHRASE })).toEqual({
      code: 'unreadable',
      messageKey: 'backup.error.damaged',
      params: undefined,
    });
  });

  it('calls damaged a manifest and key file that both name another vault than the key envelope', async () => {
    const otherId = '0b9b7e52-3c1a-4f7e-9d2a-5e6f7a8b9c0d';
    const manifest = await resealed((m) => ({
      ...m,
      vaultId: otherId,
      keyFile: JSON.stringify({ ...JSON.parse(m.keyFile), vaultId: otherId }),
    }));
    expect(await refusedRestore(forged('both-other.brobak', { manifest }), { passphrase: PASSPHRASE })).toMatchObject({
      code: 'unreadable',
      messageKey: 'backup.error.damaged',
    });
  });

  it('calls damaged a version 1 backup whose plaintext key file is not a key file', async () => {
    const dataKey = await recoverDataKey(vaultDir, { passphrase: PASSPHRASE });
    const envelope = JSON.parse(part('vault-keys.json').toString('utf8')) as { vaultId: string };
    const { keyFile: _keyFile, ...described } = openManifest(manifestKey(dataKey, envelope.vaultId), part('manifest'));
    const keys = Buffer.from('{"format":"bro-vault-keys"', 'utf8');
    const database = part('vault.db');
    const v1: BackupHeader = {
      ...described,
      version: 1,
      parts: [
        { name: 'vault-keys.json', length: keys.length, sha256: sha256Hex(keys) },
        { name: 'vault.db', length: database.length, sha256: sha256Hex(database) },
      ],
    };
    const body = Buffer.concat([encodePrefix(v1), keys, database]);
    const file = join(dirs.make(), 'v1-keys.brobak');
    writeFileSync(file, Buffer.concat([body, createHash('sha256').update(body).digest()]));
    expect(await refusedRestore(file, { passphrase: PASSPHRASE })).toMatchObject({
      code: 'unreadable',
      messageKey: 'backup.error.damaged',
    });
  });

  it('refuses a backup re-bound to another vault id by someone holding its data key: the database says otherwise', async () => {
    // Everything a file can claim is consistent (envelope, wraps, manifest, key file); only the vault id
    // recorded inside the encrypted database still names the real vault.
    const otherId = '0b9b7e52-3c1a-4f7e-9d2a-5e6f7a8b9c0d';
    const dataKey = await recoverDataKey(vaultDir, { passphrase: PASSPHRASE });
    const envelope = JSON.parse(part('vault-keys.json').toString('utf8'));
    const kek = await deriveKey(PASSPHRASE, envelope.kdf);
    const rebound = {
      ...envelope,
      vaultId: otherId,
      wraps: { ...envelope.wraps, passphrase: wrapKey(kek, dataKey, wrapAad(otherId, 'passphrase')) },
    };
    const original = openManifest(manifestKey(dataKey, envelope.vaultId), part('manifest'));
    const manifest = sealManifest(manifestKey(dataKey, otherId), {
      ...original,
      vaultId: otherId,
      keyFile: JSON.stringify({ ...JSON.parse(original.keyFile), vaultId: otherId, wraps: rebound.wraps }),
    });
    const file = forged('rebound.brobak', { envelope: Buffer.from(JSON.stringify(rebound), 'utf8'), manifest });
    expect(await refusedRestore(file, { passphrase: PASSPHRASE })).toMatchObject({
      code: 'vault_corrupt',
      messageKey: 'backup.error.restoreMismatch',
    });
  });

  it('refuses a backup whose key file anchors an audit log longer than the one in its database (tail cut)', async () => {
    let anchoredSeq = 0;
    const manifest = await resealed((m) => {
      // Without its digest (a field only against accidental damage) the edited key file is read as written.
      const { digest: _digest, ...keyFile } = JSON.parse(m.keyFile);
      anchoredSeq = keyFile.auditAnchor.seq;
      return {
        ...m,
        keyFile: JSON.stringify({ ...keyFile, auditAnchor: { ...keyFile.auditAnchor, seq: anchoredSeq + 3 } }),
      };
    });
    expect(anchoredSeq).toBeGreaterThan(0);
    expect(await refusedRestore(forged('anchor.brobak', { manifest }), { passphrase: PASSPHRASE })).toEqual({
      code: 'vault_corrupt',
      messageKey: 'security.audit.behindKeyFile',
      params: { seq: anchoredSeq + 1 },
    });
  });

  it('gives the restored vault folder to its owner only', async () => {
    const target = join(dirs.make(), 'restored');
    await restoreBackup({ file: out, target, secret: { passphrase: PASSPHRASE } });
    expect(statSync(target).mode & 0o777).toBe(0o700);
  });
});

/** Lowers this process's file-size limit for a while: a write crossing it is cut short, the next fails (EFBIG). */
function setFileSizeLimit(soft: string): void {
  const done = spawnSync('prlimit', ['--pid', String(process.pid), `--fsize=${soft}:unlimited`]);
  if (done.status !== 0) throw new Error(`prlimit failed: ${done.stderr}`);
}

describe.runIf(process.platform === 'linux')('restoring, as the file system sees it', () => {
  it('leaves no handle open on the backup or the restored vault, after a restore or a refused one', async () => {
    const target = join(dirs.make(), 'restored');
    await restoreBackup({ file: out, target, secret: { passphrase: PASSPHRASE } });
    const refusedTarget = join(dirs.make(), 'refused');
    const manifest = Buffer.from(part('manifest'));
    manifest[0]! ^= 0x01;
    const file = forged('handles.brobak', { manifest });
    await expect(restoreBackup({ file, target: refusedTarget, secret: { passphrase: PASSPHRASE } })).rejects.toThrow();
    expect([out, target, dirname(refusedTarget), file].flatMap(openHandlesUnder)).toEqual([]);
  });

  it('continues a database copy the file system cut short, so its own error (file too large) is reported', async () => {
    const target = join(dirs.make(), 'restored');
    const secret = { passphrase: PASSPHRASE };
    const size = verifyBackupFile(out).parts['vault.db']!.length;
    expect(size).toBeGreaterThan(64 * 1024);
    // Cut the copy 4 KiB before its end (above the 32 KiB a database's shared-memory file needs).
    setFileSizeLimit(String(size - 4096));
    const outcome = await restoreBackup({ file: out, target, secret }).then(
      () => null,
      (e: unknown) => e,
    );
    setFileSizeLimit('unlimited');
    expect(outcome).toMatchObject({ code: 'EFBIG' });
    expect(readdirSync(dirname(target))).toEqual([]);
  });
});
