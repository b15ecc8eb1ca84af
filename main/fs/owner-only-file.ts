import { chmodSync, closeSync, openSync, statSync } from 'node:fs';

/**
 * Makes `path` readable by its owner only before SQLite opens it. SQLite creates a database file with
 * mode 0644 less the umask, and gives its -wal, -shm and -journal files the database file's mode: so a
 * vault, a key rotation's copy or a backup's snapshot was readable by every local account whenever its
 * folder was (the vault's own folder is 0700, but a backup's snapshot sits beside the backup wherever
 * the user saves it). The contents are encrypted either way; this keeps the file itself from others.
 *
 * A missing file is made empty with 0600 (SQLite treats an empty file as a new database); an existing
 * one with group or other bits set is narrowed to the owner's bits. POSIX only: on Windows the
 * folder's access list decides. Never throws: a file it cannot make or change (no such folder, not
 * the owner) is left to SQLite, which reports the failure to open as before.
 */
export function makeOwnerOnly(path: string): void {
  if (process.platform === 'win32') return;
  try {
    closeSync(openSync(path, 'wx', 0o600));
    return;
  } catch {
    // Exists already (or cannot be made): narrowed below when it exists.
  }
  try {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
  } catch {
    // Not there, or not ours to change.
  }
}
