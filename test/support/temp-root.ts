// Vitest global setup: the run's temp folder, and a check that the tests leave nothing in it.
// Test vaults, saved exports and backups are fictional, but a folder a test forgets stays in /tmp for
// good (a run left about 90, a mutation run hundreds), and a leak in a helper goes unnoticed because
// nothing looks. Every test process inherits TMPDIR from here, so os.tmpdir() is this folder; when
// the run ends anything still in it fails the run by name, and the folder is removed either way.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** tsx's compile cache (the CLI tests run the sources through tsx): code, no data, and tsx's to manage. */
const CACHES = /^tsx-\d+$/;

/** What a finished run left in `root`, but the caches: the names, sorted. */
export function leftIn(root: string): string[] {
  return readdirSync(root)
    .filter((name) => !CACHES.test(name))
    .sort();
}

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'bro-test-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    const left = leftIn(root);
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    if (left.length === 0) return;
    // Vitest reports an error thrown here but still exits 0: the exit code is set instead.
    process.exitCode = 1;
    console.error(`the tests left ${left.length} entries in the temp folder: ${left.slice(0, 20).join(', ')}`);
  };
}
