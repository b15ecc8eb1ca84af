// A restore goes only into a new folder or an empty one, never through a symbolic link. A link to an
// empty folder and a dangling link both passed the old check (it followed the link), so the whole
// restore ran (file hashed, key derived, database copied and checked) and the final rename failed on
// the link with ENOTDIR: "Something went wrong in Bro". Now such a target is refused at once, before
// the file is read, in the user's language, by `bro restore`, restoreBackup and the restore channels,
// and nothing is created. A real vault and backup; the links are real symlinks in temp folders.
import { lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../main/backup/restore-backup';
import { restoreCommand } from '../../main/cli/commands/backup-commands';
import { registerCommand, runCli } from '../../main/cli/run';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { createApp, type BroApp } from '../../main/services/registry';
import type { FileDialogs } from '../../main/files/file-dialogs';
import type { Locale } from '../../shared/domain/profile';
import { translate } from '../../shared/i18n/translate';
import { captureIo } from '../support/cli-harness';
import { tempDirs } from '../support/temp-dir';
import { backupOfNewVault, FAST_KDF, PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-restore-target-');
const apps: BroApp[] = [];
const LINK_REFUSED = { code: 'already_exists', messageKey: 'backup.error.targetIsLink' };
let backupFile: string;

beforeAll(async () => {
  backupFile = await backupOfNewVault(dirs.make());
});
afterAll(() => {
  apps.splice(0).forEach((app) => app.dispose());
  dirs.cleanup();
});

/** A folder holding a link to an empty folder beside it and a link to a path that does not exist. */
function links() {
  const root = dirs.make();
  const empty = join(root, 'tom-mappe');
  mkdirSync(empty);
  const toEmpty = join(root, 'lenke-til-tom');
  symlinkSync(empty, toEmpty);
  const dangling = join(root, 'lenke-til-ingenting');
  symlinkSync(join(root, 'finnes-ikke', 'Kari-Fiktiv'), dangling);
  return { root, empty, toEmpty, dangling };
}

/** Everything under `root`, links listed as links (not followed), so anything created shows. */
function tree(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => {
      const path = join(root, name);
      return lstatSync(path).isSymbolicLink() ? `${name} -> ${readlinkSync(path)}` : name;
    })
    .sort();
}

describe('restoring into a symbolic link', () => {
  it('is refused before the backup is read, for a link to an empty folder and a dangling link, creating nothing', async () => {
    const { root, toEmpty, dangling } = links();
    const before = tree(root);
    for (const target of [toEmpty, dangling]) {
      const progress: number[] = [];
      const refused = await restoreBackup({
        file: backupFile,
        target,
        secret: { passphrase: PASSPHRASE },
        onProgress: (done) => progress.push(done),
      }).then(
        () => null,
        (e: { code: string; messageKey: string }) => ({ code: e.code, messageKey: e.messageKey }),
      );
      expect(refused, target).toEqual(LINK_REFUSED);
      expect(progress, target).toEqual([]);
    }
    expect(tree(root)).toEqual(before);
  });

  it('is refused by `bro restore` in the user’s language (nb, da, en), exit 1, creating nothing', async () => {
    registerCommand('restore', restoreCommand);
    const { root, toEmpty, dangling } = links();
    const before = tree(root);
    const seen = new Set<string>();
    for (const locale of ['nb', 'da', 'en'] as const satisfies readonly Locale[]) {
      for (const target of [toEmpty, dangling]) {
        const { io, out, err } = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
        const localised = { ...io, locale, t: (key: string) => translate(locale, key) };
        expect(await runCli(['restore', '--file', backupFile, '--vault', target], localised)).toBe(1);
        expect(err).toEqual([translate(locale, 'backup.error.targetIsLink')]);
        expect(out).toEqual([]);
        seen.add(err[0]!);
      }
    }
    // Three languages, three messages, none of them the catalog key itself.
    expect([...seen].filter((text) => !text.startsWith('backup.'))).toHaveLength(3);
    expect(tree(root)).toEqual(before);
  });
});

describe('restoring into a symbolic link from the restore screen', () => {
  /** An installation whose dialogs answer `file` and then `folder`. */
  async function choosing(folder: string, vaultDir?: string) {
    const root = dirs.make();
    mkdirSync(join(root, 'prefs'));
    const queue = { open: [backupFile], folder: [folder] };
    const dialogs: FileDialogs = {
      chooseSavePath: async () => null,
      chooseOpenPath: async () => queue.open.shift() ?? null,
      chooseFolderPath: async () => queue.folder.shift() ?? null,
    };
    const app = createApp({
      vaultDir: vaultDir ?? join(root, 'vault'),
      prefs: createConfPrefsStore(join(root, 'prefs')),
      kdfCost: FAST_KDF,
      files: dialogs,
    });
    apps.push(app);
    expect(await app.router.invoke('backup.chooseRestoreFile', {})).toMatchObject({ ok: true });
    return app;
  }

  it('refuses a link chosen as the folder, and a restore after it, in its own words', async () => {
    const { root, toEmpty, dangling } = links();
    const before = tree(root);
    for (const target of [toEmpty, dangling]) {
      const app = await choosing(target);
      expect(await app.router.invoke('backup.chooseRestoreFolder', {})).toEqual({
        ok: false,
        error: expect.objectContaining(LINK_REFUSED),
      });
      expect(await app.router.invoke('backup.restore', { passphrase: PASSPHRASE, into: 'chosenFolder' })).toEqual({
        ok: false,
        error: expect.objectContaining({ messageKey: 'restore.error.noFolder' }),
      });
    }
    expect(tree(root)).toEqual(before);
  });

  it('refuses a folder replaced by a link after it was chosen, before the restore starts', async () => {
    const { root, empty } = links();
    const chosen = join(root, 'ny-mappe');
    const app = await choosing(chosen);
    expect(await app.router.invoke('backup.chooseRestoreFolder', {})).toMatchObject({ ok: true });
    symlinkSync(empty, chosen);
    const before = tree(root);
    expect(await app.router.invoke('backup.restore', { passphrase: PASSPHRASE, into: 'chosenFolder' })).toEqual({
      ok: false,
      error: expect.objectContaining(LINK_REFUSED),
    });
    expect(tree(root)).toEqual(before);
    // Refused before the restore began: no progress was ever reported.
    expect(await app.router.invoke('progress.get', { operation: 'restore' })).toEqual({
      ok: true,
      value: { progress: null },
    });
  });

  it('refuses to restore into this installation when its vault folder is a link', async () => {
    const { root, toEmpty, dangling } = links();
    const before = tree(root);
    for (const vaultDir of [toEmpty, dangling]) {
      const app = await choosing(join(root, 'ubrukt'), vaultDir);
      expect(await app.router.invoke('backup.restore', { passphrase: PASSPHRASE, into: 'thisInstallation' })).toEqual({
        ok: false,
        error: expect.objectContaining(LINK_REFUSED),
      });
    }
    expect(tree(root)).toEqual(before);
  });
});
