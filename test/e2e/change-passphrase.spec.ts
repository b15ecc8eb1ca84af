import { expect, PASSPHRASE, test } from './fixtures';
import { FAST_KDF, nb, openSettings, screen } from './support/flow';

/**
 * Settings → change passphrase: a wrong current passphrase is named on its field and changes nothing;
 * the right one changes it.
 */
test.use({ kdfCost: FAST_KDF });

const NEW_PASSPHRASE = 'Fjorden ligger stille under tre grå måker';

test('changes the passphrase from settings, naming a wrong current one on its field', async ({ page, app }) => {
  test.setTimeout(120_000);
  const created = await app.router.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  expect(created.ok).toBe(true);
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });
  await openSettings(page, 'security');
  const section = page.getByTestId('settings-passphrase');
  const fill = async (current: string) => {
    await section.getByLabel(nb('settings.passphrase.current'), { exact: true }).fill(current);
    await section.getByLabel(nb('vault.passphrase.new'), { exact: true }).fill(NEW_PASSPHRASE);
    await section.getByLabel(nb('vault.passphrase.repeat'), { exact: true }).fill(NEW_PASSPHRASE);
    await section.getByRole('button', { name: nb('settings.passphrase.submit') }).click();
  };

  await fill('Ikke den riktige frasen i det hele tatt');
  await expect(section.getByText(nb('settings.passphrase.wrongCurrent'))).toBeVisible({ timeout: 30_000 });
  // A wrong passphrase starts the unlock delay (1 s after the first); the right one waits it out.
  await page.waitForTimeout(1_500);
  await fill(PASSPHRASE);
  await expect(section.getByText(nb('settings.passphrase.changed'))).toBeVisible({ timeout: 30_000 });
});
