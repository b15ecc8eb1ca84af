// The last step of a restore, moving the proved vault from its hidden sibling into place, when the
// file system refuses it: the refusal is named (a target something was put in the way of, or the
// storage failure), never a raw error shown as "Something went wrong"; the hidden folder is removed
// and an empty target folder the user chose is left as it was. A real vault and backup; the fault is
// injected by wrapping the real renameSync (off unless a test sets one).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { backupOfNewVault, PASSPHRASE } from '../../test/support/vault-fixtures';
import { restoreBackup } from './restore-backup';
import { tempSibling } from '../fs/temp-sibling';

const faults = vi.hoisted(() => ({
  /** The errno the next rename of a restore's hidden folder fails with. */
  rename: null as string | null,
}));

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const renameSync: typeof actual.renameSync = (from, to) => {
    if (faults.rename && String(from).endsWith('.restoring.bro-tmp')) {
      throw Object.assign(new Error(`${faults.rename}: rename`), { code: faults.rename });
    }
    actual.renameSync(from, to);
  };
  return { ...actual, default: { ...actual, renameSync }, renameSync };
});

const dirs = tempDirs('bro-restore-backup-');
let backupFile: string;

beforeAll(async () => {
  backupFile = await backupOfNewVault(dirs.make());
});
afterEach(() => {
  faults.rename = null;
});
afterAll(() => dirs.cleanup());

describe('a restore whose final rename the file system refuses', () => {
  it.each([
    ['ENOTDIR', { code: 'already_exists', messageKey: 'backup.error.targetNotEmpty' }],
    ['ENOTEMPTY', { code: 'already_exists', messageKey: 'backup.error.targetNotEmpty' }],
    ['EEXIST', { code: 'already_exists', messageKey: 'backup.error.targetNotEmpty' }],
    ['EACCES', { code: 'storage', messageKey: 'error.storage.permission.nothing' }],
    ['ENOSPC', { code: 'storage', messageKey: 'error.storage.diskFull.nothing' }],
    ['EXDEV', { code: 'storage', messageKey: 'error.storage' }],
  ])('%s: is refused by name, removing the hidden folder and keeping the chosen empty folder', async (errno, named) => {
    const parent = dirs.make();
    const target = join(parent, 'tom');
    mkdirSync(target);
    faults.rename = errno;
    const refused = await restoreBackup({ file: backupFile, target, secret: { passphrase: PASSPHRASE } }).then(
      () => null,
      (e: { code: string; messageKey: string }) => ({ code: e.code, messageKey: e.messageKey }),
    );
    expect(refused).toEqual(named);
    expect(readdirSync(parent)).toEqual(['tom']);
    expect(readdirSync(target)).toEqual([]);
  });

  it('removes the folders it made for a target that did not exist', async () => {
    const parent = dirs.make();
    faults.rename = 'EIO';
    await expect(
      restoreBackup({ file: backupFile, target: join(parent, 'ny', 'mappe'), secret: { passphrase: PASSPHRASE } }),
    ).rejects.toMatchObject({ code: 'storage', messageKey: 'error.storage.io.nothing' });
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('a restore after one that was killed', () => {
  it('removes the half-built vault folder the killed restore left beside the same target, and no other', async () => {
    const parent = dirs.make();
    const target = join(parent, 'gjenopprettet');
    // What a restore killed after building its vault leaves: a hidden folder holding a whole vault.
    for (const left of [tempSibling(target, 'restoring'), tempSibling(join(parent, 'annen'), 'restoring')]) {
      mkdirSync(left);
      writeFileSync(join(left, 'vault.db'), 'kryptert kopi');
    }
    await restoreBackup({ file: backupFile, target, secret: { passphrase: PASSPHRASE } });
    const left = readdirSync(parent).sort();
    expect(left).toHaveLength(2);
    expect(left[0]).toMatch(/^\.annen\..*\.restoring\.bro-tmp$/);
    expect(left[1]).toBe('gjenopprettet');
    expect(readdirSync(target).sort()).toEqual(['vault-keys.json', 'vault.db']);
  });
});
