// Finishing or undoing a data-key rotation a crash interrupted: which pair of files opens the vault.
// Stand-in files in a temp folder (their content only tells them apart), and a real vault for a
// failed preparation; vault-rotation.test.ts runs real rotations. A copy that goes wrong after its
// export (a lost row, a lock on it) is made by wrapping the real export (off unless a test sets it).
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openHandlesUnder } from '../../test/support/open-handles';
import { tempDirs } from '../../test/support/temp-dir';
import { OTHER_PASSPHRASE } from '../../test/support/vault-fixtures';
import { ZodError } from 'zod';
import { GENESIS, legacyHash } from '../audit/audit-key';
import { openEncrypted, type Db } from '../db/connection';
import { loadMigrations } from '../db/migrate';
import { insertAuditRow } from '../db/repositories/audit-repo';
import type { SnapshotFacts } from '../db/snapshot';
import { readKeyFile, type KeyFile } from './key-file';
import { commitRotation, prepareRotation, settleRotation } from './rotate-key';
import { vaultFiles } from './vault-files';
import { VaultSession } from './vault-session';

/** What happens to the re-encrypted copy right after its export, before the rotation opens it. */
const afterExport = vi.hoisted(() => ({ fault: null as ((path: string, key: Buffer) => void) | null }));

vi.mock('../db/rekey-export', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../db/rekey-export')>();
  return {
    ...actual,
    exportUnderKey: (db: Db, path: string, key: Buffer): SnapshotFacts => {
      const facts = actual.exportUnderKey(db, path, key);
      afterExport.fault?.(path, key);
      return facts;
    },
  };
});

const temp = tempDirs('bro-rotate-settle-');
afterAll(() => temp.cleanup());
afterEach(() => {
  afterExport.fault = null;
});

function folder(...present: ('copy' | 'journal' | 'next' | 'wal')[]) {
  const files = vaultFiles(temp.make());
  writeFileSync(files.database, 'old database');
  writeFileSync(files.keys, 'old keys');
  if (present.includes('copy')) writeFileSync(files.rotatingDatabase, 'new database');
  if (present.includes('journal')) writeFileSync(`${files.rotatingDatabase}-journal`, 'journal');
  if (present.includes('next')) writeFileSync(files.nextKeys, 'new keys');
  if (present.includes('wal')) writeFileSync(`${files.database}-wal`, 'wal');
  return files;
}

const text = (path: string) => readFileSync(path, 'utf8');
const PASSPHRASE = 'Fiktiv-hvelv-passord-2026';
const FAST_KDF = { logN: 10, r: 8, p: 1 };

describe('a rotation a crash interrupted', () => {
  it('is nothing to settle when no rotation was under way', () => {
    const files = folder();
    expect(settleRotation(files)).toBe('none');
    expect(readdirSync(files.dir).sort()).toEqual(['vault-keys.json', 'vault.db']);
  });

  it('is undone before the database was moved: the old pair stays, the new files go', () => {
    for (const files of [folder('copy'), folder('copy', 'journal'), folder('copy', 'next')]) {
      expect(settleRotation(files)).toBe('rolledBack');
      expect(readdirSync(files.dir).sort()).toEqual(['vault-keys.json', 'vault.db']);
      expect(text(files.database)).toBe('old database');
      expect(text(files.keys)).toBe('old keys');
    }
  });

  it('is finished after the database was moved: the next key file replaces the old one', () => {
    const files = folder('next');
    writeFileSync(files.database, 'new database');
    expect(settleRotation(files)).toBe('completed');
    expect(text(files.keys)).toBe('new keys');
    expect(existsSync(files.nextKeys)).toBe(false);
  });

  it('leaves no journal of an abandoned copy behind', () => {
    const files = folder('journal');
    expect(settleRotation(files)).toBe('none');
    expect(existsSync(`${files.rotatingDatabase}-journal`)).toBe(false);
  });
});

describe('committing a rotation', () => {
  it('moves the new database and then the new key file into place', () => {
    const files = folder('copy', 'next');
    commitRotation(files);
    expect(text(files.database)).toBe('new database');
    expect(text(files.keys)).toBe('new keys');
    expect(readdirSync(files.dir).sort()).toEqual(['vault-keys.json', 'vault.db']);
  });

  it('is refused while another process has the old database open (its WAL), keeping the old pair', () => {
    const files = folder('copy', 'next', 'wal');
    expect(() => commitRotation(files)).toThrow(
      expect.objectContaining({ code: 'conflict', messageKey: 'security.rotate.vaultInUse' }),
    );
    expect(text(files.database)).toBe('old database');
    expect(text(files.keys)).toBe('old keys');
    expect(existsSync(files.rotatingDatabase)).toBe(false);
    expect(existsSync(files.nextKeys)).toBe(false);
  });
});

describe('preparing a rotation that fails', () => {
  it('removes the new copy and key file, and leaves the open vault as it was', async () => {
    const session = new VaultSession({ dir: temp.make(), kdfCost: FAST_KDF, healthCheck: false });
    await session.create('NO', PASSPHRASE);
    const { db } = session.current();
    const keyFile = readKeyFile(session.files.keys);
    // A key file that cannot be written (an unknown profile) fails the last step, after the copy was made.
    const broken = { ...keyFile, profile: 'XX' } as unknown as KeyFile;
    expect(() =>
      prepareRotation(db, session.files, { dataKey: randomBytes(32), keyFile: broken, at: new Date().toISOString() }),
    ).toThrow(ZodError);
    expect(existsSync(session.files.rotatingDatabase)).toBe(false);
    expect(existsSync(session.files.nextKeys)).toBe(false);
    expect(readKeyFile(session.files.keys)).toEqual(keyFile);
    db.prepare("INSERT INTO meta (key, value) VALUES ('note', 'fiktiv')").run();
    session.lock();
    expect((await session.unlock(PASSPHRASE)).state).toBe('unlocked');
    session.lock();
  });

  it('refused before its copy is complete leaves no handle on the copy, and no copy', async () => {
    const session = new VaultSession({ dir: temp.make(), kdfCost: FAST_KDF, healthCheck: false });
    await session.create('NO', PASSPHRASE);
    const { db } = session.current();
    // A vault id that is no id: the copy's audit log refuses the rotation's entry, before the copy is closed.
    const odd = { ...readKeyFile(session.files.keys), vaultId: 'not an id' };
    expect(() =>
      prepareRotation(db, session.files, { dataKey: randomBytes(32), keyFile: odd, at: new Date().toISOString() }),
    ).toThrow(RangeError);
    expect(openHandlesUnder(session.files.dir).filter((path) => path.includes('vault.db.rotating'))).toEqual([]);
    expect(existsSync(session.files.rotatingDatabase)).toBe(false);
    session.lock();
  });
});

describe('a rotation whose copy fails its check', () => {
  /**
   * An insider's edit with the passphrase: rows added while the index's schema row was taken out, so
   * the vault's index lacks them. The copy is built afresh and fails its own full check.
   */
  function staleIndex(db: Db): void {
    db.exec(
      "CREATE TABLE notes (body TEXT NOT NULL); CREATE INDEX notes_body ON notes (body); INSERT INTO notes VALUES ('a');",
    );
    const index = db
      .prepare(
        "SELECT json_array(type, name, tbl_name, rootpage, sql) AS row FROM sqlite_master WHERE name = 'notes_body'",
      )
      .get() as { row: string };
    const version = db.pragma('schema_version', { simple: true }) as number;
    db.pragma('writable_schema = ON');
    db.prepare("DELETE FROM sqlite_master WHERE name = 'notes_body'").run();
    db.pragma(`schema_version = ${version + 1}`);
    db.exec("INSERT INTO notes VALUES ('b')");
    db.prepare(
      'INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(json_array(json(?)))',
    ).run([index.row]);
    db.pragma(`schema_version = ${version + 2}`);
    db.pragma('writable_schema = OFF');
  }

  it('is refused as a copy that does not match; no copy or key file is left, and the old passphrase opens the vault', async () => {
    const session = new VaultSession({ dir: temp.make(), kdfCost: FAST_KDF, healthCheck: false });
    await session.create('NO', PASSPHRASE);
    staleIndex(session.current().db);
    const keys = readFileSync(session.files.keys);
    await expect(session.rotateKey(PASSPHRASE, OTHER_PASSPHRASE)).rejects.toMatchObject({
      code: 'internal',
      messageKey: 'security.rotate.verifyFailed',
    });
    expect(existsSync(session.files.rotatingDatabase)).toBe(false);
    expect(existsSync(session.files.nextKeys)).toBe(false);
    expect(readFileSync(session.files.keys)).toEqual(keys);
    session.lock();
    expect((await session.unlock(PASSPHRASE)).state).toBe('unlocked');
    session.lock();
  });
});

describe('a rotation whose copy changes after its export', () => {
  async function rotationOf(fault: (path: string, key: Buffer) => void) {
    const session = new VaultSession({ dir: temp.make(), kdfCost: FAST_KDF, healthCheck: false });
    await session.create('NO', PASSPHRASE);
    const keys = readFileSync(session.files.keys);
    afterExport.fault = fault;
    const prepare = () =>
      prepareRotation(session.current().db, session.files, {
        dataKey: randomBytes(32),
        keyFile: readKeyFile(session.files.keys),
        at: new Date().toISOString(),
      });
    return { session, keys, prepare };
  }

  it('is refused as a copy that does not match when the copy lost a row, and leaves nothing', async () => {
    const { session, keys, prepare } = await rotationOf((path, key) => {
      const copy = openEncrypted(path, key);
      copy.prepare("DELETE FROM meta WHERE key = 'created_at'").run();
      copy.close();
    });
    expect(prepare).toThrow(expect.objectContaining({ code: 'internal', messageKey: 'security.rotate.verifyFailed' }));
    expect(existsSync(session.files.rotatingDatabase)).toBe(false);
    expect(existsSync(session.files.nextKeys)).toBe(false);
    expect(readFileSync(session.files.keys)).toEqual(keys);
    session.lock();
  });

  it('says the copy is busy, not that it does not match, when another connection holds it locked', async () => {
    let locker: Db | null = null;
    const { session, prepare } = await rotationOf((path, key) => {
      locker = openEncrypted(path, key, 'quick');
      locker.exec('BEGIN EXCLUSIVE');
    });
    try {
      // Opening the copy waits out its busy timeout (2 s) first.
      expect(prepare).toThrow(expect.objectContaining({ code: 'busy', messageKey: 'error.storage.busy.nothing' }));
    } finally {
      (locker as Db | null)?.close();
    }
    expect(existsSync(session.files.rotatingDatabase)).toBe(false);
    expect(existsSync(session.files.nextKeys)).toBe(false);
    session.lock();
  });
});

describe('rotating a vault whose log began before the keyed chain', () => {
  const AT = '2026-11-20T09:00:00.000Z';
  const migrations = loadMigrations();

  /** A vault at schema 9 with SHA-256 entries, unlocked (and so migrated) with every migration. */
  async function migratedLegacyVault(entries: number): Promise<VaultSession> {
    const dir = temp.make();
    const old = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false, migrations: migrations.slice(0, 9) });
    await old.create('NO', PASSPHRASE);
    let prevHash = GENESIS;
    for (let seq = 1; seq <= entries; seq += 1) {
      const fields = { seq, at: AT, actor: 'user-1', action: 'update', objectType: 'document', objectId: `doc-${seq}` };
      const hash = legacyHash(prevHash, fields);
      insertAuditRow(old.current().db, { ...fields, prevHash, hash });
      prevHash = hash;
    }
    old.lock();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false, migrations });
    await session.unlock(PASSPHRASE);
    return session;
  }

  it('anchors the legacy mark with the new head, so an unlock after a crash raises no alarm', async () => {
    const session = await migratedLegacyVault(3);
    await session.rotateKey(PASSPHRASE, OTHER_PASSPHRASE);
    expect(readKeyFile(session.files.keys).auditAnchor).toMatchObject({ legacySeq: 3 });
    // The app ends without locking: the next unlock holds the chain against the rotation's anchor.
    const next = new VaultSession({ dir: session.files.dir, kdfCost: FAST_KDF, healthCheck: false, migrations });
    expect((await next.unlock(OTHER_PASSPHRASE)).auditFindings).toBeUndefined();
    next.lock();
    session.lock();
  });
});
