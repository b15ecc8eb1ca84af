import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { createConfPrefsStore } from '../prefs/conf-prefs-store';
import type { FileDialogs, SaveDialogRequest } from './file-dialogs';
import { FileSaver } from './file-saver';
import { LastFolder } from './last-folder';
import { readChecked } from './open-file';

const dirs = tempDirs('bro-files-');
afterEach(() => dirs.cleanup());

function saverAnswering(answers: (string | null)[], vaultDir = join(dirs.make(), 'vault')) {
  const requests: SaveDialogRequest[] = [];
  const dialogs: FileDialogs = {
    chooseSavePath: async (request) => {
      requests.push(request);
      return answers.shift() ?? null;
    },
    chooseOpenPath: async () => null,
  };
  const prefsDir = dirs.make();
  const prefs = createConfPrefsStore(prefsDir);
  const lastFolder = new LastFolder();
  return { saver: new FileSaver(dialogs, prefs, vaultDir, lastFolder), prefs, prefsDir, lastFolder, requests };
}

describe('FileSaver', () => {
  it('writes the bytes at exactly the chosen path and tells only the file name', async () => {
    const folder = dirs.make();
    const { saver, requests } = saverAnswering([join(folder, 'sertifikat.crt')]);
    const outcome = await saver.save('certificate', 'bro-abc.crt', new TextEncoder().encode('PEM'));
    expect(outcome).toEqual({ saved: true, fileName: 'sertifikat.crt' });
    expect(readFileSync(join(folder, 'sertifikat.crt'), 'utf8')).toBe('PEM');
    expect(readdirSync(folder)).toEqual(['sertifikat.crt']);
    expect(requests[0]).toMatchObject({ suggestedName: 'bro-abc.crt', defaultDir: null });
    expect(requests[0]?.filter.extensions).toEqual(['crt', 'pem']);
  });

  it('a cancelled dialog writes nothing', async () => {
    const { saver } = saverAnswering([null]);
    expect(await saver.save('certificate', 'x.crt', new Uint8Array([1]))).toEqual({ saved: false });
  });

  it('starts the next dialog in the folder used last, remembered in memory and never in the preferences file', async () => {
    // A folder named after the person, as a coordinator might make one per case.
    const folder = join(dirs.make(), 'KOMPIS-4711 Ola Fiktivsen');
    mkdirSync(folder);
    const { saver, requests, prefs, prefsDir } = saverAnswering([join(folder, 'a.pdf'), null]);
    prefs.update({ uiLanguage: 'en' });
    await saver.save('fingerprintSheet', 'a.pdf', new Uint8Array([1]));
    await saver.save('fingerprintSheet', 'b.pdf', new Uint8Array([1]));
    expect(requests[1]?.defaultDir).toBe(folder);
    const stored = readdirSync(prefsDir)
      .map((name) => readFileSync(join(prefsDir, name), 'utf8'))
      .join('\n');
    expect(stored).toContain('"uiLanguage"');
    expect(stored).not.toContain('Fiktivsen');
  });

  it('a preferences file from an older Bro loses the folder it kept, at once', () => {
    const prefsDir = dirs.make();
    writeFileSync(
      join(prefsDir, 'preferences.json'),
      JSON.stringify({ uiLanguage: 'da', lastFileFolder: '/media/pinne/KOMPIS-4711 Ola Fiktivsen' }),
    );
    expect(createConfPrefsStore(prefsDir).read().uiLanguage).toBe('da');
    const stored = readFileSync(join(prefsDir, 'preferences.json'), 'utf8');
    expect(JSON.parse(stored)).toMatchObject({ uiLanguage: 'da' });
    expect(stored).not.toContain('Fiktivsen');
  });

  it('when the log fails, no file is left: neither the target nor its temp file', async () => {
    const folder = dirs.make();
    const { saver } = saverAnswering([]);
    const target = join(folder, 'plan.asice');
    expect(() =>
      saver.write(target, new Uint8Array([1, 2, 3]), () => {
        throw new Error('log refused');
      }),
    ).toThrow('log refused');
    expect(readdirSync(folder)).toEqual([]);
    expect(() =>
      saver.write(target, new Uint8Array([1, 2, 3]), (putInPlace) => {
        putInPlace();
        throw new Error('commit failed after the rename');
      }),
    ).toThrow('commit failed');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('the file is in place only once the log step puts it there', async () => {
    const folder = dirs.make();
    const { saver } = saverAnswering([]);
    const target = join(folder, 'plan.pdf');
    saver.write(target, new Uint8Array([7]), (putInPlace) => {
      expect(readdirSync(folder).filter((name) => !name.startsWith('.'))).toEqual([]);
      putInPlace();
    });
    expect([...readFileSync(target)]).toEqual([7]);
    expect(readdirSync(folder)).toEqual(['plan.pdf']);
  });
});

describe('FileSaver refuses the vault folder', () => {
  function vault() {
    const root = dirs.make();
    const dir = join(root, 'vault');
    mkdirSync(dir);
    writeFileSync(join(dir, 'vault.db'), 'the vault');
    return { root, dir };
  }

  it('refuses a chosen path inside it before anything is written or remembered', async () => {
    const { dir } = vault();
    const { saver, lastFolder } = saverAnswering([join(dir, 'vault.db'), `${dir}/../vault/sheet.pdf`], dir);
    for (const kind of ['certificate', 'fingerprintSheet'] as const)
      await expect(saver.save(kind, 'x.pdf', new Uint8Array([1]))).rejects.toMatchObject({
        code: 'invalid_input',
        messageKey: 'files.error.insideVault',
      });
    expect(readFileSync(join(dir, 'vault.db'), 'utf8')).toBe('the vault');
    expect(readdirSync(dir)).toEqual(['vault.db']);
    expect(lastFolder.get()).toBeNull();
  });

  it('a backup is refused there in its own words', async () => {
    const { dir } = vault();
    const { saver } = saverAnswering([join(dir, 'kopi.brobak')], dir);
    await expect(saver.choose('backup', 'kopi.brobak')).rejects.toMatchObject({
      messageKey: 'backup.error.outInsideVault',
    });
  });

  it('write refuses such a path too, without calling the log step', () => {
    const { dir } = vault();
    const { saver } = saverAnswering([], dir);
    let logged = false;
    expect(() =>
      saver.write(join(dir, 'vault.db'), new Uint8Array([1]), (putInPlace) => {
        logged = true;
        putInPlace();
      }),
    ).toThrow(expect.objectContaining({ messageKey: 'files.error.insideVault' }));
    expect(logged).toBe(false);
    expect(readFileSync(join(dir, 'vault.db'), 'utf8')).toBe('the vault');
    expect(readdirSync(dir)).toEqual(['vault.db']);
  });

  it('saves in a sibling folder whose name starts with the vault folder’s name', async () => {
    const { dir } = vault();
    mkdirSync(`${dir}-exports`);
    const { saver } = saverAnswering([join(`${dir}-exports`, 'a.pdf')], dir);
    expect(await saver.save('fingerprintSheet', 'a.pdf', new Uint8Array([1]))).toEqual({
      saved: true,
      fileName: 'a.pdf',
    });
  });
});

describe('readChecked', () => {
  it('refuses a file larger than the limit before reading it, an empty file and a folder', async () => {
    const folder = dirs.make();
    writeFileSync(join(folder, 'big.asice'), Buffer.alloc(2048));
    writeFileSync(join(folder, 'empty.pdf'), '');
    mkdirSync(join(folder, 'dir.pdf'));
    await expect(readChecked(join(folder, 'big.asice'), 1024)).rejects.toMatchObject({
      messageKey: 'files.open.tooLarge',
    });
    await expect(readChecked(join(folder, 'empty.pdf'), 1024)).rejects.toMatchObject({
      messageKey: 'files.open.empty',
    });
    await expect(readChecked(join(folder, 'dir.pdf'), 1024)).rejects.toMatchObject({
      messageKey: 'files.open.notAFile',
    });
    expect(await readChecked(join(folder, 'big.asice'), 4096)).toHaveLength(2048);
  });
});
