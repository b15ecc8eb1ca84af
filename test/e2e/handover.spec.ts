import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BroApp } from '../../main/services/registry';
import { completePlan } from '../support/document-fixtures';
import { expect, expectNoAxeViolations, PASSPHRASE, test } from './fixtures';
import { call, FAST_KDF, inAWeek, navTo, nb, openSecondApp, screen, seedCase } from './support/flow';

/**
 * Issue 14 part 1 through the UI: unit A records the transfer on the case and makes the handover
 * package through the shell's save dialog; unit B, which trusts A, verifies it on the verify screen,
 * sees what arrives, imports it and opens the new case. axe on the panel, the dialog and the import.
 */
test.use({ kdfCost: FAST_KDF });

const REFERENCE = 'KOMPIS-E2E-HO-1';
const PERSON = 'Per Fiktiv Flyttesen';

async function seedUnitA(app: BroApp): Promise<string> {
  await call(app, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  const identity = await call<{ certificate: { fingerprint: string } }>(app, 'signing.generateIdentity', {
    unitName: 'Fiktivby fengsel',
  });
  const kase = await seedCase(app, {
    name: PERSON,
    caseReference: REFERENCE,
  });
  const plan = await call<{ document: { id: string } }>(app, 'documents.create', {
    caseId: kase.id,
    kind: 'follow_up_plan',
    content: completePlan(),
  });
  await call(app, 'documents.finalise', { id: plan.document.id });
  return identity.certificate.fingerprint;
}

test('unit A hands a case to unit B: transfer, handover package, verify, preview, import', async ({
  page,
  app,
  dirs,
  fileDialogs,
  browser,
  pageErrors,
}) => {
  test.setTimeout(240_000);
  const fingerprint = await seedUnitA(app);
  const saved = join(dirs.root, 'minnepinne', 'overforing.asice');
  mkdirSync(join(dirs.root, 'minnepinne'));
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });

  await test.step('A records the transfer on the case', async () => {
    await navTo(page, 'common.nav.cases');
    await page.getByTestId('case-row').filter({ hasText: PERSON }).click();
    const panel = page.getByTestId('transfer-panel');
    await expect(panel).toBeVisible({ timeout: 20_000 });
    await panel.getByLabel(nb('handover.form.receivingUnit'), { exact: true }).fill('Nordby fengsel');
    await panel.getByLabel(nb('handover.form.plannedDate'), { exact: true }).fill(inAWeek());
    await panel.getByLabel(nb('handover.form.receivingContact'), { exact: true }).fill('Kari Mottaker');
    await panel.getByTestId('transfer-save').click();
    await expect(panel.getByTestId('transfer-status')).toContainText(nb('handover.form.saved'));
    await expect(panel.getByText(nb('handover.due.kind.no_transfer_package'))).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('A creates the handover package through the save dialog', async () => {
    await page.getByTestId('handover-open').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('handover-candidate')).toHaveCount(1);
    await dialog.getByTestId('handover-include').check();
    await dialog.getByLabel(nb('handover.create.reason')).fill('Gjeldende plan; tiltakene videreføres');
    await expectNoAxeViolations(page);
    fileDialogs.saveAs(saved);
    await dialog.getByTestId('handover-submit').click();
    await expect(dialog.getByTestId('handover-outcome')).toContainText('overforing.asice', { timeout: 30_000 });
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(fileDialogs.saveRequests.at(-1)?.suggestedName).toMatch(/^handover-\d{4}-\d{2}-\d{2}\.asice$/);
    await dialog.getByTestId('handover-close').click();
    await expect(page.getByTestId('handover-sent')).toBeVisible();
  });

  await test.step('B, trusting A, verifies, previews and imports the package', async () => {
    const second = await openSecondApp(browser);
    try {
      await call(second.app, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
      await call(second.app, 'signing.trust', { label: 'Fiktivby fengsel', fingerprint });
      await second.page.reload();
      await expect(screen(second.page, 'home')).toBeVisible({ timeout: 20_000 });
      await navTo(second.page, 'common.nav.verify');
      second.fileDialogs.open(saved);
      await second.page
        .getByTestId('verify-drop')
        .getByRole('button', { name: nb('exchange.verify.choose') })
        .click();
      await expect(second.page.getByTestId('verify-report')).toHaveAttribute('data-status', 'valid', {
        timeout: 30_000,
      });
      const panel = second.page.getByTestId('handover-import');
      await panel.getByTestId('handover-preview-submit').click();
      await expect(panel.getByTestId('handover-preview')).toContainText(REFERENCE);
      await expect(panel.getByTestId('handover-preview')).toContainText('Gjeldende plan; tiltakene videreføres');
      await expectNoAxeViolations(second.page);
      await panel.getByTestId('handover-import-submit').click();
      await expect(panel.getByTestId('handover-imported')).toBeVisible({ timeout: 30_000 });
      await expectNoAxeViolations(second.page);
      await panel.getByTestId('handover-open-case').click();
      await expect(second.page.getByTestId('handover-received')).toContainText('Fiktivby fengsel');
      expect(second.bridge.blocked).toEqual([]);
    } finally {
      await second.close();
    }
  });

  expect(pageErrors).toEqual([]);
});
