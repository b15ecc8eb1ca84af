import { basename, resolve } from 'node:path';
import { writeThenRecord } from '../fs/atomic-write';
import type { PrefsStore } from '../prefs/prefs-schema';
import type { FileDialogs } from './file-dialogs';
import { LastFolder } from './last-folder';
import { insideVaultMessage, saveFilter, saveTitle, type SaveKind } from './file-kinds';
import { refuseInsideVault } from './vault-folder-guard';

/** What the renderer learns of a saved file: its name only, never the folder or the bytes. */
export type SaveOutcome<T extends object = object> = ({ saved: true; fileName: string } & T) | { saved: false };

/**
 * Files leave Bro only here: the user picks the path in the shell's save dialog (starting in the folder
 * used last in this session, LastFolder), and the bytes are written atomically to exactly that path. A
 * path inside the vault folder is refused: a file there could replace the open vault's database.
 */
export class FileSaver {
  constructor(
    private readonly dialogs: FileDialogs,
    private readonly prefs: PrefsStore,
    private readonly vaultDir: string,
    private readonly lastFolder: LastFolder = new LastFolder(),
  ) {}

  /**
   * Asks where to save; null if the user cancelled. A path inside the vault folder is refused before
   * anything is signed, written or remembered. The chosen folder is remembered for the session.
   */
  async choose(kind: SaveKind, suggestedName: string): Promise<string | null> {
    const prefs = this.prefs.read();
    const locale = prefs.uiLanguage;
    const chosen = await this.dialogs.chooseSavePath({
      title: saveTitle(kind, locale),
      suggestedName,
      defaultDir: this.lastFolder.get(),
      filter: saveFilter(kind, locale),
    });
    if (!chosen) return null;
    const path = resolve(chosen);
    refuseInsideVault(path, this.vaultDir, insideVaultMessage(kind));
    this.lastFolder.rememberFileIn(path);
    return path;
  }

  /**
   * Writes `bytes` to `path` with its log entries (writeThenRecord: a log never claims a file that was
   * not written). A path inside the vault folder is refused before anything is written or logged.
   */
  write<T>(path: string, bytes: Uint8Array, record: (putInPlace: () => void) => T): T {
    refuseInsideVault(path, this.vaultDir);
    return writeThenRecord(path, bytes, record);
  }

  /** Asks, then writes: for files that need no log entry (a certificate, a fingerprint sheet). */
  async save(kind: SaveKind, suggestedName: string, bytes: Uint8Array): Promise<SaveOutcome> {
    const path = await this.choose(kind, suggestedName);
    if (!path) return { saved: false };
    this.write(path, bytes, (putInPlace) => putInPlace());
    return { saved: true, fileName: basename(path) };
  }
}
