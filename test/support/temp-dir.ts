import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integrityChecksRunning, integrityChecksSettled } from '../../main/vault/vault-health';

/** Folders an integrity check was still using when a test removed them; removed once it has ended. */
const deferred: string[] = [];

function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

/**
 * Removes a test folder. A vault's integrity check runs in a worker after unlock and goes on after a
 * lock until its native call returns (it cannot be stopped inside it), so it may still create the
 * file's -shm while the folder is removed (ENOTEMPTY). Such a folder is removed after the test file,
 * once every check has ended (removeDeferredTrees); any other failure is the test's.
 */
export function removeTree(dir: string): void {
  try {
    remove(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' || !integrityChecksRunning()) throw error;
    deferred.push(dir);
  }
}

/** Waits for every integrity check, then removes the folders removeTree had to leave. */
export async function removeDeferredTrees(): Promise<void> {
  await integrityChecksSettled();
  for (const dir of deferred.splice(0)) remove(dir);
}

/** Temp folders for one test file, removed after each test. */
export function tempDirs(prefix = 'bro-test-') {
  const dirs: string[] = [];
  return {
    make(): string {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    cleanup(): void {
      for (const dir of dirs.splice(0)) removeTree(dir);
    },
  };
}
