import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Files under `dir` this process still holds open (Linux: /proc/self/fd). An open handle keeps a USB
 * stick from being ejected and, on Windows, a file from being replaced.
 */
export function openHandlesUnder(dir: string): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(join('/proc/self/fd', fd));
      return target.startsWith(dir) ? [target] : [];
    } catch {
      return []; // the descriptor readdir itself used, closed meanwhile
    }
  });
}
