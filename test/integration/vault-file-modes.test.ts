import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { exportSnapshot } from '../../main/db/snapshot';
import { FAST_KDF, OTHER_PASSPHRASE, PASSPHRASE, session } from '../support/vault-fixtures';
import { tempDirs } from '../support/temp-dir';

// Every file SQLite makes for a vault is the owner's alone, whatever the umask lets through (here 022,
// the usual one, under which SQLite made them 0644). The files are encrypted; this keeps them from
// other local accounts even where their folder is readable.
const posix = process.platform !== 'win32';
// Setting the umask is refused in a worker thread (Stryker's runner uses them); Vitest's forks are processes.
const canSetUmask = posix && isMainThread;
const temp = tempDirs('bro-file-modes-');
const modeOf = (path: string): number => statSync(path).mode & 0o777;

afterEach(() => temp.cleanup());

describe.runIf(posix)('the files of a vault are readable by their owner only', () => {
  it.runIf(canSetUmask)('a new vault: the database, its WAL and its shared memory, under umask 022', async () => {
    const before = process.umask(0o022);
    try {
      const dir = join(temp.make(), 'vault');
      const vault = session(dir, { kdfCost: FAST_KDF });
      await vault.create('NO', PASSPHRASE);
      const database = join(dir, 'vault.db');
      for (const file of [database, `${database}-wal`, `${database}-shm`]) {
        expect(existsSync(file), file).toBe(true);
        expect(modeOf(file), file).toBe(0o600);
      }
      vault.lock();
    } finally {
      process.umask(before);
    }
  });

  it('a vault made before, readable by others, is narrowed when it is opened', async () => {
    const dir = join(temp.make(), 'vault');
    const vault = session(dir, { kdfCost: FAST_KDF });
    await vault.create('NO', PASSPHRASE);
    vault.lock();
    chmodSync(join(dir, 'vault.db'), 0o644);
    await vault.unlock(PASSPHRASE);
    expect(modeOf(join(dir, 'vault.db'))).toBe(0o600);
    vault.lock();
  });

  it.runIf(canSetUmask)('the copy a key rotation swaps in, and a backup’s snapshot', async () => {
    const before = process.umask(0o022);
    try {
      const root = temp.make();
      const dir = join(root, 'vault');
      const vault = session(dir, { kdfCost: FAST_KDF });
      await vault.create('NO', PASSPHRASE);
      await vault.rotateKey(PASSPHRASE, OTHER_PASSPHRASE);
      expect(modeOf(join(dir, 'vault.db'))).toBe(0o600);
      const snapshot = join(root, 'snapshot.db');
      exportSnapshot(vault.current().db, snapshot);
      expect(modeOf(snapshot)).toBe(0o600);
      vault.lock();
    } finally {
      process.umask(before);
    }
  });
});
