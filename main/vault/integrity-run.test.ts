import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../db/connection';
import { tempDirs } from '../../test/support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../../test/support/vault-fixtures';
import { runIntegrityJob } from './integrity-run';
import { healthOf } from './vault-health';
import { readKeyFile } from './key-file';
import { recoverDataKey } from './recover-data-key';
import { VaultSession } from './vault-session';

/**
 * The integrity worker's job, run in-process (the thread only posts its answer): a sound vault passes
 * with its audit chain walked, and each way the check can end otherwise has its own answer. The key
 * lent in shared memory is overwritten whatever the outcome.
 */

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

interface Vault {
  path: string;
  dataKey: Buffer;
  vaultId: string;
  anchor: { seq: number; mac: string; legacySeq: number } | undefined;
}

/** A locked vault with a few audit entries, its data key recovered as the session would hold it. */
/**
 * A vault locked after an unlock. With `filler`, a table whose one row spans the last pages of the
 * file: pages that opening the vault never reads (its schema, meta and audit pages are read at once).
 */
async function lockedVault(options: { filler?: boolean } = {}): Promise<Vault> {
  const dir = dirs.make();
  const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
  await session.create('NO', PASSPHRASE);
  session.lock();
  await session.unlock(PASSPHRASE);
  if (options.filler)
    session.current().db.exec('CREATE TABLE filler (t BLOB); INSERT INTO filler VALUES (randomblob(40000));');
  session.lock();
  const keyFile = readKeyFile(join(dir, 'vault-keys.json'));
  const anchor = keyFile.auditAnchor;
  return {
    path: join(dir, 'vault.db'),
    dataKey: await recoverDataKey(dir, { passphrase: PASSPHRASE }),
    vaultId: keyFile.vaultId,
    anchor: anchor && { seq: anchor.seq, mac: anchor.mac, legacySeq: anchor.legacySeq },
  };
}

function lent(key: Buffer): { shared: SharedArrayBuffer; view: Buffer } {
  const shared = new SharedArrayBuffer(32);
  const view = Buffer.from(shared);
  key.copy(view);
  return { shared, view };
}

function job(vault: Vault, shared: SharedArrayBuffer, path = vault.path) {
  return { path, key: shared, vaultId: vault.vaultId, ...(vault.anchor ? { anchor: vault.anchor } : {}) };
}

describe('runIntegrityJob', () => {
  it('passes a sound vault, walks its whole audit chain, and overwrites the lent key', async () => {
    const vault = await lockedVault();
    const { shared, view } = lent(vault.dataKey);
    const answer = runIntegrityJob(job(vault, shared));
    expect(answer).toEqual({
      report: {
        integrity: 'ok',
        audit: { ok: true, entries: vault.anchor?.seq },
        dueFacts: { mismatches: 0, documents: [] },
      },
    });
    expect(vault.anchor?.seq).toBeGreaterThan(0);
    expect(view.every((byte) => byte === 0)).toBe(true);
  });

  it('finds an audit chain behind its key file (a rolled-back vault) and says so, the file itself sound', async () => {
    const vault = await lockedVault();
    const ahead = { ...vault, anchor: vault.anchor && { ...vault.anchor, seq: vault.anchor.seq + 5 } };
    const answer = runIntegrityJob(job(ahead, lent(vault.dataKey).shared));
    expect(answer).toMatchObject({ report: { integrity: 'ok', audit: { ok: false, finding: 'behindKeyFile' } } });
  });

  it('names a damaged page by the check that found it, and writes nothing to the file', async () => {
    const vault = await lockedVault({ filler: true });
    const bytes = readFileSync(vault.path);
    expect(bytes.length).toBeGreaterThan(3 * 4096);
    // A byte inside the last page (the filler's): opening still works, the page's HMAC does not.
    bytes[bytes.length - 200] = (bytes[bytes.length - 200] ?? 0) ^ 0xff;
    writeFileSync(vault.path, bytes);
    const before = statSync(vault.path).mtimeMs;
    const { shared, view } = lent(vault.dataKey);
    expect(runIntegrityJob(job(vault, shared))).toEqual({ report: { integrity: 'cipher_integrity_check' } });
    expect(readFileSync(vault.path).equals(bytes)).toBe(true);
    expect(statSync(vault.path).mtimeMs).toBe(before);
    expect(view.every((byte) => byte === 0)).toBe(true);
  });

  it('a key the file refuses is damage ("damaged"), and the key is overwritten', async () => {
    const vault = await lockedVault();
    const { shared, view } = lent(Buffer.alloc(32, 7));
    expect(runIntegrityJob(job(vault, shared))).toEqual({ failure: 'damaged' });
    expect(view.every((byte) => byte === 0)).toBe(true);
  });

  it('runs with a key that merely contains zero bytes (only an all-zero key means cancelled)', async () => {
    const vault = await lockedVault();
    const { shared } = lent(vault.dataKey);
    expect(runIntegrityJob(job(vault, shared))).toHaveProperty('report');
    const partlyZero = new SharedArrayBuffer(32);
    Buffer.from(partlyZero)[31] = 1;
    expect(runIntegrityJob(job(vault, partlyZero))).toEqual({ failure: 'damaged' });
  });

  it('a database without an audit log passes with an empty chain', () => {
    const path = join(dirs.make(), 'vault.db');
    const key = Buffer.alloc(32, 9);
    const db = openEncrypted(path, key, 'quick');
    db.exec('CREATE TABLE filler (t TEXT)');
    db.close();
    const answer = runIntegrityJob({ path, key: lent(key).shared, vaultId: crypto.randomUUID() });
    expect(answer).toEqual({ report: { integrity: 'ok', audit: { ok: true, entries: 0 } } });
  });

  it('a check cancelled before it began (the key already overwritten) does not open the file', async () => {
    const vault = await lockedVault();
    const listed = readdirSync(join(vault.path, '..')).sort();
    expect(runIntegrityJob(job(vault, new SharedArrayBuffer(32)))).toEqual({ failure: 'cancelled' });
    expect(readdirSync(join(vault.path, '..')).sort()).toEqual(listed);
  });

  it('a vault file that is gone is "missing": no empty database is made there to pass', async () => {
    const vault = await lockedVault();
    const path = join(dirs.make(), 'vault.db');
    expect(runIntegrityJob(job(vault, lent(vault.dataKey).shared, path))).toEqual({ failure: 'missing' });
    expect(existsSync(path)).toBe(false);
  });

  it('a file that is no database at all, read with a key, is damage', async () => {
    const vault = await lockedVault();
    const path = join(dirs.make(), 'vault.db');
    writeFileSync(path, Buffer.alloc(8192, 0x41));
    expect(runIntegrityJob(job(vault, lent(vault.dataKey).shared, path))).toEqual({ failure: 'damaged' });
  });

  it('a folder where the file should be: the check did not run, neither damage nor a pass', async () => {
    const vault = await lockedVault();
    const answer = runIntegrityJob(job(vault, lent(vault.dataKey).shared, dirs.make()));
    // SQLite cannot open a folder: the check did not run, which the vault shows as unchecked.
    expect(answer).toEqual({ failure: 'error' });
  });

  it('a file another connection holds locked is not damage: the check did not run', async () => {
    const vault = await lockedVault();
    const holder = openEncrypted(vault.path, vault.dataKey, 'quick');
    try {
      holder.pragma('locking_mode = EXCLUSIVE');
      holder.exec('BEGIN EXCLUSIVE');
      const { shared, view } = lent(vault.dataKey);
      const answer = runIntegrityJob(job(vault, shared));
      // Named for what it is: the file is busy (not a generic error, and not damage).
      expect(answer).toEqual({ failure: 'busy' });
      expect(healthOf(answer)).toEqual({ state: 'unchecked', reason: 'busy' });
      expect(view.every((byte) => byte === 0)).toBe(true);
    } finally {
      holder.close();
    }
  });

  it('a job that is not one is refused before anything is opened', () => {
    expect(() => runIntegrityJob({ path: '', key: new SharedArrayBuffer(32), vaultId: 'x' })).toThrow();
    expect(() =>
      runIntegrityJob({ path: '/tmp/x', key: new SharedArrayBuffer(16), vaultId: crypto.randomUUID() }),
    ).toThrow();
  });

  it('the check reads through a connection that cannot write', async () => {
    const vault = await lockedVault();
    // Sanity: the recovered key opens the file, so the refusals above are the check's, not the key's.
    const db = openEncrypted(vault.path, vault.dataKey, 'quick');
    db.close();
    const before = readFileSync(vault.path);
    runIntegrityJob(job(vault, lent(vault.dataKey).shared));
    expect(readFileSync(vault.path).equals(before)).toBe(true);
  });
});
