import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { removeStaleTemps, tempSibling } from './temp-sibling';

function fsyncDir(dir: string): void {
  // Directory fsync makes the rename itself durable; not supported on Windows, where rename is atomic enough.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A file written and flushed beside its target, not yet in place: `commit` renames it over the target. */
export interface PendingWrite {
  /** Puts the file in place (rename, then directory fsync). */
  commit(): void;
  /** Removes the temp file; the target is untouched. */
  discard(): void;
}

/**
 * The first half of an atomic write: the bytes go to a hidden sibling temp file, fsynced. Until
 * `commit`, the target does not change, so a caller can commit the file and its log entry together.
 */
export function prepareAtomicWrite(path: string, data: string | Uint8Array, mode = 0o600): PendingWrite {
  const dir = dirname(path);
  const temp = tempSibling(path);
  const fd = openSync(temp, 'wx', mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  return {
    commit() {
      renameSync(temp, path);
      fsyncDir(dir);
    },
    discard() {
      rmSync(temp, { force: true });
    },
  };
}

/**
 * Writes a file so that a crash leaves either the old content or the new, never a torn file:
 * write a sibling temp file, fsync it, rename it over the target, fsync the directory.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): void {
  prepareAtomicWrite(path, data, mode).commit();
}

/**
 * Writes `bytes` to `path` together with its log entries, so that a log never claims a file that
 * was not written. The bytes are first written and flushed to a hidden sibling; `record` (the log
 * entries) runs after that and calls `putInPlace` as the last step of its transaction, so the rename
 * happens only if the log is being written, and a failed log leaves no file behind. A crash between
 * the rename and the commit leaves the file without its log entry, never the reverse. A crash before
 * the rename leaves the hidden sibling (a plaintext document on a USB stick): the next write to the
 * same file removes it first.
 */
export function writeThenRecord<T>(path: string, bytes: Uint8Array, record: (putInPlace: () => void) => T): T {
  removeStaleTemps(path);
  const pending = prepareAtomicWrite(path, bytes);
  let placed = false;
  try {
    return record(() => {
      pending.commit();
      placed = true;
    });
  } catch (error) {
    if (placed) rmSync(path, { force: true });
    else pending.discard();
    throw error;
  }
}
