import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { createApp, type BroApp } from '../../main/services/registry';
import { removeTree } from '../support/temp-dir';
import { expect, expectNoAxeViolations, PASSPHRASE, test, WRONG_PASSPHRASE } from './fixtures';
import { msg } from './messages';
import { FAST_KDF, nb, navTo, screen, shot, seedCase } from './support/flow';

/**
 * Issue 16 item 6, restore: from the unlock screen a user picks the backup file and an empty folder
 * in the main process's dialogs, types the backup's passphrase, sees the progress and learns where
 * the restored vault is; a non-empty folder and a wrong passphrase are refused in words and write
 * nothing. From the create screen of an installation without a vault the backup becomes its vault.
 */
test.use({ kdfCost: FAST_KDF });

const REFERENCE = 'KOMPIS-716002';

async function call(app: BroApp, channel: string, input: unknown = {}): Promise<unknown> {
  const result = await app.router.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function addCase(app: BroApp): Promise<void> {
  await seedCase(app, {
    name: 'Kari Fiktiv',
    caseReference: REFERENCE,
  });
}

/** Opens the vault in `vaultDir` as an installation started with `--vault` would, and lists its cases. */
async function casesAt(vaultDir: string): Promise<string> {
  const prefsDir = mkdtempSync(join(tmpdir(), 'bro-e2e-restored-prefs-'));
  const app = createApp({ vaultDir, prefs: createConfPrefsStore(prefsDir), kdfCost: FAST_KDF });
  try {
    await call(app, 'vault.unlock', { passphrase: PASSPHRASE });
    return JSON.stringify(await call(app, 'cases.list'));
  } finally {
    app.dispose();
    removeTree(prefsDir);
  }
}

test('restores a backup from the unlock screen into an empty folder; a full folder and a wrong passphrase are refused', async ({
  page,
  app,
  dirs,
  fileDialogs,
  pageErrors,
}) => {
  test.setTimeout(120_000);
  await call(app, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  await addCase(app);
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });

  const backup = join(dirs.root, 'sikkerhetskopi.brobak');
  await test.step('make a backup in the Backup category of settings', async () => {
    await navTo(page, 'common.nav.settings');
    await page.getByRole('tab', { name: nb('settings.category.backup') }).click();
    fileDialogs.saveAs(backup);
    await page.getByTestId('backup-create').click();
    await expect(page.getByText(nb('backup.ui.done', { file: 'sikkerhetskopi.brobak' }))).toBeVisible();
    expect(existsSync(backup)).toBe(true);
    await call(app, 'vault.lock');
    await page.reload();
  });

  const full = join(dirs.root, 'full');
  const empty = join(dirs.root, 'tom');
  mkdirSync(full);
  writeFileSync(join(full, 'notat.txt'), 'fiktivt');
  mkdirSync(empty);
  await test.step('choose the file, then a folder that is not empty', async () => {
    await expect(screen(page, 'unlock')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: nb('restore.open') }).click();
    await expect(screen(page, 'restore')).toBeVisible();
    fileDialogs.open(backup);
    await page.getByRole('button', { name: nb('restore.file.choose') }).click();
    await expect(page.getByText(nb('restore.file.chosen', { name: 'sikkerhetskopi.brobak' }))).toBeVisible();
    fileDialogs.folder(full);
    const chooseFolder = page.getByRole('button', { name: nb('restore.folder.choose') });
    await chooseFolder.click();
    await expect(page.getByText(nb('restore.error.folderNotEmpty'))).toBeVisible();
    await expect(chooseFolder).toBeFocused();
    await expectNoAxeViolations(page);
    await shot(page, 'restore-folder-not-empty-nb');
    expect(readdirSync(full)).toEqual(['notat.txt']);
  });

  await test.step('a wrong passphrase is refused and writes nothing', async () => {
    fileDialogs.folder(empty);
    await page.getByRole('button', { name: nb('restore.folder.choose') }).click();
    await expect(page.getByText(nb('restore.folder.chosen', { name: empty }))).toBeVisible();
    const passphrase = page.getByLabel(nb('restore.passphrase'), { exact: true });
    await passphrase.fill(WRONG_PASSPHRASE);
    await page.getByRole('button', { name: nb('restore.submit') }).click();
    await expect(page.getByText(nb('restore.error.wrongPassphrase'))).toBeVisible();
    await expect(passphrase).toBeFocused();
    expect(readdirSync(empty)).toEqual([]);
    expect(readdirSync(dirs.root).filter((name) => name.includes('.restoring'))).toEqual([]);
  });

  await test.step('the right passphrase restores, with progress, and says where the vault is', async () => {
    await page.getByLabel(nb('restore.passphrase'), { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: nb('restore.submit') }).click();
    const done = page.getByTestId('restore-done');
    await expect(done).toBeVisible({ timeout: 30_000 });
    await expect(done).toContainText(empty);
    await expect(page.getByTestId('restore-open-command')).toHaveText(nb('restore.done.command', { folder: empty }));
    expect(await call(app, 'progress.get', { operation: 'restore' })).toMatchObject({
      progress: { state: 'done', done: 6, total: 6 },
    });
    await expectNoAxeViolations(page);
    await shot(page, 'restore-done-nb');
  });

  await test.step('the restored vault opens where the message said, with the case', async () => {
    expect(await casesAt(empty)).toContain(REFERENCE);
  });
  expect(pageErrors).toEqual([]);
});

test('on a new installation the backup becomes its vault; the restore screen in da and en', async ({
  page,
  app,
  dirs,
  fileDialogs,
  pageErrors,
}) => {
  test.setTimeout(120_000);
  // The backup comes from another installation, made by its backup service.
  const otherDir = join(dirs.root, 'other');
  mkdirSync(join(otherDir, 'prefs'), { recursive: true });
  const other = createApp({
    vaultDir: join(otherDir, 'vault'),
    prefs: createConfPrefsStore(join(otherDir, 'prefs')),
    kdfCost: FAST_KDF,
    files: { chooseSavePath: async () => join(otherDir, 'kopi.brobak'), chooseOpenPath: async () => null },
  });
  await call(other, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  await addCase(other);
  await call(other, 'backup.create');
  other.dispose();

  for (const locale of ['en', 'da'] as const) {
    await call(app, 'settings.update', { uiLanguage: locale });
    await page.reload();
    await expect(screen(page, 'create')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: msg(locale, 'restore.open') }).click();
    await expect(page.getByRole('radio', { name: msg(locale, 'restore.into.thisInstallation') })).toBeChecked();
    await expectNoAxeViolations(page);
    await shot(page, `restore-${locale}`);
  }

  fileDialogs.open(join(otherDir, 'kopi.brobak'));
  await page.getByRole('button', { name: msg('da', 'restore.file.choose') }).click();
  await page.getByRole('button', { name: msg('da', 'restore.submit') }).click();
  const passphrase = page.getByLabel(msg('da', 'restore.passphrase'), { exact: true });
  await expect(page.getByText(msg('da', 'restore.passphraseRequired'))).toBeVisible();
  await expect(passphrase).toBeFocused();
  await passphrase.fill(PASSPHRASE);
  await page.getByRole('button', { name: msg('da', 'restore.submit') }).click();
  await expect(page.getByTestId('restore-done')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('restore-done')).toContainText(dirs.vaultDir);
  await expectNoAxeViolations(page);
  await shot(page, 'restore-done-here-da');
  await page.getByRole('button', { name: msg('da', 'restore.done.goUnlock') }).click();
  await expect(screen(page, 'unlock')).toBeVisible();
  await page.getByLabel(msg('da', 'vault.passphrase.current'), { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: msg('da', 'vault.unlock.submit') }).click();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });
  await page
    .getByRole('navigation')
    .getByRole('button', { name: msg('da', 'common.nav.cases'), exact: true })
    .click();
  await expect(page.getByTestId('case-row').filter({ hasText: REFERENCE })).toBeVisible();
  removeTree(otherDir);
  expect(pageErrors).toEqual([]);
});
