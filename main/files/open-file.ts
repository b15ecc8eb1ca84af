import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { translate } from '../../shared/i18n/translate';
import { AppError } from '../ipc/app-error';
import type { PrefsStore } from '../prefs/prefs-schema';
import type { FileDialogs } from './file-dialogs';
import type { LastFolder } from './last-folder';
import { openFilters, type OpenKind } from './file-kinds';

export type OpenedFile = { chosen: false } | { chosen: true; fileName: string; bytes: Uint8Array };

/**
 * Reads a file the user picked in the shell's open dialog. Its size is checked with `stat` before a
 * byte is read (a 4 GB file is refused without being loaded), and again after reading, in case it
 * grew in between. A cancelled dialog reads nothing.
 */
export async function openChosenFile(
  deps: { dialogs: FileDialogs; prefs: PrefsStore; lastFolder: LastFolder },
  kind: OpenKind,
  maxBytes: number,
): Promise<OpenedFile> {
  const prefs = deps.prefs.read();
  const path = await deps.dialogs.chooseOpenPath({
    title: translate(prefs.uiLanguage, 'files.open.title'),
    defaultDir: deps.lastFolder.get(),
    filters: openFilters(kind, prefs.uiLanguage),
  });
  if (!path) return { chosen: false };
  return { chosen: true, fileName: basename(path), bytes: await readChecked(path, maxBytes) };
}

export async function readChecked(path: string, maxBytes: number): Promise<Uint8Array> {
  const fileName = basename(path);
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) throw new AppError('unreadable', 'files.open.notAFile', { fileName });
  if (info.size === 0) throw new AppError('invalid_input', 'files.open.empty', { fileName });
  const refuseSize = () =>
    new AppError('invalid_input', 'files.open.tooLarge', { fileName, maxMb: maxBytes / 2 ** 20 });
  if (info.size > maxBytes) throw refuseSize();
  const bytes = new Uint8Array(await readFile(path));
  if (bytes.length > maxBytes) throw refuseSize();
  return bytes;
}
