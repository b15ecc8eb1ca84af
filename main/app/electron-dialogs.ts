import { join } from 'node:path';
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { FileDialogs } from '../files/file-dialogs';

/**
 * The file-dialog port answered with the operating system's own dialogs, attached to the main window
 * (modal) when there is one. The dialog starts in the folder used last, or in the user's Documents.
 */
export function electronDialogs(window: () => BrowserWindow | null, documentsDir: () => string): FileDialogs {
  const firstOpened = async (options: OpenDialogOptions): Promise<string | null> => {
    const parent = window();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    async chooseSavePath(request) {
      const options: SaveDialogOptions = {
        title: request.title,
        defaultPath: join(request.defaultDir ?? documentsDir(), request.suggestedName),
        filters: [request.filter],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseOpenPath: (request) =>
      firstOpened({
        title: request.title,
        defaultPath: request.defaultDir ?? documentsDir(),
        filters: request.filters,
        properties: ['openFile'],
      }),
    chooseFolderPath: (request) =>
      firstOpened({
        title: request.title,
        defaultPath: request.defaultDir ?? documentsDir(),
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      }),
  };
}
