import type {
  FileDialogs,
  FolderDialogRequest,
  OpenDialogRequest,
  SaveDialogRequest,
} from '../../../main/files/file-dialogs';

/**
 * The file-dialog port of the app under test, answered like a user would: each queued path answers
 * the next dialog; with nothing queued the dialog is cancelled. Every request is kept, so a test can
 * check the title, the suggested name and the filter the user was shown.
 */
export class AnsweringDialogs implements FileDialogs {
  readonly saveRequests: SaveDialogRequest[] = [];
  readonly openRequests: OpenDialogRequest[] = [];
  readonly folderRequests: FolderDialogRequest[] = [];
  private readonly saves: (string | null)[] = [];
  private readonly opens: (string | null)[] = [];
  private readonly folders: (string | null)[] = [];

  /** The next save dialog answers `path` (null: the user cancels). */
  saveAs(path: string | null): void {
    this.saves.push(path);
  }

  /** The next open dialog answers `path` (null: the user cancels). */
  open(path: string | null): void {
    this.opens.push(path);
  }

  /** The next folder dialog answers `path` (null: the user cancels). */
  folder(path: string | null): void {
    this.folders.push(path);
  }

  chooseFolderPath = (request: FolderDialogRequest): Promise<string | null> => {
    this.folderRequests.push(request);
    return Promise.resolve(this.folders.shift() ?? null);
  };

  chooseSavePath = (request: SaveDialogRequest): Promise<string | null> => {
    this.saveRequests.push(request);
    return Promise.resolve(this.saves.shift() ?? null);
  };

  chooseOpenPath = (request: OpenDialogRequest): Promise<string | null> => {
    this.openRequests.push(request);
    return Promise.resolve(this.opens.shift() ?? null);
  };
}
