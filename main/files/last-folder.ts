import { dirname } from 'node:path';

/**
 * Where the next file dialog starts: the folder of the file saved or opened last, in this session only.
 * It is kept in memory, never in the preferences file: a folder path can name the person
 * (".../Saker/KOMPIS-4711 Ola Fiktivsen"), and that file is plaintext and outlives the vault.
 */
export class LastFolder {
  private folder: string | null = null;

  get(): string | null {
    return this.folder;
  }

  /** Remembers the folder of a file the user chose. */
  rememberFileIn(path: string): void {
    this.folder = dirname(path);
  }
}
