import { completePlan } from '../support/document-fixtures';
import { expect, expectNoAxeViolations, PASSPHRASE, test } from './fixtures';
import { call, FAST_KDF, nb, openFirstDocument, seedCase } from './support/flow';

/**
 * Taking "Unntatt offentlighet" off a document is a downgrade: the editor asks why before it saves, the
 * reason goes with the version and the audit log records a downgrade. Fictional people only.
 */
test.use({ kdfCost: FAST_KDF });

const PERSON = 'Åse Fiktiv Åpenhet';
const BASIS = 'offl. § 13, jf. fvl. § 13';

test('clearing "Unntatt offentlighet" asks for a reason, and the save logs a downgrade', async ({
  page,
  app,
  pageErrors,
}) => {
  await call(app, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  const kase = await seedCase(app, {
    name: PERSON,
    caseReference: 'KOMPIS-E2E-UO-1',
  });
  const plan = await call<{ document: { id: string } }>(app, 'documents.create', {
    caseId: kase.id,
    kind: 'follow_up_plan',
    content: completePlan({ grading: { level: 'BEGRENSET', exemptionBasis: BASIS } }),
  });
  await openFirstDocument(page, PERSON, 'follow_up_plan');

  const panel = page.getByTestId('grading-panel');
  const basis = panel.getByLabel(nb('domain.grading.exemptionBasis'));
  await expect(basis).toHaveValue(BASIS);
  await expect(panel.getByTestId('exemption-removed-reason')).toHaveCount(0);
  await basis.fill('');
  const reason = panel.getByLabel(nb('editors.grading.exemptionRemovedReason'));
  await expect(reason).toBeVisible();
  await expectNoAxeViolations(page);
  // Saved without a reason: refused, and the version stays the one it was.
  await page.getByTestId('document-save').click();
  await expect(page.getByText(nb('error.downgrade_reason_required')).first()).toBeVisible();
  const unchanged = await call<{ document: { currentVersion: number } }>(app, 'documents.get', {
    id: plan.document.id,
  });
  expect(unchanged.document.currentVersion).toBe(1);

  await reason.fill('Innsyn gitt etter klage');
  // Raising the level meanwhile keeps the reason the removed exemption still needs.
  await panel.getByRole('combobox', { name: nb('domain.grading.level'), exact: true }).selectOption('KONFIDENSIELT');
  await expect(reason).toHaveValue('Innsyn gitt etter klage');
  await page.getByTestId('document-save').click();
  await expect
    .poll(
      async () =>
        (await call<{ document: { currentVersion: number } }>(app, 'documents.get', { id: plan.document.id })).document
          .currentVersion,
    )
    .toBe(2);
  const saved = await call<{ version: { note: string | null } }>(app, 'documents.get', { id: plan.document.id });
  expect(saved.version.note).toBe('Innsyn gitt etter klage');
  const audit = await call<{ entries: { action: string }[] }>(app, 'audit.list', { objectId: plan.document.id });
  expect(audit.entries.map((entry) => entry.action)).toEqual(['downgrade', 'update', 'create']);
  expect(pageErrors).toEqual([]);
});
