import { expect, expectNoAxeViolations, PASSPHRASE, test } from './fixtures';
import { msg } from './messages';
import { FAST_KDF, nb, navTo, screen, shot } from './support/flow';

/**
 * Issue 16 item 6, settings: one category at a time, chosen from a list of tabs. By keyboard: Tab
 * reaches the selected category, the arrow keys and Home/End move and select, Tab goes on into the
 * panel. The category stays while the app runs (the main menu returns to it); the DK-only workload
 * limit stays DK-only. Pictures in nb, da and en; axe on every category.
 */
test.use({ kdfCost: FAST_KDF });

const tab = (page: import('@playwright/test').Page, locale: 'nb' | 'da' | 'en', category: string) =>
  page.getByRole('tab', { name: msg(locale, `settings.category.${category}`), exact: true });

test('settings show one category at a time, chosen by keyboard, each passing axe', async ({
  page,
  app,
  pageErrors,
}) => {
  test.setTimeout(180_000);
  await app.router.invoke('vault.create', { profile: 'DK', passphrase: PASSPHRASE });
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });
  await navTo(page, 'common.nav.settings');

  const panel = page.getByRole('tabpanel');
  await expect(tab(page, 'nb', 'general')).toHaveAttribute('aria-selected', 'true');
  await expect(panel).toHaveAccessibleName(nb('settings.category.general'));
  await expect(page.getByLabel(nb('settings.language.label'), { exact: true })).toBeVisible();
  await expect(page.getByTestId('settings-retention')).toBeVisible();
  await expect(page.getByTestId('settings-passphrase')).toHaveCount(0);
  // The DK workload limit stays in General, for DK vaults only.
  await expect(page.getByTestId('settings-workload-limit')).toBeVisible();

  await tab(page, 'nb', 'general').focus();
  const expected: Record<string, string> = {
    security: 'settings-passphrase',
    signing: 'settings-trust-store',
    templates: 'settings-templates',
    backup: 'settings-backup',
  };
  for (const category of ['security', 'signing', 'templates', 'backup']) {
    await page.keyboard.press('ArrowDown');
    await expect(tab(page, 'nb', category)).toBeFocused();
    await expect(tab(page, 'nb', category)).toHaveAttribute('aria-selected', 'true');
    await expect(panel).toHaveAccessibleName(nb(`settings.category.${category}`));
    await expect(page.getByTestId(expected[category] ?? '')).toBeVisible();
    await expect(page.getByTestId('settings-retention')).toHaveCount(0);
    await expectNoAxeViolations(page);
  }
  await page.keyboard.press('ArrowDown');
  await expect(tab(page, 'nb', 'general')).toBeFocused();
  await page.keyboard.press('End');
  await expect(tab(page, 'nb', 'backup')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(tab(page, 'nb', 'general')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(tab(page, 'nb', 'backup')).toBeFocused();
  // Tab leaves the list (only the selected category is in the Tab order) and enters the panel.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('backup-create')).toBeFocused();

  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(tab(page, 'nb', 'security')).toHaveAttribute('aria-selected', 'true');
  await navTo(page, 'common.nav.home');
  await navTo(page, 'common.nav.settings');
  await expect(tab(page, 'nb', 'security')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('settings-passphrase')).toBeVisible();

  for (const locale of ['nb', 'da', 'en'] as const) {
    await app.router.invoke('settings.update', { uiLanguage: locale });
    await page.reload();
    await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });
    await page
      .getByRole('navigation')
      .getByRole('button', { name: msg(locale, 'common.nav.settings'), exact: true })
      .click();
    await tab(page, locale, 'signing').click();
    await expect(page.getByTestId('settings-trust-store')).toBeVisible();
    // The nb signing category passed axe above.
    if (locale !== 'nb') await expectNoAxeViolations(page);
    await shot(page, `settings-categories-${locale}`);
  }
  expect(pageErrors).toEqual([]);
});
