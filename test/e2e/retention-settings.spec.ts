import type { BroApp } from '../../main/services/registry';
import { expect, expectNoAxeViolations, PASSPHRASE, test } from './fixtures';
import { FAST_KDF, nb, navTo, screen } from './support/flow';

/**
 * Issue 14 part 3: the retention period in settings. A wrong period is refused at the field and
 * nothing is saved; a valid one with its basis is stored in the vault and shown as the vault's own;
 * the default comes back; the section passes axe.
 */
test.use({ kdfCost: FAST_KDF });

async function casePeriod(app: BroApp): Promise<{ years: number; source: string; basis: string }> {
  const result = await app.router.invoke('retention.get', {});
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const view = result.value as { periods: { kind: string; years: number; source: string; basis: string }[] };
  const found = view.periods.find((p) => p.kind === 'case');
  if (!found) throw new Error('no period for cases');
  return found;
}

test('the retention period is set with its basis, refused when not whole years, and reset to the default', async ({
  page,
  app,
  pageErrors,
}) => {
  test.setTimeout(300_000);
  await app.router.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });
  await navTo(page, 'common.nav.settings');
  const section = page.getByTestId('settings-retention');
  const cases = section.getByRole('form', { name: nb('retention.settings.kind.case') });
  await expect(
    cases.getByText(nb('retention.settings.current', { years: 5, source: nb('retention.settings.sourceDefault') })),
  ).toBeVisible({ timeout: 20_000 });
  await expectNoAxeViolations(page);

  const years = cases.getByLabel(nb('retention.settings.years'), { exact: true });
  await years.fill('2,5');
  await cases.getByRole('button', { name: nb('retention.settings.save') }).click();
  await expect(cases.getByText(nb('retention.settings.yearsInvalid', { from: 1, to: 100 }))).toBeVisible();
  await expect(years).toBeFocused();
  expect(await casePeriod(app)).toMatchObject({ years: 5, source: 'default' });

  await years.fill('7');
  await cases.getByLabel(nb('retention.settings.basis'), { exact: true }).fill('Arkivplan for Fiktivby, 2025');
  await cases.getByRole('button', { name: nb('retention.settings.save') }).click();
  await expect(
    section.getByText(nb('retention.settings.saved', { kind: nb('retention.settings.kind.case'), years: 7 })),
  ).toBeVisible();
  expect(await casePeriod(app)).toEqual(
    expect.objectContaining({ years: 7, source: 'vault', basis: 'Arkivplan for Fiktivby, 2025' }),
  );
  await expectNoAxeViolations(page);

  await cases.getByRole('button', { name: nb('retention.settings.reset') }).click();
  await expect(
    cases.getByText(nb('retention.settings.current', { years: 5, source: nb('retention.settings.sourceDefault') })),
  ).toBeVisible();
  expect(await casePeriod(app)).toMatchObject({ years: 5, source: 'default', basis: '' });
  expect(pageErrors).toEqual([]);
});
