import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, PASSPHRASE, test, WRONG_PASSPHRASE } from './fixtures';
import { msg } from './messages';

/**
 * The foundation flow of issue 2, through the real renderer and the real app behind the bridge:
 * create a vault, keep the recovery key, lock, fail once, wait, unlock, switch the UI language.
 * The UI starts in bokmål (the default preference); every control is found by the words a user sees.
 */

const screen = (page: Page, name: string): Locator => page.locator(`main[data-screen="${name}"]`);

/** Checks the screen, its accessibility and saves its picture under test-results/screens/. */
async function visit(page: Page, name: string, shot: (name: string) => Promise<string>, picture = name): Promise<void> {
  await expect(screen(page, name)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(picture);
}

test('create, keep the recovery key, lock, fail once, unlock and switch language', async ({
  page,
  app,
  bridge,
  pageErrors,
  saveScreenshot,
}) => {
  // Four scrypt derivations at the production cost and seven axe runs: give it room on a slow machine.
  test.slow();
  const nb = (key: string, params?: Record<string, string | number>) => msg('nb', key, params);

  await test.step('create a NO vault with the passphrase typed twice', async () => {
    await expect(page.getByRole('heading', { level: 1, name: nb('vault.create.title') })).toBeVisible();
    await visit(page, 'create', saveScreenshot);
    await page.getByRole('radio', { name: nb('common.profile.NO') }).check();
    await page.getByLabel(nb('vault.passphrase.choose'), { exact: true }).fill(PASSPHRASE);
    await page.getByLabel(nb('vault.passphrase.repeat'), { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: nb('vault.create.submit') }).click();
    const confirm = page.getByRole('dialog', {
      name: nb('vault.create.confirmTitle', { profile: nb('common.profile.NO') }),
    });
    await expect(confirm).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot('create-confirm');
    await confirm.getByRole('button', { name: nb('vault.create.confirm') }).click();
  });

  let recoveryKey = '';
  await test.step('see the recovery key once and confirm it is stored', async () => {
    const key = page.getByTestId('recovery-key');
    await expect(key).toBeVisible();
    await expect(key).toHaveText(/^[A-Z0-9]{4}( [A-Z0-9]{1,4}){5,}$/);
    recoveryKey = (await key.textContent()) ?? '';
    await visit(page, 'recovery', saveScreenshot);
    const next = page.getByRole('button', { name: nb('vault.recovery.continue') });
    await expect(next).toBeDisabled();
    await page.getByRole('checkbox', { name: nb('vault.recovery.confirmStored') }).check();
    await next.click();
    expect(app.session.status()).toMatchObject({ state: 'unlocked', profile: 'NO' });
  });

  await test.step('reach home under the grading banner', async () => {
    await expect(page.getByRole('heading', { level: 1, name: nb('home.title') })).toBeVisible();
    await expect(page.getByTestId('grading-banner')).toBeVisible();
    await expect(page.getByTestId('grading-banner')).toContainText('UGRADERT');
    await visit(page, 'home', saveScreenshot);
  });

  await test.step('lock the vault', async () => {
    await page.getByRole('button', { name: nb('common.lock') }).click();
    await expect(page.getByRole('heading', { level: 1, name: nb('vault.unlock.title') })).toBeVisible();
    await visit(page, 'unlock', saveScreenshot);
    expect(app.session.isUnlocked).toBe(false);
    await expect(page.getByTestId('grading-banner')).toHaveCount(0);
  });

  const passphraseField = page.getByLabel(nb('vault.passphrase.current'), { exact: true });
  const unlockButton = page.getByRole('button', { name: nb('vault.unlock.submit') });

  await test.step('fail once with a wrong passphrase and see why', async () => {
    await passphraseField.fill(WRONG_PASSPHRASE);
    await unlockButton.click();
    await expect(page.getByText(nb('vault.unlock.wrongPassphrase'), { exact: true })).toBeVisible();
    await expect(passphraseField).toHaveAttribute('aria-invalid', 'true');
    expect(app.session.status()).toMatchObject({ state: 'locked', failedAttempts: 1 });
    await visit(page, 'unlock', saveScreenshot, 'unlock-error');
  });

  await test.step('wait out the delay and unlock', async () => {
    await expect(page.getByTestId('unlock-countdown')).toHaveAttribute('data-seconds', '0', { timeout: 5_000 });
    await expect(unlockButton).toBeEnabled();
    await passphraseField.fill(PASSPHRASE);
    await unlockButton.click();
    await expect(screen(page, 'home')).toBeVisible();
    expect(app.session.isUnlocked).toBe(true);
  });

  await test.step('switch the language to Danish, then English', async () => {
    await page.getByRole('button', { name: nb('common.nav.settings') }).click();
    await expect(page.getByRole('heading', { level: 1, name: nb('settings.title') })).toBeVisible();
    await visit(page, 'settings', saveScreenshot, 'settings-nb');

    await page.getByLabel(nb('settings.language.label'), { exact: true }).selectOption('da');
    await expect(page.getByRole('heading', { level: 1, name: msg('da', 'settings.title') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await visit(page, 'settings', saveScreenshot, 'settings-da');

    await page.getByLabel(msg('da', 'settings.language.label'), { exact: true }).selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: msg('en', 'settings.title') })).toBeVisible();
    await expect(page.getByRole('button', { name: msg('en', 'common.lock') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await visit(page, 'settings', saveScreenshot, 'settings-en');
    expect(await app.router.invoke('settings.get', {})).toMatchObject({ ok: true, value: { uiLanguage: 'en' } });
  });

  await test.step('the renderer asked for nothing outside its own origin and logged no error', async () => {
    expect(bridge.blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  await test.step('the key that was on screen opens the vault', async () => {
    await app.router.invoke('vault.lock', {});
    const reopened = await app.router.invoke('vault.unlockWithRecoveryKey', {
      recoveryKey,
      newPassphrase: `${PASSPHRASE}-ny`,
    });
    expect(reopened).toMatchObject({ ok: true, value: { state: 'unlocked', profile: 'NO' } });
  });
});
