import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { tempSibling } from '../fs/temp-sibling';

export function fsyncPath(path: string, flags = 'r'): void {
  // Directory fsync makes a rename durable; Windows cannot open a folder for it, and its rename is atomic.
  if (process.platform === 'win32' && flags === 'r') return;
  const fd = openSync(path, flags);
  // Stryker disable next-line BlockStatement: fsync only makes written data survive a power cut; no test can observe it without cutting the power
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The streaming form of writeFileAtomic: `fill` appends chunks to a hidden temp file, which is fsynced,
 * checked by `verify`, and only then renamed over `path`. A crash at any moment leaves the old file or
 * the complete new one, never a torn file; a failed check leaves the old file untouched. `place` puts
 * it there (by calling its argument), as the last step of the caller's log entry: a log that fails
 * leaves no file, and a file never stands unlogged.
 */
export function writeFileAtomicStreaming(
  path: string,
  fill: (append: (chunk: Uint8Array) => void) => void,
  verify: (tempPath: string) => void = () => undefined,
  place: (putInPlace: () => void) => void = (putInPlace) => putInPlace(),
): void {
  const temp = tempSibling(path);
  let placed = false;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    fill((chunk) => {
      let offset = 0;
      while (offset < chunk.length) offset += writeSync(fd, chunk, offset, chunk.length - offset);
    });
    fsyncSync(fd);
    closeSync(fd);
    verify(temp);
    place(() => {
      renameSync(temp, path);
      placed = true;
    });
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(placed ? path : temp, { force: true });
    throw error;
  }
  fsyncPath(dirname(path));
}
