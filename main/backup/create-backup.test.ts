// Writing a backup when something goes wrong under it: a disk that corrupts or swaps the bytes it was
// given, a snapshot that lost a row, an export that fails early or leaves its journal. The old backup
// stays, nothing is left beside it. Real vaults and SQLCipher files; the faults are injected by
// wrapping the real writer and exporter (off unless a test sets one).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../../test/support/vault-fixtures';
import type { Db } from '../db/connection';
import { loadMigrations } from '../db/migrate';
import type { SnapshotFacts } from '../db/snapshot';
import { VaultSession } from '../vault/vault-session';
import { createBackup } from './create-backup';

type Fill = (append: (chunk: Uint8Array) => void) => void;

const faults = vi.hoisted(() => ({
  /** Replaces what the backup writer hands the disk. */
  disk: null as ((fill: Fill) => Fill) | null,
  /** Replaces the snapshot export; `real` is the unwrapped one. */
  exporter: null as ((db: Db, path: string) => SnapshotFacts) | null,
  real: null as unknown as (db: Db, path: string) => SnapshotFacts,
}));

vi.mock('./atomic-file', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./atomic-file')>();
  return {
    ...actual,
    writeFileAtomicStreaming: (path: string, fill: Fill, verify?: (temp: string) => void) =>
      actual.writeFileAtomicStreaming(path, faults.disk ? faults.disk(fill) : fill, verify),
  };
});

vi.mock('../db/snapshot', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../db/snapshot')>();
  faults.real = actual.exportSnapshot;
  return {
    ...actual,
    exportSnapshot: (db: Db, path: string) => (faults.exporter ?? actual.exportSnapshot)(db, path),
  };
});

const dirs = tempDirs('bro-create-backup-');
const sessions: VaultSession[] = [];
afterEach(() => {
  faults.disk = null;
  faults.exporter = null;
  sessions.splice(0).forEach((session) => session.lock());
  dirs.cleanup();
});

async function vault(options: { schema1?: boolean } = {}) {
  const root = dirs.make();
  const vaultDir = join(root, 'vault');
  const migrations = options.schema1 ? loadMigrations().slice(0, 1) : undefined;
  const session = new VaultSession({
    dir: vaultDir,
    kdfCost: FAST_KDF,
    healthCheck: false,
    ...(migrations ? { migrations } : {}),
  });
  sessions.push(session);
  await session.create('NO', PASSPHRASE);
  const usb = join(root, 'usb');
  return { vaultDir, db: session.current().db, usb, out: join(usb, 'bro.brobak') };
}

const verifyFailed = { code: 'internal', messageKey: 'backup.error.verifyFailed' };
/** A file's SHA-256 (comparing megabytes of bytes with toEqual takes seconds). */
const digestOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const sqliteError = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('a backup whose written bytes do not read back as written', () => {
  it('is refused as damaged when the disk flipped a byte, and the old backup stays', async () => {
    const { vaultDir, db, usb, out } = await vault();
    createBackup({ db, vaultDir, out });
    const old = digestOf(out);
    faults.disk = (fill) => (append) => {
      let chunks = 0;
      fill((chunk) => {
        chunks += 1;
        // The first chunk of the database part (after the prefix, key envelope and manifest).
        if (chunks !== 4) return append(chunk);
        const bad = Buffer.from(chunk);
        bad[100] = (bad[100] ?? 0) ^ 0x01;
        append(bad);
      });
    };
    expect(() => createBackup({ db, vaultDir, out })).toThrow(
      expect.objectContaining({ code: 'unreadable', messageKey: 'backup.error.damaged' }),
    );
    expect(digestOf(out)).toBe(old);
    expect(readdirSync(usb)).toEqual(['bro.brobak']);
  });

  it('is refused when the disk hands back another complete backup, and the old backup stays', async () => {
    const { vaultDir, db, usb, out } = await vault();
    createBackup({ db, vaultDir, out });
    const old = readFileSync(out);
    // A stale disk cache: the bytes read back are the earlier backup, sound in itself.
    faults.disk = (fill) => (append) => {
      fill(() => undefined);
      append(old);
    };
    expect(() => createBackup({ db, vaultDir, out })).toThrow(expect.objectContaining(verifyFailed));
    expect(readFileSync(out).equals(old)).toBe(true);
    expect(readdirSync(usb)).toEqual(['bro.brobak']);
  });
});

describe('a backup whose snapshot goes wrong', () => {
  it('is refused when the snapshot does not hold the rows that were counted, and nothing is written', async () => {
    const { vaultDir, db, usb, out } = await vault();
    faults.exporter = (source, path) => {
      const facts = faults.real(source, path);
      // The copy lost a row after the count.
      source.prepare('ATTACH DATABASE ? AS lost').run([path]);
      try {
        source.pragma('lost.journal_mode = DELETE');
        source.prepare("DELETE FROM lost.meta WHERE key = 'created_at'").run();
      } finally {
        source.exec('DETACH DATABASE lost');
      }
      return facts;
    };
    expect(() => createBackup({ db, vaultDir, out })).toThrow(expect.objectContaining(verifyFailed));
    expect(readdirSync(usb)).toEqual([]);
  });

  it('reports the export’s own failure when it failed before making the snapshot file', async () => {
    const { vaultDir, db, usb, out } = await vault();
    faults.exporter = () => {
      throw sqliteError('database or disk is full', 'SQLITE_FULL');
    };
    expect(() => createBackup({ db, vaultDir, out })).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    expect(readdirSync(usb)).toEqual([]);
  });

  it('leaves no rollback journal of a failed export beside the backup', async () => {
    const { vaultDir, db, usb, out } = await vault();
    faults.exporter = (source, path) => {
      faults.real(source, path);
      writeFileSync(`${path}-journal`, 'a journal a failed rollback left');
      throw sqliteError('disk I/O error', 'SQLITE_IOERR');
    };
    expect(() => createBackup({ db, vaultDir, out })).toThrow(expect.objectContaining({ code: 'SQLITE_IOERR' }));
    expect(readdirSync(usb)).toEqual([]);
  });
});

describe('a backup of a vault from before the audit log', () => {
  it('leaves its key file as it was, even when its meta names an audit head (a hand edit)', async () => {
    const { vaultDir, db, out } = await vault({ schema1: true });
    const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    insert.run(['audit_head', `3:${'ab'.repeat(32)}`]);
    insert.run(['audit_legacy_seq', '0']);
    const keys = readFileSync(join(vaultDir, 'vault-keys.json'), 'utf8');
    createBackup({ db, vaultDir, out });
    expect(readFileSync(join(vaultDir, 'vault-keys.json'), 'utf8')).toBe(keys);
  });
});
