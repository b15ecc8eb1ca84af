import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import IndependentSqlite from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain, appendAudit } from '../../main/audit/audit-log';
import { keyAuditLog } from '../../main/audit/audit-key';
import { createBackup } from '../../main/backup/create-backup';
import { encodePrefix, sha256Hex, verifyBackupFile, type BackupHeader } from '../../main/backup/backup-format';
import { manifestKey, openManifest } from '../../main/backup/backup-manifest';
import { restoreBackup } from '../../main/backup/restore-backup';
import { backupCommand, restoreCommand } from '../../main/cli/commands/backup-commands';
import { registerCommand, runCli } from '../../main/cli/run';
import { openEncrypted, type Db } from '../../main/db/connection';
import { getVersion } from '../../main/db/repositories/documents-repo';
import { search } from '../../main/db/repositories/search-repo';
import { isAppError } from '../../main/ipc/app-error';
import { readKeyFile } from '../../main/vault/key-file';
import { recoverDataKey } from '../../main/vault/recover-data-key';
import { VaultSession } from '../../main/vault/vault-session';
import { captureIo } from '../support/cli-harness';
import { saveObservation } from '../support/observation';
import { snapshotFiles } from '../support/snapshot';
import { tempDirs } from '../support/temp-dir';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-backup-');
afterEach(() => dirs.cleanup());

/** Cheap KDF so each test runs in milliseconds; the production cost is covered by the brute-force test. */
const FAST_KDF = { logN: 10, r: 8, p: 1 };
const AT = '2026-11-23T09:00:00.000Z';

/** What the observations in the populated vault share. */
const OBSERVATION = { grading: 'BEGRENSET', at: AT };

async function populatedVault() {
  const root = dirs.make();
  const vaultDir = join(root, 'vault');
  const session = new VaultSession({ dir: vaultDir, kdfCost: FAST_KDF });
  const { recoveryKey } = await session.create('NO', PASSPHRASE);
  const db = session.current().db;
  const first = saveObservation(db, {
    ...OBSERVATION,
    content: { what: 'Ola Testmann delte ut løpesedler' },
    searchTitle: 'Observasjon',
  });
  saveObservation(db, {
    ...OBSERVATION,
    documentId: first.document.id,
    content: { what: 'Ola Testmann delte ut løpesedler, rettet' },
    searchTitle: 'Observasjon',
  });
  for (let i = 0; i < 30; i += 1) {
    saveObservation(db, {
      ...OBSERVATION,
      content: { what: `Kari Fiktiv, samtale ${i}`, padding: 'x'.repeat(500) },
      searchTitle: `Notat ${i}`,
    });
  }
  appendAudit(db, { at: AT, actor: 'user-1', action: 'create', objectType: 'document', objectId: first.document.id });
  return { root, vaultDir, session, db, recoveryKey, documentId: first.document.id };
}

function withKey<T>(path: string, key: Buffer, read: (db: Db) => T): T {
  const db = openEncrypted(path, key);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function refusal(promise: Promise<unknown>): Promise<{ code: string; messageKey: string }> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      if (!isAppError(error)) throw error;
      return { code: error.code, messageKey: error.messageKey };
    },
  );
}

describe('backup', () => {
  it('writes an encrypted backup whose database opens only with the vault key, also in an independent SQLCipher', async () => {
    const { root, vaultDir, session, db } = await populatedVault();
    const out = join(root, 'usb', 'bro.backup');
    const { header } = createBackup({ db, vaultDir, out });
    session.lock();

    const bytes = readFileSync(out);
    expect(bytes.includes(Buffer.from('Testmann'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(header).toMatchObject({ format: 'bro-vault-backup', profile: 'NO', documentVersions: { count: 32 } });
    expect(header.tables.document_versions).toBe(32);
    // In plaintext only format, version, the KDF parameters and where the parts are: no counts, no profile.
    const plain = verifyBackupFile(out).header;
    expect(Object.keys(plain).sort()).toEqual(['format', 'kdf', 'parts', 'version']);
    const prefix = bytes.subarray(0, 12 + bytes.readUInt32BE(8)).toString('utf8');
    for (const hidden of ['document_versions', '"NO"', 'createdAt', 'auditAnchor', header.documentVersions.digest])
      expect(prefix).not.toContain(hidden);
    expect(bytes.includes(Buffer.from('document_versions'))).toBe(false);

    const backup = verifyBackupFile(out);
    const dbPart = join(root, 'part.db');
    const { offset, length } = backup.parts['vault.db']!;
    writeFileSync(dbPart, bytes.subarray(offset, offset + length));
    const key = await recoverDataKey(vaultDir, { passphrase: PASSPHRASE });
    expect(withKey(dbPart, key, (copy) => copy.prepare('SELECT count(*) AS n FROM document_versions').get())).toEqual({
      n: 32,
    });

    const independent = new IndependentSqlite(dbPart, { readonly: true });
    independent.pragma("cipher = 'sqlcipher'");
    independent.pragma('legacy = 4');
    independent.pragma(`key = "x'${'11'.repeat(32)}'"`);
    expect(() => independent.prepare('SELECT count(*) FROM meta').get()).toThrow();
    independent.close();
    const standard = new IndependentSqlite(dbPart, { readonly: true });
    standard.pragma("cipher = 'sqlcipher'");
    standard.pragma('legacy = 4');
    standard.pragma(`key = "x'${key.toString('hex')}'"`);
    expect(standard.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 31 });
    standard.close();
  });

  it('restores into a new folder with every version, the search index and an intact audit log with the restore recorded', async () => {
    const { root, vaultDir, session, db, documentId } = await populatedVault();
    const out = join(root, 'bro.backup');
    const { header } = createBackup({ db, vaultDir, out });
    expect(listAudit(db, { limit: 1 })[0]).toMatchObject({ action: 'backup', objectId: header.vaultId });
    const sourceHashes = db
      .prepare('SELECT document_id, version, content_hash FROM document_versions ORDER BY 1, 2')
      .all();
    session.lock();

    const target = join(root, 'restored');
    const result = await restoreBackup({ file: out, target, secret: { passphrase: PASSPHRASE } });
    expect(result.header.vaultId).toBe(header.vaultId);
    const restored = new VaultSession({ dir: target });
    await restored.unlock(PASSPHRASE);
    const copy = restored.current().db;
    expect(
      copy.prepare('SELECT document_id, version, content_hash FROM document_versions ORDER BY 1, 2').all(),
    ).toEqual(sourceHashes);
    expect(getVersion(copy, documentId, 2)?.content).toEqual({ what: 'Ola Testmann delte ut løpesedler, rettet' });
    expect(search(copy, 'løpesedler').map((hit) => hit.objectId)).toEqual([documentId]);
    expect(verifyAuditChain(copy, readKeyFile(restored.files.keys).auditAnchor).ok).toBe(true);
    expect(listAudit(copy, { limit: 2 }).map((e) => [e.action, e.objectId])).toEqual([
      ['unlock', header.vaultId],
      ['restore', header.vaultId],
    ]);
    expect(restored.status()).toMatchObject({ state: 'unlocked', profile: 'NO', schemaVersion: header.schemaVersion });
    restored.lock();
  });

  it('restores with the recovery key when the passphrase is forgotten', async () => {
    const { root, vaultDir, session, db, recoveryKey } = await populatedVault();
    const out = join(root, 'bro.backup');
    createBackup({ db, vaultDir, out });
    session.lock();
    const target = join(root, 'restored');
    await restoreBackup({ file: out, target, secret: { recoveryKey } });
    await expect(recoverDataKey(target, { passphrase: PASSPHRASE })).resolves.toHaveLength(32);
  });

  it('includes writes that are still only in the write-ahead log when another process makes the backup', async () => {
    const { root, vaultDir, session, db } = await populatedVault();
    saveObservation(db, {
      grading: 'UGRADERT',
      status: 'final',
      at: AT,
      content: { what: 'siste' },
      searchTitle: 'Siste',
    });
    expect(statSync(join(vaultDir, 'vault.db-wal')).size).toBeGreaterThan(0);
    const key = await recoverDataKey(vaultDir, { passphrase: PASSPHRASE });
    const other = openEncrypted(join(vaultDir, 'vault.db'), key);
    keyAuditLog(other, key, session.current().vaultId);
    const { header } = createBackup({ db: other, vaultDir, out: join(root, 'bro.backup') });
    other.close();
    expect(header.documentVersions.count).toBe(33);
    session.lock();
  });

  it('replaces an earlier backup only with a complete one and cleans up work files of a killed run', async () => {
    const { root, vaultDir, session, db } = await populatedVault();
    const out = join(root, 'bro.backup');
    createBackup({ db, vaultDir, out });
    writeFileSync(join(root, '.bro.backup.0123456789ab.part.bro-tmp'), 'left by a killed backup');
    saveObservation(db, { grading: 'UGRADERT', status: 'final', at: AT, content: { what: 'ny' }, searchTitle: 'Ny' });
    const second = createBackup({ db, vaultDir, out });
    session.lock();
    expect(readdirSync(root).sort()).toEqual(['bro.backup', 'vault']);
    const restored = await restoreBackup({
      file: out,
      target: join(root, 'check'),
      secret: { passphrase: PASSPHRASE },
    });
    expect(restored.header).toEqual(second.header);
  });

  it('refuses to write the backup inside the vault folder, in a sub-folder, by `..` or through a symlink', async () => {
    const { vaultDir, session, db } = await populatedVault();
    const link = join(dirname(vaultDir), 'link-to-vault');
    symlinkSync(vaultDir, link);
    const before = snapshotFiles(vaultDir);
    for (const out of [
      join(vaultDir, 'bro.backup'),
      join(vaultDir, 'kopier', 'bro.backup'),
      `${vaultDir}/../vault/bro.backup`,
      join(link, 'bro.backup'),
    ])
      expect(() => createBackup({ db, vaultDir, out }), out).toThrow(
        expect.objectContaining({ code: 'invalid_input', messageKey: 'backup.error.outInsideVault' }),
      );
    expect(createBackup({ db, vaultDir, out: `${vaultDir}-kopier/bro.backup` }).file).toBe(
      `${vaultDir}-kopier/bro.backup`,
    );
    session.lock();
    expect(Object.keys(snapshotFiles(vaultDir)).filter((name) => !(name in before))).toEqual([]);
  });
});

describe('restore refusals', () => {
  async function backupFile() {
    const vault = await populatedVault();
    const out = join(vault.root, 'bro.backup');
    createBackup({ db: vault.db, vaultDir: vault.vaultDir, out });
    vault.session.lock();
    return { ...vault, out };
  }

  const DAMAGED = { code: 'unreadable', messageKey: 'backup.error.damaged' };

  /** Restores `file` into `target` and expects `refused`, with no file under `root` written or changed. */
  async function expectRestoreRefused(
    root: string,
    restore: { file: string; target: string; passphrase?: string; label?: string },
    refused: { code: string; messageKey: string },
  ) {
    const before = snapshotFiles(root);
    const secret = { passphrase: restore.passphrase ?? PASSPHRASE };
    expect(await refusal(restoreBackup({ file: restore.file, target: restore.target, secret })), restore.label).toEqual(
      refused,
    );
    expect(snapshotFiles(root)).toEqual(before);
  }

  it('refuses a backup with any byte changed or cut off, and writes nothing', async () => {
    const { root, out } = await backupFile();
    const original = readFileSync(out);
    const { parts } = verifyBackupFile(out);
    const spots = {
      header: 40,
      keyFile: parts['vault-keys.json']!.offset + 20,
      manifest: parts.manifest!.offset + 40,
      database: parts['vault.db']!.offset + 5000,
      trailer: original.length - 1,
    };
    for (const [where, at] of Object.entries(spots)) {
      const tampered = Buffer.from(original);
      tampered[at] = (tampered[at] as number) ^ 0x01;
      writeFileSync(out, tampered);
      await expectRestoreRefused(root, { file: out, target: join(root, `restored-${where}`), label: where }, DAMAGED);
    }
    writeFileSync(out, original);
    truncateSync(out, original.length - 1000);
    await expectRestoreRefused(root, { file: out, target: join(root, 'restored'), label: 'cut off' }, DAMAGED);
  });

  it('refuses a consistently re-hashed backup whose description does not match its database', async () => {
    const { root, vaultDir, session, db } = await populatedVault();
    const earlier = join(root, 'earlier.backup');
    createBackup({ db, vaultDir, out: earlier });
    saveObservation(db, { grading: 'UGRADERT', status: 'final', at: AT, content: { what: 'ny' }, searchTitle: 'Ny' });
    const out = join(root, 'bro.backup');
    createBackup({ db, vaultDir, out });
    session.lock();
    // The earlier backup's manifest (same vault, same key: it decrypts) spliced into the later file.
    const part = (file: string, name: 'vault-keys.json' | 'manifest' | 'vault.db') => {
      const { offset, length } = verifyBackupFile(file).parts[name]!;
      return readFileSync(file).subarray(offset, offset + length);
    };
    const [keys, manifest, database] = [part(out, 'vault-keys.json'), part(earlier, 'manifest'), part(out, 'vault.db')];
    const forged: BackupHeader = {
      ...(verifyBackupFile(out).header as Extract<BackupHeader, { version: 2 }>),
      parts: [
        { name: 'vault-keys.json' as const, length: keys.length, sha256: sha256Hex(keys) },
        { name: 'manifest' as const, length: manifest.length, sha256: sha256Hex(manifest) },
        { name: 'vault.db' as const, length: database.length, sha256: sha256Hex(database) },
      ],
    };
    const body = Buffer.concat([encodePrefix(forged), keys, manifest, database]);
    writeFileSync(out, Buffer.concat([body, createHash('sha256').update(body).digest()]));
    await expectRestoreRefused(
      root,
      { file: out, target: join(root, 'restored') },
      { code: 'vault_corrupt', messageKey: 'backup.error.restoreMismatch' },
    );
  });

  it('still restores a version 1 backup, whose description and key file were in plaintext', async () => {
    const { root, vaultDir, session, db } = await populatedVault();
    const out = join(root, 'bro.backup');
    const { header: described } = createBackup({ db, vaultDir, out });
    session.lock();
    const key = await recoverDataKey(vaultDir, { passphrase: PASSPHRASE });
    const backup = verifyBackupFile(out);
    const read = (name: 'manifest' | 'vault.db') => {
      const { offset, length } = backup.parts[name]!;
      return readFileSync(out).subarray(offset, offset + length);
    };
    const keyBytes = Buffer.from(openManifest(manifestKey(key, described.vaultId), read('manifest')).keyFile, 'utf8');
    const database = read('vault.db');
    const v1: BackupHeader = {
      ...described,
      version: 1 as const,
      parts: [
        { name: 'vault-keys.json' as const, length: keyBytes.length, sha256: sha256Hex(keyBytes) },
        { name: 'vault.db' as const, length: database.length, sha256: sha256Hex(database) },
      ],
    };
    const old = join(root, 'old.backup');
    const body = Buffer.concat([encodePrefix(v1), keyBytes, database]);
    writeFileSync(old, Buffer.concat([body, createHash('sha256').update(body).digest()]));
    const restored = await restoreBackup({
      file: old,
      target: join(root, 'from-v1'),
      secret: { passphrase: PASSPHRASE },
    });
    expect(restored.header).toEqual(described);
    const reopened = new VaultSession({ dir: join(root, 'from-v1') });
    await reopened.unlock(PASSPHRASE);
    expect(reopened.current().db.prepare('SELECT count(*) FROM document_versions', { pluck: true }).get()).toBe(32);
    reopened.lock();
  });

  it('refuses a file that is not a backup', async () => {
    const root = dirs.make();
    const file = join(root, 'notes.txt');
    writeFileSync(file, 'Kari Fiktiv sine notater, ikke en sikkerhetskopi');
    await expectRestoreRefused(
      root,
      { file, target: join(root, 'restored') },
      { code: 'unreadable', messageKey: 'backup.error.notBackup' },
    );
    expect(existsSync(join(root, 'restored'))).toBe(false);
  });

  it('never restores over an existing vault or into a non-empty folder, but accepts an empty one', async () => {
    const { root, out, vaultDir } = await backupFile();
    await expectRestoreRefused(
      root,
      { file: out, target: vaultDir },
      { code: 'already_exists', messageKey: 'backup.error.targetNotEmpty' },
    );
    const empty = join(root, 'empty');
    mkdirSync(empty);
    await restoreBackup({ file: out, target: empty, secret: { passphrase: PASSPHRASE } });
    expect(readdirSync(empty).sort()).toEqual(['vault-keys.json', 'vault.db']);
  });

  it('refuses a wrong passphrase and leaves no trace of the attempt', async () => {
    const { root, out } = await backupFile();
    await expectRestoreRefused(
      root,
      { file: out, target: join(root, 'new', 'folders', 'restored'), passphrase: OTHER_PASSPHRASE },
      { code: 'wrong_passphrase', messageKey: 'restore.error.wrongPassphrase' },
    );
    expect(readdirSync(root).sort()).toEqual(['bro.backup', 'vault']);
  });
});

describe('bro backup and bro restore (command line)', () => {
  registerCommand('backup', backupCommand);
  registerCommand('restore', restoreCommand);

  it('backs up with BRO_PASSPHRASE, restores into a new folder and reports tampering and occupied folders by exit code', async () => {
    const root = dirs.make();
    const vault = join(root, 'vault');
    const created = new VaultSession({ dir: vault, kdfCost: FAST_KDF });
    await created.create('DK', PASSPHRASE);
    created.lock();
    const out = join(root, 'bro.backup');

    const backup = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['backup', '--vault', vault, '--out', out, '--json'], backup.io)).toBe(0);
    expect(JSON.parse(backup.out.join(''))).toMatchObject({ ok: true, profile: 'DK', file: out });

    const restore = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['restore', '--file', out, '--vault', join(root, 'restored')], restore.io)).toBe(0);
    expect(restore.out.join('\n')).toContain(
      restore.io.t('backup.cli.restored', { dir: join(root, 'restored'), createdAt: 'x', versions: 0 }).slice(-40),
    );

    const occupied = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['restore', '--file', out, '--vault', vault], occupied.io)).toBe(1);
    expect(occupied.err).toEqual([occupied.io.t('backup.error.targetNotEmpty')]);

    const bytes = readFileSync(out);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] as number) ^ 0xff;
    writeFileSync(out, bytes);
    const tampered = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['restore', '--file', out, '--vault', join(root, 'again')], tampered.io)).toBe(2);
    expect(tampered.err).toEqual([tampered.io.t('backup.error.damaged')]);
    expect(existsSync(join(root, 'again'))).toBe(false);

    const usage = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await runCli(['backup', '--vault', vault], usage.io)).toBe(2);
  });

  it('says in the restore’s own words that a passphrase or recovery key does not open the backup, with no wait to sit out', async () => {
    const root = dirs.make();
    const vault = join(root, 'vault');
    const created = new VaultSession({ dir: vault, kdfCost: FAST_KDF });
    const { recoveryKey } = await created.create('NO', PASSPHRASE);
    created.lock();
    const out = join(root, 'bro.backup');
    expect(await runCli(['backup', '--vault', vault, '--out', out], captureIo({ BRO_PASSPHRASE: PASSPHRASE }).io)).toBe(
      0,
    );

    const wrongPassphrase = captureIo({ BRO_PASSPHRASE: OTHER_PASSPHRASE });
    expect(await runCli(['restore', '--file', out, '--vault', join(root, 'a')], wrongPassphrase.io)).not.toBe(0);
    expect(wrongPassphrase.err).toEqual([wrongPassphrase.io.t('restore.error.wrongPassphrase')]);

    const wrong = recoveryKey.replace(/[0-9A-Z]/, (c) => (c === 'A' ? 'B' : 'A'));
    const wrongKey = captureIo({ BRO_RECOVERY_KEY: wrong });
    expect(await runCli(['restore', '--file', out, '--vault', join(root, 'b'), '--recovery'], wrongKey.io)).not.toBe(0);
    expect(wrongKey.err).toEqual([wrongKey.io.t('restore.error.wrongRecoveryKey')]);
    expect([...wrongPassphrase.err, ...wrongKey.err].join('\n')).not.toMatch(/[{}]|wait/i);
    expect(readdirSync(root).sort()).toEqual(['bro.backup', 'vault']);
  });
});

describe('backup messages', () => {
  it('has every backup message in nb, da and en with the same placeholders', () => {
    const read = (locale: string) =>
      JSON.parse(readFileSync(join('shared/i18n', locale, 'backup.json'), 'utf8')) as Record<string, string>;
    const [nb, da, en] = ['nb', 'da', 'en'].map(read) as [
      Record<string, string>,
      Record<string, string>,
      Record<string, string>,
    ];
    const placeholders = (text = '') =>
      [...text.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    expect(Object.keys(nb).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(da).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(key.startsWith('backup.')).toBe(true);
      expect([placeholders(nb[key]), placeholders(da[key])]).toEqual([placeholders(en[key]), placeholders(en[key])]);
    }
  });
});
