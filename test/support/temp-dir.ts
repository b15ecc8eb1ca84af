import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Removes a test folder. A vault's integrity check runs in a worker after unlock and may still
 * open the file (creating its -shm) while the folder is removed, which fails with ENOTEMPTY;
 * Node retries the whole removal for that error.
 */
export function removeTree(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
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
