import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../shared/i18n/translate';
import { storageAppError, storageFailureOf, storageMessageKey, type StorageFailure } from './storage-errors';

/** Every errno and SQLite code the mapping knows, with what it must be named. */
const CASES: [string, StorageFailure][] = [
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_BUSY_SNAPSHOT', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['EBUSY', 'busy'],
  ['EACCES', 'permission'],
  ['EPERM', 'permission'],
  ['SQLITE_PERM', 'permission'],
  ['SQLITE_AUTH', 'permission'],
  ['ENOSPC', 'diskFull'],
  ['EDQUOT', 'diskFull'],
  ['SQLITE_FULL', 'diskFull'],
  ['EROFS', 'readOnly'],
  ['SQLITE_READONLY', 'readOnly'],
  ['SQLITE_READONLY_DBMOVED', 'readOnly'],
  ['EIO', 'io'],
  ['SQLITE_IOERR', 'io'],
  ['SQLITE_IOERR_FSYNC', 'io'],
  ['SQLITE_CANTOPEN', 'io'],
  ['SQLITE_CORRUPT', 'damaged'],
  ['SQLITE_NOTADB', 'damaged'],
  ['EMFILE', 'tooManyFiles'],
  ['ENFILE', 'tooManyFiles'],
];

describe('storage failures named for what they are', () => {
  it.each(CASES)('%s is %s', (code, failure) => {
    expect(storageFailureOf(Object.assign(new Error('x'), { code }))).toBe(failure);
  });

  it('a busy database is not "key rejected" and a permission error is not "corrupt"', () => {
    expect(storageAppError({ code: 'SQLITE_BUSY' }, 'nothing')).toMatchObject({
      code: 'busy',
      messageKey: 'error.storage.busy.nothing',
    });
    expect(storageAppError({ code: 'EACCES' }, 'notThisChange')).toMatchObject({
      code: 'storage',
      messageKey: 'error.storage.permission.notThisChange',
    });
    expect(storageAppError({ code: 'ENOSPC' }, 'nothing')?.messageKey).toBe('error.storage.diskFull.nothing');
    expect(storageAppError({ code: 'EROFS' }, 'nothing')?.messageKey).toBe('error.storage.readOnly.nothing');
  });

  it('leaves errors that are not the file system or the database to the caller', () => {
    for (const error of [new Error('x'), { code: 'ENOENT' }, { code: 42 }, null, 'SQLITE_BUSY', { code: 'SQLITE_X' }])
      expect(storageAppError(error, 'nothing')).toBeNull();
  });

  it('has a message in nb, da and en for every failure and outcome', () => {
    const failures = [...new Set(CASES.map(([, failure]) => failure))];
    const missing = failures.flatMap((failure) =>
      (['nothing', 'notThisChange'] as const).flatMap((saved) =>
        (['nb', 'da', 'en'] as const)
          .filter((locale) => !hasMessage(locale, storageMessageKey(failure, saved)))
          .map((locale) => `${locale}:${storageMessageKey(failure, saved)}`),
      ),
    );
    expect(missing).toEqual([]);
  });
});
