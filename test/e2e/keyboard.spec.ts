import type { Locator, Page } from '@playwright/test';
import { expect, PASSPHRASE, test } from './fixtures';
import { FAST_KDF, nb, screen } from './support/flow';

test.use({ kdfCost: FAST_KDF });

/**
 * Moves focus with Tab (forwards only) until `target` has it. Fails, naming the control, when the
 * control cannot be reached by keyboard at all.
 */
async function tabTo(page: Page, target: Locator, what: string, max = 120): Promise<void> {
  await expect(target).toBeVisible({ timeout: 20_000 });
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${what}`);
}

async function typeInto(page: Page, target: Locator, what: string, text: string): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.type(text);
}

async function press(page: Page, target: Locator, what: string, key = 'Enter'): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.press(key);
}

/**
 * Tabs use a roving tab index (WAI-ARIA tabs pattern): Tab reaches the selected tab, arrow keys move
 * between tabs, Enter activates.
 */
async function openTab(page: Page, name: string): Promise<void> {
  const list = page.getByRole('tablist');
  await tabTo(page, list.getByRole('tab', { selected: true }), 'selected tab');
  const target = list.getByRole('tab', { name });
  for (let presses = 0; presses < 12; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) break;
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Enter');
  await expect(target).toHaveAttribute('aria-selected', 'true');
}

test('the core of a working day with the keyboard alone: vault, case, observation, concern report blocked then finalised', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // Create the vault.
  await expect(screen(page, 'create')).toBeVisible();
  await press(page, page.getByRole('radio', { name: nb('common.profile.NO') }), 'profile NO', 'Space');
  await typeInto(page, page.getByLabel(nb('vault.passphrase.choose'), { exact: true }), 'passphrase', PASSPHRASE);
  await typeInto(page, page.getByLabel(nb('vault.passphrase.repeat'), { exact: true }), 'repeat', PASSPHRASE);
  await press(page, page.getByRole('button', { name: nb('vault.create.submit') }), 'create');
  const confirm = page.getByRole('dialog');
  await press(page, confirm.getByRole('button', { name: nb('vault.create.confirm') }), 'confirm create');
  await expect(page.getByTestId('recovery-key')).toBeVisible({ timeout: 30_000 });
  await press(page, page.getByRole('checkbox', { name: nb('vault.recovery.confirmStored') }), 'stored', 'Space');
  await press(page, page.getByRole('button', { name: nb('vault.recovery.continue') }), 'continue');
  await expect(screen(page, 'home')).toBeVisible();

  // Create a case.
  await press(
    page,
    page.getByRole('navigation').getByRole('button', { name: nb('common.nav.cases'), exact: true }),
    'nav cases',
  );
  await press(page, page.getByTestId('new-case'), 'new case');
  const form = page.getByTestId('case-form');
  await typeInto(page, form.getByLabel(nb('domain.case.name'), { exact: true }), 'name', 'Tastatur Fiktivsen');
  await typeInto(page, form.getByLabel(nb('cases.field.caseReference'), { exact: true }), 'reference', '2026-0777');
  await typeInto(page, form.getByLabel(nb('domain.case.unit'), { exact: true }), 'unit', 'Fiktiv fengsel');
  await press(page, form.getByRole('button', { name: nb('cases.form.create') }), 'create case');
  await expect(screen(page, 'case')).toBeVisible({ timeout: 20_000 });

  // An observation.
  await openTab(page, nb('cases.tab.observation'));
  await press(page, page.getByTestId('new-document-observation'), 'new observation');
  await expect(screen(page, 'document')).toBeVisible({ timeout: 20_000 });
  await typeInto(
    page,
    page.getByLabel(nb('domain.observation.observer'), { exact: true }),
    'observer',
    'Jens Opdigtet',
  );
  await typeInto(
    page,
    page.getByLabel(nb('domain.observation.seenOrHeard'), { exact: true }),
    'seen or heard',
    'Fiktiv ytring fanget opp med tastaturet',
  );
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  await press(page, page.getByTestId('document-back'), 'back to case');
  await expect(screen(page, 'case')).toBeVisible();

  // A concern report: blocked without its measures (NO pkt 6), then finalised.
  await openTab(page, nb('cases.tab.concern'));
  await press(page, page.getByTestId('new-document-concern_report'), 'new concern report');
  await expect(screen(page, 'document')).toBeVisible({ timeout: 20_000 });
  await typeInto(page, page.getByLabel(nb('domain.concernReport.cause'), { exact: true }), 'cause', 'Fiktiv årsak');
  await typeInto(
    page,
    page.getByLabel(nb('domain.concernReport.whoHasBeenNotified'), { exact: true }),
    'notified',
    'Fiktiv politikontakt',
  );
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  await press(page, page.getByTestId('document-finalise'), 'finalise (blocked)');
  await expect(page.getByTestId('findings-panel')).toContainText('NO pkt 6');
  await expect(page.getByTestId('document-status')).toHaveAttribute('data-status', 'draft');
  await typeInto(
    page,
    page.getByLabel(nb('domain.concernReport.measures'), { exact: true }),
    'measures',
    'Fiktive tiltak: samtaler',
  );
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  await press(page, page.getByTestId('document-finalise'), 'finalise');
  await expect(page.getByTestId('document-status')).toHaveAttribute('data-status', 'final', { timeout: 20_000 });
});
