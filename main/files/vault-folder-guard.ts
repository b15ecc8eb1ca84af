import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../ipc/app-error';

/**
 * The path the file system will write to: absolute, `..` folded, and the symlinks of its folder
 * part resolved up to the deepest folder that exists (the rest does not exist yet, so it has none).
 * The last segment is kept as it is: an atomic write renames over it, never through it.
 */
function realTarget(path: string): string {
  const absolute = resolve(path);
  const missing = [basename(absolute)];
  let folder = dirname(absolute);
  while (!existsSync(folder) && dirname(folder) !== folder) {
    missing.unshift(basename(folder));
    folder = dirname(folder);
  }
  return join(realpathSync.native(folder), ...missing);
}

/** The folder's real path, or as given if it does not exist (nothing in it to protect yet). */
function realFolder(folder: string): string {
  const absolute = resolve(folder);
  return existsSync(absolute) ? realpathSync.native(absolute) : absolute;
}

/** Swaps the case of the deepest segment that has letters; null if no segment has any. */
function otherCase(path: string): string | null {
  const name = basename(path);
  const swapped = name === name.toLowerCase() ? name.toUpperCase() : name.toLowerCase();
  if (swapped !== name) return join(dirname(path), swapped);
  if (dirname(path) === path) return null;
  const parent = otherCase(dirname(path));
  return parent === null ? null : join(parent, name);
}

/** Whether the file system holding `folder` finds it under another case too (macOS, Windows). */
function ignoresCase(folder: string): boolean {
  const other = otherCase(folder);
  if (other === null || !existsSync(folder)) return false;
  const found = statSync(other, { bigint: true, throwIfNoEntry: false });
  const own = statSync(folder, { bigint: true });
  return found !== undefined && found.dev === own.dev && found.ino === own.ino;
}

/**
 * Whether writing `path` would write inside `folder` (or over the folder itself), comparing real
 * paths: `..` segments, a symlinked folder and, where the file system ignores case, another case
 * all lead to the same answer. A sibling whose name merely starts with the folder's name is outside.
 */
export function isInsideFolder(path: string, folder: string): boolean {
  const real = realFolder(folder);
  const fold = ignoresCase(real) ? (text: string) => text.toLowerCase() : (text: string) => text;
  const rel = relative(fold(real), fold(realTarget(path)));
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/**
 * Refuses a file Bro is about to write inside the vault folder: it could replace the database or
 * the key file of the open vault. Every writer of a user-chosen path asks here before writing.
 */
export function refuseInsideVault(path: string, vaultDir: string, messageKey = 'files.error.insideVault'): void {
  if (isInsideFolder(path, vaultDir)) throw new AppError('invalid_input', messageKey);
}
