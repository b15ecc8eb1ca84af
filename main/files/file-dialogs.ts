/**
 * The port through which a shell asks the user where a file goes or which file to read. Electron
 * answers with its native dialogs (main/app/electron-dialogs.ts), the browser shell with its own
 * (main/browser-shell/), and tests answer like a user would. Null means the user cancelled.
 */
export interface FileFilter {
  /** Already translated: shown in the dialog's file type list. */
  name: string;
  extensions: string[];
}

export interface SaveDialogRequest {
  /** Translated dialog title. */
  title: string;
  /** The proposed file name (no personal data), in `defaultDir` when there is one. */
  suggestedName: string;
  /** The folder the user saved to last time, or null for the shell's own default. */
  defaultDir: string | null;
  filter: FileFilter;
}

export interface OpenDialogRequest {
  title: string;
  defaultDir: string | null;
  filters: FileFilter[];
}

export interface FolderDialogRequest {
  title: string;
  defaultDir: string | null;
}

export interface FileDialogs {
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
  chooseOpenPath(request: OpenDialogRequest): Promise<string | null>;
  /** Picks (or creates) a folder; a shell without a folder dialog leaves it out (counts as cancelled). */
  chooseFolderPath?(request: FolderDialogRequest): Promise<string | null>;
}

/** A shell with no way to ask (the default of `createApp`): every question is answered "cancel". */
export const NO_DIALOGS: FileDialogs = {
  chooseSavePath: () => Promise.resolve(null),
  chooseOpenPath: () => Promise.resolve(null),
  chooseFolderPath: () => Promise.resolve(null),
};
