// Issue 16 item 6: restore from a backup in the UI, through the channels the unlock and create
// screens use. The backup is made by the real backup service of a real vault; the file and the
// folder are answered in the main process's dialogs the way a user would answer them.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { createApp, type BroApp } from '../../main/services/registry';
import type { FileDialogs } from '../../main/files/file-dialogs';
import { RestoredSchema, RestoreChoiceSchema } from '../../shared/ipc/backup';
import { snapshotFiles } from '../support/snapshot';
import { tempDirs } from '../support/temp-dir';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../support/vault-fixtures';

const FAST_KDF = { logN: 10, r: 8, p: 1 };
const dirs = tempDirs('bro-restore-ui-');
const apps: BroApp[] = [];

/** Dialogs answered from queues, as a user would: nothing queued means the user cancelled. */
function answering() {
  const queue = { save: [] as string[], open: [] as string[], folder: [] as string[] };
  const dialogs: FileDialogs = {
    chooseSavePath: async () => queue.save.shift() ?? null,
    chooseOpenPath: async () => queue.open.shift() ?? null,
    chooseFolderPath: async () => queue.folder.shift() ?? null,
  };
  return { queue, dialogs };
}

function install() {
  const root = dirs.make();
  mkdirSync(join(root, 'prefs'));
  const { queue, dialogs } = answering();
  const app = createApp({
    vaultDir: join(root, 'vault'),
    prefs: createConfPrefsStore(join(root, 'prefs')),
    kdfCost: FAST_KDF,
    files: dialogs,
  });
  apps.push(app);
  return { app, root, queue };
}

async function ok<T = unknown>(app: BroApp, channel: string, input: unknown): Promise<T> {
  const result = await app.router.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Every entry (folders too) under `root`, so an empty folder left behind is seen. */
function tree(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
}

let backupFile = '';

beforeAll(async () => {
  const { app, root, queue } = install();
  await ok(app, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  await ok(app, 'cases.create', {
    name: 'Kari Fiktiv',
    caseReference: 'KOMPIS-716001',
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: { level: 'BEGRENSET' },
  });
  backupFile = join(root, 'sikkerhetskopi.brobak');
  queue.save.push(backupFile);
  expect(await ok(app, 'backup.create', {})).toMatchObject({ made: true });
}, 60_000);

afterAll(() => {
  apps.splice(0).forEach((app) => app.dispose());
  dirs.cleanup();
});

/** A fresh installation that has chosen `file` and, when given, `folder` in its dialogs. */
async function choosing(file: string, folder?: string) {
  const installed = install();
  installed.queue.open.push(file);
  const chosenFile = RestoreChoiceSchema.parse(await ok(installed.app, 'backup.chooseRestoreFile', {}));
  if (folder !== undefined) {
    installed.queue.folder.push(folder);
    await installed.app.router.invoke('backup.chooseRestoreFolder', {});
  }
  return { ...installed, chosenFile };
}

/** The cases a vault folder holds, read by opening it as an installation would (its own app). */
async function casesIn(dir: string): Promise<string> {
  const prefs = join(dirs.make(), 'prefs');
  mkdirSync(prefs);
  const app = createApp({ vaultDir: dir, prefs: createConfPrefsStore(prefs), kdfCost: FAST_KDF });
  apps.push(app);
  await ok(app, 'vault.unlock', { passphrase: PASSPHRASE });
  return JSON.stringify(await ok(app, 'cases.list', {}));
}

describe('restore from the UI (backup.chooseRestoreFile, backup.chooseRestoreFolder, backup.restore)', () => {
  it('restores the chosen backup into the chosen empty folder, reporting 6 steps, and the case is there', async () => {
    const target = join(dirs.make(), 'gjenopprettet');
    mkdirSync(target);
    const { app, chosenFile } = await choosing(backupFile, target);
    expect(chosenFile).toEqual({ chosen: true, name: 'sikkerhetskopi.brobak' });
    const restored = RestoredSchema.parse(
      await ok(app, 'backup.restore', { passphrase: PASSPHRASE, into: 'chosenFolder' }),
    );
    expect(restored).toMatchObject({ folder: target, profile: 'NO', openHere: false });
    expect(restored.documentVersions).toBeGreaterThanOrEqual(0);
    expect(await ok(app, 'progress.get', { operation: 'restore' })).toEqual({
      progress: { operation: 'restore', state: 'done', done: 6, total: 6 },
    });
    // This installation's own vault is untouched (there is none): the restored one is where the user chose.
    expect(await ok(app, 'vault.status', {})).toEqual({ state: 'none' });
    expect(await casesIn(target)).toContain('KOMPIS-716001');
  });

  it("restores into this installation's own folder while it has no vault, and then unlocks there", async () => {
    const { app } = await choosing(backupFile);
    const restored = await ok(app, 'backup.restore', { passphrase: PASSPHRASE, into: 'thisInstallation' });
    expect(restored).toMatchObject({ folder: app.session.files.dir, openHere: true });
    expect(await ok(app, 'vault.status', {})).toMatchObject({ state: 'locked', profile: 'NO' });
    await ok(app, 'vault.unlock', { passphrase: PASSPHRASE });
    const listed = await ok<unknown>(app, 'cases.list', {});
    expect(JSON.stringify(listed)).toContain('KOMPIS-716001');
  });

  it('refuses a wrong passphrase in its own words and writes nothing', async () => {
    const parent = dirs.make();
    const target = join(parent, 'tom');
    mkdirSync(target);
    const { app } = await choosing(backupFile, target);
    expect(await app.router.invoke('backup.restore', { passphrase: OTHER_PASSPHRASE, into: 'chosenFolder' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'wrong_passphrase', messageKey: 'restore.error.wrongPassphrase' }),
    });
    expect(tree(parent)).toEqual(['tom']);
    expect(await ok(app, 'progress.get', { operation: 'restore' })).toMatchObject({ progress: { state: 'failed' } });
  });

  it('refuses a damaged or changed backup and writes nothing', async () => {
    const parent = dirs.make();
    const tampered = join(parent, 'endret.brobak');
    const bytes = readFileSync(backupFile);
    const at = Math.floor(bytes.length * 0.75);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    writeFileSync(tampered, bytes);
    const target = join(parent, 'tom');
    mkdirSync(target);
    const { app } = await choosing(tampered, target);
    expect(await app.router.invoke('backup.restore', { passphrase: PASSPHRASE, into: 'chosenFolder' })).toEqual({
      ok: false,
      error: expect.objectContaining({ messageKey: 'backup.error.damaged' }),
    });
    expect(tree(parent)).toEqual(['endret.brobak', 'tom']);
  });

  it('refuses a folder that is not empty when it is chosen, and a restore without a folder', async () => {
    const parent = dirs.make();
    const target = join(parent, 'opptatt');
    mkdirSync(target);
    writeFileSync(join(target, 'notat.txt'), 'fiktivt notat');
    const { app, queue } = await choosing(backupFile);
    queue.folder.push(target);
    expect(await app.router.invoke('backup.chooseRestoreFolder', {})).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'already_exists', messageKey: 'restore.error.folderNotEmpty' }),
    });
    expect(await app.router.invoke('backup.restore', { passphrase: PASSPHRASE, into: 'chosenFolder' })).toEqual({
      ok: false,
      error: expect.objectContaining({ messageKey: 'restore.error.noFolder' }),
    });
    expect(tree(parent)).toEqual(['opptatt', join('opptatt', 'notat.txt')]);
    expect(readFileSync(join(target, 'notat.txt'), 'utf8')).toBe('fiktivt notat');
  });

  it('refuses a folder that was filled after it was chosen, and leaves its files alone', async () => {
    const parent = dirs.make();
    const target = join(parent, 'tom');
    mkdirSync(target);
    const { app } = await choosing(backupFile, target);
    writeFileSync(join(target, 'kom-etterpå.txt'), 'fiktiv');
    expect(await app.router.invoke('backup.restore', { passphrase: PASSPHRASE, into: 'chosenFolder' })).toEqual({
      ok: false,
      error: expect.objectContaining({ messageKey: 'restore.error.folderNotEmpty' }),
    });
    expect(tree(parent)).toEqual(['tom', join('tom', 'kom-etterpå.txt')]);
  });

  it("never restores over this installation's vault", async () => {
    const { app, root, queue } = install();
    await ok(app, 'vault.create', { profile: 'DK', passphrase: OTHER_PASSPHRASE });
    await ok(app, 'vault.lock', {});
    const before = snapshotFiles(join(root, 'vault'));
    queue.open.push(backupFile);
    await ok(app, 'backup.chooseRestoreFile', {});
    expect(await app.router.invoke('backup.restore', { passphrase: PASSPHRASE, into: 'thisInstallation' })).toEqual({
      ok: false,
      error: expect.objectContaining({ messageKey: 'restore.error.vaultHere' }),
    });
    expect(snapshotFiles(join(root, 'vault'))).toEqual(before);
    expect(await ok(app, 'vault.status', {})).toMatchObject({ state: 'locked', profile: 'DK' });
  });

  it('does nothing when the dialogs are cancelled, and asks for the file first', async () => {
    const { app } = install();
    expect(await ok(app, 'backup.chooseRestoreFile', {})).toEqual({ chosen: false });
    expect(await ok(app, 'backup.chooseRestoreFolder', {})).toEqual({ chosen: false });
    expect(await app.router.invoke('backup.restore', { passphrase: PASSPHRASE, into: 'chosenFolder' })).toEqual({
      ok: false,
      error: expect.objectContaining({ messageKey: 'restore.error.noFile' }),
    });
  });
});
