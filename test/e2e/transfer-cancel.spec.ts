import { expect, expectNoAxeViolations, PASSPHRASE, test } from './fixtures';
import { call, FAST_KDF, inAWeek, nb, openCase, seedCase } from './support/flow';

/**
 * A transfer that will not take place is called off on the case (NO pkt 8): the panel asks first,
 * then the transfer and what fell due for it are gone and the form is empty. axe on the question.
 */
test.use({ kdfCost: FAST_KDF });

const PERSON = 'Siv Fiktiv Blirværende';

test('a transfer recorded on a case is called off after a question, its due items with it', async ({
  page,
  app,
  pageErrors,
}) => {
  await call(app, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  await seedCase(app, {
    name: PERSON,
    caseReference: 'KOMPIS-E2E-TRF-1',
  });
  await openCase(page, PERSON);
  const panel = page.getByTestId('transfer-panel');
  await expect(panel).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByTestId('transfer-cancel')).toBeDisabled();
  await panel.getByLabel(nb('handover.form.receivingUnit'), { exact: true }).fill('Nordby fengsel');
  await panel.getByLabel(nb('handover.form.plannedDate'), { exact: true }).fill(inAWeek());
  await panel.getByTestId('transfer-save').click();
  await expect(panel.getByText(nb('handover.due.kind.no_transfer_package'))).toBeVisible();

  await panel.getByTestId('transfer-cancel').click();
  const question = page.getByRole('dialog');
  await expect(question).toContainText(nb('handover.cancel.body'));
  await expectNoAxeViolations(page);
  // Cancel first: nothing happens.
  await question.getByRole('button', { name: nb('common.cancel') }).click();
  await expect(panel.getByText(nb('handover.due.kind.no_transfer_package'))).toBeVisible();

  await panel.getByTestId('transfer-cancel').click();
  await page.getByTestId('transfer-cancel-confirm').click();
  await expect(panel.getByTestId('transfer-status')).toContainText(nb('handover.cancel.done'));
  await expect(panel.getByText(nb('handover.panel.none'))).toBeVisible();
  await expect(panel.getByText(nb('handover.due.none'))).toBeVisible();
  await expect(panel.getByLabel(nb('handover.form.receivingUnit'), { exact: true })).toHaveValue('');
  await expect(panel.getByTestId('transfer-cancel')).toBeDisabled();
  expect(pageErrors).toEqual([]);
});
