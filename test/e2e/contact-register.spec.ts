import { ContactViewSchema } from '../../shared/ipc/records';
import { FICTIONAL_CONTACT } from '../support/fictional-contact';
import { INDEX_URL } from '../../main/browser-shell/bridge';
import { expect, expectNoAxeViolations, PASSPHRASE, test } from './fixtures';
import { FAST_KDF, navTo, nb, screen, shot } from './support/flow';

test.use({ kdfCost: FAST_KDF });

/** NO pkt 2: the register goes to KDI on every change; Bro says when KDI's copy is out of date. */
test('the contact register shows it has not reached KDI, is recorded as sent, and is due again after a change', async ({
  page,
  app,
}) => {
  await app.session.create('NO', PASSPHRASE);
  const contact = FICTIONAL_CONTACT;
  const saved = await app.router.invoke('contacts.save', { entry: contact });
  if (!saved.ok) throw new Error(`contacts.save: ${saved.error.messageKey}`);
  const { id } = ContactViewSchema.parse(saved.value);
  await page.goto(INDEX_URL);

  const notice = page.getByTestId('home-register-notice');
  await expect(notice).toContainText(nb('mentors.contacts.sent.never_sent.title'));
  await notice.getByRole('button', { name: nb('home.register.open') }).click();
  await expect(screen(page, 'contacts')).toBeVisible();
  const status = page.getByTestId('contacts-register-status');
  await expect(status).toHaveAttribute('data-state', 'never_sent');
  await expect(status).toContainText('NO pkt 2');

  await status.getByTestId('contacts-record-sent').click();
  const dialog = page.getByRole('dialog', { name: nb('mentors.contacts.sent.dialogTitle') });
  await expect(dialog.getByLabel(nb('mentors.contacts.sent.date'), { exact: true })).not.toHaveValue('');
  await expectNoAxeViolations(page);
  await shot(page, 'contacts-record-sent-dialog');
  await dialog.getByTestId('contacts-record-sent-submit').click();
  await expect(status).toHaveAttribute('data-state', 'sent');
  await expect(status).toContainText(nb('mentors.contacts.sent.sent.title'));
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shot(page, 'contacts-register-sent');

  await navTo(page, 'common.nav.home');
  await expect(screen(page, 'home')).toBeVisible();
  await expect(page.getByTestId('home-count-cases')).not.toContainText('–');
  await expect(page.getByTestId('home-register-notice')).toHaveCount(0);

  // A change after the sending makes KDI's copy out of date again.
  await app.router.invoke('contacts.save', {
    id,
    entry: { ...contact, phone: '+47 11 11 11 11' },
    expectedVersion: 1,
  });
  await navTo(page, 'common.nav.contacts');
  await expect(page.getByTestId('contacts-register-status')).toHaveAttribute('data-state', 'changed');
});

/** A deleted entry stays in the file: it is listed under the register and purged for good from there. */
test('a deleted register entry is listed with its reason and purged for good', async ({ page, app, pageErrors }) => {
  await app.session.create('NO', PASSPHRASE);
  const saved = await app.router.invoke('contacts.save', {
    entry: { ...FICTIONAL_CONTACT, name: 'Qworbel Fiktivsen' },
  });
  if (!saved.ok) throw new Error(`contacts.save: ${saved.error.messageKey}`);
  const { id } = ContactViewSchema.parse(saved.value);
  const deleted = await app.router.invoke('contacts.delete', { id, reason: 'Sluttet i stillingen' });
  if (!deleted.ok) throw new Error(`contacts.delete: ${deleted.error.messageKey}`);
  await page.goto(INDEX_URL);
  await navTo(page, 'common.nav.contacts');
  await expect(screen(page, 'contacts')).toBeVisible();

  const section = page.getByTestId('deleted-contact_entry');
  await expect(section.getByRole('heading', { name: nb('records.deleted.title.contact_entry') })).toBeVisible();
  await expect(section.getByTestId('deleted-record')).toContainText('Sluttet i stillingen');
  await expectNoAxeViolations(page);
  await shot(page, 'contacts-deleted-records');

  await section.getByRole('button', { name: nb('records.deleted.purgeNamed', { name: 'Qworbel Fiktivsen' }) }).click();
  const dialog = page.getByRole('dialog', { name: nb('records.deleted.confirmTitle', { name: 'Qworbel Fiktivsen' }) });
  await expect(dialog).toContainText(nb('records.deleted.confirmBody'));
  await dialog.getByTestId('record-purge-confirm').click();
  await expect(page.getByTestId('record-purged-notice')).toContainText(
    nb('records.deleted.done', { name: 'Qworbel Fiktivsen' }),
  );
  await expect(section).toHaveCount(0);
  const left = await app.router.invoke('records.deleted', { kind: 'contact_entry' });
  expect(left.ok && left.value).toEqual({ records: [] });
  expect(pageErrors).toEqual([]);
});
