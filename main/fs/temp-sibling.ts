import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Ends the name of every work file Bro writes beside a target, so a later run can find its leftovers. */
export const TEMP_MARK = '.bro-tmp';

/** A hidden sibling name for work files of `path`; `removeStaleTemps` finds them by this shape. */
export function tempSibling(path: string, purpose = 'part'): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.${purpose}${TEMP_MARK}`);
}

/**
 * Removes work files a killed earlier run left beside `path`: an export's plaintext copy, a backup's
 * encrypted parts, a restore's half-built vault folder. One write to a given file at a time is assumed.
 */
export function removeStaleTemps(path: string): void {
  const prefix = `.${basename(path)}.`;
  for (const name of readdirSync(dirname(path))) {
    if (name.startsWith(prefix) && name.endsWith(TEMP_MARK))
      rmSync(join(dirname(path), name), { recursive: true, force: true });
  }
}
