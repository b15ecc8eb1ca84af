import type { BroApp } from '../../main/services/registry';
import { offeredNoCourse } from '../../shared/rules/test-fixtures';
import { completePlan } from '../support/document-fixtures';
import { expect, expectNoAxeViolations, PASSPHRASE, test } from './fixtures';
import { call, FAST_KDF, navTo, nb, screen, shot, seedCase } from './support/flow';

/**
 * Purge from the case view (issue 14): offered for a closed case only; the dialog names what goes
 * with the service's counts and wants the case reference typed again; a wrong reference is refused in
 * the user's language with nothing changed; the right one purges and returns to the list with a notice.
 */
test.use({ kdfCost: FAST_KDF });

const CLOSED = 'Avsluttet Fiktivsen';
const OPEN = 'Pågående Fiktivsen';
const REFERENCE = 'KOMPIS-7001';

async function prepare(app: BroApp): Promise<string> {
  await call(app, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  const closed = await seedCase(app, {
    name: CLOSED,
    caseReference: REFERENCE,
    status: 'loslatt',
    expectedReleaseDate: '2019-05-02',
  });
  const plan = await call<{ document: { id: string } }>(app, 'documents.create', {
    caseId: closed.id,
    kind: 'follow_up_plan',
    content: completePlan(),
  });
  await call(app, 'documents.save', { id: plan.document.id, content: completePlan({ cooperation: 'Endret' }) });
  await seedCase(app, {
    name: OPEN,
    caseReference: 'KOMPIS-7002',
  });
  return closed.id;
}

test('purge: counts named, reference typed, a wrong one refused, the right one purges and returns to the list', async ({
  page,
  app,
  pageErrors,
}) => {
  test.setTimeout(180_000);
  const caseId = await prepare(app);
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });

  await test.step('a case that is not closed offers no purge', async () => {
    await navTo(page, 'common.nav.cases');
    await page.getByTestId('case-row').filter({ hasText: OPEN }).click();
    await expect(page.getByRole('button', { name: nb('innsyn.open') })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('purge-open')).toHaveCount(0);
  });

  const dialog = page.getByRole('dialog');
  await test.step('the dialog names what goes', async () => {
    await navTo(page, 'common.nav.cases');
    await page.getByTestId('case-row').filter({ hasText: CLOSED }).click();
    await page.getByTestId('purge-open').click();
    await expect(
      dialog.getByRole('heading', { name: nb('purge.dialog.title', { reference: REFERENCE }) }),
    ).toBeVisible();
    const counts = dialog.getByTestId('purge-counts');
    await expect(counts).toContainText(nb('purge.dialog.documents', { documents: 1, versions: 2 }));
    await expect(counts).toContainText(nb('purge.dialog.mentor', { count: 0 }));
    await expect(counts).toContainText(nb('purge.dialog.exports', { count: 0 }));
    await expect(dialog.getByLabel(nb('purge.dialog.reason'))).toHaveValue('retention_expired');
    await expectNoAxeViolations(page);
  });

  await test.step('a wrong reference is refused and nothing changes', async () => {
    await dialog.getByLabel(nb('purge.dialog.typeReference', { reference: REFERENCE })).fill('KOMPIS-7002');
    await dialog.getByTestId('purge-confirm').click();
    await expect(dialog).toContainText(nb('purge.error.confirmMismatch'));
    expect((await app.router.invoke('cases.get', { id: caseId })).ok).toBe(true);
    await expectNoAxeViolations(page);
  });

  await test.step('the right reference purges and the list confirms it', async () => {
    await dialog.getByLabel(nb('purge.dialog.typeReference', { reference: REFERENCE })).fill(REFERENCE);
    await dialog.getByTestId('purge-confirm').click();
    await expect(screen(page, 'cases')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('purged-notice')).toContainText(nb('purge.dialog.done', { reference: REFERENCE }));
    await expect(page.getByTestId('case-row').filter({ hasText: CLOSED })).toHaveCount(0);
    await expect(page.getByTestId('case-row').filter({ hasText: OPEN })).toHaveCount(1);
    const gone = await app.router.invoke('cases.get', { id: caseId });
    expect(gone.ok ? 'found' : gone.error.code).toBe('not_found');
    await expectNoAxeViolations(page);
  });

  expect(pageErrors).toEqual([]);
});

test('a deleted case: its retention on the home screen opens the deleted cases, where it is purged for good', async ({
  page,
  app,
  pageErrors,
}) => {
  test.setTimeout(180_000);
  const caseId = await prepare(app);
  // Released in 2019 and deleted today: its retention still counts from the release, and has run out.
  await call(app, 'cases.delete', { id: caseId, reason: 'Ryddet etter overføring' });
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });

  await test.step('the home screen lists it as a deleted case, and it opens the deleted cases', async () => {
    const item = page.locator('[data-testid="due-item"][data-kind="retention_expired_deleted"]');
    await expect(item).toHaveCount(1, { timeout: 20_000 });
    await expect(item).toContainText(nb('retention.due.kind.retention_expired_deleted'));
    await item.getByRole('button').first().click();
    await expect(screen(page, 'deletedCases')).toBeVisible({ timeout: 20_000 });
    const row = page.getByTestId('deleted-case');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(REFERENCE);
    await expect(row).toContainText('Ryddet etter overføring');
    await expect(row.getByTestId('deleted-case-retention')).toHaveAttribute('data-due', 'yes');
    await expectNoAxeViolations(page);
    await shot(page, 'deleted-cases');
  });

  await test.step('purged from there: the notice names it, the list is empty, and the case is gone', async () => {
    await page.getByTestId('deleted-case-purge').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel(nb('purge.dialog.reason'))).toHaveValue('retention_expired');
    await expect(dialog.getByTestId('purge-counts')).toContainText(
      nb('purge.dialog.documents', { documents: 1, versions: 2 }),
    );
    await dialog.getByLabel(nb('purge.dialog.typeReference', { reference: REFERENCE })).fill(REFERENCE);
    await dialog.getByTestId('purge-confirm').click();
    await expect(page.getByTestId('purged-notice')).toContainText(nb('purge.dialog.done', { reference: REFERENCE }));
    await expect(page.getByTestId('deleted-cases-empty')).toBeVisible();
    const gone = await app.router.invoke('cases.purgePreview', { caseId });
    expect(gone.ok ? 'found' : gone.error.code).toBe('not_found');
    await expectNoAxeViolations(page);
  });

  await test.step('the case list leads to the deleted cases too', async () => {
    await navTo(page, 'common.nav.cases');
    await page.getByTestId('deleted-cases-open').click();
    await expect(screen(page, 'deletedCases')).toBeVisible();
    await expect(page.getByTestId('deleted-cases-empty')).toBeVisible();
  });

  expect(pageErrors).toEqual([]);
});

test('purge waits for the mentor compartment: the service refuses in the user language and nothing changes', async ({
  page,
  app,
  pageErrors,
}) => {
  test.setTimeout(180_000);
  const caseId = await prepare(app);
  const course = await call<{ document: { id: string } }>(app, 'documents.create', {
    caseId,
    kind: 'mentor_course',
    content: offeredNoCourse({ grading: { level: 'BEGRENSET' } }),
  });
  await call(app, 'compartment.create', { passphrase: 'Mentorordningens eget lange passord' });
  await call(app, 'conversations.save', {
    courseId: course.document.id,
    mentorId: '3f2b1c4e-8a7d-4e2f-9b1a-0c6d5e4f3a21',
    place: 'Fiktivby fengsel, besøksrom 2',
    date: '2026-03-01',
    durationMinutes: 60,
    notes: 'Samtale om skolegang',
    grading: { level: 'BEGRENSET' },
  });
  await call(app, 'compartment.lock', {});
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });
  await navTo(page, 'common.nav.cases');
  await page.getByTestId('case-row').filter({ hasText: CLOSED }).click();
  await page.getByTestId('purge-open').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('purge-counts')).toContainText(nb('purge.dialog.mentorWaits'));
  await dialog.getByLabel(nb('purge.dialog.typeReference', { reference: REFERENCE })).fill(REFERENCE);
  await dialog.getByTestId('purge-confirm').click();
  await expect(dialog).toContainText(nb('purge.error.compartmentLocked'));
  expect((await app.router.invoke('cases.get', { id: caseId })).ok).toBe(true);
  await expectNoAxeViolations(page);
  expect(pageErrors).toEqual([]);
});
