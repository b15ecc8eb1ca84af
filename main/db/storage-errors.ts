import { AppError } from '../ipc/app-error';

/**
 * What a failure of the file system or the database was, named for what it is. The one mapping from
 * an errno (EACCES …) or a SQLite result code (SQLITE_BUSY …) to a message: a busy database is not
 * "key rejected", a permission error is not "corrupt".
 */
export type StorageFailure = 'busy' | 'permission' | 'diskFull' | 'readOnly' | 'io' | 'damaged' | 'tooManyFiles';

const BY_CODE: Readonly<Record<string, StorageFailure>> = {
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  EBUSY: 'busy',
  EACCES: 'permission',
  EPERM: 'permission',
  SQLITE_PERM: 'permission',
  SQLITE_AUTH: 'permission',
  ENOSPC: 'diskFull',
  EDQUOT: 'diskFull',
  SQLITE_FULL: 'diskFull',
  EROFS: 'readOnly',
  SQLITE_READONLY: 'readOnly',
  EIO: 'io',
  SQLITE_IOERR: 'io',
  SQLITE_CANTOPEN: 'io',
  SQLITE_CORRUPT: 'damaged',
  SQLITE_NOTADB: 'damaged',
  EMFILE: 'tooManyFiles',
  ENFILE: 'tooManyFiles',
};

/** Whether what was being done was saved: nothing (an open or a refused change) or not this change. */
export type SavedOutcome = 'nothing' | 'notThisChange';

/** The class of a thrown error's errno or SQLite code (extended SQLite codes count as their base). */
export function storageFailureOf(error: unknown): StorageFailure | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  if (typeof code !== 'string') return null;
  return BY_CODE[code] ?? BY_CODE[code.replace(/_[A-Z0-9]+$/, '')] ?? null;
}

/** The catalog key naming a storage failure, e.g. `error.storage.busy.nothing`. */
export function storageMessageKey(failure: StorageFailure, saved: SavedOutcome): string {
  return `error.storage.${failure}.${saved}`;
}

const ERROR_CODE: Readonly<Record<StorageFailure, 'busy' | 'storage' | 'vault_corrupt'>> = {
  busy: 'busy',
  permission: 'storage',
  diskFull: 'storage',
  readOnly: 'storage',
  io: 'storage',
  damaged: 'vault_corrupt',
  tooManyFiles: 'storage',
};

/** The AppError for a storage failure, or null when `error` is not one (the caller decides then). */
export function storageAppError(error: unknown, saved: SavedOutcome): AppError | null {
  const failure = storageFailureOf(error);
  if (!failure) return null;
  return new AppError(ERROR_CODE[failure], storageMessageKey(failure, saved), { failure });
}
