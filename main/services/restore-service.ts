import { basename, isAbsolute, resolve } from 'node:path';
import type { backupChannels } from '../../shared/ipc/backup';
import { translate } from '../../shared/i18n/translate';
import { assertFreshTarget, restoreBackup } from '../backup/restore-backup';
import type { FileDialogs } from '../files/file-dialogs';
import { AppError, isAppError } from '../ipc/app-error';
import type { PrefsStore } from '../prefs/prefs-schema';
import type { VaultSession } from '../vault/vault-session';
import type { HandlersOf } from './channel-handlers';
import type { ProgressBoard } from './progress';
import type { LastFolder } from '../files/last-folder';

type RestoreChannels = Pick<
  HandlersOf<typeof backupChannels>,
  'backup.chooseRestoreFile' | 'backup.chooseRestoreFolder' | 'backup.restore'
>;

export interface RestoreDeps {
  session: VaultSession;
  dialogs: FileDialogs;
  prefs: PrefsStore;
  lastFolder: LastFolder;
  progress: ProgressBoard;
  now: () => Date;
}

const notEmpty = () => new AppError('already_exists', 'restore.error.folderNotEmpty');

/**
 * Restore from the unlock and create screens. The backup file and the target folder are picked in
 * the main process's dialogs and kept here; the renderer sees the file's name and the folder it
 * chose, never sends a path. The restore itself is `bro restore`'s (restoreBackup): the whole file
 * verified first, the vault built in a hidden sibling and renamed into place only once it opened
 * and matched the backup, so a wrong passphrase or a damaged file leaves nothing behind.
 */
export function restoreHandlers(deps: RestoreDeps): RestoreChannels {
  let file: string | null = null;
  let folder: string | null = null;
  let running = false;
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(path));

  return {
    'backup.chooseRestoreFile': async () => {
      const prefs = deps.prefs.read();
      const chosen = await deps.dialogs.chooseOpenPath({
        title: translate(prefs.uiLanguage, 'restore.dialog.file'),
        defaultDir: deps.lastFolder.get(),
        filters: [{ name: translate(prefs.uiLanguage, 'files.filter.backup'), extensions: ['brobak'] }],
      });
      if (!chosen) return { chosen: false };
      file = absolute(chosen);
      deps.lastFolder.rememberFileIn(file);
      return { chosen: true, name: basename(file) };
    },

    'backup.chooseRestoreFolder': async () => {
      const prefs = deps.prefs.read();
      const chosen = await deps.dialogs.chooseFolderPath?.({
        title: translate(prefs.uiLanguage, 'restore.dialog.folder'),
        defaultDir: deps.lastFolder.get(),
      });
      if (!chosen) return { chosen: false };
      const path = absolute(chosen);
      folder = null;
      assertFreshTarget(path, notEmpty);
      folder = path;
      return { chosen: true, name: path };
    },

    'backup.restore': async ({ passphrase, into }) => {
      if (!file) throw new AppError('invalid_input', 'restore.error.noFile', undefined, ['file']);
      const here = into === 'thisInstallation';
      if (here && deps.session.status().state !== 'none')
        throw new AppError('already_exists', 'restore.error.vaultHere');
      const target = here ? deps.session.files.dir : folder;
      if (!target) throw new AppError('invalid_input', 'restore.error.noFolder', undefined, ['folder']);
      assertFreshTarget(target, here ? () => new AppError('already_exists', 'restore.error.vaultHere') : notEmpty);
      if (running) throw new AppError('busy', 'restore.error.running');
      running = true;
      try {
        const source = file;
        const { dir, header } = await deps.progress.track('restore', (report) =>
          restoreBackup({ file: source, target, secret: { passphrase }, now: deps.now, onProgress: report }),
        );
        file = null;
        folder = null;
        return {
          folder: dir,
          profile: header.profile,
          createdAt: header.createdAt,
          documentVersions: header.documentVersions.count,
          openHere: here,
        };
      } catch (error) {
        throw restoreError(error);
      } finally {
        running = false;
      }
    },
  };
}

/** The restore's own words for a taken folder; other refusals (a wrong passphrase too) pass as they are. */
function restoreError(error: unknown): unknown {
  if (!isAppError(error)) return error;
  if (error.messageKey === 'backup.error.targetNotEmpty') return notEmpty();
  return error;
}
